// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import dev.tailor.core.error.TailorException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Runs numbered tasks on a pool and hands their results to a consumer on the calling thread in task order, with
 * at most {@code 2 x threads} results in flight. Order makes output independent of the thread count; the window
 * bounds memory however slow the consumer (a database, a disk) is.
 */
final class OrderedParallel implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    OrderedParallel(int threads) {
        this.threads = threads;
        if (threads > 1) {
            AtomicInteger n = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "sample-shop-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            pool = Executors.newFixedThreadPool(threads, factory);
        } else {
            pool = null;
        }
    }

    <T> void run(int tasks, IntFunction<T> task, Consumer<T> consumer) {
        if (pool == null) {
            for (int i = 0; i < tasks; i++) {
                consumer.accept(task.apply(i));
            }
            return;
        }
        ArrayDeque<Future<T>> window = new ArrayDeque<>();
        int next = 0;
        try {
            while (next < tasks && window.size() < 2 * threads) {
                int i = next++;
                window.add(pool.submit(() -> task.apply(i)));
            }
            while (!window.isEmpty()) {
                T result = await(window.poll());
                if (next < tasks) {
                    int i = next++;
                    window.add(pool.submit(() -> task.apply(i)));
                }
                consumer.accept(result);
            }
        } finally {
            for (Future<T> f : window) {
                f.cancel(true);
            }
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TailorException("sample-shop generation was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new TailorException("sample-shop generation failed: " + cause, cause);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
