// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads an embedded H2 store's files directly, as someone with a copy of the database would, looking for raw ids. */
final class StoreScan {
    private StoreScan() {
    }

    /** Every value of every column of every table of the H2 store in {@code dir} that contains a needle. */
    static List<String> find(Path dir, Set<String> needles) {
        List<String> hits = new ArrayList<>();
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("tailor");
        try (Connection c = DriverManager.getConnection(url)) {
            DatabaseMetaData md = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("CUSTOMERS", "EVENTS", "ITEMS");
            for (String table : tables) {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            String v = rs.getString(i);
                            if (v != null && containsAny(v, needles)) {
                                hits.add(table + "." + rs.getMetaData().getColumnName(i) + " = " + v);
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return hits;
    }

    /** Customer ids are "u" and 7 digits: look each such run up instead of testing 300 needles per value. */
    private static boolean containsAny(String v, Set<String> needles) {
        for (int i = v.indexOf('u'); i >= 0 && i + 8 <= v.length(); i = v.indexOf('u', i + 1)) {
            if (needles.contains(v.substring(i, i + 8))) {
                return true;
            }
        }
        return false;
    }
}
