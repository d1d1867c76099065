// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.factor;

import dev.tailor.core.error.TailorException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of threads that lives as long as one training run. Iterative trainers make hundreds of parallel
 * passes (two half-steps per ALS iteration, one per SGD epoch), so threads are started once rather than per
 * pass, and each pass tells its task which worker runs it: trainers allocate one scratch buffer per worker up
 * front and index it by that number, so no pass allocates.
 *
 * <p>Work is split into fixed chunks handed out from an atomic counter (rows differ in cost: a popular item has
 * thousands of users). What a chunk computes never depends on which worker runs it, so trainers that write
 * disjoint rows or per-chunk partial results give the same output for every thread count.
 */
public final class WorkerPool implements AutoCloseable {
    private final int threads;
    private final ExecutorService executor;

    /** Work on rows [from, to) of chunk {@code chunk}, run by worker {@code worker} in [0, threads()). */
    @FunctionalInterface
    public interface ChunkTask {
        void run(int worker, int chunk, int from, int to);
    }

    private WorkerPool(int threads) {
        this.threads = threads;
        AtomicInteger counter = new AtomicInteger();
        this.executor = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "tailor-train-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A pool of {@code requested} workers, or one per available processor when it is 0. */
    public static WorkerPool create(int requested) {
        if (requested < 0) {
            throw new IllegalArgumentException("threads must be >= 0, was " + requested);
        }
        return new WorkerPool(requested > 0 ? requested : Runtime.getRuntime().availableProcessors());
    }

    /** Number of workers; scratch arrays indexed by worker need this many slots. */
    public int threads() {
        return threads;
    }

    /** Number of chunks {@link #forChunks} cuts {@code n} rows into. */
    public static int chunkCount(int n, int chunkSize) {
        return (n + chunkSize - 1) / chunkSize;
    }

    /**
     * Runs {@code task} on every chunk [c * chunkSize, min(n, (c + 1) * chunkSize)) and returns when all are
     * done. The calling thread is worker 0. The first failure stops the remaining chunks and is rethrown.
     */
    public void forChunks(int n, int chunkSize, ChunkTask task) {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunkSize must be > 0, was " + chunkSize);
        }
        int chunks = chunkCount(n, chunkSize);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        int helpers = Math.min(threads, chunks) - 1;
        List<Future<?>> futures = new ArrayList<>(Math.max(0, helpers));
        for (int w = 1; w <= helpers; w++) {
            int worker = w;
            futures.add(executor.submit(() -> drain(worker, n, chunkSize, chunks, next, failed, task)));
        }
        RuntimeException first = null;
        try {
            drain(0, n, chunkSize, chunks, next, failed, task);
        } catch (RuntimeException | Error e) {
            first = wrap(e);
        }
        for (Future<?> f : futures) {
            try {
                awaitUninterruptibly(f);
            } catch (ExecutionException e) {
                if (first == null) {
                    first = wrap(e.getCause());
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void drain(int worker, int n, int chunkSize, int chunks, AtomicInteger next,
            AtomicInteger failed, ChunkTask task) {
        int c;
        try {
            while (failed.get() == 0 && (c = next.getAndIncrement()) < chunks) {
                int from = c * chunkSize;
                task.run(worker, c, from, Math.min(n, from + chunkSize));
            }
        } catch (RuntimeException | Error e) {
            failed.set(1);
            throw e;
        }
    }

    private static void awaitUninterruptibly(Future<?> f) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return;
                } catch (InterruptedException e) {
                    // Keep waiting: returning while workers still write into shared factor tables is unsafe.
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RuntimeException wrap(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new TailorException("training worker failed: " + t, t);
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
