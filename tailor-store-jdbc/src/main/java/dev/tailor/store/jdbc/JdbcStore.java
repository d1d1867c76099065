// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.privacy.Pseudonymizer;
import dev.tailor.core.store.Erasure;
import dev.tailor.core.store.ModelArchive;
import dev.tailor.core.store.Store;
import dev.tailor.core.store.StoreStats;
import dev.tailor.core.store.StoreWriter;
import dev.tailor.core.text.EmbeddingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Store} on a JDBC connection pool, for H2 and PostgreSQL. Open one with {@link JdbcStores#open}.
 *
 * <p>Reads stream through a forward-only cursor inside a read-only REPEATABLE READ transaction (PostgreSQL only
 * honours the fetch size with auto-commit off; H2 streams because the URL turns on lazy query execution, and
 * only REPEATABLE READ keeps the cursor's version of the file alive, see {@code stream}), so memory stays
 * bounded whatever the table size. The consumer runs while the cursor is open: it should not take long per row,
 * because the open transaction holds back vacuum on PostgreSQL and the reuse of file space on H2.
 *
 * <p>Thread-safe: each call borrows its own pooled connection. Concurrent writes are fine, with one H2 caveat:
 * when two open transactions append the very same event, H2 makes the second wait for the first and then fail
 * (lock timeout or duplicate key) rather than skip it, as PostgreSQL's ON CONFLICT does.
 */
final class JdbcStore implements Store {
    /** Rows per round trip when streaming from PostgreSQL. */
    static final int FETCH_SIZE = 5_000;
    static final int TOP_CATEGORIES = 10;
    /** Compact an H2 file on close when it grew by more than this while the store was open. */
    static final long COMPACT_AFTER_GROWTH_BYTES = 64L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);
    private static final String ITEM_BY_ID = Rows.select("items", Rows.ITEM_COLUMNS) + " WHERE id = ?";
    private static final String ALL_ITEMS = Rows.select("items", Rows.ITEM_COLUMNS) + " ORDER BY id";
    private static final String CUSTOMER_BY_ID = Rows.select("customers", Rows.CUSTOMER_COLUMNS) + " WHERE id = ?";
    private static final String ALL_CUSTOMERS = Rows.select("customers", Rows.CUSTOMER_COLUMNS) + " ORDER BY id";
    // Served by the events_time index (ts_ms, seq): no sort, streams from the first row.
    private static final String ALL_EVENTS = Rows.select("events", Rows.EVENT_COLUMNS) + " ORDER BY ts_ms, seq";

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String description;
    private final Optional<Path> h2File;
    private final long h2SizeAtOpen;
    private final long compactAfterGrowth;
    private final Protection protection;
    private final JdbcModelArchive archive;

    /**
     * @param h2File the database file of a file-mode H2 store, to be compacted on close after a large write
     * @param compactAfterGrowth how many bytes the H2 file must grow by to be compacted on close
     * @param protection pseudonyms and encryption, applied to every customer id and personal field
     */
    JdbcStore(HikariDataSource pool, Dialect dialect, String description, Optional<Path> h2File,
              long compactAfterGrowth, Protection protection) {
        this.pool = pool;
        this.protection = protection;
        this.dialect = dialect;
        this.description = description;
        this.h2File = h2File;
        this.h2SizeAtOpen = h2File.map(JdbcStore::sizeOf).orElse(0L);
        this.compactAfterGrowth = compactAfterGrowth;
        this.archive = new JdbcModelArchive(pool, description);
    }

    @Override
    public <T> T write(Function<StoreWriter, T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            JdbcStoreWriter writer = new JdbcStoreWriter(c, dialect, description, protection);
            boolean committed = false;
            try {
                T result = work.apply(writer);
                writer.close();
                c.commit();
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    abandon(c, writer);
                }
            }
        } catch (SQLException e) {
            throw new TailorException("cannot write to " + description + ": " + SqlErrors.message(e), e);
        }
    }

    /** Rolls back after a failure; problems here are logged, so the failure that got us here is what propagates. */
    private void abandon(Connection c, JdbcStoreWriter writer) {
        try {
            writer.close();
        } catch (RuntimeException e) {
            LOG.warn("closing statements of a failed transaction on {}: {}", description, e.getMessage());
        }
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback on {} failed: {}", description, SqlErrors.message(e));
        }
    }

    @Override
    public Optional<Item> findItem(String id) {
        return findOne(ITEM_BY_ID, id, Rows::readItem);
    }

    @Override
    public Optional<Customer> findCustomer(String id) {
        return findOne(CUSTOMER_BY_ID, protection.key(id), this::readCustomer);
    }

    @Override
    public void forEachItem(Consumer<Item> action) {
        stream(ALL_ITEMS, Rows::readItem, action);
    }

    @Override
    public void forEachCustomer(Consumer<Customer> action) {
        stream(ALL_CUSTOMERS, this::readCustomer, action);
    }

    @Override
    public void forEachEvent(Consumer<Event> action) {
        stream(ALL_EVENTS, this::readEvent, action);
    }

    private Customer readCustomer(ResultSet rs) throws SQLException {
        return protection.read(Rows.readCustomer(rs), rs.getString(Rows.CUSTOMER_COLUMNS.size()));
    }

    private Event readEvent(ResultSet rs) throws SQLException {
        return protection.read(Rows.readEvent(rs));
    }

    @Override
    public void forEachEventOf(String customerId, Consumer<Event> action) {
        String key = protection.key(customerId);
        try (Connection c = pool.getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try {
                CustomerRows.eventsOf(c, key, rs -> action.accept(readEvent(rs)));
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw readFailure("the events of a customer", e);
        }
    }

    @Override
    public Erasure eraseCustomer(String customerId) {
        String key = protection.key(customerId);
        return inTransaction("erase a customer", c -> CustomerRows.erase(c, key));
    }

    @Override
    public long purgeEventsBefore(Instant cutoff) {
        return inTransaction("purge old events", c -> CustomerRows.purgeBefore(c, cutoff.toEpochMilli()));
    }

    @Override
    public Pseudonymizer pseudonymizer() {
        return protection.pseudonymizer();
    }

    /** Work on one connection in one transaction, for statements outside the StoreWriter. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T inTransaction(String what, SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            boolean committed = false;
            try {
                T result = work.run(c);
                c.commit();
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            throw new TailorException("cannot " + what + " in " + description + ": " + SqlErrors.message(e), e);
        }
    }

    @Override
    public StoreStats stats() {
        try (Connection c = pool.getConnection()) {
            // One snapshot for all the counts, so they agree with each other while imports run.
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try {
                return StatsQueries.run(c, dialect);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw readFailure("statistics", e);
        }
    }

    @Override
    public Optional<ModelArchive> modelArchive() {
        return Optional.of(archive);
    }

    @Override
    public String describe() {
        return description;
    }

    /** The embedding cache table (schema V2) of this store; shares its connection pool. */
    EmbeddingStore embeddings() {
        return new JdbcEmbeddingStore(pool, dialect, description);
    }

    /**
     * Closes the pool, compacting an H2 file that grew by more than 64 MB meanwhile. MVStore never overwrites
     * in place and cannot reuse space while a transaction is open, so a large import leaves the file several
     * times its live size (1M events: 331 MB for 69 MB of data). Compaction rewrites it, about 15 s per million
     * events on this project's loaded 2-core sandbox. Growth is the trigger because H2's own fill rate is only
     * brought up to date some time after a commit (its 45 s retention time), so right after an import it
     * still reads "full".
     */
    @Override
    public void close() {
        if (pool.isClosed()) {
            return;
        }
        String url = pool.getJdbcUrl();
        pool.close();
        h2File.ifPresent(file -> {
            long size = sizeOf(file);
            if (size - h2SizeAtOpen > compactAfterGrowth) {
                LOG.info("compacting {}: the file grew from {} MB to {} MB", description, h2SizeAtOpen >> 20,
                        size >> 20);
                compact(url);
            }
        });
    }

    /**
     * SHUTDOWN COMPACT on a connection of its own, after the pool is gone: a pooled connection fails to be
     * handed back after SHUTDOWN, and H2 would log that to a trace file in the data directory.
     */
    private void compact(String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            // The data is safe either way; only the disk space is not reclaimed.
            LOG.warn("could not compact {}: {}", description, SqlErrors.message(e));
        }
    }

    /** The file's size; 0 when it cannot be read, which simply means no compaction. */
    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return description;
    }

    /** Reads one row of a result set; SQLException is the only checked exception it may throw. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> findOne(String sql, String id, RowReader<T> reader) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw readFailure("'" + id + "'", e);
        }
    }

    /**
     * Streams in a REPEATABLE READ transaction. For PostgreSQL a single query sees one snapshot either way; H2
     * needs it. A lazy H2 result reads its pages from the file while the caller iterates, but under READ COMMITTED
     * H2 ends the statement, and with it the registration of the version the cursor reads, as soon as
     * executeQuery returns. Nothing then keeps MVStore from freeing that version's chunks when a later commit or
     * background chunk rewriting leaves them unused: after the 45 s retention time the cursor fails with "Chunk
     * N not found", and rows a later commit removed fail their primary-index lookup at once. Under REPEATABLE
     * READ the transaction holds its version until the rollback below.
     */
    private <T> void stream(String sql, RowReader<T> reader, Consumer<T> action) {
        try (Connection c = pool.getConnection()) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        action.accept(reader.read(rs));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw readFailure("rows", e);
        }
    }

    private TailorException readFailure(String what, SQLException e) {
        return new TailorException("cannot read " + what + " from " + description + ": " + SqlErrors.message(e), e);
    }

    /** The statistics: catalog ones here, event ones per dialect; see the module README for their cost. */
    static final class StatsQueries {
        private StatsQueries() {
        }

        static StoreStats run(Connection c, Dialect dialect) throws SQLException {
            long items = single(c, "SELECT COUNT(*) FROM items");
            long customers = single(c, "SELECT COUNT(*) FROM customers");
            EventCounts counts = dialect.eventCounts(c);
            Optional<Instant> first = Optional.empty();
            Optional<Instant> last = Optional.empty();
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(ts_ms), MAX(ts_ms) FROM events");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long min = rs.getLong(1);
                    if (!rs.wasNull()) {
                        first = Optional.of(Instant.ofEpochMilli(min));
                        last = Optional.of(Instant.ofEpochMilli(rs.getLong(2)));
                    }
                }
            }
            List<StoreStats.CategoryCount> top = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT leaf_category, COUNT(*) AS n FROM items "
                    + "WHERE leaf_category IS NOT NULL GROUP BY leaf_category ORDER BY n DESC, leaf_category "
                    + "FETCH FIRST " + TOP_CATEGORIES + " ROWS ONLY");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    top.add(new StoreStats.CategoryCount(rs.getString(1), rs.getLong(2)));
                }
            }
            return new StoreStats(items, customers, counts.events(), counts.byType(), counts.users(), counts.items(),
                    counts.pairs(), first, last, top);
        }

        private static long single(Connection c, String sql) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
