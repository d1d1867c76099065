// SPDX-License-Identifier: Apache-2.0
package dev.tailor.web;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.store.Store;
import dev.tailor.eval.curves.Curve;
import dev.tailor.eval.curves.LearningCurves;
import dev.tailor.eval.harness.EvalConfig;
import dev.tailor.eval.harness.Experiment;
import dev.tailor.eval.harness.ExperimentResult;
import dev.tailor.eval.harness.ModelSpec;
import dev.tailor.eval.harness.ProgressListener;
import dev.tailor.eval.harness.UserGrouping;
import dev.tailor.eval.report.ReportWriter;
import dev.tailor.eval.report.RunInfo;
import dev.tailor.eval.split.SplitSpec;
import dev.tailor.io.sampleshop.SampleShopConfig;
import dev.tailor.io.sampleshop.SampleShopGenerator;
import dev.tailor.server.ServerConfig;
import dev.tailor.server.TailorServer;
import dev.tailor.server.http.ApiKey;
import dev.tailor.server.scene.ServingExtensions;
import dev.tailor.server.http.Role;
import dev.tailor.store.jdbc.JdbcStores;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A real server with the web page mounted, over a small generated sample shop in in-memory H2, trained at start;
 * and a real offline evaluation of that shop (popularity, item-kNN and a small ALS, per segment, with ALS's learning
 * curve) as the dashboard's report.
 */
final class WebFixture implements AutoCloseable {
    static final String STOREFRONT_KEY = "storefront-key-0123456789";
    static final String ADMIN_KEY = "admin-key-0123456789abcdef";

    final Store store;
    final TailorServer server;
    final Path report;

    private WebFixture(Store store, TailorServer server, Path report) {
        this.store = store;
        this.server = server;
        this.report = report;
    }

    /** Small enough to generate, evaluate and train in a few seconds on two cores. */
    static SampleShopConfig shop() {
        return SampleShopConfig.builder().items(400).customers(300).seed(11).meanSessionsPerCustomer(5).build();
    }

    static WebFixture start(Path workDir) {
        Store store = JdbcStores.open("h2:mem:" + UUID.randomUUID().toString().replace("-", ""));
        try {
            store.write(w -> new SampleShopGenerator(shop()).writeTo(w));
            Path report = workDir.resolve("evaluation");
            evaluate(store, report);
            ServerConfig d = ServerConfig.defaults();
            ServerConfig config = d.withHost("127.0.0.1").withPort(0).withAccessLog(false)
                    .withLimits(d.limits().withRequestTimeoutMillis(30_000))
                    .withApiKeys(List.of(
                            new ApiKey("storefront", STOREFRONT_KEY, Set.of(Role.READ, Role.INGEST)),
                            new ApiKey("ops", ADMIN_KEY, Set.of(Role.ADMIN))));
            WebUi web = new WebUi(store, WebConfig.defaults().withEvaluationReport(report));
            TailorServer server = TailorServer.create(config, store, ServingExtensions.NONE, Algorithms.standard(),
                    List.of(web)).start();
            return new WebFixture(store, server, report);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The evaluated models: one iterative, so that the report has a learning curve. */
    static final String MODELS = "pop item-knn als:rank=8,iterations=3";

    /**
     * What {@code tailor evaluate --split loo --models MODELS --groups segment} does, into {@code dir}.
     *
     * @return the learning curves written to the report's {@code curves.csv}
     */
    static List<Curve> evaluate(Store store, Path dir) {
        Snapshot snapshot = SnapshotBuilder.fromStore(store);
        SplitSpec split = SplitSpec.parse("loo", 42);
        LearningCurves curves = new LearningCurves();
        List<ModelSpec> models = curves.attach(Algorithms.standard().trainers(MODELS).stream().map(ModelSpec::of)
                .toList());
        EvalConfig config = EvalConfig.defaults().withKs(1, 5, 10, 20).withThreads(2).withBootstrap(200)
                .withGroupings(List.of(UserGrouping.segments()));
        ExperimentResult result = Experiment.run(split.apply(snapshot), split.filters(), models, config,
                ProgressListener.NONE);
        List<Curve> trained = curves.curves();
        ReportWriter.write(result, new RunInfo("sample shop (web test)", split.spec(), 42, RunInfo.version(),
                Map.of("models", MODELS)), trained, dir);
        return trained;
    }

    String base() {
        return server.baseUri().toString();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            store.close();
        }
    }
}
