// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.common;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a loop over [0, n) in chunks on a fixed number of threads, each with its own scratch state (dense
 * accumulators are too big to allocate per row and unsafe to share). Chunks are handed out dynamically from
 * an atomic counter because rows differ wildly in cost (a popular item co-occurs with most of the catalog),
 * so static ranges would leave threads idle. Which thread runs a chunk never changes what it computes, so
 * results are independent of the thread count.
 */
public final class Parallel {
    private Parallel() {
    }

    /** Work on the rows [from, to) with a thread's scratch state. */
    @FunctionalInterface
    public interface ChunkTask<S> {
        void run(S scratch, int chunk, int from, int to);
    }

    /** {@code requested} threads, or all available processors when it is 0. */
    public static int threads(int requested) {
        return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
    }

    /** Number of chunks {@link #forChunks} splits {@code n} rows into. */
    public static int chunkCount(int n, int chunkSize) {
        return (n + chunkSize - 1) / chunkSize;
    }

    /**
     * Calls {@code task} once per chunk {@code c} = [c * chunkSize, min(n, (c + 1) * chunkSize)). The calling
     * thread takes part; the first failure stops the others and is rethrown.
     */
    public static <S> void forChunks(int n, int chunkSize, int threads, Supplier<S> scratch, ChunkTask<S> task) {
        int chunks = chunkCount(n, chunkSize);
        int workers = Math.max(1, Math.min(threads(threads), chunks));
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            try {
                S s = scratch.get();
                int c;
                while (failure.get() == null && (c = next.getAndIncrement()) < chunks) {
                    int from = c * chunkSize;
                    task.run(s, c, from, Math.min(n, from + chunkSize));
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
        Thread[] helpers = new Thread[workers - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Thread(worker, "tailor-worker-" + i);
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
        worker.run();
        boolean interrupted = false;
        for (Thread t : helpers) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    // Finish joining: returning while helpers still write into shared output would be unsafe.
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
