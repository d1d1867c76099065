// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import org.junit.jupiter.api.AfterEach;

/** The archive contract on a real PostgreSQL (see {@link PostgresTestServer}), a schema per test. */
class PostgresModelArchiveTest extends ModelArchiveContractTest {
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
