// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import dev.tailor.core.domain.Ids;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.server.pipeline.Filters;
import dev.tailor.server.scene.ListQuery;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Query parameters, parsed once per request and checked strictly: an unknown or repeated parameter is an
 * error naming it (a misspelt {@code kk=5} silently ignored would be a bug the shop never sees), and every
 * value error names its parameter and the expected form. All problems of a request are reported together.
 */
public final class Params {
    /** The parameters every recommendation endpoint takes. */
    public static final Set<String> LIST = Set.of("k", "category", "min_price", "max_price", "in_stock",
            "exclude", "diversity", "lang");
    static final int MAX_EXCLUDE = 500;
    private static final Pattern LANG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?");

    private final Map<String, List<String>> values;
    private final List<Problem> problems = new ArrayList<>();

    private Params(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Reads the query string, rejecting parameters outside {@code allowed}.
     */
    public static Params of(Context ctx, Set<String> allowed) {
        Params p = new Params(ctx.queryParamMap());
        for (Map.Entry<String, List<String>> e : p.values.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                p.problems.add(Problem.of(e.getKey(), "unknown parameter; expected one of "
                        + String.join(", ", new TreeSet<>(allowed))));
            } else if (e.getValue().size() > 1) {
                p.problems.add(Problem.of(e.getKey(), "given " + e.getValue().size() + " times; give it once"));
            }
        }
        return p;
    }

    /** Allowed parameters: the list parameters plus {@code extra}. */
    public static Set<String> listPlus(String... extra) {
        Set<String> s = new java.util.HashSet<>(LIST);
        s.addAll(List.of(extra));
        return Set.copyOf(s);
    }

    public String text(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** A required non-blank text parameter. */
    public String required(String name) {
        String v = text(name);
        if (v == null || v.isBlank()) {
            problems.add(Problem.of(name, "missing"));
            return null;
        }
        return v;
    }

    public int integer(String name, int fallback, int min, int max) {
        String v = text(name);
        if (v == null) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v.strip());
            if (i < min || i > max) {
                problems.add(Problem.of(name, "expected " + min + ".." + max + ", was " + i));
                return fallback;
            }
            return i;
        } catch (NumberFormatException e) {
            problems.add(Problem.of(name, "expected a whole number " + min + ".." + max + ", was '" + v + "'"));
            return fallback;
        }
    }

    public double number(String name) {
        String v = text(name);
        if (v == null) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(Problem.of(name, "expected a number, was '" + v + "'"));
            return Double.NaN;
        }
    }

    public boolean bool(String name, boolean fallback) {
        String v = text(name);
        if (v == null) {
            return fallback;
        }
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> {
                problems.add(Problem.of(name, "expected true or false, was '" + v + "'"));
                yield fallback;
            }
        };
    }

    /** The list parameters as a query; {@code customer} is the item scenes' optional customer. */
    public ListQuery listQuery(int defaultK, int maxK, String customer) {
        int k = integer("k", defaultK, 1, maxK);
        double min = number("min_price");
        double max = number("max_price");
        boolean inStock = bool("in_stock", false);
        String category = text("category");
        if (category != null && category.length() > 500) {
            problems.add(Problem.of("category", "longer than 500 characters"));
            category = null;
        }
        List<String> exclude = new ArrayList<>();
        String ex = text("exclude");
        if (ex != null) {
            for (String id : ex.split(",")) {
                if (!id.isBlank()) {
                    exclude.add(id.strip());
                }
            }
            if (exclude.size() > MAX_EXCLUDE) {
                problems.add(Problem.of("exclude", "at most " + MAX_EXCLUDE + " ids, was " + exclude.size()));
                exclude.clear();
            }
        }
        double diversity = number("diversity");
        if (!Double.isNaN(diversity) && !(diversity >= 0 && diversity <= 1)) {
            problems.add(Problem.of("diversity", "expected a number in [0, 1], was " + diversity));
            diversity = Double.NaN;
        }
        String lang = text("lang");
        if (lang != null && !LANG.matcher(lang).matches()) {
            problems.add(Problem.of("lang", "expected a language code such as zh or en, was '" + lang + "'"));
            lang = null;
        }
        Filters filters = Filters.NONE;
        try {
            if (category != null || !Double.isNaN(min) || !Double.isNaN(max) || inStock) {
                filters = new Filters(category, min, max, inStock);
            }
        } catch (ValidationException e) {
            problems.addAll(e.problems());
        }
        check();
        return new ListQuery(k, filters, exclude, (float) diversity, lang, customer);
    }

    /** A path parameter that must be a valid id. */
    public static String id(Context ctx, String name) {
        try {
            return Ids.require(name, ctx.pathParam(name));
        } catch (ValidationException e) {
            throw new ValidationException(e.problems());
        }
    }

    /** Throws the collected problems, if any. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new ValidationException(List.copyOf(problems));
        }
    }
}
