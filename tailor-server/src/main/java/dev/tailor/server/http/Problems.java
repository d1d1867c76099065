// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.server.json.JsonWriter;
import dev.tailor.server.pipeline.RequestTimeoutException;
import dev.tailor.server.scene.UnknownEntityException;
import dev.tailor.server.training.TrainingRunningException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to an RFC 9457 problem response ({@code application/problem+json}): type, title, status,
 * detail, and for validation failures {@code errors: [{field, reason}]} naming each bad field. Unexpected
 * exceptions become a 500 whose body says only that, with an incident id that is also in the log next to the
 * stack trace: users never see a stack trace.
 */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    /** The problem an exception stands for. */
    public static HttpProblem of(Throwable e, String incident) {
        if (e instanceof HttpProblem p) {
            return p;
        }
        if (e instanceof ValidationException v) {
            List<Problem> problems = v.problems();
            String detail = problems.size() == 1 ? describe(problems.get(0))
                    : problems.size() + " problems: " + describe(problems.get(0)) + "; ...";
            return new HttpProblem(400, "validation", "Invalid request", detail, problems, Map.of());
        }
        if (e instanceof UnknownEntityException u) {
            return new HttpProblem(404, "not-found", "Not found", u.getMessage());
        }
        if (e instanceof TrainingRunningException t) {
            return new HttpProblem(409, "training-running", "Training already running", t.getMessage());
        }
        if (e instanceof RequestTimeoutException) {
            return new HttpProblem(503, "timeout", "Request timed out",
                    "the request ran out of time; retry shortly", List.of(), Map.of("Retry-After", "1"));
        }
        if (e instanceof HttpResponseException h) {
            return fromJavalin(h);
        }
        LOG.error("incident {}: unexpected error", incident, e);
        return new HttpProblem(500, "internal", "Internal error",
                "an unexpected error occurred; incident " + incident + " is in the server log");
    }

    private static HttpProblem fromJavalin(HttpResponseException h) {
        return switch (h.getStatus()) {
            case 404 -> new HttpProblem(404, "not-found", "Not found", "no such endpoint; see /docs");
            case 405 -> new HttpProblem(405, "method-not-allowed", "Method not allowed",
                    "this endpoint does not accept that method; see /docs");
            case 413 -> new HttpProblem(413, "too-large", "Request too large", "the request body is too large");
            default -> new HttpProblem(h.getStatus(), "http-" + h.getStatus(), h.getMessage(), h.getMessage());
        };
    }

    private static String describe(Problem p) {
        return p.field().isEmpty() ? p.reason() : p.field() + ": " + p.reason();
    }

    /** Writes the problem as the response. */
    public static void write(Context ctx, HttpProblem p) {
        ctx.status(p.status());
        p.headers().forEach(ctx::header);
        ctx.contentType(CONTENT_TYPE);
        ctx.result(render(p, ctx.path()));
    }

    static byte[] render(HttpProblem p, String instance) {
        JsonWriter w = new JsonWriter(256);
        w.beginObject();
        w.name("type").value("/docs#" + p.type());
        w.name("title").value(p.title());
        w.name("status").value(p.status());
        w.name("detail").value(p.getMessage());
        w.name("instance").value(instance);
        if (!p.errors().isEmpty()) {
            w.name("errors").beginArray();
            for (Problem e : p.errors()) {
                w.beginObject();
                w.name("field").value(e.field());
                w.name("reason").value(e.reason());
                w.endObject();
            }
            w.endArray();
        }
        w.endObject();
        return w.toByteArray();
    }
}
