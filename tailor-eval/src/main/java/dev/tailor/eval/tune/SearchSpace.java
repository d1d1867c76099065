// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.tune;

import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.registry.AlgorithmInfo;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.TrainerSpec;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What a search explores: one algorithm, the parameters the user holds fixed, and the parameters drawn per
 * configuration with their ranges. Built from the registry's search space ({@link #of}) or from the CLI's
 * {@code --space} syntax ({@link #parse}):
 * <pre>
 *   k=10..1000:log          integer (or real, or duration such as 1h..30d) drawn log-uniformly
 *   shrink=0..100           drawn uniformly
 *   sim=cosine|asymmetric   drawn uniformly from the listed values (any parameter type)
 * </pre>
 * Every bound and listed value is checked against the algorithm's own validation when the space is built, so a
 * bad space fails before the first trial rather than in the middle of a search.
 *
 * @param algorithm registry name
 * @param fixed parameters held constant, canonical values, in the algorithm's parameter order
 * @param searched parameters drawn per configuration, in the algorithm's parameter order
 * @param includeDefaults whether the first configuration is the algorithm's defaults (with {@code fixed}
 *     applied): true for the registry's space, whose ranges contain the defaults; false for a user's space,
 *     whose ranges may not
 */
public record SearchSpace(String algorithm, Map<String, String> fixed, List<Param> searched,
        boolean includeDefaults) {
    private static final String SOURCE = "space";
    private static final MathContext SIGNIFICANT = new MathContext(4);

    public SearchSpace {
        Objects.requireNonNull(algorithm, "algorithm");
        fixed = Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
        searched = List.copyOf(searched);
        if (searched.isEmpty()) {
            throw ValidationException.of(SOURCE, algorithm + " has no parameter left to search"
                    + (fixed.isEmpty() ? "" : " (fixed: " + String.join(", ", fixed.keySet()) + ")"));
        }
    }

    /**
     * The registry's search space for {@code model}: every tunable parameter the model spec does not set.
     *
     * @param model an algorithm name, optionally with parameters to hold fixed ({@code item-knn:sim=jaccard})
     * @throws ValidationException for an unknown model or parameter, or when nothing is left to search
     */
    public static SearchSpace of(Algorithms registry, String model) {
        TrainerSpec spec = registry.trainer(model);
        AlgorithmInfo info = registry.info(spec.algorithm());
        Map<String, String> fixed = fixedOf(info, spec);
        List<Param> searched = new ArrayList<>();
        for (Param p : info.searchSpace()) {
            if (!fixed.containsKey(p.name())) {
                searched.add(p);
            }
        }
        return new SearchSpace(info.name(), fixed, searched, true);
    }

    /**
     * A user's space for {@code model}; a null or blank {@code space} means the registry's ({@link #of}).
     *
     * @throws ValidationException naming each bad entry (unknown or unsearchable parameter, malformed range,
     *     bound or value the algorithm rejects, parameter also fixed in the model spec, entry given twice)
     */
    public static SearchSpace parse(Algorithms registry, String model, String space) {
        if (space == null || space.isBlank()) {
            return of(registry, model);
        }
        TrainerSpec spec = registry.trainer(model);
        AlgorithmInfo info = registry.info(spec.algorithm());
        Map<String, String> fixed = fixedOf(info, spec);
        Map<String, Param> byName = new LinkedHashMap<>();
        info.params().forEach(p -> byName.put(p.name(), p));
        Map<String, Param> parsed = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (String entry : space.split(",", -1)) {
            String e = entry.trim();
            int eq = e.indexOf('=');
            String name = (eq < 0 ? e : e.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String range = eq < 0 ? "" : e.substring(eq + 1).trim();
            Param p = byName.get(name);
            if (eq < 0 || name.isEmpty() || range.isEmpty()) {
                problems.add(problem(name, "expected name=LOW..HIGH[:log] or name=A|B|C, got '" + e + "' in '"
                        + space + "'"));
            } else if (p == null) {
                problems.add(problem(name, "unknown parameter of " + info.name() + "; searchable parameters are "
                        + String.join(", ", info.searchSpace().stream().map(Param::name).toList())));
            } else if (!p.tunable()) {
                problems.add(problem(name, "cannot be searched (thread counts, seeds and event-weight presets are"
                        + " chosen, not tuned); set it in the model spec instead"));
            } else if (fixed.containsKey(name)) {
                problems.add(problem(name, "is fixed by the model spec '" + model.trim() + "' and cannot also be"
                        + " searched"));
            } else if (parsed.containsKey(name)) {
                problems.add(problem(name, "given twice in '" + space + "'"));
            } else {
                try {
                    parsed.put(name, range(registry, info, fixed, p, range));
                } catch (ValidationException ex) {
                    problems.addAll(ex.problems());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        List<Param> searched = new ArrayList<>();
        for (Param p : info.params()) {
            if (parsed.containsKey(p.name())) {
                searched.add(parsed.get(p.name()));
            }
        }
        return new SearchSpace(info.name(), fixed, searched, false);
    }

    /**
     * {@code n} distinct configurations as spec strings, seeded: the defaults first when {@link #includeDefaults},
     * then draws. Fewer than {@code n} when the space is small (only listed values) and runs out.
     */
    public List<String> sample(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Set<String> out = new LinkedHashSet<>();
        if (includeDefaults) {
            out.add(spec(Map.of()));
        }
        // Draws repeat in small discrete spaces; give up after a generous number of attempts.
        for (int attempt = 0; out.size() < n && attempt < 50 * n; attempt++) {
            Map<String, String> drawn = new LinkedHashMap<>();
            for (Param p : searched) {
                drawn.put(p.name(), p.kind() == Param.Kind.REAL ? round(p, p.sample(r)) : p.sample(r));
            }
            out.add(spec(drawn));
        }
        return List.copyOf(out);
    }

    /**
     * A drawn real to 4 significant digits, kept inside its range: 16-digit values make specs unreadable, and no
     * parameter is sensitive beyond the fourth digit.
     */
    private static String round(Param p, String drawn) {
        double v = new BigDecimal(drawn).round(SIGNIFICANT).doubleValue();
        return Param.formatReal(Math.max(p.low(), Math.min(p.high(), v)));
    }

    /** {@code item-knn:k=50,sim=cosine}: fixed and drawn values together, fixed ones first. */
    private String spec(Map<String, String> drawn) {
        StringBuilder sb = new StringBuilder(algorithm);
        String sep = ":";
        for (Map<String, String> m : List.of(fixed, drawn)) {
            for (Map.Entry<String, String> e : m.entrySet()) {
                sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
                sep = ",";
            }
        }
        return sb.toString();
    }

    /** One-line description for logs and reports: {@code k=10..1000:log, sim=cosine|jaccard}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (Param p : searched) {
            parts.add(p.name() + "=" + switch (p.kind()) {
                case INT, REAL -> Param.formatReal(p.low()) + ".." + Param.formatReal(p.high())
                        + (p.logScale() ? ":log" : "");
                case DURATION -> Param.formatDuration(Duration.ofSeconds((long) p.low())) + ".."
                        + Param.formatDuration(Duration.ofSeconds((long) p.high()))
                        + (p.logScale() ? ":log" : "");
                default -> String.join("|", p.choices());
            });
        }
        return String.join(", ", parts);
    }

    private static Map<String, String> fixedOf(AlgorithmInfo info, TrainerSpec spec) {
        Map<String, String> fixed = new LinkedHashMap<>();
        for (Param p : info.params()) {
            if (spec.given().containsKey(p.name())) {
                fixed.put(p.name(), spec.given().get(p.name()));
            }
        }
        return fixed;
    }

    /** Parses one entry's range into a parameter whose {@link Param#sample} draws from it. */
    private static Param range(Algorithms registry, AlgorithmInfo info, Map<String, String> fixed, Param p,
            String text) {
        if (text.contains("|") || !text.contains("..")) {
            List<String> values = new ArrayList<>();
            for (String v : text.split("\\|", -1)) {
                if (v.isBlank()) {
                    throw new ValidationException(problem(p.name(), "empty value in '" + text + "'"));
                }
                String c = p.canonical(SOURCE, v);
                check(registry, info, fixed, p, c);
                if (!values.contains(c)) {
                    values.add(c);
                }
            }
            return new Param(p.name(), Param.Kind.CHOICE, values.get(0), 0, 0, false, values, true,
                    p.description());
        }
        boolean log = false;
        String body = text;
        int colon = text.lastIndexOf(':');
        if (colon >= 0) {
            String scale = text.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            if (!scale.equals("log") && !scale.equals("lin")) {
                throw new ValidationException(problem(p.name(), "expected the scale ':log' or ':lin' after the range,"
                        + " got ':" + scale + "'"));
            }
            log = scale.equals("log");
            body = text.substring(0, colon).trim();
        }
        int dots = body.indexOf("..");
        if (p.kind() != Param.Kind.INT && p.kind() != Param.Kind.REAL && p.kind() != Param.Kind.DURATION) {
            throw new ValidationException(problem(p.name(), "a range needs a numeric parameter; expected values"
                    + " separated by '|' from " + String.join(", ", p.choices()) + ", got '" + text + "'"));
        }
        String lowText = p.canonical(SOURCE, body.substring(0, dots));
        String highText = p.canonical(SOURCE, body.substring(dots + 2));
        double low = numeric(p, lowText);
        double high = numeric(p, highText);
        if (low > high) {
            throw new ValidationException(problem(p.name(), "empty range: " + lowText + " > " + highText));
        }
        if (log && low <= 0) {
            throw new ValidationException(problem(p.name(), "a log-scale range needs LOW > 0, got " + lowText));
        }
        check(registry, info, fixed, p, lowText);
        check(registry, info, fixed, p, highText);
        return new Param(p.name(), p.kind(), lowText, low, high, log, List.of(), true, p.description());
    }

    private static double numeric(Param p, String canonical) {
        return p.kind() == Param.Kind.DURATION ? Param.parseDuration(canonical).toSeconds()
                : Double.parseDouble(canonical);
    }

    /** Lets the algorithm's config validate one value (with the fixed parameters), rewording its complaint. */
    private static void check(Algorithms registry, AlgorithmInfo info, Map<String, String> fixed, Param p,
            String value) {
        StringBuilder sb = new StringBuilder(info.name()).append(':').append(p.name()).append('=').append(value);
        fixed.forEach((k, v) -> sb.append(',').append(k).append('=').append(v));
        try {
            registry.trainer(sb.toString());
        } catch (ValidationException e) {
            List<Problem> problems = new ArrayList<>();
            for (Problem q : e.problems()) {
                problems.add(problem(p.name(), q.field().equals(p.name()) ? q.reason()
                        : "with " + p.name() + "=" + value + ": " + q));
            }
            throw new ValidationException(problems);
        }
    }

    private static Problem problem(String field, String reason) {
        return new Problem(SOURCE, 0, field, reason);
    }
}
