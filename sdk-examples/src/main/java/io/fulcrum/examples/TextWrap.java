package io.fulcrum.examples;

import java.util.ArrayList;
import java.util.List;

/** Breaks a paragraph of the examples' reports into lines at spaces. */
final class TextWrap {
    private TextWrap() {}

    /** {@code text} in lines of at most {@code width} characters (a longer word gets a line of its own). */
    static List<String> lines(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
