// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import static dev.tailor.server.ServerFixture.READ;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.server.pipeline.CandidateSource;
import dev.tailor.server.pipeline.Candidates;
import dev.tailor.server.pipeline.RecommendationContext;
import dev.tailor.server.pipeline.Scenes;
import dev.tailor.server.scene.ServingExtensions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Overload sheds with 503 instead of collapsing, slow requests run into their time budget, and a graceful stop
 * lets admitted requests finish. A candidate source that blocks while a latch is closed makes requests slow on
 * demand.
 */
class OverloadTest {
    /** Blocks {@code similar} requests while the gate is closed, up to the given time. */
    static final class Gate implements CandidateSource {
        final CountDownLatch open = new CountDownLatch(1);
        final AtomicInteger entered = new AtomicInteger();
        final long maxMillis;

        Gate(long maxMillis) {
            this.maxMillis = maxMillis;
        }

        @Override
        public String name() {
            return "gate";
        }

        @Override
        public void collect(RecommendationContext ctx, Candidates out, int source, int limit) {
            entered.incrementAndGet();
            try {
                open.await(maxMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public String explain(RecommendationContext ctx, int item, int evidence) {
            return "";
        }
    }

    private static ServerFixture server(Gate gate, int inFlight, int queued, long queueMillis, long timeoutMillis) {
        return server(Scenes.SIMILAR, gate, inFlight, queued, queueMillis, timeoutMillis);
    }

    private static ServerFixture server(String scene, Gate gate, int inFlight, int queued, long queueMillis,
            long timeoutMillis) {
        return ServerFixture.start(c -> c.withLimits(c.limits().withConcurrency(inFlight, queued, queueMillis)
                        .withRequestTimeoutMillis(timeoutMillis)),
                store -> store.write(w -> new dev.tailor.io.sampleshop.SampleShopGenerator(
                        dev.tailor.io.sampleshop.SampleShopConfig.builder().items(60).customers(30).seed(3)
                                .meanSessionsPerCustomer(2).build()).writeTo(w)),
                ServingExtensions.NONE.withSource(scene, gate, 1));
    }

    private static void awaitEntered(Gate gate, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (gate.entered.get() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(gate.entered.get()).isGreaterThanOrEqualTo(n);
    }

    @Test
    void beyondCapacityAndQueueRequestsGet503WithRetryAfterWhileHealthAnswers() throws Exception {
        Gate gate = new Gate(30_000);
        try (ServerFixture fx = server(gate, 2, 2, 60_000, 60_000)) {
            String item = fx.server.catalog().view().id(0);
            ExecutorService pool = Executors.newFixedThreadPool(12);
            try {
                List<Future<ApiClient.Answer>> admitted = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    admitted.add(pool.submit(() -> fx.client.get("/v1/items/" + item + "/similar", READ)));
                }
                awaitEntered(gate, 2);
                Thread.sleep(300);
                Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
                List<Future<ApiClient.Answer>> extra = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    extra.add(pool.submit(() -> fx.client.get("/v1/items/" + item + "/similar", READ)));
                }
                for (Future<ApiClient.Answer> f : extra) {
                    ApiClient.Answer a = f.get(30, TimeUnit.SECONDS);
                    statuses.computeIfAbsent(a.status(), k -> new AtomicInteger()).incrementAndGet();
                    assertThat(a.status()).as(a.body()).isEqualTo(503);
                    assertThat(a.header("Retry-After")).isEqualTo("1");
                    assertThat(a.json().path("type").asText()).isEqualTo("/docs#overloaded");
                }
                assertThat(fx.client.get("/health", null).status()).isEqualTo(200);
                assertThat(fx.client.get("/metrics", ServerFixture.ADMIN).body()).contains("tailor_http_shed_total 6");
                gate.open.countDown();
                for (Future<ApiClient.Answer> f : admitted) {
                    assertThat(f.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
                }
            } finally {
                gate.open.countDown();
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aQueuedRequestThatWaitsTooLongIsShed() throws Exception {
        Gate gate = new Gate(30_000);
        try (ServerFixture fx = server(gate, 1, 5, 200, 60_000)) {
            String item = fx.server.catalog().view().id(0);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<ApiClient.Answer> first = pool.submit(() -> fx.client.get("/v1/items/" + item + "/similar",
                        READ));
                awaitEntered(gate, 1);
                ApiClient.Answer queued = fx.client.get("/v1/items/" + item + "/similar", READ);
                assertThat(queued.status()).isEqualTo(503);
                assertThat(queued.json().path("detail").asText()).contains("queue timeout");
                gate.open.countDown();
                assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            } finally {
                gate.open.countDown();
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aRequestPastItsTimeBudgetGets503() {
        Gate gate = new Gate(1_000);
        try (ServerFixture fx = server(Scenes.HOME, gate, 4, 4, 1_000, 300)) {
            // The slow "For you" row uses up the budget; the next row is not started.
            String customer = fx.server.models().get().histories().userId(0);
            ApiClient.Answer a = fx.client.get("/v1/users/" + customer + "/home", READ);
            assertThat(a.status()).as(a.body()).isEqualTo(503);
            assertThat(a.json().path("type").asText()).isEqualTo("/docs#timeout");
            assertThat(a.header("Retry-After")).isEqualTo("1");
            // Scenes without the slow source are unaffected.
            String item = fx.server.catalog().view().id(0);
            assertThat(fx.client.get("/v1/items/" + item + "/similar", READ).status()).isEqualTo(200);
        }
    }

    @Test
    void gracefulStopFinishesAdmittedRequestsAndRefusesNewOnes() throws Exception {
        Gate gate = new Gate(30_000);
        ServerFixture fx = server(gate, 4, 4, 1_000, 60_000);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            String item = fx.server.catalog().view().id(0);
            Future<ApiClient.Answer> inFlight = pool.submit(() -> fx.client.get("/v1/items/" + item + "/similar",
                    READ));
            awaitEntered(gate, 1);
            Future<?> stopping = pool.submit(fx.server::stop);
            long deadline = System.currentTimeMillis() + 10_000;
            ApiClient.Answer health = fx.client.get("/health", null);
            while (health.status() == 200 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
                health = fx.client.get("/health", null);
            }
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().path("status").asText()).isEqualTo("draining");
            ApiClient.Answer refused = fx.client.get("/v1/items/" + item + "/similar", READ);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().path("type").asText()).isEqualTo("/docs#shutting-down");
            gate.open.countDown();
            assertThat(inFlight.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            stopping.get(30, TimeUnit.SECONDS);
        } finally {
            gate.open.countDown();
            pool.shutdownNow();
            fx.close();
        }
    }
}
