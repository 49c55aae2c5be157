package io.fulcrum.venue.internal;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import io.fulcrum.api.Command;
import java.io.UncheckedIOException;

/**
 * Jackson's view of Fulcrum's values: commands are tagged with their record name
 * ({@code "type":"Deposit"}), everything else is plain records. Kept here so that sdk-api stays
 * free of Jackson and users on either Jackson major are not blocked.
 */
public final class Json {
    /** One journal line: a command and its position in the command sequence. */
    public record JournalLine(long sequence, Command command) {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    private abstract static class CommandMixin {}

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addMixIn(Command.class, CommandMixin.class)
            // Records are written by their components; helpers such as OrderOptions.isIceberg() are not data.
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static {
        for (Class<?> type : Command.class.getPermittedSubclasses()) {
            MAPPER.registerSubtypes(new NamedType(type, type.getSimpleName()));
        }
    }

    private Json() {}

    /** One line of JSON for a journal entry. */
    public static String journalLine(long sequence, Command command) {
        return write(new JournalLine(sequence, command));
    }

    /** Parses a line written by {@link #journalLine}. */
    public static JournalLine parseJournalLine(String line) {
        return read(line, JournalLine.class);
    }

    /** JSON for a snapshot. */
    public static String snapshot(SnapshotData data) {
        return write(data);
    }

    /** Parses JSON written by {@link #snapshot}. */
    public static SnapshotData parseSnapshot(String json) {
        return read(json, SnapshotData.class);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
