// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object seen through Tailor's field names. Keys match exactly (after the mapping); list fields accept
 * a JSON array or a delimited string; {@code attributes} must be an object. Not thread-safe.
 */
final class JsonRow implements FieldSource {
    private final RecordKind kind;
    private final ColumnMapping mapping;
    private final Set<String> knownKeys;
    private JsonNode node;

    JsonRow(RecordKind kind, ColumnMapping mapping) {
        this.kind = kind;
        this.mapping = mapping;
        Set<String> keys = new HashSet<>(mapping.targetToSource().values());
        for (String f : kind.requiredFields()) {
            keys.add(mapping.sourceOf(f));
        }
        for (String f : kind.optionalFields()) {
            keys.add(mapping.sourceOf(f));
        }
        this.knownKeys = Set.copyOf(keys);
    }

    void setNode(JsonNode object) {
        node = object;
    }

    /** Keys of the current object that no field reads, added to {@code out}. */
    void collectUnknownKeys(Set<String> out) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!knownKeys.contains(k) && kind.prefixOf(k).isEmpty()) {
                out.add(k);
            }
        }
    }

    @Override
    public String text(String field) {
        return Json.text(node.get(mapping.sourceOf(field)));
    }

    @Override
    public List<String> list(String field, String separator) {
        JsonNode v = node.get(mapping.sourceOf(field));
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            for (JsonNode e : v) {
                String t = Json.text(e);
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
            return out;
        }
        String t = Json.text(v);
        if (!t.isEmpty()) {
            for (String part : t.split(separator)) {
                String p = part.strip();
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    @Override
    public Map<String, String> prefixed(String prefix, String objectField) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!objectField.isEmpty()) {
            JsonNode obj = node.get(mapping.sourceOf(objectField));
            if (obj != null && !obj.isNull()) {
                out.putAll(Json.object(mapping.sourceOf(objectField), obj));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String k = e.getKey();
            if (k.length() > prefix.length() && k.startsWith(prefix) && kind.prefixOf(k).isPresent()) {
                putText(out, k.substring(prefix.length()), e.getValue());
            }
        }
        for (Map.Entry<String, String> m : mapping.targetToSource().entrySet()) {
            if (m.getKey().startsWith(prefix) && kind.prefixOf(m.getKey()).isPresent()) {
                putText(out, m.getKey().substring(prefix.length()), node.get(m.getValue()));
            }
        }
        return out;
    }

    private static void putText(Map<String, String> out, String key, JsonNode value) {
        String t = Json.text(value);
        if (!t.isEmpty()) {
            out.put(key, t);
        }
    }

    @Override
    public String column(String field) {
        return mapping.sourceOf(field);
    }
}
