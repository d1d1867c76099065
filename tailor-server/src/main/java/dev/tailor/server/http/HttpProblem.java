// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.TailorException;
import java.util.List;
import java.util.Map;

/**
 * An error answer in RFC 9457 form: a status, a problem type (a short name that also anchors its description
 * in the docs, {@code /docs#<type>}), a title per type, a detail for this occurrence, and optionally the list of
 * field problems. Thrown anywhere below a handler and rendered by {@link Problems}.
 */
public final class HttpProblem extends TailorException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final transient List<Problem> errors;
    private final transient Map<String, String> headers;

    public HttpProblem(int status, String type, String title, String detail, List<Problem> errors,
            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public HttpProblem(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of(), Map.of());
    }

    public static HttpProblem badRequest(String field, String reason) {
        return new HttpProblem(400, "validation", "Invalid request", field + ": " + reason,
                List.of(Problem.of(field, reason)), Map.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
