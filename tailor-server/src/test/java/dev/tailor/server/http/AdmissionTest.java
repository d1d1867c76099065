// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdmissionTest {
    @Test
    void admitsUpToCapacityThenShedsAtOnceWhenNoQueueIsAllowed() {
        Admission a = new Admission(2, 0, 1_000);
        a.enter();
        a.enter();
        assertThatThrownBy(a::enter).isInstanceOfSatisfying(HttpProblem.class, p -> {
            assertThat(p.status()).isEqualTo(503);
            assertThat(p.type()).isEqualTo("overloaded");
            assertThat(p.headers()).containsEntry("Retry-After", "1");
        });
        assertThat(a.inFlight()).isEqualTo(2);
        assertThat(a.shed()).isEqualTo(1);
        a.exit();
        a.enter();
        assertThat(a.inFlight()).isEqualTo(2);
    }

    @Test
    void aQueuedRequestGetsInWhenOneLeavesAndIsShedAfterTheTimeout() throws Exception {
        Admission a = new Admission(1, 1, 5_000);
        a.enter();
        CountDownLatch admitted = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            a.enter();
            admitted.countDown();
        });
        waiter.start();
        while (a.queued() == 0) {
            Thread.sleep(1);
        }
        a.exit();
        assertThat(admitted.await(5, TimeUnit.SECONDS)).isTrue();
        waiter.join();
        Admission quick = new Admission(1, 1, 50);
        quick.enter();
        long t0 = System.nanoTime();
        assertThatThrownBy(quick::enter).isInstanceOf(HttpProblem.class).hasMessageContaining("queue timeout");
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(45);
    }

    @Test
    void drainingRefusesNewRequestsAndWaitsForTheAdmitted() throws Exception {
        Admission a = new Admission(4, 4, 100);
        a.enter();
        a.drain();
        assertThatThrownBy(a::enter).isInstanceOfSatisfying(HttpProblem.class,
                p -> assertThat(p.type()).isEqualTo("shutting-down"));
        assertThat(a.awaitIdle(30)).isFalse();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            a.exit();
        });
        t.start();
        assertThat(a.awaitIdle(5_000)).isTrue();
        t.join();
    }
}
