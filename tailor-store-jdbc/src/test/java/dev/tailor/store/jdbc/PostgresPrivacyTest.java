// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import org.junit.jupiter.api.AfterEach;

/** The privacy contract on PostgreSQL (see {@link PostgresTestServer}), a schema per test. */
class PostgresPrivacyTest extends PrivacyContractTest {
    @Override
    protected String newSpec() {
        return PostgresTestServer.newSchemaSpec();
    }

    @AfterEach
    void dropSchema() {
        closeAll();
        PostgresTestServer.dropSchemaOf(spec);
    }
}
