// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import java.util.concurrent.atomic.AtomicInteger;

/** The contract on embedded H2 in memory (what tests and demos use). */
class H2MemoryStoreTest extends StoreContractTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Override
    protected String newSpec() {
        return "h2:mem:contract-" + NAMES.incrementAndGet();
    }

    @Override
    protected boolean persistent() {
        return false;
    }
}
