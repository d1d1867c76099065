// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    @Test
    void everyRowIsVisitedOnceByAWorkerInRange() {
        try (WorkerPool pool = WorkerPool.create(3)) {
            AtomicIntegerArray visits = new AtomicIntegerArray(1000);
            boolean[] badWorker = new boolean[1];
            pool.forChunks(1000, 7, (worker, chunk, from, to) -> {
                if (worker < 0 || worker >= 3 || from != chunk * 7) {
                    badWorker[0] = true;
                }
                for (int r = from; r < to; r++) {
                    visits.incrementAndGet(r);
                }
            });
            assertThat(badWorker[0]).isFalse();
            for (int r = 0; r < 1000; r++) {
                assertThat(visits.get(r)).as("row %d", r).isEqualTo(1);
            }
            // The pool survives many passes (trainers make hundreds).
            for (int pass = 0; pass < 50; pass++) {
                pool.forChunks(10, 1, (worker, chunk, from, to) -> { });
            }
            pool.forChunks(0, 5, (worker, chunk, from, to) -> {
                throw new AssertionError("no chunk for no rows");
            });
        }
    }

    @Test
    void aFailingChunkIsRethrownToTheCaller() {
        try (WorkerPool pool = WorkerPool.create(2)) {
            assertThatThrownBy(() -> pool.forChunks(100, 1, (worker, chunk, from, to) -> {
                if (chunk == 42) {
                    throw new IllegalStateException("chunk 42 failed");
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("chunk 42 failed");
        }
    }

    @Test
    void zeroThreadsMeansEveryProcessor() {
        try (WorkerPool pool = WorkerPool.create(0)) {
            assertThat(pool.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        }
        assertThatThrownBy(() -> WorkerPool.create(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
