// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli.serve;

import dev.tailor.cli.CliAlgorithms;
import dev.tailor.cli.StoreOptions;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.Store;
import dev.tailor.server.ServerConfig;
import dev.tailor.server.ServerConfigFile;
import dev.tailor.server.TailorServer;
import dev.tailor.text.encoder.Encoders;
import dev.tailor.server.http.ApiKey;
import dev.tailor.server.model.ModelSet;
import dev.tailor.server.privacy.RetentionJob;
import dev.tailor.server.scene.ServingExtensions;
import dev.tailor.web.WebConfig;
import dev.tailor.web.WebUi;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tailor serve}: the HTTP API over a store, in the foreground until Ctrl-C. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Serve recommendations over HTTP until Ctrl-C.",
        description = {
            "Start the HTTP API a shop calls on every page. Reference: docs/api.md; a",
            "running server also describes itself at /docs and /openapi.json.",
            "",
            "At start the server reads the catalog from the store, indexes it for",
            "search and trains a model set from everything in the store (models are",
            "not kept between runs: seconds for the sample shop, about a minute for",
            "10 million events); then it listens. Events posted to it change the next",
            "recommendations at once; POST /v1/admin/train (or --retrain-every)",
            "retrains and swaps the new models in without dropping a request.",
            "",
            "API keys have roles: ingest (write items, customers, events), read",
            "(recommendations), admin (everything: training, rules, online metrics,",
            "/metrics). Give them as NAME:ROLES:KEY with --api-key, in",
            ApiKeySpecs.ENV + " (entries separated by spaces or ';'), or in the",
            "--config file (whose \"key_env\" keeps secrets out of files). Keys are",
            "printed by name and first characters only. Without keys the server",
            "refuses to start, unless --no-auth (loopback only, to try Tailor out).",
            "",
            "Options given here override the --config file (format: the",
            "Configuration section of docs/api.md). Ctrl-C or SIGTERM stops",
            "gracefully: health turns 503, new requests are refused, requests in",
            "flight finish.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tailor sample-shop && tailor serve --no-auth",
            "  export " + ApiKeySpecs.ENV + "=\"storefront:read:$READ_KEY ops:admin:$ADMIN_KEY\"",
            "  tailor serve --store jdbc:postgresql://db:5432/shop --host 0.0.0.0",
            "  tailor serve --config tailor-server.json --rules rules.json",
            "  tailor serve --no-auth --retrain-every 6h --port 9090",
            "  tailor serve --no-auth --privacy-keys keys.properties --retention 365d",
            "  curl -H \"Authorization: Bearer $READ_KEY\" \\",
            "       localhost:8080/v1/users/u0000001/home"})
public final class ServeCommand implements Callable<Integer> {
    private static final Duration DEFAULT_RETENTION_EVERY = Duration.ofDays(1);

    @Mixin
    StoreOptions store;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Server configuration (JSON; see Configuration in docs/api.md); the options below "
                    + "override it.")
    Path configFile;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Interface to listen on: 127.0.0.1 (default: this machine only) or 0.0.0.0 (all).")
    String host;

    @Option(names = "--port", paramLabel = "PORT",
            description = "TCP port (default 8080); 0 picks a free one (see --port-file).")
    Integer port;

    @Option(names = "--api-key", paramLabel = "NAME:ROLES:KEY",
            description = "An API key, e.g. storefront:read:KEY or backend:ingest,read:KEY (KEY at least "
                    + ApiKey.MIN_LENGTH + " characters); repeatable. Other local users can see command lines: "
                    + "prefer " + ApiKeySpecs.ENV + " or the config file.")
    List<String> apiKeys = new ArrayList<>();

    @Option(names = "--no-auth",
            description = "Serve without API keys: only on a loopback host, for trying Tailor out locally.")
    boolean noAuth;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Business rules (JSON: exclude, boost, bury, pin, category caps; see docs/api.md). "
                    + "Default: exclude purchased and unavailable items.")
    Path rulesFile;

    @Option(names = "--extra-model", paramLabel = "SPEC",
            description = "Also train this registry model into each model set and serve it as a 'For you' "
                    + "candidate source, e.g. ease or als:factors=64; repeatable.")
    List<String> extraModels = new ArrayList<>();

    @Option(names = "--retrain-every", paramLabel = "DURATION",
            description = "Retrain from the store and hot-swap on this period, e.g. 30m, 6h, 1d (default: only "
                    + "on POST /v1/admin/train).")
    String retrainEvery;

    @Option(names = "--retention", paramLabel = "AGE",
            description = "Delete events older than AGE (e.g. 365d; at least 1 day) at start, before training, and "
                    + "then every --retention-every; customer profiles are kept (docs/privacy.md).")
    String retention;

    @Option(names = "--retention-every", paramLabel = "DURATION",
            description = "How often the --retention purge runs (default 1d).")
    String retentionEvery;

    @Option(names = "--no-access-log",
            description = "Do not write the JSON request log (one line per request on stderr).")
    boolean noAccessLog;

    @Option(names = "--evaluation", paramLabel = "DIR",
            description = "Show this 'tailor evaluate --out' report (its folder or metrics.json) on the dashboard "
                    + "at /admin; it is read again on each request, so a new evaluation shows up without a restart.")
    Path evaluation;

    @Option(names = "--text-model", paramLabel = "NAME",
            description = "Language model for search by meaning and text-similar items: multilingual (default: "
                    + "Chinese text to bge-small-zh-v1.5-q, other text to all-minilm-l6-v2-q), bge-small-zh-v1.5-q, "
                    + "all-minilm-l6-v2-q, bge-small-en-v1.5-q, or none. Used when 'tailor embed --model NAME' has "
                    + "stored the catalog's vectors; otherwise search is lexical (BM25) and the log says so.")
    String textModel;

    @Option(names = "--port-file", paramLabel = "FILE",
            description = "Write the port to FILE once listening (for scripts that start with --port 0).")
    Path portFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ServerConfig config = config(System::getenv);
        Optional<Retention> retain = retention();
        out.printf(Locale.ROOT, "Starting Tailor on %s:%d over %s: loading the catalog, indexing it, loading "
                + "the saved model set or training one...%n", config.host(), config.port(), store.spec());
        out.flush();
        Store s = store.open();
        TailorServer server;
        Optional<RetentionJob> job;
        try {
            // Before training, so that the first model set does not learn from events that are due for deletion.
            job = retain.map(r -> r.purgeNow(s, out));
            WebConfig web = evaluation == null ? WebConfig.defaults() : WebConfig.defaults()
                    .withEvaluationReport(evaluation);
            server = TailorServer.create(config, s, ServingExtensions.NONE, CliAlgorithms.forStore(s),
                    List.of(new WebUi(s, web))).start();
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        try {
            writePortFile(server.port());
        } catch (RuntimeException e) {
            server.stop();
            s.close();
            throw e;
        }
        banner(server, store.spec(), out);
        retain.ifPresent(r -> out.printf(Locale.ROOT, "  retention   events older than %s deleted every %s%n",
                human(r.maxAge()), human(r.every())));
        retain.ifPresent(r -> job.orElseThrow().start(r.every()));
        out.println("Press Ctrl-C to stop; requests in flight finish first.");
        out.flush();
        Foreground.run(server, s, job.stream().toList(), out);
        return 0;
    }

    /** The retention options: events older than {@code maxAge} are deleted every {@code every}. */
    record Retention(Duration maxAge, Duration every) {
        RetentionJob purgeNow(Store s, PrintWriter out) {
            RetentionJob job = new RetentionJob(s, maxAge, Clock.systemUTC());
            long n = job.runOnce();
            out.printf(Locale.ROOT, "Retention: deleted %,d events older than %s.%n", n, human(maxAge));
            out.flush();
            return job;
        }
    }

    /** 365d rather than PT8760H. */
    private static String human(Duration d) {
        return d.toSeconds() % 86_400 == 0 ? d.toDays() + "d" : d.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    Optional<Retention> retention() {
        if (retention == null) {
            if (retentionEvery != null) {
                throw ValidationException.of("--retention-every", "sets how often the --retention purge runs; give "
                        + "--retention AGE too, e.g. --retention 365d");
            }
            return Optional.empty();
        }
        Duration age = ServerConfigFile.parseDuration("--retention", retention);
        if (age.compareTo(RetentionJob.MIN_AGE) < 0) {
            throw ValidationException.of("--retention", "expected at least 1 day, was '" + retention + "'");
        }
        Duration every = retentionEvery == null ? DEFAULT_RETENTION_EVERY
                : ServerConfigFile.parseDuration("--retention-every", retentionEvery);
        if (every.isZero() || every.isNegative()) {
            throw ValidationException.of("--retention-every", "expected a positive period, was '" + retentionEvery
                    + "'");
        }
        return Optional.of(new Retention(age, every));
    }

    /** The configuration: defaults, then the file, then the options; keys from all three sources. */
    ServerConfig config(UnaryOperator<String> env) {
        ServerConfig c = configFile == null ? ServerConfig.defaults() : ServerConfigFile.load(requireFile(configFile,
                "--config"));
        if (host != null) {
            c = c.withHost(host);
        }
        if (port != null) {
            c = c.withPort(port);
        }
        if (rulesFile != null) {
            c = c.withRulesFile(requireFile(rulesFile, "--rules"));
        }
        if (!extraModels.isEmpty()) {
            List<String> models = new ArrayList<>(c.models().extraModels());
            models.addAll(extraModels);
            c = c.withModels(c.models().withExtraModels(models));
        }
        if (retrainEvery != null) {
            c = c.withRetrainEvery(ServerConfigFile.parseDuration("--retrain-every", retrainEvery));
        }
        if (noAccessLog) {
            c = c.withAccessLog(false);
        }
        if (textModel != null) {
            try {
                c = c.withTextModel(textModel);
            } catch (ValidationException e) {
                throw ValidationException.of("--text-model", "unknown text model '" + textModel + "'; expected "
                        + "none or one of " + String.join(", ", Encoders.names()));
            }
        }
        List<ApiKey> keys = new ArrayList<>(c.apiKeys());
        if (!apiKeys.isEmpty()) {
            keys.addAll(ApiKeySpecs.parse(apiKeys, "--api-key"));
        } else {
            String fromEnv = env.apply(ApiKeySpecs.ENV);
            if (fromEnv != null && !fromEnv.isBlank()) {
                keys.addAll(ApiKeySpecs.parse(ApiKeySpecs.splitEnv(fromEnv), ApiKeySpecs.ENV));
            }
        }
        c = c.withApiKeys(keys);
        if (noAuth) {
            if (!keys.isEmpty()) {
                throw ValidationException.of("--no-auth", "API keys are configured too; drop either the keys or "
                        + "--no-auth");
            }
            if (!loopback(c.host())) {
                throw ValidationException.of("--no-auth", "serving without keys is allowed on a loopback host only "
                        + "(127.0.0.1, ::1, localhost), not on '" + c.host() + "'; give API keys to serve there");
            }
            c = c.withAuthDisabled(true);
        } else if (keys.isEmpty() && !c.authDisabled()) {
            throw ValidationException.of("--api-key", "no API keys: give keys as NAME:ROLES:KEY with --api-key or in "
                    + ApiKeySpecs.ENV + ", or in the --config file, e.g. " + ApiKeySpecs.ENV
                    + "=\"storefront:read:$(openssl rand -hex 24)\"; or try it out locally with --no-auth");
        }
        return c;
    }

    private static Path requireFile(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw ValidationException.of(option, "no such file: " + file);
        }
        return file;
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void writePortFile(int bound) {
        if (portFile == null) {
            return;
        }
        try {
            Path tmp = Files.createTempFile(portFile.toAbsolutePath().getParent(), ".port", ".tmp");
            Files.writeString(tmp, bound + "\n", StandardCharsets.US_ASCII);
            // Atomic so a script polling for the file never reads it half written.
            Files.move(tmp, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the port file " + portFile, e);
        }
    }

    /** What is serving, where, with which models and keys; shared with the demo. */
    public static void banner(TailorServer server, String storeSpec, PrintWriter out) {
        URI base = server.baseUri();
        ServerConfig c = server.config();
        ModelSet.Info info = server.models().get().info();
        out.printf(Locale.ROOT, "%nTailor is serving %s%n", base);
        out.printf(Locale.ROOT, "  store       %s, %,d catalog items%n", storeSpec, server.catalog().size());
        if (server.catalog().size() == 0) {
            out.println("              (empty: post items, customers and events to /v1/items/batch, ... or load "
                    + "them with 'tailor import' or 'tailor sample-shop', then POST /v1/admin/train)");
        }
        out.printf(Locale.ROOT, "  model set   %s: %,d customers, %,d items, %,d events; trained %s in %.1f s%n",
                info.label(), info.users(), info.items(), info.events(),
                info.trainedAt().truncatedTo(ChronoUnit.SECONDS), info.trainMillis() / 1e3);
        out.printf(Locale.ROOT, "  storefront  %s/   (dashboard %s/admin)%n", base, base);
        out.printf(Locale.ROOT, "  API docs    %s/docs   (OpenAPI %s/openapi.json)%n", base, base);
        out.printf(Locale.ROOT, "  health      %s/health, metrics %s/metrics%n", base, base);
        out.printf(Locale.ROOT, "  search      %s%n", server.semantic().describe());
        out.printf(Locale.ROOT, "  rules       %s%n", c.rulesFile().map(Path::toString)
                .orElse("default (exclude purchased and unavailable items)"));
        out.printf(Locale.ROOT, "  retraining  %s%n", c.retrainEvery().map(d -> "every " + d.toString()
                .substring(2).toLowerCase(Locale.ROOT) + " and on POST /v1/admin/train")
                .orElse("on POST /v1/admin/train"));
        if (c.authDisabled()) {
            out.println("  API keys    none: authentication is off (loopback only)");
        } else {
            for (ApiKey k : c.apiKeys()) {
                out.println("  API key     " + ApiKeySpecs.describe(k));
            }
        }
    }
}
