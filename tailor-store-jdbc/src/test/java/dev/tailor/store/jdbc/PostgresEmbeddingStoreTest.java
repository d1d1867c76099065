// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import org.junit.jupiter.api.AfterEach;

/** The embeddings table on a real PostgreSQL (see {@link PostgresTestServer}), a schema per test. */
class PostgresEmbeddingStoreTest extends EmbeddingStoreContractTest {
    @Override
    protected String newSpec() {
        return PostgresTestServer.newSchemaSpec();
    }

    @AfterEach
    void dropSchema() {
        store.close();
        PostgresTestServer.dropSchemaOf(spec);
    }
}
