// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import dev.tailor.core.error.TailorException;
import dev.tailor.core.privacy.HmacPseudonymizer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code privacy_settings} table: which pseudonym key chain (by fingerprint) and whether encryption a store
 * was first written with. Fixed for the store's life (except through {@link #rotate}), because rows written
 * under different settings could not be told apart: a store opened with another key, without its key file,
 * or with keys it never had, is refused with a message that says which.
 */
final class PrivacySettings {
    static final String PSEUDONYM_KEY = "pseudonym_key";
    static final String ENCRYPTION = "encryption";
    static final String IDENTITY = "identity";
    static final String OFF = "off";
    static final String AES_GCM = "aes-256-gcm";

    private PrivacySettings() {
    }

    /** Checks the store against the configuration, recording the configuration when the store has none yet. */
    static void check(Connection c, StorePrivacy privacy, String store) throws SQLException {
        Map<String, String> wanted = wanted(privacy);
        Map<String, String> stored = read(c);
        if (stored.isEmpty()) {
            boolean protects = !wanted.equals(wanted(StorePrivacy.none()));
            if (protects && !empty(c)) {
                throw new TailorException(store + " already holds customers or events written without the "
                        + "configured privacy protection (" + privacy + "); privacy settings are fixed when a store "
                        + "is first written: import the data into a new store opened with the keys");
            }
            write(c, wanted);
            return;
        }
        List<String> problems = new ArrayList<>();
        String storedKey = stored.getOrDefault(PSEUDONYM_KEY, OFF);
        String wantedKey = wanted.get(PSEUDONYM_KEY);
        if (!storedKey.equals(wantedKey)) {
            if (wantedKey.equals(OFF)) {
                problems.add("its customer ids are pseudonyms under key " + storedKey
                        + ", but no pseudonym key is configured (missing key file?)");
            } else if (storedKey.equals(OFF)) {
                problems.add("it stores customer ids as sent, but a pseudonym key (" + wantedKey
                        + ") is configured");
            } else {
                problems.add("its customer ids are pseudonyms under key " + storedKey
                        + ", but the configured pseudonym key is " + wantedKey + " (wrong key file?)");
            }
        }
        String storedEnc = stored.getOrDefault(ENCRYPTION, OFF);
        if (!storedEnc.equals(wanted.get(ENCRYPTION))) {
            problems.add(storedEnc.equals(OFF)
                    ? "it stores personal fields in the clear, but an encryption key is configured"
                    : "its personal fields are encrypted, but no encryption key is configured (missing key file?)");
        }
        if (!stored.getOrDefault(IDENTITY, OFF).equals(wanted.get(IDENTITY))) {
            problems.add(wanted.get(IDENTITY).equals(OFF)
                    ? "it keeps the pseudonym-to-id table, but pseudonym.keep_identity is false"
                    : "it was created without the pseudonym-to-id table, but pseudonym.keep_identity is true");
        }
        if (!problems.isEmpty()) {
            throw new TailorException("cannot open " + store + " with these privacy settings: "
                    + String.join("; ", problems));
        }
    }

    private static Map<String, String> wanted(StorePrivacy p) {
        Map<String, String> m = new HashMap<>();
        m.put(PSEUDONYM_KEY, p.hmac().map(HmacPseudonymizer::keyId).orElse(OFF));
        m.put(ENCRYPTION, p.encrypts() ? AES_GCM : OFF);
        m.put(IDENTITY, p.keepsIdentity() ? "kept" : OFF);
        return m;
    }

    private static Map<String, String> read(Connection c) throws SQLException {
        Map<String, String> m = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, setting FROM privacy_settings");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getString(2));
            }
        }
        return m;
    }

    private static void write(Connection c, Map<String, String> settings) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM privacy_settings");
             PreparedStatement ps = c.prepareStatement("INSERT INTO privacy_settings (name, setting) VALUES (?, ?)")) {
            del.executeUpdate();
            for (Map.Entry<String, String> e : settings.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static boolean empty(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM customers "
                + "FETCH FIRST 1 ROWS ONLY) a) + (SELECT COUNT(*) FROM (SELECT 1 FROM events FETCH FIRST 1 ROWS ONLY) b)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    /**
     * Rewrites every pseudonym {@code p} to {@code next.step(p)} (see {@link HmacPseudonymizer}) in customers,
     * events and the identity table, re-seals each profile (its ciphertext is bound to the pseudonym) and
     * records the new key fingerprint, all in the caller's transaction.
     *
     * @return how many distinct pseudonyms were rewritten
     */
    static int rotate(Connection c, Protection old, StorePrivacy next) throws SQLException {
        HmacPseudonymizer chain = next.hmac().orElseThrow();
        Set<String> keys = new LinkedHashSet<>();
        collect(c, "SELECT id FROM customers", keys);
        collect(c, "SELECT DISTINCT user_id FROM events", keys);
        collect(c, "SELECT pseudonym FROM customer_identities", keys);
        Protection fresh = new Protection(next);
        try (PreparedStatement events = c.prepareStatement("UPDATE events SET user_id = ? WHERE user_id = ?");
             PreparedStatement identities = c.prepareStatement(
                     "UPDATE customer_identities SET pseudonym = ? WHERE pseudonym = ?");
             PreparedStatement find = c.prepareStatement(Rows.select("customers", Rows.CUSTOMER_COLUMNS)
                     + " WHERE id = ?");
             PreparedStatement customers = c.prepareStatement("UPDATE customers SET id = ?, personal = ? WHERE id = ?")) {
            for (String key : keys) {
                String rotated = chain.step(key);
                update(events, rotated, key);
                update(identities, rotated, key);
                find.setString(1, key);
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        String personal = rs.getString(Rows.CUSTOMER_COLUMNS.size());
                        String resealed = null;
                        if (personal != null) {
                            resealed = fresh.sealed(old.read(Rows.readCustomer(rs), personal), rotated).orElseThrow();
                        }
                        customers.setString(1, rotated);
                        customers.setString(2, resealed);
                        customers.setString(3, key);
                        customers.executeUpdate();
                    }
                }
            }
        }
        Map<String, String> settings = read(c);
        settings.put(PSEUDONYM_KEY, chain.keyId());
        write(c, settings);
        return keys.size();
    }

    private static void update(PreparedStatement ps, String to, String from) throws SQLException {
        ps.setString(1, to);
        ps.setString(2, from);
        ps.executeUpdate();
    }

    private static void collect(Connection c, String sql, Set<String> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
    }
}
