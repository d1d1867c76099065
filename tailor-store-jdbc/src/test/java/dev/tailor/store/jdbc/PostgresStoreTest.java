// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.store.Store;
import java.util.List;
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
    void aMissingSchemaIsCreatedOnFirstOpen() {
        String fresh = spec.replaceAll("currentSchema=([a-z0-9_]+)", "currentSchema=$1_new");
        try (Store other = JdbcStores.open(fresh)) {
            other.write(w -> w.appendEvents(List.of(view("u", "i", 1))));
            assertThat(other.stats().events()).isEqualTo(1);
            assertThat(store.stats().events()).isZero();
        } finally {
            PostgresTestServer.dropSchemaOf(fresh);
        }
    }

    @Test
    void describesHostAndDatabaseOnly() {
        assertThat(store.describe()).startsWith("PostgreSQL at ").contains(" schema tailor_test_")
                .doesNotContain("?").doesNotContain("user=");
    }
}
