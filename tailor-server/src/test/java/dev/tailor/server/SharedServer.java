// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

/**
 * One server over the small sample shop for all test classes that only read, or that undo what they change
 * (rules) and use their own customers and items: starting a server and training its models is the slow part of
 * these tests. Stopped when the test JVM exits.
 */
final class SharedServer {
    private static ServerFixture instance;

    private SharedServer() {
    }

    static synchronized ServerFixture get() {
        if (instance == null) {
            instance = ServerFixture.withShop(ServerFixture.smallShop(), c -> c.withLimits(c.limits()
                    .withMaxBatch(50).withMaxBodyBytes(64 * 1024)));
            ServerFixture fx = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(fx::close));
        }
        return instance;
    }
}
