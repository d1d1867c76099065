// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.server.http.ApiKey;
import dev.tailor.server.model.ModelsConfig;
import dev.tailor.server.scene.SceneSettings;
import dev.tailor.server.search.SemanticIndex;
import dev.tailor.text.encoder.EncoderConfig;
import dev.tailor.text.encoder.Encoders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link TailorServer} runs. Build it with {@link #defaults()} and the {@code with...} methods, or read a
 * JSON file with {@link ServerConfigFile#load}.
 *
 * @param host interface to bind ("127.0.0.1" for loopback only, "0.0.0.0" for all)
 * @param port TCP port; 0 picks a free one (see {@link TailorServer#port()})
 * @param apiKeys the keys and their roles
 * @param authDisabled serve without keys (a laptop demo); the server refuses to start with no keys otherwise
 * @param rulesFile business rules (JSON) to start with; empty for the defaults (exclude purchased and
 *     unavailable)
 * @param models what each model set contains
 * @param scenes scene defaults (k, diversity)
 * @param retrainEvery retrain and hot-swap on this period; empty for on demand only
 * @param limits request limits and overload protection
 * @param live bounds of the in-memory real-time state
 * @param accessLog write one JSON line per request to the access logger
 * @param metricsPublic serve /metrics without a key
 * @param dealTag the item tag that marks deals
 * @param textModel the language model for search by meaning and text neighbours ({@code multilingual}, a model id
 *     of tailor-text's {@code PretrainedModels}, or {@code none}); used when the store holds item vectors of this
 *     model ({@code tailor embed --model}), else search is lexical
 */
public record ServerConfig(String host, int port, List<ApiKey> apiKeys, boolean authDisabled,
        Optional<Path> rulesFile, ModelsConfig models, SceneSettings scenes, Optional<Duration> retrainEvery,
        Limits limits, Live live, boolean accessLog, boolean metricsPublic, String dealTag, String textModel) {

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        apiKeys = List.copyOf(apiKeys);
        Objects.requireNonNull(rulesFile, "rulesFile");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(scenes, "scenes");
        Objects.requireNonNull(retrainEvery, "retrainEvery");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(live, "live");
        List<Problem> problems = new ArrayList<>();
        if (port < 0 || port > 65_535) {
            problems.add(Problem.of("port", "expected 0..65535, was " + port));
        }
        if (retrainEvery.isPresent() && retrainEvery.get().toSeconds() < 10) {
            problems.add(Problem.of("retrain_every", "expected at least 10 seconds, was " + retrainEvery.get()));
        }
        if (dealTag == null || dealTag.isBlank()) {
            problems.add(Problem.of("deal_tag", "missing"));
        }
        if (textModel == null || textModel.isBlank()) {
            problems.add(Problem.of("search.text_model", "missing; expected " + SemanticIndex.NONE + " or one of "
                    + String.join(", ", Encoders.names())));
        } else if (!textModel.strip().equalsIgnoreCase(SemanticIndex.NONE)) {
            try {
                Encoders.modelId(textModel, EncoderConfig.defaults());
            } catch (ValidationException e) {
                problems.add(Problem.of("search.text_model", "unknown text model '" + textModel + "'; expected "
                        + SemanticIndex.NONE + " or one of " + String.join(", ", Encoders.names())));
            }
        }
        List<String> names = new ArrayList<>();
        for (ApiKey k : apiKeys) {
            if (names.contains(k.name())) {
                problems.add(Problem.of("api_keys", "two keys are named '" + k.name() + "'"));
            }
            names.add(k.name());
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** Loopback, port 8080, no keys (set some, or disable auth), default models, rules and limits. */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 8080, List.of(), false, Optional.empty(), ModelsConfig.defaults(),
                SceneSettings.defaults(), Optional.empty(), Limits.defaults(), Live.defaults(), true, false,
                "deal", Encoders.MULTILINGUAL);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, apiKeys, authDisabled, rulesFile, models, scenes, retrainEvery, limits,
                live, accessLog, metricsPublic, dealTag, textModel);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, apiKeys, authDisabled, rulesFile, models, scenes, retrainEvery, limits,
                live, accessLog, metricsPublic, dealTag, textModel);
    }

    public ServerConfig withApiKeys(List<ApiKey> keys) {
        return new ServerConfig(host, port, keys, authDisabled, rulesFile, models, scenes, retrainEvery, limits,
                live, accessLog, metricsPublic, dealTag, textModel);
    }

    public ServerConfig withAuthDisabled(boolean disabled) {
        return new ServerConfig(host, port, apiKeys, disabled, rulesFile, models, scenes, retrainEvery, limits,
                live, accessLog, metricsPublic, dealTag, textModel);
    }

    public ServerConfig withRulesFile(Path file) {
        return new ServerConfig(host, port, apiKeys, authDisabled, Optional.of(file), models, scenes, retrainEvery,
                limits, live, accessLog, metricsPublic, dealTag, textModel);
    }

    public ServerConfig withModels(ModelsConfig m) {
        return new ServerConfig(host, port, apiKeys, authDisabled, rulesFile, m, scenes, retrainEvery, limits,
                live, accessLog, metricsPublic, dealTag, textModel);
    }

    public ServerConfig withScenes(SceneSettings s) {
        return new ServerConfig(host, port, apiKeys, authDisabled, rulesFile, models, s, retrainEvery, limits,
                live, accessLog, metricsPublic, dealTag, textModel);
    }

    public ServerConfig withRetrainEvery(Duration d) {
        return new ServerConfig(host, port, apiKeys, authDisabled, rulesFile, models, scenes, Optional.of(d),
                limits, live, accessLog, metricsPublic, dealTag, textModel);
    }

    public ServerConfig withLimits(Limits l) {
        return new ServerConfig(host, port, apiKeys, authDisabled, rulesFile, models, scenes, retrainEvery, l,
                live, accessLog, metricsPublic, dealTag, textModel);
    }

    public ServerConfig withLive(Live l) {
        return new ServerConfig(host, port, apiKeys, authDisabled, rulesFile, models, scenes, retrainEvery, limits,
                l, accessLog, metricsPublic, dealTag, textModel);
    }

    public ServerConfig withAccessLog(boolean on) {
        return new ServerConfig(host, port, apiKeys, authDisabled, rulesFile, models, scenes, retrainEvery, limits,
                live, on, metricsPublic, dealTag, textModel);
    }

    /** The language model for semantic search, or {@code none}. */
    public ServerConfig withTextModel(String model) {
        return new ServerConfig(host, port, apiKeys, authDisabled, rulesFile, models, scenes, retrainEvery, limits,
                live, accessLog, metricsPublic, dealTag, model);
    }

    public ServerConfig withMetricsPublic(boolean on) {
        return new ServerConfig(host, port, apiKeys, authDisabled, rulesFile, models, scenes, retrainEvery, limits,
                live, accessLog, on, dealTag, textModel);
    }

    /**
     * Request limits and overload protection.
     *
     * @param maxBatch records per batch request
     * @param maxBodyBytes request body size
     * @param maxInFlight requests served concurrently (about 2-4 per core for this CPU-bound work)
     * @param maxQueued requests waiting for a turn before new ones are shed with 503
     * @param queueTimeoutMillis longest wait for a turn
     * @param requestTimeoutMillis time budget of a recommendation request
     * @param threads HTTP worker threads (must exceed maxInFlight + maxQueued to let the queue form)
     * @param shutdownGraceMillis how long a graceful stop waits for admitted requests
     */
    public record Limits(int maxBatch, long maxBodyBytes, int maxInFlight, int maxQueued, long queueTimeoutMillis,
            long requestTimeoutMillis, int threads, long shutdownGraceMillis) {
        public Limits {
            List<Problem> problems = new ArrayList<>();
            range(problems, "limits.max_batch", maxBatch, 1, 100_000);
            range(problems, "limits.max_body_bytes", maxBodyBytes, 1_024, 1L << 30);
            range(problems, "limits.max_in_flight", maxInFlight, 1, 10_000);
            range(problems, "limits.max_queued", maxQueued, 0, 100_000);
            range(problems, "limits.queue_timeout_millis", queueTimeoutMillis, 0, 60_000);
            range(problems, "limits.request_timeout_millis", requestTimeoutMillis, 1, 600_000);
            range(problems, "limits.threads", threads, 4, 10_000);
            range(problems, "limits.shutdown_grace_millis", shutdownGraceMillis, 0, 600_000);
            if (problems.isEmpty() && threads < maxInFlight + 2) {
                problems.add(Problem.of("limits.threads", "must exceed max_in_flight (" + maxInFlight
                        + ") by at least 2, was " + threads));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
        }

        public static Limits defaults() {
            int cores = Runtime.getRuntime().availableProcessors();
            int inFlight = Math.max(8, 4 * cores);
            return new Limits(1_000, 16L << 20, inFlight, 256, 200, 1_000, inFlight + 256 + 16, 10_000);
        }

        public Limits withMaxBatch(int n) {
            return new Limits(n, maxBodyBytes, maxInFlight, maxQueued, queueTimeoutMillis, requestTimeoutMillis,
                    threads, shutdownGraceMillis);
        }

        public Limits withMaxBodyBytes(long n) {
            return new Limits(maxBatch, n, maxInFlight, maxQueued, queueTimeoutMillis, requestTimeoutMillis,
                    threads, shutdownGraceMillis);
        }

        /** Concurrency, queue and matching thread count. */
        public Limits withConcurrency(int inFlight, int queued, long queueTimeout) {
            return new Limits(maxBatch, maxBodyBytes, inFlight, queued, queueTimeout, requestTimeoutMillis,
                    inFlight + queued + 16, shutdownGraceMillis);
        }

        public Limits withRequestTimeoutMillis(long ms) {
            return new Limits(maxBatch, maxBodyBytes, maxInFlight, maxQueued, queueTimeoutMillis, ms, threads,
                    shutdownGraceMillis);
        }
    }

    /**
     * Bounds of the real-time state.
     *
     * @param eventsPerCustomer live events kept per customer
     * @param maxCustomers customers with live events kept (least recently active forgotten first)
     * @param maxProfiles customer profiles cached beyond the models
     * @param ledger recommendation responses remembered for feedback attribution
     */
    public record Live(int eventsPerCustomer, int maxCustomers, int maxProfiles, int ledger) {
        public Live {
            List<Problem> problems = new ArrayList<>();
            range(problems, "live.events_per_customer", eventsPerCustomer, 1, 1_000);
            range(problems, "live.max_customers", maxCustomers, 1, 100_000_000);
            range(problems, "live.max_profiles", maxProfiles, 1, 100_000_000);
            range(problems, "live.ledger", ledger, 1, 100_000_000);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
        }

        public static Live defaults() {
            return new Live(32, 200_000, 200_000, 200_000);
        }
    }

    private static void range(List<Problem> problems, String field, long v, long min, long max) {
        if (v < min || v > max) {
            problems.add(Problem.of(field, "expected " + min + ".." + max + ", was " + v));
        }
    }
}
