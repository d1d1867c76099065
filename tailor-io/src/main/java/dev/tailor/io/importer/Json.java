// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.io.importer.text.MalformedTextException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Jackson, configured once for import: duplicate keys are errors, decimals stay exact. */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {
    }

    /**
     * Parses one JSON document.
     *
     * @throws MalformedTextException (kind JSON) with Jackson's reason and column, without its source dump
     */
    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            throw new MalformedTextException(MalformedTextException.Kind.JSON,
                    Problem.of("", "invalid JSON" + where + ": " + e.getOriginalMessage()));
        }
    }

    /** A scalar as text ("" for null); arrays and objects as their JSON text. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isBigDecimal()) {
            return node.decimalValue().toPlainString();
        }
        return node.isValueNode() ? node.asText().strip() : node.toString();
    }

    /**
     * A JSON object's entries as strings (nested values as JSON text).
     *
     * @throws ValidationException naming {@code field} when {@code node} is not an object
     */
    static Map<String, String> object(String field, JsonNode node) {
        if (!node.isObject()) {
            throw ValidationException.of(field, "expected a JSON object of name to value, e.g. "
                    + "{\"colour\":\"red\"}, was " + abbreviate(node.toString()));
        }
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), text(e.getValue())));
        return out;
    }

    /** Parses a JSON object held in a text column (CSV's "attributes"). */
    static Map<String, String> objectText(String field, String text) {
        JsonNode node;
        try {
            node = parse(text);
        } catch (MalformedTextException e) {
            throw ValidationException.of(field, e.problem().reason());
        }
        return object(field, node);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
