// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.training;

import dev.tailor.core.store.Store;
import dev.tailor.server.catalog.LiveCatalog;
import dev.tailor.server.live.LiveCustomers;
import dev.tailor.server.live.LiveEvents;
import dev.tailor.server.model.ModelSet;
import dev.tailor.server.model.ModelSetBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the model set requests read, and trains its successors: one training at a time on a background
 * thread, then an atomic swap. Requests in flight keep the set they started with; the next request gets the
 * new one; nothing is dropped. After a swap the live state forgets what the new models already contain.
 * Thread-safe.
 */
public final class ModelHolder implements Supplier<ModelSet>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelHolder.class);

    private final Store store;
    private final LiveCatalog catalog;
    private final LiveEvents events;
    private final LiveCustomers customers;
    private final ModelSetBuilder builder;
    private final Optional<SavedModelSets> saved;
    private final AtomicReference<ModelSet> current;
    private final AtomicReference<TrainingStatus> status;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Runnable afterTraining = () -> { };
    private final AtomicLong versions = new AtomicLong();
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(daemon("tailor-train"));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            daemon("tailor-train-schedule"));

    public ModelHolder(Store store, LiveCatalog catalog, LiveEvents events, LiveCustomers customers,
            ModelSetBuilder builder) {
        this.store = store;
        this.catalog = catalog;
        this.events = events;
        this.customers = customers;
        this.builder = builder;
        this.saved = store.modelArchive().map(a -> new SavedModelSets(a, builder));
        this.current = new AtomicReference<>(ModelSet.empty(0, 0));
        this.status = new AtomicReference<>(TrainingStatus.idle());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public ModelSet get() {
        return current.get();
    }

    public TrainingStatus status() {
        return status.get();
    }

    /**
     * Work to do after each training has swapped its set in (on the training thread, before the status says
     * succeeded): the server rereads item vectors there. A failure is logged and does not fail the training.
     */
    public void afterTraining(Runnable work) {
        this.afterTraining = java.util.Objects.requireNonNull(work, "work");
    }

    /**
     * Server start: serves the latest model set saved in the store when it fits the catalog and configuration,
     * else trains one on the calling thread (and saves it). Events added to the store after a loaded set was
     * trained reach the models at the next training.
     *
     * @return the set now served
     */
    public ModelSet loadOrTrain() {
        long t0 = System.nanoTime();
        if (!running.compareAndSet(false, true)) {
            throw new TrainingRunningException(status.get());
        }
        Optional<ModelSet> loaded;
        try {
            loaded = saved.flatMap(s -> s.loadLatest(catalog));
            saved.ifPresent(s -> versions.set(Math.max(versions.get(), s.latestVersion())));
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
        if (loaded.isPresent()) {
            ModelSet set = loaded.get();
            // Live events of this process all come after the set: none of them is in it.
            ModelSet serving = set.restamped(set.info().version(), events.sequence());
            versions.set(Math.max(versions.get(), set.info().version()));
            current.set(serving);
            running.set(false);
            LOG.info("serving saved model set {} without training; ready in {} ms", serving.info().label(),
                    (System.nanoTime() - t0) / 1_000_000);
            return serving;
        }
        ModelSet trained = train(begin());
        LOG.info("serving newly trained model set {}; ready in {} ms", trained.info().label(),
                (System.nanoTime() - t0) / 1_000_000);
        return trained;
    }

    /** Trains on the calling thread and swaps the result in. */
    public ModelSet trainNow() {
        if (!running.compareAndSet(false, true)) {
            throw new TrainingRunningException(status.get());
        }
        return train(begin());
    }

    /** Marks a training as running (before any thread is started, so the answer to the caller already says so). */
    private long begin() {
        long version = versions.incrementAndGet();
        status.set(TrainingStatus.running(version, Instant.now()));
        return version;
    }

    /**
     * Starts a training in the background unless one is running.
     *
     * @return the future new set, or empty when a training is already running
     */
    public Optional<CompletableFuture<ModelSet>> trainAsync() {
        if (!running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        CompletableFuture<ModelSet> f = new CompletableFuture<>();
        long version = begin();
        try {
            trainer.execute(() -> {
                try {
                    f.complete(train(version));
                } catch (RuntimeException | Error e) {
                    f.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            Instant now = Instant.now();
            status.set(TrainingStatus.failed(version, now, now, "could not start: " + e.getMessage()));
            running.set(false);
            throw e;
        }
        return Optional.of(f);
    }

    /** Retrains every {@code period} (skipping a turn when a training is still running). */
    public void schedule(Duration period) {
        long ms = period.toMillis();
        scheduler.scheduleWithFixedDelay(() -> trainAsync(), ms, ms, TimeUnit.MILLISECONDS);
    }

    private ModelSet train(long version) {
        Instant started = status.get().startedAt().orElseGet(Instant::now);
        try {
            long watermark = events.sequence();
            ModelSet next = builder.build(store, catalog, version, watermark);
            current.set(next);
            events.pruneBefore(watermark);
            customers.pruneBefore(watermark);
            try {
                afterTraining.run();
            } catch (RuntimeException e) {
                LOG.warn("after training model set v{}: {}", version, e.getMessage(), e);
            }
            status.set(TrainingStatus.succeeded(version, started, Instant.now()));
            if (next.info().events() > 0) {
                saved.ifPresent(s -> save(s, next));
            }
            return next;
        } catch (RuntimeException | Error e) {
            LOG.error("training model set v{} failed; still serving {}", version, current.get().info().label(), e);
            status.set(TrainingStatus.failed(version, started, Instant.now(), String.valueOf(e.getMessage())));
            throw e;
        } finally {
            running.set(false);
        }
    }

    /** Saving is a convenience for the next start: a failure is logged, and the new set serves regardless. */
    private void save(SavedModelSets s, ModelSet set) {
        try {
            s.save(set, catalog);
        } catch (RuntimeException e) {
            LOG.warn("model set {} serves but could not be saved; the next start will train: {}",
                    set.info().label(), e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        trainer.shutdownNow();
    }
}
