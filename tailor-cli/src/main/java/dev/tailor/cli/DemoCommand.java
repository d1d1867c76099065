// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import dev.tailor.cli.serve.Foreground;
import dev.tailor.cli.serve.ServeCommand;
import dev.tailor.cli.serve.SmokeCheck;
import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.data.UserFeatures;
import dev.tailor.core.domain.Item;
import dev.tailor.core.domain.Price;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.privacy.Pseudonymizer;
import dev.tailor.core.store.Store;
import dev.tailor.core.text.EmbeddingStore;
import dev.tailor.eval.harness.Comparison;
import dev.tailor.eval.harness.EvalConfig;
import dev.tailor.eval.harness.Experiment;
import dev.tailor.eval.harness.ExperimentResult;
import dev.tailor.eval.harness.ModelResult;
import dev.tailor.eval.harness.ModelSpec;
import dev.tailor.eval.harness.ProgressListener;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.curves.LearningCurves;
import dev.tailor.eval.harness.UserGrouping;
import dev.tailor.eval.report.ConsoleTable;
import dev.tailor.eval.report.ReportWriter;
import dev.tailor.eval.report.RunInfo;
import dev.tailor.eval.split.DataFilters;
import dev.tailor.eval.split.Split;
import dev.tailor.eval.split.SplitSpec;
import dev.tailor.eval.stats.PairedComparison;
import dev.tailor.io.sampleshop.FileFormat;
import dev.tailor.io.sampleshop.GenerationSummary;
import dev.tailor.io.sampleshop.SampleShopConfig;
import dev.tailor.io.sampleshop.SampleShopGenerator;
import dev.tailor.server.ServerConfig;
import dev.tailor.server.scene.ServingExtensions;
import dev.tailor.server.TailorServer;
import dev.tailor.server.search.DenseIndex;
import dev.tailor.store.jdbc.JdbcStores;
import dev.tailor.text.cache.CachingTextEncoder;
import dev.tailor.text.cache.StoreEmbeddingCache;
import dev.tailor.text.encoder.EncoderConfig;
import dev.tailor.text.encoder.Encoders;
import dev.tailor.text.twotower.ItemTexts;
import dev.tailor.web.WebConfig;
import dev.tailor.web.WebUi;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tailor demo}: a guided tour on the sample shop. Each capability that lands extends it, so a newcomer
 * sees the whole product from one command.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        header = "Generate the sample shop and take a guided tour.",
        description = {
            "Generate the sample shop into a fresh embedded store (./tailor-data/demo),",
            "then show what is in it: store statistics, the training snapshot, a few",
            "customers of different segments with their recent behaviour, and how",
            "well the baseline recommenders predict each customer's last event.",
            "",
            "A language model then reads every item's title (Chinese with bge-small-zh,",
            "English with MiniLM) into the store's embedding cache, as 'tailor embed'",
            "does, and finds the items most similar to a brand-new item by text alone.",
            "",
            "Finally start the HTTP API over the demo store (authentication off, this",
            "machine only), make a few real requests (a search in Chinese, an item",
            "page, a view, the homepage that follows it, the new item and its similar",
            "items) and keep serving until Ctrl-C, printing the URL of the API docs",
            "and curl commands to try.",
            "",
            "With --privacy-keys the demo store holds keyed pseudonyms instead of",
            "customer ids (and encrypted profiles when the key file says so), as",
            "'tailor serve' does with the same option; see docs/privacy.md."},
        footerHeading = "%nExamples:%n",
        footer = {"  tailor demo", "  tailor demo --customers 20000 --seed 1",
            "  tailor privacy keygen --out demo-keys.properties && tailor demo --privacy-keys demo-keys.properties",
            "  tailor demo --smoke    (CI: check the server, then exit)"})
final class DemoCommand implements Callable<Integer> {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SampleShopConfig.DEFAULT_ZONE);
    private static final List<String> TOUR_SEGMENTS = List.of("young-adults", "parents", "retirees");
    private static final int RECENT = 6;
    private static final List<String> BASELINES = List.of("pop", "segment-pop", "item-knn", "user-knn", "als");
    private static final int DEFAULT_PORT = 8080;
    /** "Phone case": a product word of the sample shop's catalog, searched in step 7. */
    private static final String QUERY = "手机壳";
    /** Shown in step 6 and posted in step 7: no event, and "长裙" (long dress) is in no other title. */
    static final Item NEW_ITEM = Item.builder("i-new-0001", "法式 雪纺 长裙 碎花 夏季").language("zh")
            .localizedTitle("en", "French chiffon floral maxi dress, summer")
            .categoryPath(List.of("Fashion", "Dresses")).price(new Price(new BigDecimal("299"), "CNY")).build();
    private static final int SHOWN_SIMILAR = 5;

    @Option(names = "--items", paramLabel = "N", defaultValue = "2000", description = "Catalog size (default ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--customers", paramLabel = "M", defaultValue = "5000",
            description = "Customers (default ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "./tailor-data/demo",
            description = "Folder of the demo's embedded store; recreated on each run (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port of the demo server (default 8080, or a free one when 8080 is taken).")
    Integer port;

    @Option(names = "--smoke",
            description = "Start the server, check its answers to real requests, stop it and exit (1 if a check "
                    + "failed) instead of serving until Ctrl-C.")
    boolean smoke;

    @Option(names = "--no-serve", description = "End after the tour, without starting the server.")
    boolean noServe;

    @Mixin
    PrivacyOptions privacy = new PrivacyOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (smoke && noServe) {
            throw ValidationException.of("--smoke", "--smoke checks the server that --no-serve leaves out; give one");
        }
        PrintWriter out = spec.commandLine().getOut();
        wipe(dir);
        StoreOptions storeOptions = new StoreOptions();
        storeOptions.spec = "h2:" + dir;
        storeOptions.privacy = privacy;
        // Loaded before anything is generated, so that a bad key file fails fast and names itself.
        boolean protectedStore = privacy.privacy().pseudonymizer().active();
        String keysFlag = privacy.keyFile().map(f -> " --privacy-keys " + f).orElse("");

        heading(out, "1. Generate the sample shop");
        SampleShopConfig config = SampleShopCommand.config(items, customers, seed,
                SampleShopConfig.defaults().meanSessionsPerCustomer(), false);
        GenerationSummary summary = SampleShopCommand.generate(config, null, storeOptions, null, FileFormat.CSV);
        SampleShopCommand.print(summary, storeOptions.spec(), out);
        if (protectedStore) {
            out.printf("Customer ids are stored as keyed pseudonyms (key file %s; docs/privacy.md). A pseudonym "
                    + "cannot be turned back into an id, so the tour recomputes the shop's ids to show them.%n",
                    privacy.keyFile().orElseThrow());
        }

        List<String> toured = new ArrayList<>();
        UnaryOperator<String> shopId;
        try (Store store = storeOptions.open()) {
            shopId = shopIds(store, config);
            heading(out, "2. What is in the store (tailor stats --store " + storeOptions.spec() + keysFlag + ")");
            StatsCommand.print(store.describe(), store.stats(), out);

            heading(out, "3. The training snapshot: dense ids, time-ordered sequences, weighted matrix");
            long t0 = System.nanoTime();
            Snapshot snapshot = SnapshotBuilder.fromStore(store);
            Interactions in = snapshot.interactions();
            out.printf(Locale.ROOT, "%s built in %.2f s; interactions take %,d bytes (%.1f bytes/event), "
                    + "fingerprint %s%n", snapshot, (System.nanoTime() - t0) / 1e9, in.bytes(),
                    (double) in.bytes() / Math.max(1, in.size()), snapshot.fingerprint());

            heading(out, "4. Customers of three segments and what they did last");
            for (String segment : TOUR_SEGMENTS) {
                tour(out, store, snapshot, segment, shopId).ifPresent(toured::add);
            }

            heading(out, "5. Baselines on held-out behaviour (tailor evaluate --split loo)");
            baselines(out, snapshot);
            out.printf("Full report with more metrics, plots and per-user lists:%n  ./tailor evaluate --data store:h2:%s"
                    + " --split loo --models %s --out out/demo-eval%s%n", dir, String.join(",", BASELINES), keysFlag);

            heading(out, "6. A language model reads the catalog (tailor embed --store " + storeOptions.spec() + ")");
            languageModel(out, store);
        }
        if (noServe) {
            out.println();
            out.println("Next: './tailor stats --store h2:" + dir + keysFlag + "', './tailor --help', and the README.");
            out.flush();
            return 0;
        }
        String customer = toured.isEmpty() ? "" : toured.get(0);
        return serve(storeOptions, customer, shopId, keysFlag, out);
    }

    /**
     * The shop's id of each stored customer id: the id itself in a store without keys; with keys, found by
     * pseudonymizing every id the generator gave out (one keyed hash per customer), since a pseudonym cannot be
     * turned back. The server pseudonymizes the ids of requests itself, so requests must carry the shop's ids.
     */
    private static UnaryOperator<String> shopIds(Store store, SampleShopConfig config) {
        Pseudonymizer p = store.pseudonymizer();
        if (!p.active()) {
            return UnaryOperator.identity();
        }
        Map<String, String> byPseudonym = new HashMap<>(config.customers() * 2);
        for (int i = 0; i < config.customers(); i++) {
            String id = SampleShopGenerator.customerId(i);
            byPseudonym.put(p.pseudonym(id), id);
        }
        return stored -> byPseudonym.getOrDefault(stored, stored);
    }

    /**
     * Step 6: the HTTP API over the demo store, real requests against it, then serving until Ctrl-C (or, with
     * --smoke, a graceful stop and the verdict as exit code).
     */
    private int serve(StoreOptions storeOptions, String customer, UnaryOperator<String> shopId, String keysFlag,
            PrintWriter out) {
        heading(out, "7. The HTTP API over the demo store (tailor serve --store " + storeOptions.spec() + keysFlag
                + ")");
        ServerConfig d = ServerConfig.defaults();
        // A generous time budget: a cold first request on a busy two-core machine can take a second.
        ServerConfig config = d.withPort(chosenPort()).withAuthDisabled(true).withAccessLog(false)
                .withLimits(d.limits().withRequestTimeoutMillis(10_000));
        Store store = storeOptions.open();
        TailorServer server;
        try {
            server = TailorServer.create(config, store, ServingExtensions.NONE, CliAlgorithms.forStore(store),
                    List.of(new WebUi(store, WebConfig.defaults().withEvaluationReport(reportDir()))))
                    .start();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        List<String> failures;
        try {
            ServeCommand.banner(server, storeOptions.spec(), out);
            String who = customer.isEmpty() ? shopId.apply(server.models().get().histories().userId(0)) : customer;
            out.printf("%nReal requests to it:%n");
            SmokeCheck check = new SmokeCheck(server.baseUri(), Optional.empty(), out);
            check.run(who, QUERY);
            failures = check.newItem(newItemJson(), "text");
            curlExamples(server, who, out);
        } catch (RuntimeException e) {
            server.stop();
            store.close();
            throw e;
        }
        if (smoke) {
            server.stop();
            store.close();
            PrintWriter err = spec.commandLine().getErr();
            if (!failures.isEmpty()) {
                failures.forEach(f -> err.println("smoke check failed: " + f));
                err.flush();
                return 1;
            }
            out.println("Smoke check passed; server stopped.");
            out.flush();
            return 0;
        }
        if (!failures.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            failures.forEach(f -> err.println("warning: unexpected answer: " + f));
            err.flush();
        }
        out.println("Serving until Ctrl-C. Next: './tailor serve --help' (API keys, rules, retraining) and "
                + "docs/api.md.");
        out.flush();
        Foreground.run(server, store, out);
        return failures.isEmpty() ? 0 : 1;
    }

    /** Where step 5 writes its evaluation report, which the dashboard shows. */
    private Path reportDir() {
        return dir.resolve("evaluation");
    }

    /** The --port given; else 8080 when free; else (and always for --smoke) any free port. */
    private int chosenPort() {
        if (port != null) {
            return port;
        }
        if (smoke) {
            return 0;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), DEFAULT_PORT));
            return DEFAULT_PORT;
        } catch (IOException taken) {
            return 0;
        }
    }

    private static void curlExamples(TailorServer server, String customer, PrintWriter out) {
        String b = server.baseUri().toString();
        String item = server.catalog().view().id(0);
        out.printf(Locale.ROOT, "%nTry it (no API key needed here; a real deployment has keys with roles, see "
                + "'tailor serve --help'):%n");
        out.printf(Locale.ROOT, "  curl -s %s/v1/users/%s/home%n", b, customer);
        out.printf(Locale.ROOT, "  curl -s '%s/v1/items/%s/similar?k=5'%n", b, item);
        out.printf(Locale.ROOT, "  curl -s -G %s/v1/users/%s/search --data-urlencode q=%s --data-urlencode lang=zh%n",
                b, customer, QUERY);
        out.printf(Locale.ROOT, "  curl -s %s/v1/segments/parents/promotions%n", b);
        out.printf(Locale.ROOT, "  curl -s -X POST %s/v1/events -H 'Content-Type: application/json' \\%n"
                + "       -d '{\"type\":\"view\",\"user_id\":\"%s\",\"item_id\":\"%s\"}'%n", b, customer, item);
        out.printf(Locale.ROOT, "  API docs: %s/docs%n%n", b);
    }

    /**
     * Step 6: every item's text into the store's embedding cache (what {@code tailor embed} does, so the server of
     * step 7 searches by meaning), then the nearest items to a brand-new item that no customer has seen: text is
     * all it has.
     */
    private static void languageModel(PrintWriter out, Store store) {
        List<Item> items = new ArrayList<>();
        store.forEachItem(items::add);
        EmbeddingStore table = JdbcStores.embeddings(store).orElseThrow(() -> new TailorException(
                "the store " + store.describe() + " has no embedding table"));
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        try (Encoders.Opened enc = Encoders.open(Encoders.MULTILINGUAL, EncoderConfig.defaults())) {
            long loaded = System.nanoTime();
            CachingTextEncoder caching = new CachingTextEncoder(enc.encoder(), enc.modelId(),
                    new StoreEmbeddingCache(table));
            List<float[]> vectors = caching.encode(items.stream().map(ItemTexts::of).toList());
            double secs = (System.nanoTime() - loaded) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            long chinese = items.stream().filter(i -> "zh".equals(i.language())).count();
            out.printf(Locale.ROOT, "%,d item texts (%,d Chinese -> bge-small-zh, %,d English -> MiniLM) encoded in "
                    + "%.1f s (%.0f items/s; models loaded in %.1f s before; %.1f CPU-s in all) into the store's "
                    + "embedding cache%n", items.size(), chinese, items.size() - chinese, secs,
                    items.size() / Math.max(secs, 1e-9), (loaded - t0) / 1e9, cpu);
            int dim = enc.encoder().dimension();
            float[] flat = new float[items.size() * dim];
            int[] rows = new int[items.size()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = i;
                System.arraycopy(vectors.get(i), 0, flat, i * dim, dim);
            }
            DenseIndex index = new DenseIndex(dim, rows, flat);
            float[] q = enc.encoder().encode(List.of(ItemTexts.of(NEW_ITEM))).get(0);
            int[] hits = new int[SHOWN_SIMILAR];
            float[] scores = new float[SHOWN_SIMILAR];
            int n = index.search(q, hits, scores);
            out.printf(Locale.ROOT, "%nA brand-new item, no customer has seen it yet: %s (%s) [%s]%n",
                    NEW_ITEM.title(), NEW_ITEM.localizedTitles().get("en"), String.join(" > ",
                            NEW_ITEM.categoryPath()));
            out.printf(Locale.ROOT, "Most similar by text (cosine of %s vectors):%n", enc.modelId());
            for (int j = 0; j < n; j++) {
                Item it = items.get(hits[j]);
                out.printf(Locale.ROOT, "  %.3f  %-9s %s  [%s]%n", scores[j], it.id(), it.title(),
                        String.join(" > ", it.categoryPath()));
            }
        }
    }

    /** {@link #NEW_ITEM} as the body of {@code POST /v1/items}. */
    private static Map<String, Object> newItemJson() {
        return Map.of("id", NEW_ITEM.id(), "title", NEW_ITEM.title(), "language", NEW_ITEM.language(),
                "titles", NEW_ITEM.localizedTitles(), "category", String.join(" > ", NEW_ITEM.categoryPath()),
                "price", NEW_ITEM.price().amount(), "currency", NEW_ITEM.price().currency());
    }

    /** CPU time of this process: what encoding costs, whatever else the machine is doing. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0L;
    }

    /**
     * Leave-last-out on the shop: each customer's last event is hidden, the baselines learn from the rest, and
     * every customer's hidden item is looked for in a top-10 over the whole catalog (history masked).
     */
    private void baselines(PrintWriter out, Snapshot snapshot) {
        long t0 = System.nanoTime();
        SplitSpec splitSpec = SplitSpec.parse("loo", seed);
        Split split = splitSpec.apply(snapshot);
        // ALS reports a loss per iteration: its learning curve goes into the report, and so onto the dashboard.
        LearningCurves curves = new LearningCurves();
        List<ModelSpec> models = curves.attach(CliAlgorithms.all().trainers(String.join(" ", BASELINES)).stream()
                .map(ModelSpec::of).toList());
        // Several K and per-segment groups so that the dashboard's plots have something to show; K = 10 is printed.
        EvalConfig config = EvalConfig.defaults().withKs(1, 5, 10, 20).withSeed(seed)
                .withCompared(List.of(Metric.NDCG, Metric.HIT)).withGroupings(List.of(UserGrouping.segments()));
        ExperimentResult r = Experiment.run(split, DataFilters.NONE, models, config, ProgressListener.NONE);
        ReportWriter.write(r, new RunInfo("sample shop (demo)", splitSpec.spec(), seed, RunInfo.version(), Map.of()),
                curves.curves(), reportDir());
        int at10 = Arrays.binarySearch(config.ks(), 10);
        out.printf(Locale.ROOT, "%,d customers' last events hidden; %,d events to learn from; top 10 of %,d items."
                + " Mean ± 95%% CI over customers:%n%n", r.data().userCount(), split.train().interactions().size(),
                r.data().rankableCount());
        out.printf(Locale.ROOT, "  %-12s %17s %17s%n", "model", "NDCG@10", "HR@10");
        ModelResult best = r.models().get(0);
        for (ModelResult m : r.models()) {
            out.printf(Locale.ROOT, "  %-12s %17s %17s%n", m.label(), ConsoleTable.cell(r.summary(m, Metric.NDCG, at10)),
                    ConsoleTable.cell(r.summary(m, Metric.HIT, at10)));
            if (r.summary(m, Metric.NDCG, at10).mean() > r.summary(best, Metric.NDCG, at10).mean()) {
                best = m;
            }
        }
        ModelResult pop = r.models().get(0);
        Optional<Comparison> c = r.comparison(pop.label(), best.label(), Metric.NDCG, 10);
        if (c.isPresent()) {
            PairedComparison s = c.get().stats();
            out.printf(Locale.ROOT, "%n%s beats %s on NDCG@10 by %+.4f (bootstrap 95%% CI [%+.4f, %+.4f]; paired t-test"
                    + " p = %.1e, Wilcoxon p = %.1e): %s.%n", best.label(), pop.label(), -s.meanDiff(), -s.bootHigh(),
                    -s.bootLow(), s.tP(), s.wilcoxonP(), s.significant(0.05) ? "significant" : "not significant");
        }
        out.printf(Locale.ROOT, "Split, %d models trained and every customer scored in %.1f s%n", models.size(),
                (System.nanoTime() - t0) / 1e9);
    }

    /** Prints one active customer of the segment and their last events; returns the customer's id. */
    private static Optional<String> tour(PrintWriter out, Store store, Snapshot snapshot, String segment,
            UnaryOperator<String> shopId) {
        UserFeatures uf = snapshot.userFeatures();
        int seg = uf.segments().indexOf(segment);
        Interactions in = snapshot.interactions();
        // The active customer first by the shop's id rather than by dense index: with a key file, dense order
        // follows the pseudonyms, and the tour (and the customer the server is tried with) would change with the key.
        int chosen = -1;
        String chosenId = null;
        for (int u = 0; u < snapshot.numUsers() && seg >= 0; u++) {
            if (uf.inSegment(u, seg) && in.count(u) >= 2 * RECENT) {
                String id = shopId.apply(snapshot.users().id(u));
                if (chosenId == null || id.compareTo(chosenId) < 0) {
                    chosen = u;
                    chosenId = id;
                }
            }
        }
        if (chosen < 0) {
            out.printf("(no active customer in segment %s)%n", segment);
            return Optional.empty();
        }
        int u = chosen;
        out.printf(Locale.ROOT, "%n%s — customer %s, %s, age %d, %d events%n", segment, chosenId,
                uf.gender(u) == null ? "gender not given" : uf.gender(u).name().toLowerCase(Locale.ROOT),
                uf.age(u), in.count(u));
        for (int k = Math.max(in.start(u), in.end(u) - RECENT); k < in.end(u); k++) {
            String itemId = snapshot.items().id(in.item(k));
            Item item = store.findItem(itemId).orElseThrow();
            String other = item.localizedTitles().values().stream().findFirst().map(t -> " / " + t).orElse("");
            out.printf(Locale.ROOT, "  %s  %-11s %s%s  [%s]%s%n", DAY.format(Instant.ofEpochMilli(in.time(k))),
                    in.type(k).wireName(), item.title(), other, String.join(" > ", item.categoryPath()),
                    item.price() == null ? "" : String.format(Locale.ROOT, "  %s %s",
                            item.price().amount().toPlainString(), item.price().currency()));
        }
        return Optional.of(chosenId);
    }

    private static void heading(PrintWriter out, String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }

    /** Deletes the demo's own store files, and only those, so a rerun starts from the same state. */
    private static void wipe(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".db")).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the demo store in " + dir, e);
        }
    }
}
