// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailor.core.error.TailorException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON text columns: string lists and string maps. */
final class Json {
    // Configured once here and never changed, so sharing it is safe (ObjectMapper is thread-safe after set-up).
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };
    private static final String EMPTY_LIST = "[]";
    private static final String EMPTY_MAP = "{}";

    private Json() {
    }

    static String list(List<String> values) {
        return values.isEmpty() ? EMPTY_LIST : write(values);
    }

    /** Keys sorted, so the same map always gives the same text (Map.copyOf iterates in no fixed order). */
    static String map(Map<String, String> values) {
        return values.isEmpty() ? EMPTY_MAP : write(new TreeMap<>(values));
    }

    static List<String> readList(String text, String column) {
        return text == null || text.equals(EMPTY_LIST) ? List.of() : read(text, LIST, column);
    }

    static Map<String, String> readMap(String text, String column) {
        return text == null || text.equals(EMPTY_MAP) ? Map.of() : read(text, MAP, column);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new TailorException("cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type, String column) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new TailorException("corrupt JSON in store column '" + column + "': " + e.getOriginalMessage(), e);
        }
    }
}
