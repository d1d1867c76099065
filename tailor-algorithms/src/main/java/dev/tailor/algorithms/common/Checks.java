// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.common;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a configuration before failing, so a user fixing a spec string sees all of its
 * mistakes at once rather than one per attempt. Used by the compact constructors of the config records.
 */
public final class Checks {
    private final String source;
    private final List<Problem> problems = new ArrayList<>();

    private Checks(String source) {
        this.source = source;
    }

    /** @param source what is being checked, e.g. "item-knn" (becomes the problems' source) */
    public static Checks of(String source) {
        return new Checks(source);
    }

    public Checks atLeast(String param, long value, long min) {
        if (value < min) {
            fail(param, "must be >= " + min + ", was " + value);
        }
        return this;
    }

    public Checks atLeast(String param, double value, double min) {
        if (!(value >= min) || Double.isInfinite(value)) {
            fail(param, "must be a finite number >= " + min + ", was " + value);
        }
        return this;
    }

    public Checks between(String param, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            fail(param, "must be in [" + min + ", " + max + "], was " + value);
        }
        return this;
    }

    /** Lower bound excluded: {@code min < value <= max}. */
    public Checks aboveAtMost(String param, double value, double min, double max) {
        if (!(value > min && value <= max)) {
            fail(param, "must be in (" + min + ", " + max + "], was " + value);
        }
        return this;
    }

    public Checks notNull(String param, Object value) {
        if (value == null) {
            fail(param, "is required");
        }
        return this;
    }

    public Checks fail(String param, String reason) {
        problems.add(new Problem(source, 0, param, reason));
        return this;
    }

    /** Throws a {@link ValidationException} listing every problem found, if any. */
    public void done() {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
