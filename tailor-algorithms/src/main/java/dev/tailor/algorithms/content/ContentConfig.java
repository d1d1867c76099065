// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.content;

import dev.tailor.algorithms.common.Checks;
import dev.tailor.algorithms.common.Events;
import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.common.ParamValues;
import dev.tailor.core.data.EventWeights;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of the content model. Spec examples: {@code content} (weights learned),
 * {@code content:weights=category:1;brand:0.5;price:0.3,terms=false} (fixed weights),
 * {@code content:attributes=year} (MovieLens' release year as an attribute).
 *
 * @param weights fixed weight per field name; empty to learn them by logistic regression
 * @param attributes catalog attribute keys used as fields, e.g. colour, size
 * @param terms whether title terms are a field
 * @param l2 L2 penalty on the weights (of the mean log-loss), >= 0
 * @param negatives sampled negatives per positive, >= 1
 * @param holdout share of each customer's latest events whose items are the positives, in (0, 1)
 * @param maxTermShare title terms found in more than this share of items are dropped (catalog stop words)
 * @param maxUsers at most this many customers (a seeded sample) give training examples
 * @param maxPositives at most this many positives per customer, so heavy users do not dominate
 * @param iterations Newton iterations at most
 * @param seed seed of the user sample and the negatives
 * @param events event-type weights of the profile
 */
public record ContentConfig(Map<String, Double> weights, List<String> attributes, boolean terms, double l2,
        int negatives, double holdout, double maxTermShare, int maxUsers, int maxPositives, int iterations,
        long seed, EventWeights events) {
    public static final String NAME = "content";
    public static final String LEARN = "learn";
    /** Fields that do not come from the attribute map, in scoring order. */
    public static final List<String> FIXED_FIELDS = List.of("category", "root", "brand", "price");
    public static final String TERMS = "terms";

    public static final List<Param> PARAMS = List.of(
            new Param("weights", Param.Kind.TEXT, LEARN, 0, 0, false, List.of(), false,
                    "learn (logistic regression on held-out events) or field:weight;field:weight, fields "
                            + "category, root, brand, price, terms and the attributes"),
            new Param("attributes", Param.Kind.TEXT, "colour;size", 0, 0, false, List.of(), false,
                    "catalog attribute keys used as fields, separated by ';' (none for no attribute)"),
            Param.bool("terms", true, "match title terms"),
            Param.real("l2", 0.001, 1e-5, 1, true, "L2 penalty of the learned weights"),
            Param.integer("negatives", 4, 1, 16, true, "sampled negatives per positive"),
            Param.real("holdout", 0.2, 0.1, 0.5, false, "share of each customer's latest events used as positives"),
            Param.real("max-term-share", 0.05, 0.005, 0.3, true, "drop title terms in more items than this share"),
            Param.integer("max-users", 20_000, 0, 0, false, "customers sampled for learning").fixed(),
            Param.integer("max-positives", 5, 0, 0, false, "positives per customer at most").fixed(),
            Param.integer("iterations", 30, 0, 0, false, "Newton iterations at most").fixed(),
            Param.integer("seed", 42, 0, 0, false, "seed of the user sample and the negatives").fixed(),
            Events.param("default"));

    public ContentConfig {
        weights = Map.copyOf(weights);
        attributes = List.copyOf(attributes);
        Checks checks = Checks.of(NAME).atLeast("l2", l2, 0).atLeast("negatives", negatives, 1)
                .aboveAtMost("holdout", holdout, 0, 0.95).aboveAtMost("max-term-share", maxTermShare, 0, 1)
                .atLeast("max-users", maxUsers, 1).atLeast("max-positives", maxPositives, 1)
                .atLeast("iterations", iterations, 1).notNull(Events.NAME, events);
        List<String> fields = fieldNames(attributes, terms);
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            if (!fields.contains(w.getKey())) {
                checks.fail("weights", "unknown field '" + w.getKey() + "'; fields are " + String.join(", ", fields));
            } else if (!Double.isFinite(w.getValue())) {
                checks.fail("weights", "weight of " + w.getKey() + " must be finite, was " + w.getValue());
            }
        }
        for (String a : attributes) {
            if (FIXED_FIELDS.contains(a) || a.equals(TERMS)) {
                checks.fail("attributes", "'" + a + "' is a built-in field, not an attribute key");
            }
        }
        checks.done();
    }

    public static ContentConfig defaults() {
        return from(ParamValues.defaults(NAME, PARAMS));
    }

    public static ContentConfig from(ParamValues p) {
        return new ContentConfig(parseWeights(p.text("weights")), parseList(p.text("attributes")), p.bool("terms"),
                p.real("l2"), p.integer("negatives"), p.real("holdout"), p.real("max-term-share"),
                p.integer("max-users"), p.integer("max-positives"), p.integer("iterations"), p.integer("seed"),
                Events.parse(NAME, p.text(Events.NAME)));
    }

    /** Whether the weights are learned rather than given. */
    public boolean learn() {
        return weights.isEmpty();
    }

    /** Field names in scoring order: category, root, brand, price, the attributes, then terms if enabled. */
    public List<String> fieldNames() {
        return fieldNames(attributes, terms);
    }

    private static List<String> fieldNames(List<String> attributes, boolean terms) {
        List<String> f = new ArrayList<>(FIXED_FIELDS);
        f.addAll(attributes);
        if (terms) {
            f.add(TERMS);
        }
        return f;
    }

    public ContentConfig withWeights(Map<String, Double> w) {
        return new ContentConfig(w, attributes, terms, l2, negatives, holdout, maxTermShare, maxUsers, maxPositives,
                iterations, seed, events);
    }

    public ContentConfig withAttributes(List<String> a) {
        return new ContentConfig(weights, a, terms, l2, negatives, holdout, maxTermShare, maxUsers, maxPositives,
                iterations, seed, events);
    }

    /** Spec parameters reproducing this config. */
    public Map<String, String> toParams() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("weights", formatWeights(weights));
        m.put("attributes", attributes.isEmpty() ? "none" : String.join(";", attributes));
        m.put("terms", Boolean.toString(terms));
        m.put("l2", Param.formatReal(l2));
        m.put("negatives", Integer.toString(negatives));
        m.put("holdout", Param.formatReal(holdout));
        m.put("max-term-share", Param.formatReal(maxTermShare));
        m.put("max-users", Integer.toString(maxUsers));
        m.put("max-positives", Integer.toString(maxPositives));
        m.put("iterations", Integer.toString(iterations));
        m.put("seed", Long.toString(seed));
        m.put(Events.NAME, Events.format(events));
        return m;
    }

    static String formatWeights(Map<String, Double> w) {
        if (w.isEmpty()) {
            return LEARN;
        }
        StringBuilder sb = new StringBuilder();
        w.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(e.getKey()).append(':').append(Param.formatReal(e.getValue()));
        });
        return sb.toString();
    }

    private static Map<String, Double> parseWeights(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Map<String, Double> w = new LinkedHashMap<>();
        if (t.equals(LEARN)) {
            return w;
        }
        List<Problem> problems = new ArrayList<>();
        for (String part : t.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            try {
                if (colon <= 0) {
                    throw new NumberFormatException();
                }
                w.put(p.substring(0, colon).trim(), Double.parseDouble(p.substring(colon + 1).trim()));
            } catch (NumberFormatException e) {
                problems.add(new Problem(NAME, 0, "weights", "expected 'learn' or field:weight entries separated"
                        + " by ';', got '" + p + "'"));
            }
        }
        if (problems.isEmpty() && w.isEmpty()) {
            problems.add(new Problem(NAME, 0, "weights", "no field:weight entry in '" + text + "'"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return w;
    }

    private static List<String> parseList(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        if (t.equals("none")) {
            return out;
        }
        for (String part : t.split(";")) {
            String p = part.trim();
            if (!p.isEmpty() && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
