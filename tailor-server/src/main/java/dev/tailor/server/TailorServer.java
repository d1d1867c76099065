// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.TrainerSpec;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.ModelArchive;
import dev.tailor.core.store.Store;
import dev.tailor.server.catalog.LiveCatalog;
import dev.tailor.server.feedback.OnlineMetrics;
import dev.tailor.server.feedback.RequestLedger;
import dev.tailor.server.http.AccessLog;
import dev.tailor.server.http.Admission;
import dev.tailor.server.http.Api;
import dev.tailor.server.http.ApiKeys;
import dev.tailor.server.http.RouteExtension;
import dev.tailor.server.http.Bodies;
import dev.tailor.server.http.Services;
import dev.tailor.server.ingest.Ingest;
import dev.tailor.server.live.CustomerDirectory;
import dev.tailor.server.live.LiveCustomers;
import dev.tailor.server.live.LiveEvents;
import dev.tailor.server.model.ModelSet;
import dev.tailor.server.model.ModelSetBuilder;
import dev.tailor.server.privacy.CustomerDataEndpoints;
import dev.tailor.server.privacy.Erasures;
import dev.tailor.server.rules.RuleSet;
import dev.tailor.server.scene.Recommender;
import dev.tailor.server.scene.ServingExtensions;
import dev.tailor.server.search.SearchIndex;
import dev.tailor.server.search.SemanticIndex;
import dev.tailor.server.search.SemanticSearch;
import dev.tailor.store.jdbc.JdbcStores;
import dev.tailor.text.encoder.EncoderConfig;
import dev.tailor.server.training.ModelHolder;
import dev.tailor.server.training.SavedModelSets;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tailor HTTP server: ingest, recommendations per scene, feedback and administration over one store.
 *
 * <pre>
 * try (Store store = JdbcStores.open("h2:./tailor-data")) {
 *     TailorServer server = TailorServer.create(ServerConfig.defaults().withAuthDisabled(true), store).start();
 *     ...
 *     server.stop();
 * }
 * </pre>
 *
 * {@link #create} checks the configuration and wires everything but does no I/O; {@link #start()} loads the
 * catalog, builds the search index, serves the latest model set saved in the store when it still fits the catalog
 * and configuration or else trains one (and saves it), then listens.
 * {@link #stop()} is graceful: health turns 503, new requests are refused, admitted ones finish (up to the
 * grace period), then the listener closes. The store belongs to the caller and stays open.
 */
public final class TailorServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TailorServer.class);
    private static final int LOAD_BATCH = 2_000;

    private final ServerConfig config;
    private final Store store;
    private final LiveCatalog catalog;
    private final SearchIndex search;
    private final SemanticIndex semantic;
    private final LiveEvents liveEvents;
    private final LiveCustomers liveCustomers;
    private final ModelHolder models;
    private final AtomicReference<RuleSet> rules;
    private final RequestLedger ledger;
    private final OnlineMetrics feedback;
    private final Ingest ingest;
    private final Recommender recommender;
    private final Admission admission;
    private final Api api;
    private final Javalin app;
    private volatile boolean started;
    private volatile boolean stopped;

    private TailorServer(ServerConfig config, Store store, ServingExtensions extensions, Algorithms algorithms,
            List<RouteExtension> routeExtensions) {
        this.config = config;
        this.store = store;
        if (config.apiKeys().isEmpty() && !config.authDisabled()) {
            throw ValidationException.of("api_keys", "no API keys configured; configure keys with roles "
                    + "(ingest, read, admin), or disable authentication explicitly for a local demo");
        }
        ModelSetBuilder builder = new ModelSetBuilder(config.models(), algorithms);
        this.rules = new AtomicReference<>(config.rulesFile().map(RuleSet::load).orElseGet(RuleSet::defaults));
        ServerConfig.Live live = config.live();
        this.catalog = new LiveCatalog(config.dealTag());
        this.search = new SearchIndex();
        // One intra-op thread: queries are encoded on request threads, which already keep every core busy.
        this.semantic = new SemanticIndex(config.textModel(), EncoderConfig.defaults().withThreads(1, 1),
                JdbcStores.embeddings(store));
        this.liveEvents = new LiveEvents(live.eventsPerCustomer(), live.maxCustomers());
        this.liveCustomers = new LiveCustomers(live.maxProfiles());
        this.models = new ModelHolder(store, catalog, liveEvents, liveCustomers, builder);
        this.ledger = new RequestLedger(live.ledger());
        this.feedback = new OnlineMetrics(ledger);
        Erasures erasures = new Erasures();
        CustomerDirectory directory = new CustomerDirectory(store, liveCustomers, liveEvents, erasures);
        this.ingest = new Ingest(store, catalog, search, semantic, liveCustomers, directory, liveEvents, feedback,
                models);
        List<String> extraLabels = new ArrayList<>();
        for (String spec : config.models().extraModels()) {
            extraLabels.add(labelOf(algorithms, spec));
        }
        ServerConfig.Limits limits = config.limits();
        this.recommender = new Recommender(models, rules::get, catalog, liveEvents, directory,
                new SemanticSearch(search, semantic, SemanticSearch.DEFAULT_MIN_SIMILARITY), semantic, ledger,
                feedback, config.scenes(), extraLabels, extensions, limits.requestTimeoutMillis());
        this.admission = new Admission(limits.maxInFlight(), limits.maxQueued(), limits.queueTimeoutMillis());
        Services services = new Services(ingest, recommender, models, rules, feedback, catalog, liveEvents,
                liveCustomers, new Bodies(limits.maxBodyBytes()), limits.maxBatch(), Instant.now());
        // The right of access and erasure need the store and the live state, which Services does not carry.
        List<RouteExtension> routes = new ArrayList<>();
        routes.add(new CustomerDataEndpoints(store, directory, liveCustomers, liveEvents, models, erasures));
        routes.addAll(routeExtensions);
        this.api = new Api(services, new ApiKeys(config.apiKeys(), config.authDisabled()), admission,
                new AccessLog(config.accessLog()), config.metricsPublic(), routes);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.startup.startupWatcherEnabled = false;
            cfg.http.prefer405over404 = true;
            // Bodies are read and limited by Bodies; this is only the outer bound for anything else.
            cfg.http.maxRequestSize = limits.maxBodyBytes();
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            // The bounded queue is Admission's (503 beyond it); Jetty's own job queue stays unbounded as Jetty
            // requires, and holds little since there are more threads than admitted plus queued requests.
            QueuedThreadPool pool = new QueuedThreadPool(limits.threads(), Math.min(8, limits.threads()), 60_000);
            pool.setName("tailor-http");
            cfg.jetty.threadPool = pool;
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(limits.shutdownGraceMillis());
                server.setErrorHandler(Api.jettyErrorHandler());
            });
            api.register(cfg);
        });
    }

    private static String labelOf(Algorithms algorithms, String spec) {
        TrainerSpec t = algorithms.trainer(spec);
        return t.label();
    }

    /** A server with the standard algorithms and no code-level extensions. */
    public static TailorServer create(ServerConfig config, Store store) {
        return create(config, store, ServingExtensions.NONE, Algorithms.standard());
    }

    /**
     * A server, unstarted.
     *
     * @param extensions extra candidate sources and rankers per scene
     * @param algorithms the registry that model specs are resolved in (e.g. the standard one plus a plug-in)
     * @throws ValidationException when the configuration (keys, rules file, model specs) is invalid
     */
    public static TailorServer create(ServerConfig config, Store store, ServingExtensions extensions,
            Algorithms algorithms) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(store, "store");
        return create(config, store, extensions, algorithms, List.of());
    }

    /**
     * A server, unstarted, with routes that other modules mount on it (e.g. tailor-web's pages).
     *
     * @param routeExtensions extra routes; they pass the same authentication, admission and logging as the API's
     */
    public static TailorServer create(ServerConfig config, Store store, ServingExtensions extensions,
            Algorithms algorithms, List<RouteExtension> routeExtensions) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(store, "store");
        return new TailorServer(config, store, extensions, algorithms, List.copyOf(routeExtensions));
    }

    /**
     * Loads the catalog, indexes it, loads the saved model set or trains one, and starts listening.
     *
     * @throws TailorException when the port cannot be bound or the store cannot be read
     */
    public synchronized TailorServer start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        long t0 = System.nanoTime();
        List<Item> items = new ArrayList<>();
        List<int[]> indices = new ArrayList<>();
        loadCatalog(store, batch -> {
            indices.add(index(batch));
            items.addAll(batch);
        });
        // Opening the first searcher flushes the whole freshly built index: do it now, not in the first search.
        int indexed = search.size();
        LOG.info("catalog of {} items loaded and {} indexed in {} ms", catalog.size(), indexed,
                (System.nanoTime() - t0) / 1_000_000);
        semantic.reload(items, concat(indices, items.size()));
        models.loadOrTrain();
        // From now on (not for the training at start: the vectors were just read), each training rereads them.
        models.afterTraining(this::reloadVectors);
        config.retrainEvery().ifPresent(models::schedule);
        try {
            app.start();
        } catch (RuntimeException e) {
            models.close();
            throw new TailorException("cannot start the HTTP server on " + config.host() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
        LOG.info("Tailor serving on {} ({} items, model set {})", baseUri(), catalog.size(),
                models.get().info().label());
        return this;
    }

    /**
     * Rereads the catalog's item vectors from the store's embedding cache (after each training), so that vectors
     * added by {@code tailor embed} while serving are used and semantic search turns on once they exist.
     */
    private void reloadVectors() {
        List<Item> items = new ArrayList<>();
        loadCatalog(store, items::addAll);
        LiveCatalog.View view = catalog.view();
        int[] indices = new int[items.size()];
        int n = 0;
        List<Item> known = new ArrayList<>(items.size());
        for (Item item : items) {
            int c = view.indexOf(item.id());
            if (c >= 0) {
                indices[n++] = c;
                known.add(item);
            }
        }
        semantic.reload(known, java.util.Arrays.copyOf(indices, n));
    }

    private static int[] concat(List<int[]> parts, int total) {
        int[] all = new int[total];
        int n = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, all, n, p.length);
            n += p.length;
        }
        return all;
    }

    /**
     * Streams the store's items in batches, in id order. Catalog indices follow this order, so a server and an
     * offline training that both load this way agree on them.
     */
    private static void loadCatalog(Store store, Consumer<List<Item>> sink) {
        List<Item> batch = new ArrayList<>(LOAD_BATCH);
        store.forEachItem(item -> {
            batch.add(item);
            if (batch.size() == LOAD_BATCH) {
                sink.accept(batch);
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }

    /**
     * Trains a model set from the store and saves it there, without serving: a server started afterwards with
     * the same models configuration on the unchanged catalog serves it at once ({@code tailor train}).
     *
     * @return the saved set's description
     * @throws TailorException when the store cannot keep model sets or the set cannot be saved
     */
    public static ModelSet.Info trainAndSave(ServerConfig config, Store store, Algorithms algorithms) {
        ModelArchive archive = store.modelArchive().orElseThrow(() -> new TailorException(store.describe()
                + " cannot keep trained models"));
        ModelSetBuilder builder = new ModelSetBuilder(config.models(), algorithms);
        LiveCatalog catalog = new LiveCatalog(config.dealTag());
        loadCatalog(store, catalog::upsert);
        SavedModelSets saved = new SavedModelSets(archive, builder);
        ModelSet set = builder.build(store, catalog, saved.latestVersion() + 1, 0);
        saved.save(set, catalog);
        return set.info();
    }

    private int[] index(List<Item> batch) {
        int[] indices = catalog.upsert(batch);
        search.upsert(batch, indices);
        return indices;
    }

    /**
     * Stops gracefully: refuses new requests (503, health included), waits for admitted ones up to the grace
     * period, then stops the listener and background training. Idempotent.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        if (!started) {
            stopped = true;
            models.close();
            search.close();
            semantic.close();
            return;
        }
        stopped = true;
        admission.drain();
        boolean idle = admission.awaitIdle(config.limits().shutdownGraceMillis());
        if (!idle) {
            LOG.warn("stopping with {} requests still running after the grace period", admission.inFlight());
        }
        models.close();
        app.stop();
        search.close();
        semantic.close();
        LOG.info("Tailor server stopped");
    }

    @Override
    public void close() {
        stop();
    }

    /** The bound port (the real one when the configuration asked for port 0). */
    public int port() {
        return app.port();
    }

    /** {@code http://host:port} of the listener. */
    public URI baseUri() {
        String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    public ServerConfig config() {
        return config;
    }

    /** The model sets (current set, training). */
    public ModelHolder models() {
        return models;
    }

    /** The scenes, for in-process callers (the demo, benchmarks) that skip HTTP. */
    public Recommender recommender() {
        return recommender;
    }

    /** Writes through the same path as the ingest API. */
    public Ingest ingest() {
        return ingest;
    }

    /** Every route, for documentation and tests. */
    public Api api() {
        return api;
    }

    public LiveCatalog catalog() {
        return catalog;
    }

    /** The item-text vectors and query encoder of search by meaning (and whether it is on). */
    public SemanticIndex semantic() {
        return semantic;
    }
}
