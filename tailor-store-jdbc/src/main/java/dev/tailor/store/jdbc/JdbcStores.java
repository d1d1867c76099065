// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.store.Store;
import dev.tailor.core.text.EmbeddingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Opens a {@link Store} from a one-line spec, creating or migrating its schema as needed.
 *
 * <ul>
 *   <li>{@code h2:<directory>} - embedded H2 in {@code <directory>/tailor.mv.db}; the zero-setup default
 *       ({@value #DEFAULT_SPEC}). One process at a time may open a directory.</li>
 *   <li>{@code h2:mem:<name>} - embedded H2 in memory, gone when the store is closed (tests, demos).</li>
 *   <li>{@code jdbc:postgresql://host[:port]/database[?params]} - PostgreSQL 14 or later. Credentials come
 *       from the URL's {@code user}/{@code password} parameters, else from the {@code TAILOR_PG_USER} and
 *       {@code TAILOR_PG_PASSWORD} environment variables. {@code currentSchema=} selects a schema, created
 *       on first open if missing (which needs the CREATE privilege on the database).</li>
 * </ul>
 */
public final class JdbcStores {
    /** Where Tailor keeps its data when told nothing else. */
    public static final String DEFAULT_SPEC = "h2:./tailor-data";

    /** Connections per store: one writer plus concurrent readers; more buys nothing on an embedded database. */
    static final int POOL_SIZE = 4;

    private JdbcStores() {
    }

    /**
     * Opens the store the spec names.
     *
     * @throws dev.tailor.core.error.ValidationException when the spec itself is malformed
     * @throws TailorException when the database cannot be opened (unreachable, wrong password, H2 directory in
     *     use by another process, schema newer than this code); the message names the spec, never a password
     */
    public static Store open(String spec) {
        return open(spec, StorePrivacy.none());
    }

    /**
     * Opens the store the spec names with personal-data protection: customer ids pseudonymized, personal fields
     * encrypted, as {@code privacy} says (see {@code docs/privacy.md}).
     *
     * @throws TailorException also when the store was first written with other privacy settings (another
     *     pseudonym key, encryption on or off); the message says which
     */
    public static Store open(String spec, StorePrivacy privacy) {
        return open(spec, System::getenv, JdbcStore.COMPACT_AFTER_GROWTH_BYTES, privacy);
    }

    /**
     * Rotates the pseudonym key: appends {@code newKey} to the chain and rewrites every stored pseudonym in one
     * transaction (customers, events, identity table; profiles re-sealed). Nothing else may have the store open.
     *
     * @return the protection to use from now on; write {@link StorePrivacy#toKeyFile()} to the key file
     */
    public static StorePrivacy rotatePseudonymKey(String spec, StorePrivacy current, byte[] newKey) {
        StorePrivacy next = current.withPseudonymKey(newKey);
        try (Store store = open(spec, current)) {
            JdbcStore s = (JdbcStore) store;
            s.inTransaction("rotate the pseudonym key", c -> PrivacySettings.rotate(c, new Protection(current), next));
        }
        return next;
    }

    /**
     * The embedding cache table of a store opened here (schema V2): item-text vectors by encoder model and text
     * hash. Empty for a store of another kind.
     */
    public static Optional<EmbeddingStore> embeddings(Store store) {
        return store instanceof JdbcStore j ? Optional.of(j.embeddings()) : Optional.empty();
    }

    /** As {@link #open(String)}, reading credentials through {@code env} instead of the process environment. */
    static Store open(String spec, UnaryOperator<String> env) {
        return open(spec, env, JdbcStore.COMPACT_AFTER_GROWTH_BYTES);
    }

    /** As {@link #open(String, UnaryOperator)}, with the H2 file growth that triggers compaction on close. */
    static Store open(String spec, UnaryOperator<String> env, long compactAfterGrowthBytes) {
        return open(spec, env, compactAfterGrowthBytes, StorePrivacy.none());
    }

    static Store open(String spec, UnaryOperator<String> env, long compactAfterGrowthBytes, StorePrivacy privacy) {
        StoreSpec parsed = StoreSpec.parse(spec, env);
        parsed.h2Directory().ifPresent(dir -> createDirectory(parsed, dir));
        HikariDataSource pool = pool(parsed);
        try {
            Migrations.migrate(pool, parsed.schema(), parsed.description());
            checkPrivacy(pool, privacy, parsed.description());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new JdbcStore(pool, Dialect.of(parsed.vendor()), parsed.description(),
                parsed.h2Directory().map(dir -> dir.resolve(StoreSpec.H2_FILE_NAME + ".mv.db")),
                compactAfterGrowthBytes, new Protection(privacy));
    }

    private static void checkPrivacy(HikariDataSource pool, StorePrivacy privacy, String store) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            boolean committed = false;
            try {
                PrivacySettings.check(c, privacy, store);
                c.commit();
                committed = true;
            } finally {
                if (!committed) {
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            throw new TailorException("cannot read the privacy settings of " + store + ": " + SqlErrors.message(e), e);
        }
    }

    private static void createDirectory(StoreSpec spec, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new TailorException("cannot create the data directory for store '" + spec + "': " + e, e);
        }
    }

    private static HikariDataSource pool(StoreSpec spec) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(spec.jdbcUrl());
        spec.user().ifPresent(config::setUsername);
        spec.password().ifPresent(config::setPassword);
        config.setPoolName("tailor-" + spec.vendor().name().toLowerCase(java.util.Locale.ROOT));
        config.setMaximumPoolSize(POOL_SIZE);
        if (spec.vendor() == StoreSpec.Vendor.H2) {
            // An embedded H2 database closes when its last connection does, which would drop an in-memory
            // store. A fixed set of connections that never expire keeps it open exactly until close().
            config.setMinimumIdle(POOL_SIZE);
            config.setMaxLifetime(0);
            config.setIdleTimeout(0);
        } else {
            config.setMinimumIdle(1);
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw openFailure(spec, e);
        }
    }

    private static TailorException openFailure(StoreSpec spec, RuntimeException e) {
        Optional<SQLException> sql = SqlErrors.find(e);
        if (sql.isEmpty()) {
            return new TailorException("cannot open store '" + spec + "': " + e.getMessage(), e);
        }
        SQLException s = sql.get();
        String state = s.getSQLState() == null ? "" : s.getSQLState();
        String why;
        if (spec.vendor() == StoreSpec.Vendor.H2 && s.getErrorCode() == SqlErrors.H2_ALREADY_OPEN) {
            why = "the H2 database is in use by another process (its file is locked); stop that process, "
                    + "or give this one another directory";
        } else if (spec.vendor() == StoreSpec.Vendor.H2 && s.getErrorCode() == SqlErrors.H2_FILE_VERSION) {
            why = "the H2 file was written by an incompatible H2 version: " + SqlErrors.message(s);
        } else if (state.startsWith("08")) {
            why = "cannot connect: " + SqlErrors.message(s);
        } else if (state.startsWith("28")) {
            why = "authentication failed (set the user/password URL parameters or " + StoreSpec.PG_USER_ENV
                    + "/" + StoreSpec.PG_PASSWORD_ENV + "): " + SqlErrors.message(s);
        } else {
            why = SqlErrors.message(s);
        }
        return new TailorException("cannot open store '" + spec + "': " + why, e);
    }
}
