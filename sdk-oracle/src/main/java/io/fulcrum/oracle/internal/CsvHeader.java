package io.fulcrum.oracle.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The column names of a CSV file and where each one is, to find columns by name. */
public final class CsvHeader {
    private final List<String> names;
    private final Map<String, Integer> indexByName = new HashMap<>();

    /**
     * @throws IllegalArgumentException if a name is blank or repeated
     */
    public CsvHeader(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < this.names.size(); i++) {
            String name = this.names.get(i);
            if (name.isBlank()) {
                throw new IllegalArgumentException("column " + (i + 1) + " has no name in " + this.names);
            }
            if (indexByName.putIfAbsent(name, i) != null) {
                throw new IllegalArgumentException("column \"" + name + "\" appears twice in " + this.names);
            }
        }
    }

    /** The names, in file order. */
    public List<String> names() {
        return names;
    }

    /** How many columns a row must have. */
    public int width() {
        return names.size();
    }

    /** Whether there is a column called {@code name}. */
    public boolean has(String name) {
        return indexByName.containsKey(name);
    }

    /**
     * Where column {@code name} is, counting from 0.
     *
     * @throws IllegalArgumentException naming the columns there are, if there is no such column
     */
    public int indexOf(String name) {
        Integer index = indexByName.get(name);
        if (index == null) {
            throw new IllegalArgumentException("no column \"" + name + "\" among " + names);
        }
        return index;
    }
}
