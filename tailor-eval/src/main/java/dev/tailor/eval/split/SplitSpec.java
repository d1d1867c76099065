// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.split;

import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A split and its filters, parsed from the CLI's spec syntax {@code kind[:key=value,...]}:
 * <pre>
 *   loo                                   leave-last-out, no validation
 *   loo:valid=true                        ... second-last event to validation
 *   temporal:cut=0.8                      global time cut at the 0.8 quantile of event times
 *   temporal:cut=2018-01-01,valid=0.1     cut at an instant (ISO date, ISO instant or epoch millis)
 *   holdout:ratio=0.8/0.1/0.1,seed=42     per-user random 8:1:1 (order=time for a per-user temporal ratio)
 *   kfold:k=5,fold=0,seed=42,valid=0.1    fold 0 of 5 as test
 * </pre>
 * Filters may sit in any spec: {@code min-user=N}, {@code min-item=N}, {@code rating-min=X},
 * {@code negatives=drop|keep} (see {@link DataFilters}). Errors name the offending part and the expected form.
 *
 * @param splitter how events are partitioned
 * @param filters what is cleaned away first
 */
public record SplitSpec(Splitter splitter, DataFilters filters) {
    private static final String SOURCE = "split";
    private static final String KINDS = "loo, temporal, holdout, kfold";
    private static final Set<String> FILTER_KEYS = Set.of("min-user", "min-item", "rating-min", "negatives");

    /** Filters first, then the split. */
    public Split apply(Snapshot data) {
        Snapshot filtered = filters.apply(data);
        Split s = splitter.split(filtered);
        return new Split(s.train(), s.validation(), s.test(), spec());
    }

    /** Same split with other filters (CLI flags such as --min-user override what the spec said). */
    public SplitSpec withFilters(DataFilters other) {
        return new SplitSpec(splitter, other);
    }

    /** Canonical spec text, filters included. */
    public String spec() {
        String f = filters.spec();
        if (f.isEmpty()) {
            return splitter.spec();
        }
        return splitter.spec() + (splitter.spec().contains(":") ? "," : ":") + f;
    }

    @Override
    public String toString() {
        return spec();
    }

    /**
     * Parses a spec.
     *
     * @param defaultSeed the seed used when the spec names none (the run's --seed)
     * @throws ValidationException naming every malformed part and the form expected
     */
    public static SplitSpec parse(String text, long defaultSeed) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw fail("", "empty split spec; expected one of " + KINDS + ", e.g. holdout:ratio=0.8/0.2");
        }
        int colon = t.indexOf(':');
        String kind = (colon < 0 ? t : t.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        if (colon >= 0) {
            for (String part : t.substring(colon + 1).split(",", -1)) {
                int eq = part.indexOf('=');
                String key = eq < 0 ? part.trim() : part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                String value = eq < 0 ? "" : part.substring(eq + 1).trim();
                if (eq < 0 || key.isEmpty() || value.isEmpty()) {
                    problems.add(new Problem(SOURCE, 0, key, "expected key=value, got '" + part.trim() + "' in '"
                            + t + "'"));
                } else if (params.putIfAbsent(key, value) != null) {
                    problems.add(new Problem(SOURCE, 0, key, "given twice in '" + t + "'"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Params p = new Params(kind, params);
        DataFilters filters = p.filters();
        Splitter splitter = switch (kind) {
            case "loo", "leave-last-out" -> {
                p.allow("valid");
                yield new LeaveLastOut(p.bool("valid", false));
            }
            case "temporal" -> {
                p.allow("cut", "valid");
                double valid = p.fraction("valid", 0);
                String cut = p.required("cut", "a quantile in (0, 1) such as 0.8, or a time such as 2018-01-01");
                yield cut == null ? null : temporal(cut, valid, p);
            }
            case "holdout", "ratio" -> {
                p.allow("ratio", "seed", "order");
                double[] r = p.ratios("ratio");
                long seed = p.longValue("seed", defaultSeed);
                boolean byTime = p.choice("order", "random", "random", "time").equals("time");
                yield r == null ? null : new RatioHoldout(r[0], r[1], r[2], seed, byTime);
            }
            case "kfold", "cv" -> {
                p.allow("k", "fold", "seed", "valid");
                int k = p.intValue("k", 5);
                int fold = p.intValue("fold", 0);
                long seed = p.longValue("seed", defaultSeed);
                double valid = p.fraction("valid", 0);
                if (k < 2) {
                    p.problem("k", "expected an integer >= 2, got " + k);
                } else if (fold < 0 || fold >= k) {
                    p.problem("fold", "expected a fold in [0, " + (k - 1) + "], got " + fold);
                }
                yield p.problems.isEmpty() ? new KFold(k, fold, seed, valid) : null;
            }
            default -> {
                p.problem("", "unknown split kind '" + kind + "'; expected one of " + KINDS);
                yield null;
            }
        };
        if (!p.problems.isEmpty()) {
            throw new ValidationException(p.problems);
        }
        return new SplitSpec(splitter, filters);
    }

    private static TemporalSplit temporal(String cut, double valid, Params p) {
        try {
            double q = Double.parseDouble(cut);
            if (q > 0 && q < 1) {
                return TemporalSplit.atQuantile(q, valid);
            }
            if (q >= 1 && q == Math.rint(q)) {
                return TemporalSplit.atTime(Instant.ofEpochMilli((long) q), valid);
            }
        } catch (NumberFormatException e) {
            try {
                return TemporalSplit.atTime(Instant.parse(cut), valid);
            } catch (DateTimeParseException e2) {
                try {
                    return TemporalSplit.atTime(LocalDate.parse(cut).atStartOfDay(ZoneOffset.UTC).toInstant(), valid);
                } catch (DateTimeParseException e3) {
                    // fall through to the problem below
                }
            }
        }
        p.problem("cut", "expected a quantile in (0, 1) such as 0.8, an ISO date (2018-01-01), an ISO instant or "
                + "epoch milliseconds, got '" + cut + "'");
        return null;
    }

    private static ValidationException fail(String field, String reason) {
        return new ValidationException(new Problem(SOURCE, 0, field, reason));
    }

    /** Typed access to the key=value pairs, collecting problems instead of failing on the first. */
    private static final class Params {
        final String kind;
        final Map<String, String> values;
        final List<Problem> problems = new ArrayList<>();

        Params(String kind, Map<String, String> values) {
            this.kind = kind;
            this.values = values;
        }

        void problem(String field, String reason) {
            problems.add(new Problem(SOURCE, 0, field, reason));
        }

        void allow(String... keys) {
            Set<String> ok = Set.of(keys);
            for (String k : values.keySet()) {
                if (!ok.contains(k) && !FILTER_KEYS.contains(k)) {
                    List<String> valid = new ArrayList<>(List.of(keys));
                    valid.addAll(List.of("min-user", "min-item", "rating-min", "negatives"));
                    problem(k, "unknown parameter of '" + kind + "'; valid parameters are "
                            + String.join(", ", valid));
                }
            }
        }

        String required(String key, String expected) {
            String v = values.get(key);
            if (v == null) {
                problem(key, "required by '" + kind + "': expected " + key + "=" + expected);
            }
            return v;
        }

        boolean bool(String key, boolean def) {
            String v = values.get(key);
            if (v == null) {
                return def;
            }
            String b = v.toLowerCase(Locale.ROOT);
            if (!b.equals("true") && !b.equals("false")) {
                problem(key, "expected true or false, got '" + v + "'");
                return def;
            }
            return Boolean.parseBoolean(b);
        }

        int intValue(String key, int def) {
            String v = values.get(key);
            if (v == null) {
                return def;
            }
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                problem(key, "expected an integer, got '" + v + "'");
                return def;
            }
        }

        long longValue(String key, long def) {
            String v = values.get(key);
            if (v == null) {
                return def;
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                problem(key, "expected an integer, got '" + v + "'");
                return def;
            }
        }

        double fraction(String key, double def) {
            String v = values.get(key);
            if (v == null) {
                return def;
            }
            try {
                double d = Double.parseDouble(v);
                if (d >= 0 && d < 1) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(key, "expected a fraction in [0, 1) such as 0.1, got '" + v + "'");
            return def;
        }

        String choice(String key, String def, String... choices) {
            String v = values.get(key);
            if (v == null) {
                return def;
            }
            String c = v.toLowerCase(Locale.ROOT);
            if (!List.of(choices).contains(c)) {
                problem(key, "expected one of " + String.join(", ", choices) + ", got '" + v + "'");
                return def;
            }
            return c;
        }

        /** train/test or train/valid/test shares; returns {train, valid, test}. */
        double[] ratios(String key) {
            String v = values.getOrDefault(key, "0.8/0.2");
            String[] parts = v.split("/", -1);
            String expected = "expected train/test or train/valid/test shares such as 0.8/0.2 or 0.8/0.1/0.1, got '"
                    + v + "'";
            if (parts.length < 2 || parts.length > 3) {
                problem(key, expected);
                return null;
            }
            double[] r = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    r[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    problem(key, expected);
                    return null;
                }
                boolean validationPart = parts.length == 3 && i == 1;
                if (!Double.isFinite(r[i]) || r[i] < 0 || (r[i] == 0 && !validationPart)) {
                    problem(key, "shares must be finite and positive (validation may be 0), got '" + v + "'");
                    return null;
                }
            }
            return parts.length == 2 ? new double[] {r[0], 0, r[1]} : r;
        }

        DataFilters filters() {
            int minUser = nonNegativeInt("min-user");
            int minItem = nonNegativeInt("min-item");
            double ratingMin = Double.NaN;
            String r = values.get("rating-min");
            if (r != null) {
                try {
                    ratingMin = Double.parseDouble(r);
                    if (!Double.isFinite(ratingMin)) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    problem("rating-min", "expected a number such as 4, got '" + r + "'");
                    ratingMin = Double.NaN;
                }
            }
            boolean keep = choice("negatives", "drop", "drop", "keep").equals("keep");
            if (keep && r == null) {
                problem("negatives", "negatives=keep needs a rating-min threshold to define negatives");
            }
            return new DataFilters(minUser, minItem, ratingMin, keep);
        }

        private int nonNegativeInt(String key) {
            int v = intValue(key, 0);
            if (v < 0) {
                problem(key, "expected an integer >= 0, got " + v);
                return 0;
            }
            return v;
        }
    }
}
