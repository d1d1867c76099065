// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.server.pipeline.Rule;
import dev.tailor.server.pipeline.Scenes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The business rules in force, parsed from JSON (a file at start, the admin endpoint at run time) and validated
 * completely: every problem is reported with its path ({@code rules[2].factor}), and a rule set with any problem
 * is rejected whole. Immutable.
 *
 * <pre>
 * {"rules": [
 *   {"type": "exclude-purchased"},
 *   {"type": "exclude-unavailable"},
 *   {"type": "boost", "factor": 1.5, "when": {"brand": "Apple"}, "scenes": ["home"]},
 *   {"type": "bury", "factor": 0.5, "when": {"tag": "clearance"}},
 *   {"type": "pin", "item": "i000042", "position": 0, "reason": "Editor's pick"},
 *   {"type": "pin", "when": {"tag": "sponsored"}, "position": 2},
 *   {"type": "category-cap", "max": 3, "level": "leaf"}
 * ]}
 * </pre>
 */
public final class RuleSet {
    public static final List<String> TYPES = List.of("exclude-purchased", "exclude-unavailable", "boost", "bury",
            "pin", "category-cap");
    private static final Set<String> WHEN_KEYS = Set.of("category", "brand", "tag", "attributes", "min_price",
            "max_price");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Rule> rules;
    private final JsonNode source;

    private RuleSet(List<Rule> rules, JsonNode source) {
        this.rules = List.copyOf(rules);
        this.source = source.deepCopy();
    }

    /** Exclude purchased and unavailable items everywhere: what a shop wants when it configured nothing. */
    public static RuleSet defaults() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("rules");
        list.addObject().put("type", "exclude-purchased");
        list.addObject().put("type", "exclude-unavailable");
        return parse(root, "default rules");
    }

    public static RuleSet load(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw ValidationException.of("rules_file", "cannot read rules file " + file + ": " + e.getMessage());
        }
        return parse(root, file.toString());
    }

    /**
     * Parses and validates a rule document.
     *
     * @param source where it came from, for error messages
     * @throws ValidationException listing every problem, each with its JSON path as the field
     */
    public static RuleSet parse(JsonNode root, String source) {
        List<Problem> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new ValidationException(new Problem(source, 0, "", "expected a JSON object {\"rules\": [...]}"));
        }
        unknownKeys(root, Set.of("rules"), "", source, problems);
        JsonNode list = root.get("rules");
        if (list == null || !list.isArray()) {
            problems.add(new Problem(source, 0, "rules", "expected an array of rules"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                parseRule(list.get(i), "rules[" + i + "]", source, problems).ifPresent(rules::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new RuleSet(rules, root);
    }

    private static java.util.Optional<Rule> parseRule(JsonNode node, String path, String source,
            List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(new Problem(source, 0, path, "expected an object with a \"type\""));
            return java.util.Optional.empty();
        }
        int before = problems.size();
        String type = text(node, "type", path, source, problems);
        if (type == null) {
            return java.util.Optional.empty();
        }
        type = type.toLowerCase(Locale.ROOT);
        Set<String> scenes = scenes(node, path, source, problems);
        Rule rule = null;
        switch (type) {
            case "exclude-purchased" -> {
                unknownKeys(node, Set.of("type", "scenes"), path, source, problems);
                rule = new ExcludePurchasedRule(scenes);
            }
            case "exclude-unavailable" -> {
                unknownKeys(node, Set.of("type", "scenes"), path, source, problems);
                rule = new ExcludeUnavailableRule(scenes);
            }
            case "boost", "bury" -> {
                unknownKeys(node, Set.of("type", "scenes", "factor", "when"), path, source, problems);
                ItemMatcher when = matcher(node.get("when"), path + ".when", source, problems, true);
                double factor = number(node, "factor", path, source, problems);
                if (!Double.isNaN(factor)) {
                    if (type.equals("boost") && !(factor > 1 && factor <= 100)) {
                        problems.add(new Problem(source, 0, path + ".factor",
                                "a boost factor must be in (1, 100], was " + factor));
                    } else if (type.equals("bury") && !(factor >= 0 && factor < 1)) {
                        problems.add(new Problem(source, 0, path + ".factor",
                                "a bury factor must be in [0, 1), was " + factor));
                    }
                }
                if (when != null && problems.size() == before) {
                    rule = new ScoreRule(when, (float) factor, scenes);
                }
            }
            case "pin" -> {
                unknownKeys(node, Set.of("type", "scenes", "item", "when", "position", "reason"), path, source,
                        problems);
                String item = node.has("item") ? text(node, "item", path, source, problems) : null;
                ItemMatcher when = node.has("when") ? matcher(node.get("when"), path + ".when", source, problems,
                        true) : null;
                if ((item == null) == (when == null) && problems.size() == before) {
                    problems.add(new Problem(source, 0, path, "a pin needs exactly one of \"item\" or \"when\""));
                }
                double position = number(node, "position", path, source, problems);
                if (!Double.isNaN(position) && (position != Math.rint(position) || position < 0 || position > 99)) {
                    problems.add(new Problem(source, 0, path + ".position",
                            "expected a whole number 0..99, was " + position));
                }
                String reason = node.has("reason") ? text(node, "reason", path, source, problems) : "Featured";
                if (problems.size() == before) {
                    rule = new PinRule(item, when, (int) position, reason, scenes);
                }
            }
            case "category-cap" -> {
                unknownKeys(node, Set.of("type", "scenes", "max", "level"), path, source, problems);
                double max = number(node, "max", path, source, problems);
                if (!Double.isNaN(max) && (max != Math.rint(max) || max < 1 || max > 1000)) {
                    problems.add(new Problem(source, 0, path + ".max", "expected a whole number 1..1000, was "
                            + max));
                }
                String level = node.has("level") ? text(node, "level", path, source, problems) : "leaf";
                if (level != null && !level.equals("leaf") && !level.equals("root")) {
                    problems.add(new Problem(source, 0, path + ".level", "expected leaf or root, was '" + level
                            + "'"));
                }
                if (problems.size() == before) {
                    rule = new CategoryCapRule((int) max, "root".equals(level), scenes);
                }
            }
            default -> problems.add(new Problem(source, 0, path + ".type", "unknown rule type '" + type
                    + "'; expected one of " + String.join(", ", TYPES)));
        }
        return problems.size() == before ? java.util.Optional.ofNullable(rule) : java.util.Optional.empty();
    }

    private static Set<String> scenes(JsonNode node, String path, String source, List<Problem> problems) {
        JsonNode s = node.get("scenes");
        Set<String> out = new LinkedHashSet<>();
        if (s == null) {
            return out;
        }
        if (!s.isArray() || s.isEmpty()) {
            problems.add(new Problem(source, 0, path + ".scenes", "expected a non-empty array of scene names ("
                    + String.join(", ", Scenes.ALL) + ")"));
            return out;
        }
        for (int i = 0; i < s.size(); i++) {
            String name = s.get(i).isTextual() ? s.get(i).asText() : null;
            if (name == null || !Scenes.ALL.contains(name)) {
                problems.add(new Problem(source, 0, path + ".scenes[" + i + "]", "unknown scene " + s.get(i)
                        + "; expected one of " + String.join(", ", Scenes.ALL)));
            } else {
                out.add(name);
            }
        }
        return out;
    }

    private static ItemMatcher matcher(JsonNode node, String path, String source, List<Problem> problems,
            boolean required) {
        if (node == null) {
            if (required) {
                problems.add(new Problem(source, 0, path, "missing; expected conditions such as {\"brand\": \"Apple\"}"));
            }
            return null;
        }
        if (!node.isObject()) {
            problems.add(new Problem(source, 0, path, "expected an object of conditions ("
                    + String.join(", ", new java.util.TreeSet<>(WHEN_KEYS)) + ")"));
            return null;
        }
        int before = problems.size();
        unknownKeys(node, WHEN_KEYS, path, source, problems);
        String category = node.has("category") ? text(node, "category", path, source, problems) : null;
        String brand = node.has("brand") ? text(node, "brand", path, source, problems) : null;
        String tag = node.has("tag") ? text(node, "tag", path, source, problems) : null;
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode attrs = node.get("attributes");
        if (attrs != null) {
            if (!attrs.isObject()) {
                problems.add(new Problem(source, 0, path + ".attributes", "expected an object of name: value"));
            } else {
                Iterator<Map.Entry<String, JsonNode>> it = attrs.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                        problems.add(new Problem(source, 0, path + ".attributes." + e.getKey(),
                                "expected a non-empty string"));
                    } else {
                        attributes.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText());
                    }
                }
            }
        }
        double min = node.has("min_price") ? number(node, "min_price", path, source, problems) : Double.NaN;
        double max = node.has("max_price") ? number(node, "max_price", path, source, problems) : Double.NaN;
        if (problems.size() > before) {
            return null;
        }
        ItemMatcher m = new ItemMatcher(category, brand, tag, attributes, min, max);
        if (m.isEmpty()) {
            problems.add(new Problem(source, 0, path, "needs at least one condition ("
                    + String.join(", ", new java.util.TreeSet<>(WHEN_KEYS)) + ")"));
            return null;
        }
        return m;
    }

    private static String text(JsonNode node, String key, String path, String source, List<Problem> problems) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add(new Problem(source, 0, path + "." + key, v == null ? "missing" : "expected a non-empty "
                    + "string, was " + v));
            return null;
        }
        return v.asText().strip();
    }

    private static double number(JsonNode node, String key, String path, String source, List<Problem> problems) {
        JsonNode v = node.get(key);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            problems.add(new Problem(source, 0, path + "." + key, v == null ? "missing" : "expected a number, was "
                    + v));
            return Double.NaN;
        }
        return v.asDouble();
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String path, String source,
            List<Problem> problems) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                problems.add(new Problem(source, 0, path.isEmpty() ? n : path + "." + n, "unknown field; expected "
                        + String.join(", ", new java.util.TreeSet<>(allowed))));
            }
        }
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The document the rules were parsed from (a copy). */
    public JsonNode source() {
        return source.deepCopy();
    }

    /** One line per rule, in order. */
    public List<String> describe() {
        return rules.stream().map(Rule::describe).toList();
    }
}
