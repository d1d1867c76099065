// SPDX-License-Identifier: Apache-2.0
/**
 * The {@link dev.tailor.core.store.Store} seam on JDBC: embedded H2 (default, file or memory) and PostgreSQL,
 * sharing one schema migrated by Flyway. Entry point: {@link dev.tailor.store.jdbc.JdbcStores#open(String)}.
 * Vendor differences are confined to {@code Dialect} (upserts) and the two event appenders.
 */
package dev.tailor.store.jdbc;
