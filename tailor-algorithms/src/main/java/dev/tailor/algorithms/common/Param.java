// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.common;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One hyper-parameter of an algorithm: how to read it from a spec string, its default, and the range a
 * hyper-parameter search should explore. The search range is deliberately narrower than the valid range
 * (k = 100,000 is valid but not worth trying); validity is checked by the algorithm's config record.
 *
 * @param name spec name, lower-case with hyphens ("half-life")
 * @param kind value type
 * @param defaultValue the default, in spec syntax
 * @param low lower end of the search range (INT, REAL, DURATION in seconds); ignored otherwise
 * @param high upper end of the search range
 * @param logScale whether a search should sample uniformly in log space (sizes, shrinkage, half-lives)
 * @param choices allowed values of a CHOICE parameter, in spec syntax; empty otherwise
 * @param tunable whether searching over it makes sense (a thread count or an event-weight preset does not)
 * @param description one line for --help and error messages
 */
public record Param(String name, Kind kind, String defaultValue, double low, double high, boolean logScale,
        List<String> choices, boolean tunable, String description) {

    /** Value types a spec string can carry. */
    public enum Kind {
        INT("an integer"),
        REAL("a number"),
        BOOL("true or false"),
        CHOICE("one of the listed values"),
        DURATION("a duration such as 90s, 30m, 12h, 7d or ISO-8601 P7D"),
        TEXT("text");

        private final String expected;

        Kind(String expected) {
            this.expected = expected;
        }

        /** What an error message says was expected. */
        public String expected() {
            return expected;
        }
    }

    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultValue, "defaultValue");
        choices = List.copyOf(choices);
        if (kind == Kind.CHOICE && !choices.contains(defaultValue)) {
            throw new IllegalArgumentException("default '" + defaultValue + "' of " + name + " is not a choice");
        }
        if (tunable && (kind == Kind.INT || kind == Kind.REAL || kind == Kind.DURATION)
                && !(low <= high && (!logScale || low > 0))) {
            throw new IllegalArgumentException("bad search range for " + name + ": [" + low + ", " + high + "]");
        }
    }

    public static Param integer(String name, int defaultValue, int low, int high, boolean logScale,
            String description) {
        return new Param(name, Kind.INT, Integer.toString(defaultValue), low, high, logScale, List.of(), true,
                description);
    }

    public static Param real(String name, double defaultValue, double low, double high, boolean logScale,
            String description) {
        return new Param(name, Kind.REAL, formatReal(defaultValue), low, high, logScale, List.of(), true,
                description);
    }

    public static Param bool(String name, boolean defaultValue, String description) {
        return new Param(name, Kind.BOOL, Boolean.toString(defaultValue), 0, 1, false, List.of("false", "true"),
                true, description);
    }

    public static Param choice(String name, String defaultValue, List<String> choices, String description) {
        return new Param(name, Kind.CHOICE, defaultValue, 0, 0, false, choices, true, description);
    }

    /** A duration searched over [low, high] (log scale). */
    public static Param duration(String name, Duration defaultValue, Duration low, Duration high,
            String description) {
        return new Param(name, Kind.DURATION, formatDuration(defaultValue), low.toSeconds(), high.toSeconds(),
                true, List.of(), true, description);
    }

    /** The same parameter, excluded from hyper-parameter search. */
    public Param fixed() {
        return new Param(name, kind, defaultValue, low, high, logScale, choices, false, description);
    }

    /**
     * Checks the text's type (not its range: configs do that) and returns it in canonical form.
     *
     * @throws ValidationException naming the parameter and the expected type
     */
    public String canonical(String source, String text) {
        String t = text.trim();
        try {
            return switch (kind) {
                case INT -> Integer.toString(Integer.parseInt(t));
                case REAL -> formatReal(finite(Double.parseDouble(t)));
                case BOOL -> bool(t);
                case CHOICE -> choice(source, t, text);
                case DURATION -> formatDuration(parseDuration(t));
                default -> t;
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ValidationException(new Problem(source, 0, name,
                    "expected " + kind.expected() + ", got '" + text + "'"));
        }
    }

    private static double finite(double d) {
        if (!Double.isFinite(d)) {
            throw new NumberFormatException("not finite");
        }
        return d;
    }

    private static String bool(String t) {
        String b = t.toLowerCase(Locale.ROOT);
        if (!b.equals("true") && !b.equals("false")) {
            throw new NumberFormatException(t);
        }
        return b;
    }

    private String choice(String source, String t, String text) {
        String c = t.toLowerCase(Locale.ROOT);
        if (!choices.contains(c)) {
            throw new ValidationException(new Problem(source, 0, name,
                    "expected one of " + String.join(", ", choices) + ", got '" + text + "'"));
        }
        return c;
    }

    /**
     * Draws a value from the search range in spec syntax: uniform (or log-uniform) for numbers, uniform over
     * choices. For random search and successive halving; the caller owns the seeded random source.
     */
    public String sample(SplittableRandom random) {
        return switch (kind) {
            case INT -> Integer.toString((int) Math.max(low, Math.min(high, Math.round(draw(random)))));
            case REAL -> formatReal(draw(random));
            case DURATION -> formatDuration(Duration.ofSeconds(Math.round(draw(random))));
            case BOOL, CHOICE -> choices.get(random.nextInt(choices.size()));
            default -> defaultValue;
        };
    }

    private double draw(SplittableRandom random) {
        if (logScale) {
            return Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
        }
        return low + random.nextDouble() * (high - low);
    }

    /** Shortest decimal that reads back to the same double ("10" rather than "10.0"). */
    public static String formatReal(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /**
     * Parses "500ms", "90s", "30m", "12h", "7d", "2w" or ISO-8601 ("P7D", "PT12H"); must be positive.
     *
     * @throws NumberFormatException when it is neither
     */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration d;
        if (t.startsWith("p")) {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw new NumberFormatException(text);
            }
        } else {
            int split = 0;
            while (split < t.length() && (Character.isDigit(t.charAt(split)) || t.charAt(split) == '.')) {
                split++;
            }
            if (split == 0) {
                throw new NumberFormatException(text);
            }
            double amount = Double.parseDouble(t.substring(0, split));
            String unit = t.substring(split).trim();
            double millis = switch (unit) {
                case "ms" -> amount;
                case "s" -> amount * 1_000d;
                case "m", "min" -> amount * 60_000d;
                case "h" -> amount * 3_600_000d;
                case "d" -> amount * 86_400_000d;
                case "w" -> amount * 7 * 86_400_000d;
                default -> throw new NumberFormatException(text);
            };
            d = Duration.ofMillis(Math.round(millis));
        }
        if (d.isNegative() || d.isZero()) {
            throw new NumberFormatException(text);
        }
        return d;
    }

    /** The largest whole unit that represents the duration exactly: "7d", "36h", "90s", "1500ms". */
    public static String formatDuration(Duration d) {
        long ms = d.toMillis();
        long[] unitMs = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] unit = {"d", "h", "m", "s"};
        for (int i = 0; i < unitMs.length; i++) {
            if (ms % unitMs[i] == 0) {
                return (ms / unitMs[i]) + unit[i];
            }
        }
        return ms + "ms";
    }
}
