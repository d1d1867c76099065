// SPDX-License-Identifier: Apache-2.0
package dev.tailor.web.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailor.server.http.HttpProblem;
import dev.tailor.server.http.Params;
import dev.tailor.web.WebJson;
import io.javalin.http.Context;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v1/admin/evaluation/curves}: the learning curves of the configured evaluation report, read from the
 * {@code curves.csv} that {@code tailor evaluate} writes next to {@code metrics.json} when some of its models are
 * iterative. The answer is {@code {"path", "modified_at", "series": [{"model", "component", "metric", "epochs",
 * "seconds", "points": [[epoch, value], ...]}]}}, one series per model and component (a hybrid's components
 * train one after another and each has its own curve), in the file's order.
 *
 * <p>The file is parsed here rather than with tailor-eval's reader so that the web module stays an edge that
 * needs only the server at run time; the format is small and fixed: {@code model,component,epoch,epochs,metric,
 * value,seconds} with RFC 4180 quoting (model labels such as {@code item-knn:k=50,shrink=10} hold commas).
 */
public final class EvaluationCurves {
    static final String FILE = "curves.csv";
    private static final List<String> HEADER =
            List.of("model", "component", "epoch", "epochs", "metric", "value", "seconds");

    private final Evaluation evaluation;

    public EvaluationCurves(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    public void handle(Context ctx) {
        Params.of(ctx, Set.of()).check();
        Path metrics = evaluation.existingFile();
        Path parent = metrics.toAbsolutePath().getParent();
        Path file = parent.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new HttpProblem(404, "not-found", "No learning curves",
                    "the evaluation report in " + parent + " has no " + FILE + ": none of its models is iterative "
                            + "(evaluate an iterative model such as als or bpr to see its training curves)");
        }
        try {
            ObjectNode o = WebJson.object();
            o.put("path", file.toString());
            o.put("modified_at", Files.getLastModifiedTime(file).toInstant().toString());
            o.set("series", read(file));
            WebJson.send(ctx, o);
        } catch (IOException e) {
            throw new HttpProblem(500, "report-unreadable", "Learning curves unreadable",
                    "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The series of {@code file}, one per (model, component, metric) in order of first appearance. */
    static ArrayNode read(Path file) throws IOException {
        Map<List<String>, ObjectNode> series = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = record(in, file, 1);
            if (!HEADER.equals(header)) {
                throw unreadable(file, 1, "header", "expected " + String.join(",", HEADER) + " but found "
                        + (header == null ? "an empty file" : String.join(",", header)));
            }
            int line = 2;
            for (List<String> row = record(in, file, line); row != null; row = record(in, file, line)) {
                if (row.size() != HEADER.size()) {
                    throw unreadable(file, line, "row", "expected " + HEADER.size() + " fields, found " + row.size());
                }
                int epoch = positiveInt(row.get(2), file, line, "epoch");
                int epochs = positiveInt(row.get(3), file, line, "epochs");
                double value = finite(row.get(5), file, line, "value");
                double seconds = finite(row.get(6), file, line, "seconds");
                List<String> key = List.of(row.get(0), row.get(1), row.get(4));
                ObjectNode s = series.computeIfAbsent(key, k -> {
                    ObjectNode n = WebJson.object();
                    n.put("model", k.get(0));
                    n.put("component", k.get(1));
                    n.put("metric", k.get(2));
                    n.put("epochs", epochs);
                    n.put("seconds", 0.0);
                    n.putArray("points");
                    return n;
                });
                s.put("seconds", s.get("seconds").asDouble() + seconds);
                ((ArrayNode) s.get("points")).addArray().add(epoch).add(value);
                line += lines(row);
            }
        }
        ArrayNode out = WebJson.MAPPER.createArrayNode();
        series.values().forEach(out::add);
        return out;
    }

    /** One RFC 4180 record (quoted fields may span lines); null at the end of the file. */
    private static List<String> record(BufferedReader in, Path file, int line) throws IOException {
        int c = in.read();
        if (c < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw unreadable(file, line, "row", "a quoted field is not closed");
                }
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = next;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c < 0 || c == '\n') {
                fields.add(field.toString());
                return fields;
            } else if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                fields.add(field.toString());
                return fields;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '"' && field.length() == 0 && !afterQuote) {
                quoted = true;
            } else if (afterQuote) {
                throw unreadable(file, line, "row", "text after a closing quote");
            } else {
                field.append((char) c);
            }
            c = in.read();
        }
    }

    /** How many lines a record took: quoted fields may hold line breaks. */
    private static int lines(List<String> row) {
        int n = 1;
        for (String f : row) {
            for (int i = 0; i < f.length(); i++) {
                if (f.charAt(i) == '\n') {
                    n++;
                }
            }
        }
        return n;
    }

    private static int positiveInt(String s, Path file, int line, String field) {
        try {
            int v = Integer.parseInt(s.trim());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the file and line
        }
        throw unreadable(file, line, field, "expected a whole number of at least 1, found \"" + s + "\"");
    }

    private static double finite(String s, Path file, int line, String field) {
        try {
            double v = Double.parseDouble(s.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the file and line
        }
        throw unreadable(file, line, field, "expected a finite number, found \"" + s + "\"");
    }

    private static HttpProblem unreadable(Path file, int line, String field, String reason) {
        return new HttpProblem(500, "report-unreadable", "Learning curves unreadable",
                file + " line " + line + ", " + field + ": " + reason);
    }
}
