// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.server.http.ApiKey;
import dev.tailor.server.http.Role;
import dev.tailor.server.model.ModelsConfig;
import dev.tailor.server.scene.SceneSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link ServerConfig} from JSON. Every field is optional (defaults from {@link ServerConfig#defaults()});
 * unknown fields are errors; every problem is reported with its path. Keys can come from the environment
 * ({@code "key_env": "TAILOR_KEY_SHOP"}) so that secrets stay out of files. Durations are written {@code 45s},
 * {@code 30m}, {@code 6h}, {@code 14d} or ISO-8601 ({@code PT6H}).
 *
 * <pre>
 * {
 *   "host": "0.0.0.0", "port": 8080,
 *   "api_keys": [{"name": "shop-backend", "key_env": "TAILOR_INGEST_KEY", "roles": ["ingest"]},
 *                {"name": "storefront", "key_env": "TAILOR_READ_KEY", "roles": ["read"]}],
 *   "rules_file": "rules.json",
 *   "models": {"similar": "item-knn:k=50", "extra_models": ["als:factors=64"], "trending_window": "14d"},
 *   "scenes": {"default_k": 10, "max_k": 100, "diversity": {"home": 0.3}},
 *   "retrain_every": "6h",
 *   "limits": {"max_batch": 1000, "max_in_flight": 16, "max_queued": 256, "request_timeout_millis": 1000},
 *   "live": {"events_per_customer": 32, "max_customers": 200000},
 *   "access_log": true, "metrics_public": false, "deal_tag": "deal",
 *   "search": {"text_model": "multilingual"}
 * }
 * </pre>
 */
public final class ServerConfigFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Set<String> TOP = Set.of("host", "port", "api_keys", "auth_disabled", "rules_file",
            "models", "scenes", "retrain_every", "limits", "live", "access_log", "metrics_public", "deal_tag", "search");

    private final List<Problem> problems = new ArrayList<>();
    private final String source;
    private final UnaryOperator<String> env;

    private ServerConfigFile(String source, UnaryOperator<String> env) {
        this.source = source;
        this.env = env;
    }

    /** Reads a file; relative {@code rules_file} paths resolve against the file's directory. */
    public static ServerConfig load(Path file) {
        return load(file, System::getenv);
    }

    static ServerConfig load(Path file, UnaryOperator<String> env) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new ValidationException(new Problem(file.toString(), e.getLocation() == null ? 0
                    : e.getLocation().getLineNr(), "", "malformed JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ValidationException(new Problem(file.toString(), 0, "", "cannot read: " + e.getMessage()));
        }
        Path base = file.toAbsolutePath().getParent();
        return new ServerConfigFile(file.toString(), env).parse(root, base);
    }

    /** Parses a document (for tests and for callers that hold the JSON already). */
    static ServerConfig parse(JsonNode root, Path base, UnaryOperator<String> env) {
        return new ServerConfigFile("config", env).parse(root, base);
    }

    private ServerConfig parse(JsonNode root, Path base) {
        if (root == null || !root.isObject()) {
            throw new ValidationException(new Problem(source, 0, "", "expected a JSON object"));
        }
        unknown(root, TOP, "");
        ServerConfig d = ServerConfig.defaults();
        String host = text(root, "host", d.host());
        int port = (int) number(root, "port", d.port());
        List<ApiKey> keys = keys(root.get("api_keys"));
        boolean authDisabled = bool(root, "auth_disabled", d.authDisabled());
        Optional<Path> rules = Optional.ofNullable(text(root, "rules_file", null)).map(base::resolve);
        ModelsConfig models = models(root.get("models"), d.models());
        SceneSettings scenes = scenes(root.get("scenes"), d.scenes());
        Optional<Duration> retrain = Optional.ofNullable(text(root, "retrain_every", null))
                .map(t -> duration("retrain_every", t));
        ServerConfig.Limits limits = limits(root.get("limits"), d.limits());
        ServerConfig.Live live = live(root.get("live"), d.live());
        boolean accessLog = bool(root, "access_log", d.accessLog());
        boolean metricsPublic = bool(root, "metrics_public", d.metricsPublic());
        String dealTag = text(root, "deal_tag", d.dealTag());
        String textModel = textModel(root.get("search"), d.textModel());
        check();
        try {
            return new ServerConfig(host, port, keys, authDisabled, rules, models, scenes, retrain, limits, live,
                    accessLog, metricsPublic, dealTag, textModel);
        } catch (ValidationException e) {
            throw located(e);
        }
    }

    private List<ApiKey> keys(JsonNode node) {
        List<ApiKey> keys = new ArrayList<>();
        if (node == null) {
            return keys;
        }
        if (!node.isArray()) {
            add("api_keys", "expected an array of {name, key or key_env, roles}");
            return keys;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode k = node.get(i);
            String path = "api_keys[" + i + "]";
            if (!k.isObject()) {
                add(path, "expected an object {name, key or key_env, roles}");
                continue;
            }
            unknown(k, Set.of("name", "key", "key_env", "roles"), path);
            String name = text(k, "name", null, path);
            String key = text(k, "key", null, path);
            String keyEnv = text(k, "key_env", null, path);
            if ((key == null) == (keyEnv == null)) {
                add(path, "give exactly one of \"key\" or \"key_env\"");
                continue;
            }
            if (keyEnv != null) {
                key = env.apply(keyEnv);
                if (key == null || key.isBlank()) {
                    add(path + ".key_env", "environment variable " + keyEnv + " is not set");
                    continue;
                }
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            JsonNode r = k.get("roles");
            if (r == null || !r.isArray() || r.isEmpty()) {
                add(path + ".roles", "expected a non-empty array of ingest, read, admin");
                continue;
            }
            for (int j = 0; j < r.size(); j++) {
                try {
                    roles.add(Role.parse(r.get(j).asText()));
                } catch (ValidationException e) {
                    add(path + ".roles[" + j + "]", e.problems().get(0).reason());
                }
            }
            try {
                keys.add(new ApiKey(name, key, roles));
            } catch (ValidationException e) {
                e.problems().forEach(p -> add(path + "." + p.field().replaceFirst("^api_keys\\.([^.]+\\.)?", ""),
                        p.reason()));
            }
        }
        return keys;
    }

    private ModelsConfig models(JsonNode n, ModelsConfig d) {
        if (n == null) {
            return d;
        }
        if (!object(n, "models")) {
            return d;
        }
        unknown(n, Set.of("similar", "bought_together", "popular", "segments", "trending", "trending_window",
                "history_length", "list_length", "extra_models"), "models");
        List<String> extra = new ArrayList<>(d.extraModels());
        JsonNode e = n.get("extra_models");
        if (e != null) {
            extra.clear();
            if (!e.isArray()) {
                add("models.extra_models", "expected an array of model specs");
            } else {
                e.forEach(x -> extra.add(x.asText()));
            }
        }
        String window = text(n, "trending_window", null, "models");
        try {
            return new ModelsConfig(text(n, "similar", d.similar(), "models"),
                    text(n, "bought_together", d.boughtTogether(), "models"),
                    text(n, "popular", d.popular(), "models"), text(n, "segments", d.segments(), "models"),
                    text(n, "trending", d.trending(), "models"),
                    window == null ? d.trendingWindow() : duration("models.trending_window", window),
                    (int) number(n, "history_length", d.historyLength(), "models"),
                    (int) number(n, "list_length", d.listLength(), "models"), extra);
        } catch (ValidationException ex) {
            problems.addAll(ex.problems().stream().map(p -> p.at(source, 0)).toList());
            return d;
        }
    }

    private SceneSettings scenes(JsonNode n, SceneSettings d) {
        if (n == null || !object(n, "scenes")) {
            return d;
        }
        unknown(n, Set.of("default_k", "max_k", "diversity", "search_candidates"), "scenes");
        Map<String, Float> diversity = new HashMap<>();
        JsonNode div = n.get("diversity");
        if (div != null && object(div, "scenes.diversity")) {
            Iterator<Map.Entry<String, JsonNode>> it = div.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                diversity.put(e.getKey(), e.getValue().isNumber() ? e.getValue().floatValue() : Float.NaN);
            }
        }
        try {
            return new SceneSettings((int) number(n, "default_k", d.defaultK(), "scenes"),
                    (int) number(n, "max_k", d.maxK(), "scenes"), diversity,
                    (int) number(n, "search_candidates", d.searchCandidates(), "scenes"));
        } catch (ValidationException ex) {
            problems.addAll(ex.problems().stream().map(p -> p.at(source, 0)).toList());
            return d;
        }
    }

    private ServerConfig.Limits limits(JsonNode n, ServerConfig.Limits d) {
        if (n == null || !object(n, "limits")) {
            return d;
        }
        unknown(n, Set.of("max_batch", "max_body_bytes", "max_in_flight", "max_queued", "queue_timeout_millis",
                "request_timeout_millis", "threads", "shutdown_grace_millis"), "limits");
        int inFlight = (int) number(n, "max_in_flight", d.maxInFlight(), "limits");
        int queued = (int) number(n, "max_queued", d.maxQueued(), "limits");
        int threads = (int) number(n, "threads", n.has("threads") ? d.threads() : inFlight + queued + 16, "limits");
        try {
            return new ServerConfig.Limits((int) number(n, "max_batch", d.maxBatch(), "limits"),
                    number(n, "max_body_bytes", d.maxBodyBytes(), "limits"), inFlight, queued,
                    number(n, "queue_timeout_millis", d.queueTimeoutMillis(), "limits"),
                    number(n, "request_timeout_millis", d.requestTimeoutMillis(), "limits"), threads,
                    number(n, "shutdown_grace_millis", d.shutdownGraceMillis(), "limits"));
        } catch (ValidationException ex) {
            problems.addAll(ex.problems().stream().map(p -> p.at(source, 0)).toList());
            return d;
        }
    }

    private String textModel(JsonNode n, String d) {
        if (n == null || !object(n, "search")) {
            return d;
        }
        unknown(n, Set.of("text_model"), "search");
        return text(n, "text_model", d, "search");
    }

    private ServerConfig.Live live(JsonNode n, ServerConfig.Live d) {
        if (n == null || !object(n, "live")) {
            return d;
        }
        unknown(n, Set.of("events_per_customer", "max_customers", "max_profiles", "ledger"), "live");
        try {
            return new ServerConfig.Live((int) number(n, "events_per_customer", d.eventsPerCustomer(), "live"),
                    (int) number(n, "max_customers", d.maxCustomers(), "live"),
                    (int) number(n, "max_profiles", d.maxProfiles(), "live"),
                    (int) number(n, "ledger", d.ledger(), "live"));
        } catch (ValidationException ex) {
            problems.addAll(ex.problems().stream().map(p -> p.at(source, 0)).toList());
            return d;
        }
    }

    /** {@code 45s}, {@code 30m}, {@code 6h}, {@code 14d}, {@code 500ms} or ISO-8601. */
    Duration duration(String field, String text) {
        Optional<Duration> d = tryDuration(text);
        if (d.isEmpty()) {
            add(field, durationExpected(text));
        }
        return d.orElse(Duration.ofDays(1));
    }

    /**
     * Parses a duration as the configuration file writes it ({@code 45s}, {@code 30m}, {@code 6h}, {@code 14d},
     * {@code 500ms} or ISO-8601), for command-line options that mirror file fields.
     *
     * @param field the option or field named in the error
     * @throws ValidationException when the text is no duration
     */
    public static Duration parseDuration(String field, String text) {
        return tryDuration(text).orElseThrow(() -> ValidationException.of(field, durationExpected(text)));
    }

    private static String durationExpected(String text) {
        return "expected a duration such as 45s, 30m, 6h, 14d or PT6H, was '" + text + "'";
    }

    private static Optional<Duration> tryDuration(String text) {
        Matcher m = SHORT_DURATION.matcher(text.strip());
        if (m.matches()) {
            try {
                long v = Long.parseLong(m.group(1));
                return Optional.of(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(v);
                    case "s" -> Duration.ofSeconds(v);
                    case "m" -> Duration.ofMinutes(v);
                    case "h" -> Duration.ofHours(v);
                    default -> Duration.ofDays(v);
                });
            } catch (NumberFormatException | ArithmeticException tooLarge) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(Duration.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private boolean object(JsonNode n, String path) {
        if (!n.isObject()) {
            add(path, "expected an object");
            return false;
        }
        return true;
    }

    private void unknown(JsonNode n, Set<String> allowed, String path) {
        n.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                add(path.isEmpty() ? name : path + "." + name, "unknown field; expected one of "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        });
    }

    private String text(JsonNode n, String field, String fallback) {
        return text(n, field, fallback, "");
    }

    private String text(JsonNode n, String field, String fallback, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            add(join(path, field), "expected a string, was " + v);
            return fallback;
        }
        return v.asText();
    }

    private long number(JsonNode n, String field, long fallback) {
        return number(n, field, fallback, "");
    }

    private long number(JsonNode n, String field, long fallback, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber()) {
            add(join(path, field), "expected a whole number, was " + v);
            return fallback;
        }
        return v.longValue();
    }

    private boolean bool(JsonNode n, String field, boolean fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            add(field, "expected true or false, was " + v);
            return fallback;
        }
        return v.booleanValue();
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private void add(String field, String reason) {
        problems.add(new Problem(source, 0, field, reason));
    }

    private void check() {
        if (!problems.isEmpty()) {
            throw new ValidationException(List.copyOf(problems));
        }
    }

    private ValidationException located(ValidationException e) {
        return new ValidationException(e.problems().stream().map(p -> p.at(source, 0)).toList());
    }
}
