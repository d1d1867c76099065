// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.store.Store;
import dev.tailor.io.sampleshop.SampleShopConfig;
import dev.tailor.io.sampleshop.SampleShopGenerator;
import dev.tailor.server.scene.ServingExtensions;
import java.util.function.Consumer;
import dev.tailor.server.http.ApiKey;
import dev.tailor.server.http.Role;
import dev.tailor.store.jdbc.JdbcStores;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** A real server on an ephemeral loopback port over a fresh in-memory H2 store, with one key per role. */
final class ServerFixture implements AutoCloseable {
    static final String INGEST = "ingest-key-0123456789";
    static final String READ = "read-key-0123456789ab";
    static final String ADMIN = "admin-key-0123456789a";

    final Store store;
    final TailorServer server;
    final ApiClient client;

    private ServerFixture(Store store, TailorServer server) {
        this.store = store;
        this.server = server;
        this.client = new ApiClient(server.baseUri());
    }

    static ServerConfig config() {
        // A generous time budget: the shared build machine can stall a cold request for seconds.
        ServerConfig d = ServerConfig.defaults();
        return d.withPort(0).withAccessLog(false).withLimits(d.limits().withRequestTimeoutMillis(30_000))
                .withApiKeys(List.of(
                new ApiKey("shop-backend", INGEST, Set.of(Role.INGEST)),
                new ApiKey("storefront", READ, Set.of(Role.READ)),
                new ApiKey("ops", ADMIN, Set.of(Role.ADMIN))));
    }

    static ServerFixture start() {
        return start(c -> c);
    }

    static ServerFixture start(UnaryOperator<ServerConfig> tweak) {
        return start(tweak, store -> { }, ServingExtensions.NONE);
    }

    /** A server over a store preloaded with a sample shop (written directly, not through the API). */
    static ServerFixture withShop(SampleShopConfig shop, UnaryOperator<ServerConfig> tweak) {
        return start(tweak, store -> store.write(w -> new SampleShopGenerator(shop).writeTo(w)),
                ServingExtensions.NONE);
    }

    static SampleShopConfig smallShop() {
        return SampleShopConfig.builder().items(300).customers(250).seed(5).meanSessionsPerCustomer(4).build();
    }

    static ServerFixture start(UnaryOperator<ServerConfig> tweak, Consumer<Store> preload,
            ServingExtensions extensions) {
        Store store = JdbcStores.open("h2:mem:" + UUID.randomUUID().toString().replace("-", ""));
        try {
            preload.accept(store);
            TailorServer server = TailorServer.create(tweak.apply(config()), store, extensions,
                    Algorithms.standard()).start();
            return new ServerFixture(store, server);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            store.close();
        }
    }
}
