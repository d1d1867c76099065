// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.registry;

import dev.tailor.algorithms.common.NestedModels;
import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.common.ParamValues;
import dev.tailor.algorithms.content.ContentConfig;
import dev.tailor.algorithms.content.ContentModel;
import dev.tailor.algorithms.content.ContentTrainer;
import dev.tailor.algorithms.hybrid.BlendModel;
import dev.tailor.algorithms.hybrid.BlendTrainer;
import dev.tailor.algorithms.hybrid.ScoreNormalization;
import dev.tailor.algorithms.hybrid.SwitchModel;
import dev.tailor.algorithms.hybrid.SwitchTrainer;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.Trainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Registry entries of the content model and the hybrids, and the composite spec syntax:
 * <pre>
 * blend(W1*SPEC1, W2*SPEC2, ...)[:norm=zscore|minmax]       weights default to 1
 * switch(COLD_SPEC, WARM_SPEC)[:min-user-events=N,min-item-events=N,norm=zscore|minmax]
 * </pre>
 * e.g. {@code blend(0.7*ease:lambda=500,0.3*content)} or {@code switch(content,als:rank=64):min-user-events=3}.
 * Components are any specs, hybrids included; inside the parentheses they are separated by commas by the same
 * rule as a model list (a piece starts a new model unless it is a bare {@code param=value}).
 */
final class HybridAlgorithms {
    static final List<Param> BLEND_PARAMS = List.of(
            Param.choice("norm", "zscore", List.of("zscore", "minmax"), "per-user score normalization"));
    static final List<Param> SWITCH_PARAMS = List.of(
            Param.integer("min-user-events", 5, 1, 20, true, "users with fewer history events get the cold model"),
            Param.integer("min-item-events", 5, 0, 20, false, "items with fewer training users get the cold model"),
            Param.choice("norm", "zscore", List.of("zscore", "minmax"), "score normalization when mixing"));

    private HybridAlgorithms() {
    }

    static List<AlgorithmInfo> all() {
        return List.of(
                new AlgorithmInfo(ContentConfig.NAME, "attribute-weighted content model (category, brand, price"
                        + " band, attributes, title terms; weights learned)", ContentConfig.PARAMS,
                        p -> new ContentTrainer(ContentConfig.from(p)), ContentModel::readPayload),
                new AlgorithmInfo(BlendModel.NAME, "weighted blend of normalized scores: blend(0.7*ease,0.3*content)",
                        BLEND_PARAMS, p -> {
                            throw needsComponents(BlendModel.NAME, "blend(0.7*ease,0.3*content)");
                        }, (in, v, p) -> BlendModel.readPayload(in, v, p, HybridAlgorithms::standardReader)),
                new AlgorithmInfo(SwitchModel.NAME, "cold model for cold users and items, warm model otherwise:"
                        + " switch(content,ease)", SWITCH_PARAMS, p -> {
                            throw needsComponents(SwitchModel.NAME, "switch(content,ease)");
                        }, (in, v, p) -> SwitchModel.readPayload(in, v, p, HybridAlgorithms::standardReader)));
    }

    private static ValidationException needsComponents(String name, String example) {
        return ValidationException.of("model", name + " needs its component models in parentheses, e.g. " + example);
    }

    /**
     * Components of saved hybrids are read with the standard registry: a hybrid over a plug-in algorithm
     * trains and serves, but its file reads back only where the plug-in is part of the standard registry.
     */
    private static Optional<NestedModels.PayloadReader> standardReader(String algorithm) {
        return Algorithms.standard().find(algorithm).map(info -> info.reader()::read);
    }

    /** Whether the spec is {@code name(...)}: a parenthesis before any ':' or '='. */
    static boolean isComposite(String spec) {
        int paren = spec.indexOf('(');
        if (paren < 0) {
            return false;
        }
        int colon = spec.indexOf(':');
        int eq = spec.indexOf('=');
        return (colon < 0 || paren < colon) && (eq < 0 || paren < eq);
    }

    /** Whether a comma-separated piece of a model list starts a new model (see {@link Algorithms#trainers}). */
    static boolean startsModel(String piece) {
        int eq = piece.indexOf('=');
        int colon = piece.indexOf(':');
        int paren = piece.indexOf('(');
        return eq < 0 || (colon >= 0 && colon < eq) || (paren >= 0 && paren < eq);
    }

    /** Splits at {@code separator} (or any whitespace when it is ' ') outside parentheses; keeps empty pieces. */
    static List<String> splitTopLevel(String s, char separator) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && (separator == ' ' ? Character.isWhitespace(c) : c == separator)) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        out.add(s.substring(from));
        return out;
    }

    /** Groups comma-separated pieces into model specs, a bare {@code param=value} joining the previous one. */
    static List<String> groupModels(String list) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : splitTopLevel(list, ',')) {
            if (startsModel(piece) && current.length() > 0) {
                out.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(',');
            }
            current.append(piece);
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    /** Parses {@code blend(...)} or {@code switch(...)} with optional {@code :params}. */
    static TrainerSpec parse(Algorithms registry, String spec) {
        String s = spec.trim();
        int open = s.indexOf('(');
        String kind = s.substring(0, open).trim().toLowerCase(Locale.ROOT);
        int close = matching(s, open);
        String inner = s.substring(open + 1, close);
        String rest = s.substring(close + 1).trim();
        if (!rest.isEmpty() && !rest.startsWith(":")) {
            throw ValidationException.of("model", "expected ':' and parameters after ')' in '" + s + "', got '"
                    + rest + "'");
        }
        List<String> parts = new ArrayList<>();
        for (String part : groupModels(inner)) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        Map<String, String> given = params(kind, rest.isEmpty() ? "" : rest.substring(1), s);
        return switch (kind) {
            case BlendModel.NAME -> blend(registry, parts, given, s);
            case SwitchModel.NAME -> switchSpec(registry, parts, given, s);
            default -> throw ValidationException.of("model", "'" + kind + "(...)' is not a hybrid; composite models"
                    + " are blend(...) and switch(...)");
        };
    }

    private static TrainerSpec blend(Algorithms registry, List<String> parts, Map<String, String> given, String s) {
        if (parts.isEmpty()) {
            throw ValidationException.of("model", "blend needs at least one component in '" + s + "'");
        }
        List<Trainer<? extends RecommenderModel>> trainers = new ArrayList<>();
        float[] weights = new float[parts.size()];
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < parts.size(); c++) {
            String part = parts.get(c);
            int star = part.indexOf('*');
            int paren = part.indexOf('(');
            int colon = part.indexOf(':');
            double w = 1;
            String sub = part;
            if (star >= 0 && (paren < 0 || star < paren) && (colon < 0 || star < colon)) {
                String number = part.substring(0, star).trim();
                try {
                    w = Double.parseDouble(number);
                } catch (NumberFormatException e) {
                    w = Double.NaN;
                }
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new ValidationException(new Problem(BlendModel.NAME, 0, "weight", "expected a finite"
                            + " number >= 0 before '*', got '" + number + "' in '" + s + "'"));
                }
                sub = part.substring(star + 1).trim();
            }
            TrainerSpec t = registry.trainer(sub);
            trainers.add(t);
            weights[c] = (float) w;
            labels.add(Param.formatReal(w) + "*" + t.label());
        }
        double total = 0;
        for (float w : weights) {
            total += w;
        }
        if (total <= 0) {
            throw new ValidationException(new Problem(BlendModel.NAME, 0, "weight", "at least one weight must be"
                    + " > 0 in '" + s + "'"));
        }
        String head = BlendModel.NAME + "(" + String.join(",", labels) + ")";
        ParamValues values = ParamValues.of(head, BLEND_PARAMS, given);
        BlendTrainer trainer = new BlendTrainer(trainers, weights, ScoreNormalization.parse(values.text("norm")),
                head);
        return new TrainerSpec(BlendModel.NAME, values, canonical(values, given), trainer);
    }

    private static TrainerSpec switchSpec(Algorithms registry, List<String> parts, Map<String, String> given,
            String s) {
        if (parts.size() != 2) {
            throw ValidationException.of("model", "switch needs exactly two components, the cold model then the"
                    + " warm one, e.g. switch(content,ease); got " + parts.size() + " in '" + s + "'");
        }
        TrainerSpec cold = registry.trainer(parts.get(0));
        TrainerSpec warm = registry.trainer(parts.get(1));
        String head = SwitchModel.NAME + "(" + cold.label() + "," + warm.label() + ")";
        ParamValues values = ParamValues.of(head, SWITCH_PARAMS, given);
        int minUser = values.integer("min-user-events");
        int minItem = values.integer("min-item-events");
        List<Problem> problems = new ArrayList<>();
        if (minUser < 0) {
            problems.add(new Problem(head, 0, "min-user-events", "must be >= 0, was " + minUser));
        }
        if (minItem < 0) {
            problems.add(new Problem(head, 0, "min-item-events", "must be >= 0, was " + minItem));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        SwitchTrainer trainer = new SwitchTrainer(cold, warm, minUser, minItem,
                ScoreNormalization.parse(values.text("norm")), head);
        return new TrainerSpec(SwitchModel.NAME, values, canonical(values, given), trainer);
    }

    private static Map<String, String> canonical(ParamValues values, Map<String, String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        values.asMap().forEach((k, v) -> {
            if (given.containsKey(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Map<String, String> params(String kind, String text, String spec) {
        Map<String, String> given = new LinkedHashMap<>();
        if (text.isBlank()) {
            return given;
        }
        List<Problem> problems = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part.trim() : part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : part.substring(eq + 1).trim();
            if (eq < 0 || key.isEmpty() || value.isEmpty()) {
                problems.add(new Problem(kind, 0, key, "expected param=value, got '" + part.trim() + "' in '"
                        + spec + "'"));
            } else if (given.putIfAbsent(key, value) != null) {
                problems.add(new Problem(kind, 0, key, "given twice in '" + spec + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return given;
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        throw ValidationException.of("model", "unbalanced parentheses in '" + s + "'");
    }
}
