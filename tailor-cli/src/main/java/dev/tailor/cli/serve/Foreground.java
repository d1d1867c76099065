// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli.serve;

import dev.tailor.core.store.Store;
import dev.tailor.server.TailorServer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps a started server in the foreground until the process is asked to stop (Ctrl-C, SIGTERM) or the calling
 * thread is interrupted, then stops it gracefully (requests in flight finish first), stops its background jobs
 * and closes its store, once.
 */
public final class Foreground {
    private final TailorServer server;
    private final Store store;
    private final List<? extends AutoCloseable> jobs;
    private final PrintWriter out;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Foreground(TailorServer server, Store store, List<? extends AutoCloseable> jobs, PrintWriter out) {
        this.server = server;
        this.store = store;
        this.jobs = List.copyOf(jobs);
        this.out = out;
    }

    /**
     * Blocks until a stop is asked for; returns after the server stopped and the store closed. An interrupt of
     * the calling thread is a stop request (the interrupt status is restored on return).
     */
    public static void run(TailorServer server, Store store, PrintWriter out) {
        run(server, store, List.of(), out);
    }

    /** As {@link #run(TailorServer, Store, PrintWriter)}, closing {@code jobs} (which use the store) before it. */
    public static void run(TailorServer server, Store store, List<? extends AutoCloseable> jobs, PrintWriter out) {
        new Foreground(server, store, jobs, out).block();
    }

    private void block() {
        Thread hook = new Thread(this::stop, "tailor-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Stop before restoring the interrupt: the graceful wait for requests in flight must not be cut short.
            removeHook(hook);
            stop();
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to: it does the same stop, once.
        }
    }

    private void closeJobs() {
        for (AutoCloseable job : jobs) {
            try {
                job.close();
            } catch (Exception e) {
                out.println("Stopping " + job + " failed: " + e.getMessage());
            }
        }
    }

    private void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            out.println("Stopping: finishing the requests in flight...");
            out.flush();
            server.stop();
            closeJobs();
            store.close();
            out.println("Stopped.");
            out.flush();
        } finally {
            stopped.countDown();
        }
    }
}
