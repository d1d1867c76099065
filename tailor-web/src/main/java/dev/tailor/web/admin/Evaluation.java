// SPDX-License-Identifier: Apache-2.0
package dev.tailor.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailor.server.http.HttpProblem;
import dev.tailor.server.http.Params;
import dev.tailor.web.WebJson;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/admin/evaluation}: the offline evaluation report the server was started with, as
 * {@code {"path": ..., "modified_at": ..., "report": <metrics.json>}}. The report is the {@code metrics.json}
 * that {@code tailor evaluate} writes (every metric per model and K with its confidence interval, per segment);
 * it is read on each request, so a new evaluation written to the same place shows without a restart.
 */
public final class Evaluation {
    static final String FILE = "metrics.json";

    private final Optional<Path> report;

    /** @param report the report file, or the folder that holds {@code metrics.json}; empty when none */
    public Evaluation(Optional<Path> report) {
        this.report = report;
    }

    public void handle(Context ctx) {
        Params.of(ctx, Set.of()).check();
        Path file = existingFile();
        try {
            JsonNode json = WebJson.MAPPER.readTree(file.toFile());
            if (json == null || !json.isObject() || !json.has("models")) {
                throw new HttpProblem(500, "report-unreadable", "Evaluation report unreadable",
                        file + " is not an evaluation report: expected an object with \"models\"");
            }
            ObjectNode o = WebJson.object();
            o.put("path", file.toString());
            o.put("modified_at", Files.getLastModifiedTime(file).toInstant().toString());
            o.set("report", json);
            WebJson.send(ctx, o);
        } catch (IOException e) {
            throw new HttpProblem(500, "report-unreadable", "Evaluation report unreadable",
                    "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The configured {@code metrics.json}; a 404 problem when none is configured or it does not exist. */
    Path existingFile() {
        Path file = file().orElseThrow(() -> new HttpProblem(404, "not-found", "No evaluation report",
                "no evaluation report is configured: run `tailor evaluate --out DIR` on this shop's data and "
                        + "give DIR to the web page's configuration"));
        if (!Files.isRegularFile(file)) {
            throw new HttpProblem(404, "not-found", "No evaluation report",
                    "the configured evaluation report " + file + " does not exist (yet)");
        }
        return file;
    }

    private Optional<Path> file() {
        return report.map(p -> Files.isDirectory(p) ? p.resolve(FILE) : p);
    }
}
