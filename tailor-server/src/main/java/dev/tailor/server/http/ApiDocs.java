// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailor.core.error.TailorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI description (a maintained resource, {@code openapi.json} next to this class) and a self-contained
 * HTML page rendered from it: endpoints by tag with parameters, bodies and answers, then the problem types that
 * error responses link to. No scripts, no CDN. Route extensions add their own operations (see
 * {@link RouteExtension#openApi()}), so both describe every route the server answers.
 */
final class ApiDocs {
    static final String RESOURCE = "openapi.json";

    private final byte[] spec;
    private final byte[] html;

    private ApiDocs(byte[] spec, byte[] html) {
        this.spec = spec;
        this.html = html;
    }

    /** The server's own description, without extensions. */
    static ApiDocs load() {
        return load(List.of());
    }

    /**
     * The server's description with each extension's fragment (see {@link RouteExtension#openApi()}) merged in.
     *
     * @throws TailorException when the resource is missing or a fragment collides with what is already described
     */
    static ApiDocs load(List<JsonNode> fragments) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new TailorException("the OpenAPI description " + RESOURCE + " is missing from the classpath");
            }
            byte[] bytes = in.readAllBytes();
            ObjectNode root = (ObjectNode) Json.MAPPER.readTree(bytes);
            for (JsonNode fragment : fragments) {
                merge(root, fragment);
            }
            if (!fragments.isEmpty()) {
                bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
            }
            return new ApiDocs(bytes, render(root).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TailorException("cannot read the OpenAPI description: " + e.getMessage(), e);
        }
    }

    /**
     * Adds a fragment's tags, operations, schemas and problem types to {@code spec}. Collisions are errors, not
     * overrides: an extension that redescribed a server operation would publish a description of a route it does
     * not answer. Every added operation needs a known tag, because /docs lists operations by tag.
     */
    static void merge(ObjectNode spec, JsonNode fragment) {
        if (!fragment.isObject()) {
            throw new TailorException("an extension's OpenAPI description must be a JSON object, not "
                    + fragment.getNodeType());
        }
        ArrayNode tags = (ArrayNode) spec.path("tags");
        Set<String> tagNames = new HashSet<>();
        tags.forEach(t -> tagNames.add(t.path("name").asText()));
        for (JsonNode tag : fragment.path("tags")) {
            if (tagNames.add(tag.path("name").asText())) {
                tags.add(tag.deepCopy());
            }
        }
        ObjectNode paths = (ObjectNode) spec.path("paths");
        Iterator<Map.Entry<String, JsonNode>> ps = fragment.path("paths").fields();
        while (ps.hasNext()) {
            Map.Entry<String, JsonNode> p = ps.next();
            ObjectNode item = paths.withObjectProperty(p.getKey());
            Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> o = ops.next();
                String label = o.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey();
                if (item.has(o.getKey())) {
                    throw new TailorException("an extension describes " + label + ", which is already described");
                }
                boolean tagged = false;
                for (JsonNode t : o.getValue().path("tags")) {
                    tagged |= tagNames.contains(t.asText());
                }
                if (!tagged) {
                    throw new TailorException("an extension describes " + label + " without a known tag; expected "
                            + "one of " + new TreeSet<>(tagNames));
                }
                item.set(o.getKey(), o.getValue().deepCopy());
            }
        }
        addNew(spec.withObject("/components/schemas"), fragment.path("components").path("schemas"), "schema");
        addNew(spec.withObjectProperty("x-problem-types"), fragment.path("x-problem-types"), "problem type");
    }

    private static void addNew(ObjectNode into, JsonNode from, String what) {
        Iterator<Map.Entry<String, JsonNode>> it = from.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (into.has(e.getKey())) {
                throw new TailorException("an extension describes the " + what + " '" + e.getKey()
                        + "', which is already described");
            }
            into.set(e.getKey(), e.getValue().deepCopy());
        }
    }

    byte[] spec() {
        return spec;
    }

    byte[] html() {
        return html;
    }

    static String render(JsonNode spec) {
        StringBuilder h = new StringBuilder(64_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(spec.path("info").path("title").asText())).append("</title>\n<style>")
                .append("body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;"
                        + "color:#222}code,pre{font:13px ui-monospace,monospace;background:#f4f4f4}"
                        + "pre{padding:.6em;overflow:auto}h2{border-bottom:1px solid #ddd;margin-top:2em}"
                        + ".op{margin:1.2em 0;padding:.6em 1em;border-left:4px solid #5a8}"
                        + ".m{font-weight:bold;text-transform:uppercase;margin-right:.5em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 8px;"
                        + "text-align:left;vertical-align:top}")
                .append("</style></head><body>\n");
        h.append("<h1>").append(esc(spec.path("info").path("title").asText())).append("</h1>\n<p>")
                .append(esc(spec.path("info").path("description").asText()))
                .append("</p>\n<p>Machine-readable: <a href=\"/openapi.json\">/openapi.json</a>.</p>\n");
        for (JsonNode tag : spec.path("tags")) {
            String name = tag.path("name").asText();
            h.append("<h2 id=\"tag-").append(esc(name)).append("\">").append(esc(name)).append("</h2>\n<p>")
                    .append(esc(tag.path("description").asText())).append("</p>\n");
            Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> p = paths.next();
                Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields();
                while (ops.hasNext()) {
                    Map.Entry<String, JsonNode> o = ops.next();
                    if (hasTag(o.getValue(), name)) {
                        operation(h, p.getKey(), o.getKey(), o.getValue(), spec);
                    }
                }
            }
        }
        h.append("<h2 id=\"problems\">Problem types</h2>\n<p>Every error answer is an RFC 9457 problem "
                + "(<code>application/problem+json</code>) whose <code>type</code> links here.</p>\n<dl>\n");
        Iterator<Map.Entry<String, JsonNode>> types = spec.path("x-problem-types").fields();
        while (types.hasNext()) {
            Map.Entry<String, JsonNode> t = types.next();
            h.append("<dt id=\"").append(esc(t.getKey())).append("\"><code>").append(esc(t.getKey()))
                    .append("</code></dt><dd>").append(esc(t.getValue().asText())).append("</dd>\n");
        }
        h.append("</dl>\n</body></html>\n");
        return h.toString();
    }

    private static boolean hasTag(JsonNode op, String tag) {
        for (JsonNode t : op.path("tags")) {
            if (t.asText().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static void operation(StringBuilder h, String path, String method, JsonNode op, JsonNode spec) {
        h.append("<div class=\"op\" id=\"").append(esc(op.path("operationId").asText())).append("\"><p><span ")
                .append("class=\"m\">").append(esc(method)).append("</span><code>").append(esc(path))
                .append("</code> &mdash; ").append(esc(op.path("summary").asText())).append("</p>\n<p>")
                .append(esc(op.path("description").asText())).append("</p>\n");
        if (op.path("parameters").size() > 0) {
            h.append("<table><tr><th>parameter</th><th>in</th><th>description</th></tr>\n");
            for (JsonNode p : op.path("parameters")) {
                h.append("<tr><td><code>").append(esc(p.path("name").asText())).append("</code>")
                        .append(p.path("required").asBoolean() ? " (required)" : "").append("</td><td>")
                        .append(esc(p.path("in").asText())).append("</td><td>")
                        .append(esc(p.path("description").asText())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
        if (!body.isMissingNode()) {
            JsonNode schema = resolve(body, spec);
            h.append("<p>Body: <code>").append(esc(ref(body))).append("</code></p>\n");
            JsonNode example = schema.path("example");
            if (example.isMissingNode() && schema.path("properties").size() == 1) {
                JsonNode items = schema.path("properties").elements().next().path("items");
                JsonNode inner = resolve(items, spec).path("example");
                if (!inner.isMissingNode()) {
                    h.append("<pre>{\"").append(esc(schema.path("properties").fieldNames().next()))
                            .append("\": [").append(esc(inner.toString())).append(", ...]}</pre>\n");
                }
            } else if (!example.isMissingNode()) {
                h.append("<pre>").append(esc(example.toPrettyString())).append("</pre>\n");
            }
        }
        h.append("<p>Answers: ");
        Iterator<Map.Entry<String, JsonNode>> rs = op.path("responses").fields();
        boolean first = true;
        while (rs.hasNext()) {
            Map.Entry<String, JsonNode> r = rs.next();
            h.append(first ? "" : "; ").append("<b>").append(esc(r.getKey())).append("</b> ")
                    .append(esc(r.getValue().path("description").asText()));
            first = false;
        }
        h.append("</p></div>\n");
    }

    private static String ref(JsonNode schema) {
        String r = schema.path("$ref").asText();
        return r.isEmpty() ? "object" : r.substring(r.lastIndexOf('/') + 1);
    }

    private static JsonNode resolve(JsonNode schema, JsonNode spec) {
        String r = schema.path("$ref").asText();
        if (r.startsWith("#/components/schemas/")) {
            return spec.path("components").path("schemas").path(r.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
