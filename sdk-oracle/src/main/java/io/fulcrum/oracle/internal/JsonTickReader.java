package io.fulcrum.oracle.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the project's own price JSON: an array of objects {@code {"time_ms": …, "feed": …,
 * "price": …, "confidence": …}} (documented on {@code RecordedPrices}). Numbers are read as
 * {@link BigDecimal}, never as doubles, so {@code 101516.5} and {@code "101516.5"} give the same
 * exact price. Objects are read one at a time, so errors can name the line an object starts on.
 */
public final class JsonTickReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonTickReader() {
    }

    /** The ticks of {@code file}, in file order, with prices at {@code priceDecimals} decimals. */
    public static <T> List<T> read(Path file, int priceDecimals, TickFactory<T> factory) {
        List<T> ticks = new ArrayList<>();
        try (BufferedReader in = RecordedInput.open(file); JsonParser parser = MAPPER.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException(file + ":" + parser.currentTokenLocation().getLineNr()
                        + ": expected an array of price objects");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                String where = file + ":" + parser.currentTokenLocation().getLineNr() + ": element " + ticks.size();
                if (token != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException(where + ": expected an object, found " + token);
                }
                JsonNode object = MAPPER.readTree(parser);
                try {
                    ticks.add(tick(object, priceDecimals, factory));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        return List.copyOf(ticks);
    }

    private static <T> T tick(JsonNode object, int priceDecimals, TickFactory<T> factory) {
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String name = property.getKey();
            if (!name.equals(CsvTickReader.TIME) && !name.equals(CsvTickReader.FEED)
                    && !name.equals(CsvTickReader.PRICE) && !name.equals(CsvTickReader.CONFIDENCE)) {
                throw new IllegalArgumentException("unknown field \"" + name + "\"; the fields are "
                        + CsvTickReader.TIME + ", " + CsvTickReader.FEED + ", " + CsvTickReader.PRICE
                        + " and optionally " + CsvTickReader.CONFIDENCE);
            }
        }
        JsonNode confidence = object.get(CsvTickReader.CONFIDENCE);
        return factory.tick(time(required(object, CsvTickReader.TIME)),
                feed(required(object, CsvTickReader.FEED)),
                units(CsvTickReader.PRICE, required(object, CsvTickReader.PRICE), priceDecimals),
                confidence == null || confidence.isNull() ? 0 : units(CsvTickReader.CONFIDENCE, confidence, priceDecimals));
    }

    private static JsonNode required(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return value;
    }

    private static long time(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.textValue().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(
                "\"" + CsvTickReader.TIME + "\" is not a whole number of milliseconds: " + value);
    }

    private static String feed(JsonNode value) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"" + CsvTickReader.FEED + "\" is not a string: " + value);
        }
        return value.textValue();
    }

    /** A price or confidence given as a JSON number or a decimal string, in exact price units. */
    private static long units(String field, JsonNode value, int priceDecimals) {
        try {
            if (value.isNumber()) {
                return RecordedDecimal.toUnits(value.decimalValue(), priceDecimals, RoundingMode.UNNECESSARY);
            }
            if (value.isTextual()) {
                return RecordedDecimal.toUnits(value.textValue(), priceDecimals, RoundingMode.UNNECESSARY);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + field + "\": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("\"" + field + "\" is neither a number nor a decimal string: " + value);
    }
}
