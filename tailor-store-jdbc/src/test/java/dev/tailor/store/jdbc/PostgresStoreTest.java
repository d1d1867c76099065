// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract on a real PostgreSQL: {@code TAILOR_PG_URL} when set, else an embedded PostgreSQL 14 shared by
 * the JVM (see {@link PostgresTestServer}); each test runs in a schema of its own.
 */
class PostgresStoreTest extends StoreContractTest {
    @Override
    protected String newSpec() {
        return PostgresTestServer.newSchemaSpec();
    }

    @Override
    protected boolean persistent() {
        return true;
    }

    @AfterEach
    void dropSchema() {
        store.close();
        PostgresTestServer.dropSchemaOf(spec);
    }

    @Test
    void describesHostAndDatabaseOnly() {
        assertThat(store.describe()).startsWith("PostgreSQL at ").doesNotContain("?").doesNotContain("user=");
    }
}
