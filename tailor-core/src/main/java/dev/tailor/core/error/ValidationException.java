// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.error;

import java.util.List;
import java.util.stream.Collectors;

/** Input that does not satisfy its contract; carries every problem found, not just the first. */
public class ValidationException extends TailorException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public ValidationException(List<Problem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public ValidationException(Problem problem) {
        this(List.of(problem));
    }

    public static ValidationException of(String field, String reason) {
        return new ValidationException(Problem.of(field, reason));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one problem");
        }
        return problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }
}
