// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.common;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Type-checked values for an algorithm's parameters, every parameter present (defaults filled in), in
 * canonical spec syntax. Range checks are the config record's job; this class only guarantees that
 * {@link #integer} finds an integer.
 */
public final class ParamValues {
    private final String source;
    private final Map<String, String> values;

    private ParamValues(String source, Map<String, String> values) {
        this.source = source;
        this.values = values;
    }

    /**
     * Checks the given values against the parameter list.
     *
     * @param source what the values configure, e.g. "item-knn" (used in error messages)
     * @throws ValidationException listing every unknown parameter (with the valid names) and every value of
     *     the wrong type (with the type expected)
     */
    public static ParamValues of(String source, List<Param> params, Map<String, String> given) {
        Map<String, Param> byName = new LinkedHashMap<>();
        params.forEach(p -> byName.put(p.name(), p));
        List<Problem> problems = new ArrayList<>();
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (!byName.containsKey(e.getKey())) {
                problems.add(new Problem(source, 0, e.getKey(), "unknown parameter; valid parameters of " + source
                        + " are " + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet()))));
            }
        }
        for (Param p : params) {
            String text = given.get(p.name());
            try {
                out.put(p.name(), text == null ? p.defaultValue() : p.canonical(source, text));
            } catch (ValidationException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new ParamValues(source, out);
    }

    /** All defaults. */
    public static ParamValues defaults(String source, List<Param> params) {
        return of(source, params, Map.of());
    }

    public String source() {
        return source;
    }

    public int integer(String name) {
        return Integer.parseInt(raw(name));
    }

    public double real(String name) {
        return Double.parseDouble(raw(name));
    }

    public boolean bool(String name) {
        return Boolean.parseBoolean(raw(name));
    }

    public Duration duration(String name) {
        return Param.parseDuration(raw(name));
    }

    /** The canonical text of a value (choices, free text). */
    public String text(String name) {
        return raw(name);
    }

    /** Every value by name, in parameter order. */
    public Map<String, String> asMap() {
        return new LinkedHashMap<>(values);
    }

    private String raw(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(source + " has no parameter '" + name + "'");
        }
        return v;
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", source + ":", ""));
    }
}
