// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailor.core.model.Provenance;
import dev.tailor.server.feedback.OnlineMetrics;
import dev.tailor.server.model.ModelSet;
import dev.tailor.server.rules.RuleSet;
import dev.tailor.server.training.TrainingRunningException;
import dev.tailor.server.training.TrainingStatus;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POST /v1/admin/train, GET /v1/admin/models, GET and PUT /v1/admin/rules, GET /v1/admin/metrics/online.
 */
final class AdminEndpoints {
    private static final long MAX_WAIT_SECONDS = 600;
    private final Services s;

    AdminEndpoints(Services s) {
        this.s = s;
    }

    /** Starts a training; with {@code wait=true} answers when the new set serves (or training failed). */
    void train(Context ctx) {
        Params p = Params.of(ctx, Set.of("wait"));
        boolean wait = p.bool("wait", false);
        p.check();
        Optional<CompletableFuture<ModelSet>> started = s.models().trainAsync();
        if (started.isEmpty()) {
            throw new TrainingRunningException(s.models().status());
        }
        if (!wait) {
            ObjectNode o = Json.object();
            o.set("training", status(s.models().status()));
            Json.send(ctx, 202, o);
            return;
        }
        try {
            ModelSet m = started.get().get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
            ObjectNode o = Json.object();
            o.set("model_set", info(m.info()));
            o.set("training", status(s.models().status()));
            Json.send(ctx, 200, o);
        } catch (ExecutionException e) {
            throw new HttpProblem(500, "training-failed", "Training failed", "training failed: "
                    + e.getCause().getMessage() + "; the previous model set still serves");
        } catch (TimeoutException e) {
            throw new HttpProblem(504, "training-slow", "Training still running",
                    "training is still running after " + MAX_WAIT_SECONDS + " s; see GET /v1/admin/models");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpProblem(503, "shutting-down", "Shutting down", "interrupted while waiting for training");
        }
    }

    void models(Context ctx) {
        Params.of(ctx, Set.of()).check();
        ObjectNode o = Json.object();
        o.set("model_set", info(s.models().get().info()));
        o.set("training", status(s.models().status()));
        Json.send(ctx, 200, o);
    }

    void rules(Context ctx) {
        Params.of(ctx, Set.of()).check();
        Json.send(ctx, 200, rulesBody(s.rules().get()));
    }

    /** Replaces the rule set; an invalid document is rejected whole with every problem listed. */
    void putRules(Context ctx) {
        Params.of(ctx, Set.of()).check();
        JsonNode body = s.bodies().read(ctx);
        RuleSet rules = RuleSet.parse(body, "");
        s.rules().set(rules);
        Json.send(ctx, 200, rulesBody(rules));
    }

    private static ObjectNode rulesBody(RuleSet rules) {
        ObjectNode o = Json.object();
        o.set("rules", rules.source().get("rules"));
        ArrayNode d = o.putArray("described");
        rules.describe().forEach(d::add);
        return o;
    }

    void onlineMetrics(Context ctx) {
        Params.of(ctx, Set.of()).check();
        ObjectNode o = Json.object();
        o.set("by_scene", rows(s.feedback().byScene()));
        o.set("by_model", rows(s.feedback().bySource()));
        o.set("by_model_set", rows(s.feedback().byModelSet()));
        Json.send(ctx, 200, o);
    }

    private static ArrayNode rows(List<OnlineMetrics.Row> rows) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (OnlineMetrics.Row r : rows) {
            ObjectNode o = a.addObject();
            o.put("scene", r.scene());
            o.put("model", r.model());
            o.put("served", r.served());
            o.put("impressions", r.impressions());
            o.put("clicks", r.clicks());
            o.put("conversions", r.conversions());
            o.put("ctr", r.ctr());
            o.put("conversion_rate", r.conversionRate());
        }
        return a;
    }

    static ObjectNode info(ModelSet.Info i) {
        ObjectNode o = Json.object();
        o.put("label", i.label());
        o.put("version", i.version());
        o.put("trained_at", i.trainedAt().toString());
        o.put("train_millis", i.trainMillis());
        o.put("data", i.dataName());
        o.put("data_fingerprint", i.dataFingerprint());
        o.put("users", i.users());
        o.put("items", i.items());
        o.put("events", i.events());
        ArrayNode models = o.putArray("models");
        for (Provenance p : i.provenance()) {
            ObjectNode m = models.addObject();
            m.put("algorithm", p.algorithm());
            ObjectNode c = m.putObject("config");
            p.config().forEach(c::put);
            m.put("train_millis", p.trainMillis());
        }
        return o;
    }

    static ObjectNode status(TrainingStatus t) {
        ObjectNode o = Json.object();
        o.put("state", t.state());
        o.put("version", t.version());
        t.startedAt().ifPresent(v -> o.put("started_at", v.toString()));
        t.finishedAt().ifPresent(v -> o.put("finished_at", v.toString()));
        t.error().ifPresent(v -> o.put("error", v));
        return o;
    }
}
