// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Gender;
import dev.tailor.core.domain.Item;
import dev.tailor.core.domain.Price;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/** Column lists and the mapping between records and rows, shared by both dialects. */
final class Rows {
    static final List<String> ITEM_COLUMNS = List.of("id", "title", "description", "category_path",
            "leaf_category", "brand", "price_amount", "price_currency", "attributes", "tags", "available",
            "created_at_ms", "language", "localized_titles");
    static final List<String> CUSTOMER_COLUMNS = List.of("id", "age", "gender", "region", "signup_at_ms",
            "segments", "attributes", "personal");
    static final List<String> EVENT_COLUMNS = List.of("user_id", "item_id", "type", "ts_ms", "event_value",
            "session_id", "scene", "request_id", "query", "position");

    /** What NUMERIC(24, 6) holds; anything else would be rounded or rejected by the database. */
    static final int PRICE_SCALE = 6;
    static final int PRICE_INTEGER_DIGITS = 18;
    /** Stored in events.item_id for an event without an item (see V1__ for why not NULL). */
    static final String NO_ITEM = "";

    private static final EventType[] TYPES = EventType.values();

    private Rows() {
    }

    static String select(String table, List<String> columns) {
        return "SELECT " + String.join(", ", columns) + " FROM " + table;
    }

    static void bindItem(PreparedStatement ps, Item item) throws SQLException {
        ps.setString(1, item.id());
        ps.setString(2, item.title());
        ps.setString(3, item.description());
        ps.setString(4, Json.list(item.categoryPath()));
        ps.setString(5, item.categoryPath().isEmpty() ? null : item.leafCategory());
        ps.setString(6, item.brand());
        Price price = item.price();
        if (price == null) {
            ps.setNull(7, Types.NUMERIC);
            ps.setNull(8, Types.VARCHAR);
        } else {
            ps.setBigDecimal(7, checkedAmount(item.id(), price.amount()));
            ps.setString(8, price.currency());
        }
        ps.setString(9, Json.map(item.attributes()));
        ps.setString(10, Json.list(item.tags()));
        ps.setBoolean(11, item.available());
        setMillis(ps, 12, item.createdAt());
        ps.setString(13, item.language());
        ps.setString(14, Json.map(item.localizedTitles()));
    }

    /** Rejects what the column cannot hold exactly, rather than letting the database round a price. */
    private static BigDecimal checkedAmount(String itemId, BigDecimal amount) {
        if (amount.scale() > PRICE_SCALE || amount.precision() - amount.scale() > PRICE_INTEGER_DIGITS) {
            throw ValidationException.of("price", "item '" + itemId + "': " + amount.toPlainString()
                    + " does not fit the store (at most " + PRICE_INTEGER_DIGITS + " digits before and "
                    + PRICE_SCALE + " after the decimal point)");
        }
        return amount;
    }

    static Item readItem(ResultSet rs) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(7);
        Price price = amount == null ? null : new Price(amount, rs.getString(8));
        return new Item(rs.getString(1), rs.getString(2), rs.getString(3),
                Json.readList(rs.getString(4), "items.category_path"), rs.getString(6), price,
                Json.readMap(rs.getString(9), "items.attributes"), Json.readList(rs.getString(10), "items.tags"),
                rs.getBoolean(11), millis(rs, 12), rs.getString(13),
                Json.readMap(rs.getString(14), "items.localized_titles"));
    }

    /** Binds a customer row; {@code personal} is the ciphertext of an encrypting store, else null. */
    static void bindCustomer(PreparedStatement ps, Customer c, String personal) throws SQLException {
        ps.setString(1, c.id());
        if (c.age() == null) {
            ps.setNull(2, Types.SMALLINT);
        } else {
            ps.setShort(2, c.age().shortValue());
        }
        ps.setString(3, c.gender() == null ? null : c.gender().code());
        ps.setString(4, c.region());
        setMillis(ps, 5, c.signupAt());
        ps.setString(6, Json.list(c.segments()));
        ps.setString(7, Json.map(c.attributes()));
        ps.setString(8, personal);
    }

    /** The plain columns of a customer row; see {@link Protection#read(Customer, String)} for the rest. */
    static Customer readCustomer(ResultSet rs) throws SQLException {
        short age = rs.getShort(2);
        Integer boxedAge = rs.wasNull() ? null : (int) age;
        String gender = rs.getString(3);
        return new Customer(rs.getString(1), boxedAge, gender == null ? null : Gender.parse(gender),
                rs.getString(4), millis(rs, 5), Json.readList(rs.getString(6), "customers.segments"),
                Json.readMap(rs.getString(7), "customers.attributes"));
    }

    /** Binds one event at parameter offset {@code base} (0 for the first parameter). */
    static void bindEvent(PreparedStatement ps, int base, Event e) throws SQLException {
        ps.setString(base + 1, e.userId());
        ps.setString(base + 2, itemKey(e));
        ps.setShort(base + 3, (short) e.type().ordinal());
        ps.setLong(base + 4, e.timestamp().toEpochMilli());
        ps.setDouble(base + 5, e.value());
        ps.setString(base + 6, e.sessionId());
        ps.setString(base + 7, e.scene());
        ps.setString(base + 8, e.requestId());
        ps.setString(base + 9, e.query());
        if (e.position() == null) {
            ps.setNull(base + 10, Types.INTEGER);
        } else {
            ps.setInt(base + 10, e.position());
        }
    }

    static String itemKey(Event e) {
        return e.itemId() == null ? NO_ITEM : e.itemId();
    }

    static Event readEvent(ResultSet rs) throws SQLException {
        String item = rs.getString(2);
        int position = rs.getInt(10);
        Integer boxedPosition = rs.wasNull() ? null : position;
        return new Event(type(rs.getShort(3)), rs.getString(1), item.isEmpty() ? null : item,
                rs.getDouble(5), Instant.ofEpochMilli(rs.getLong(4)), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), boxedPosition);
    }

    static EventType type(int code) {
        if (code < 0 || code >= TYPES.length) {
            throw new TailorException("store holds event type code " + code + ", unknown to this Tailor (0.."
                    + (TYPES.length - 1) + "); was it written by a newer version?");
        }
        return TYPES[code];
    }

    private static void setMillis(PreparedStatement ps, int index, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, t.toEpochMilli());
        }
    }

    private static Instant millis(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
