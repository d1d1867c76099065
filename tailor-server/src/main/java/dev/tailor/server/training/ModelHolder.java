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
    private final AtomicReference<ModelSet> current;
    private final AtomicReference<TrainingStatus> status;
    private final AtomicBoolean running = new AtomicBoolean();
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

    /** Trains on the calling thread and swaps the result in (server start). */
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
            status.set(TrainingStatus.succeeded(version, started, Instant.now()));
            return next;
        } catch (RuntimeException | Error e) {
            LOG.error("training model set v{} failed; still serving {}", version, current.get().info().label(), e);
            status.set(TrainingStatus.failed(version, started, Instant.now(), String.valueOf(e.getMessage())));
            throw e;
        } finally {
            running.set(false);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        trainer.shutdownNow();
    }
}
