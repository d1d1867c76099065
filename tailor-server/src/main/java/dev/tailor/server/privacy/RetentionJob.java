// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.privacy;

import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes events older than a maximum age, on a fixed period (storage limitation, GDPR Art. 5(1)(e)). Profiles
 * are kept: they are the shop's customer records, not behaviour. Models trained before a purge keep what they
 * learned from the purged events until the next training. Runs on a daemon thread of its own; a failed run is
 * logged and the next one tries again.
 */
public final class RetentionJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    /** Less than a day would purge what the next training still needs; a typo like "1m" for a year is likelier. */
    public static final Duration MIN_AGE = Duration.ofDays(1);

    private final Store store;
    private final Duration maxAge;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tailor-retention");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param maxAge events older than this are deleted; at least one day
     * @throws ValidationException (field {@code retention}) for a shorter age
     */
    public RetentionJob(Store store, Duration maxAge, Clock clock) {
        if (maxAge.compareTo(MIN_AGE) < 0) {
            throw ValidationException.of("retention", "expected at least 1 day, was " + maxAge);
        }
        this.store = store;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Purges now and then every {@code period} (first run after one period). */
    public RetentionJob start(Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw ValidationException.of("retention_every", "expected a positive period, was " + period);
        }
        long ms = period.toMillis();
        scheduler.scheduleWithFixedDelay(this::runLogged, ms, ms, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One purge: deletes events older than the maximum age. */
    public long runOnce() {
        Instant cutoff = clock.instant().minus(maxAge);
        long t0 = System.nanoTime();
        long n = store.purgeEventsBefore(cutoff);
        LOG.info("retention: deleted {} events older than {} ({} max age) from {} in {} ms", n, cutoff, maxAge,
                store.describe(), (System.nanoTime() - t0) / 1_000_000);
        return n;
    }

    private void runLogged() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.error("retention purge on {} failed; next try in one period", store.describe(), e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
