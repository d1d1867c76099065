// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Overload protection: at most {@code maxInFlight} requests work at once, at most {@code maxQueued} wait for a
 * turn, and none waits longer than {@code queueTimeoutMillis}. Anything beyond is answered 503 with
 * Retry-After at once, so an overloaded server keeps serving what it admitted at normal latency instead of
 * slowing down for everyone. During shutdown it admits nothing new and lets the admitted requests finish.
 * Thread-safe.
 */
public final class Admission {
    private final Semaphore permits;
    private final int maxInFlight;
    private final int maxQueued;
    private final long queueTimeoutNanos;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder shed = new LongAdder();
    private volatile boolean draining;

    public Admission(int maxInFlight, int maxQueued, long queueTimeoutMillis) {
        this.permits = new Semaphore(maxInFlight);
        this.maxInFlight = maxInFlight;
        this.maxQueued = maxQueued;
        this.queueTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(queueTimeoutMillis);
    }

    /**
     * Waits for a turn.
     *
     * @throws HttpProblem 503 when the server is shutting down, the queue is full or the wait timed out
     */
    public void enter() {
        if (draining) {
            shed.increment();
            throw unavailable("shutting-down", "Shutting down", "the server is shutting down; retry on another "
                    + "instance");
        }
        if (permits.tryAcquire()) {
            inFlight.incrementAndGet();
            return;
        }
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            shed.increment();
            throw unavailable("overloaded", "Overloaded", "too many requests are waiting; retry shortly");
        }
        boolean admitted;
        try {
            admitted = permits.tryAcquire(queueTimeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        } finally {
            queued.decrementAndGet();
        }
        if (!admitted) {
            shed.increment();
            throw unavailable("overloaded", "Overloaded", "no capacity within the queue timeout; retry shortly");
        }
        inFlight.incrementAndGet();
    }

    public void exit() {
        inFlight.decrementAndGet();
        permits.release();
    }

    private static HttpProblem unavailable(String type, String title, String detail) {
        return new HttpProblem(503, type, title, detail, List.of(), Map.of("Retry-After", "1"));
    }

    /** Stops admitting; requests already admitted run on. */
    public void drain() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }

    /**
     * Waits until no admitted request is running.
     *
     * @return whether they all finished in time
     */
    public boolean awaitIdle(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int queued() {
        return queued.get();
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    /** Requests answered 503 by admission so far. */
    public long shed() {
        return shed.sum();
    }
}
