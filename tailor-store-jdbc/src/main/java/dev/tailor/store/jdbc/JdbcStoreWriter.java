// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.store.StoreWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The writer of one {@link JdbcStore#write} transaction. Statements are prepared on first use and reused for
 * every later call; each call runs to completion before returning (so appendEvents can say how many rows were
 * new), batching its rows. Usable only inside the write call that created it.
 */
final class JdbcStoreWriter implements StoreWriter {
    /** Rows per executeBatch for upserts. */
    static final int BATCH = 1_000;

    private final Connection connection;
    private final Dialect dialect;
    private final String store;
    private final Protection protection;
    private PreparedStatement identityUpsert;
    private PreparedStatement itemUpsert;
    private PreparedStatement customerUpsert;
    private EventAppender events;
    /** Rows added to the current upsert batch and not yet executed. */
    private int pending;
    private boolean open = true;

    JdbcStoreWriter(Connection connection, Dialect dialect, String store, Protection protection) {
        this.connection = connection;
        this.dialect = dialect;
        this.store = store;
        this.protection = protection;
    }

    @Override
    public void upsertItems(List<Item> items) {
        checkOpen();
        if (items.isEmpty()) {
            return;
        }
        try {
            if (itemUpsert == null) {
                itemUpsert = connection.prepareStatement(dialect.upsert("items", Rows.ITEM_COLUMNS));
            }
            for (Item item : lastPerId(items, Item::id)) {
                Rows.bindItem(itemUpsert, item);
                addBatch(itemUpsert);
            }
            flush(itemUpsert);
        } catch (SQLException e) {
            throw failure("items", e);
        }
    }

    @Override
    public void upsertCustomers(List<Customer> customers) {
        checkOpen();
        if (customers.isEmpty()) {
            return;
        }
        try {
            if (customerUpsert == null) {
                customerUpsert = connection.prepareStatement(dialect.upsert("customers", Rows.CUSTOMER_COLUMNS));
            }
            List<Customer> distinct = lastPerId(customers, Customer::id);
            String[] keys = new String[distinct.size()];
            for (int i = 0; i < keys.length; i++) {
                Customer c = distinct.get(i);
                keys[i] = protection.key(c.id());
                Rows.bindCustomer(customerUpsert, protection.stored(c, keys[i]),
                        protection.sealed(c, keys[i]).orElse(null));
                addBatch(customerUpsert);
            }
            flush(customerUpsert);
            if (protection.keepsIdentity()) {
                if (identityUpsert == null) {
                    identityUpsert = connection.prepareStatement(dialect.upsert("customer_identities",
                            List.of("pseudonym", "customer_id"), "pseudonym"));
                }
                for (int i = 0; i < keys.length; i++) {
                    identityUpsert.setString(1, keys[i]);
                    identityUpsert.setString(2, distinct.get(i).id());
                    addBatch(identityUpsert);
                }
                flush(identityUpsert);
            }
        } catch (SQLException e) {
            throw failure("customers", e);
        }
    }

    @Override
    public int appendEvents(List<Event> batch) {
        checkOpen();
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            if (events == null) {
                events = dialect.eventAppender(connection);
            }
            return events.append(protection.stored(batch));
        } catch (SQLException e) {
            throw failure("events", e);
        }
    }

    /** Ends the writer's life; called by the store before commit or rollback. */
    void close() {
        open = false;
        try {
            closeAll();
        } catch (SQLException e) {
            throw failure("statements", e);
        }
    }

    private void closeAll() throws SQLException {
        try {
            if (itemUpsert != null) {
                itemUpsert.close();
            }
        } finally {
            try {
                if (customerUpsert != null) {
                    customerUpsert.close();
                }
                if (identityUpsert != null) {
                    identityUpsert.close();
                }
            } finally {
                if (events != null) {
                    events.close();
                }
            }
        }
    }

    private void checkOpen() {
        if (!open) {
            throw new IllegalStateException("this StoreWriter belongs to a finished Store.write transaction");
        }
    }

    private void addBatch(PreparedStatement ps) throws SQLException {
        ps.addBatch();
        if (++pending == BATCH) {
            flush(ps);
        }
    }

    private void flush(PreparedStatement ps) throws SQLException {
        if (pending > 0) {
            ps.executeBatch();
            pending = 0;
        }
    }

    /**
     * Keeps the last record of each id, in first-seen order: "last wins" within one call, and PostgreSQL
     * refuses a multi-row upsert that touches the same row twice (which reWriteBatchedInserts would produce).
     */
    private static <T> List<T> lastPerId(List<T> records, Function<T, String> id) {
        if (records.size() == 1) {
            return records;
        }
        Map<String, T> last = new LinkedHashMap<>(records.size() * 2);
        for (T r : records) {
            last.put(id.apply(r), r);
        }
        return last.size() == records.size() ? records : new ArrayList<>(last.values());
    }

    private TailorException failure(String what, SQLException e) {
        return new TailorException("cannot write " + what + " to " + store + ": " + SqlErrors.message(e), e);
    }
}
