// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed store spec: which vendor, the JDBC URL, credentials and a password-free description.
 * {@link #toString()} never shows the password.
 *
 * @param vendor H2 or PostgreSQL
 * @param jdbcUrl what the driver gets (may contain a password when the spec had one)
 * @param user empty to let the driver use the URL's {@code user} parameter
 * @param password empty to let the driver use the URL's {@code password} parameter
 * @param shown the spec with any password masked, for error messages
 * @param description human-readable location for {@code Store.describe()}
 * @param h2Directory the data directory of a file-mode H2 store
 * @param schema the PostgreSQL schema named by {@code currentSchema=}, which migrations create when missing
 */
record StoreSpec(Vendor vendor, String jdbcUrl, Optional<String> user, Optional<String> password, String shown,
                 String description, Optional<Path> h2Directory, Optional<String> schema) {

    static final String PG_USER_ENV = "TAILOR_PG_USER";
    static final String PG_PASSWORD_ENV = "TAILOR_PG_PASSWORD";
    /** The database file inside an H2 data directory: {@code <dir>/tailor.mv.db}. */
    static final String H2_FILE_NAME = "tailor";

    private static final Pattern MEM_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&]password=)[^&]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/?@:]*):[^/?@]*@");
    private static final Pattern PG_URL = Pattern.compile("jdbc:postgresql://([^/?]*)(/([^?]*))?(\\?(.*))?");
    private static final String EXPECTED = "expected h2:<directory>, h2:mem:<name> or "
            + "jdbc:postgresql://<host>[:<port>]/<database>";

    /** The databases this module speaks to; their SQL differences live in {@link Dialect}. */
    enum Vendor {
        H2, POSTGRESQL
    }

    @Override
    public String toString() {
        return shown;
    }

    /**
     * Parses a spec. {@code env} supplies {@value #PG_USER_ENV} and {@value #PG_PASSWORD_ENV}, which are used
     * when a PostgreSQL URL carries no credentials of its own.
     */
    static StoreSpec parse(String spec, UnaryOperator<String> env) {
        if (spec == null || spec.isBlank()) {
            throw invalid("", "missing store spec; " + EXPECTED);
        }
        String s = spec.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("h2:mem:")) {
            return memory(s, s.substring("h2:mem:".length()));
        }
        if (lower.startsWith("h2:")) {
            return file(s, s.substring("h2:".length()));
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return postgres(s, env);
        }
        throw invalid(mask(s), "unknown kind of store; " + EXPECTED);
    }

    private static StoreSpec memory(String spec, String name) {
        if (!MEM_NAME.matcher(name).matches()) {
            throw invalid(spec, "in-memory store name must be 1-64 letters, digits, '_' or '-', was '" + name + "'");
        }
        // DB_CLOSE_DELAY is left at its default: the database lives exactly as long as the pool's connections.
        return new StoreSpec(Vendor.H2, "jdbc:h2:mem:tailor-" + name + h2Settings(), Optional.empty(),
                Optional.empty(), spec, "H2 in memory (" + name + ")", Optional.empty(), Optional.empty());
    }

    private static StoreSpec file(String spec, String dir) {
        if (dir.isBlank()) {
            throw invalid(spec, "missing data directory after 'h2:', e.g. h2:./tailor-data");
        }
        // ';' would let a path smuggle settings into the H2 URL.
        if (dir.indexOf(';') >= 0) {
            throw invalid(spec, "the data directory must not contain ';'");
        }
        Path path;
        try {
            // "h2:~/x" reaches us unexpanded: the shell only expands a leading ~.
            String expanded = dir.equals("~") || dir.startsWith("~/")
                    ? System.getProperty("user.home") + dir.substring(1) : dir;
            path = Path.of(expanded).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw invalid(spec, "not a valid directory path: " + e.getMessage());
        }
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw invalid(spec, "'" + path + "' exists but is not a directory");
        }
        String url = "jdbc:h2:file:" + path.resolve(H2_FILE_NAME) + h2Settings();
        return new StoreSpec(Vendor.H2, url, Optional.empty(), Optional.empty(), spec, "H2 at " + path,
                Optional.of(path), Optional.empty());
    }

    /**
     * LAZY_QUERY_EXECUTION streams result sets from the B-tree instead of first copying them into a result
     * buffer (memory, then a temp file), which is what makes forEachEvent start at once and stay small.
     */
    private static String h2Settings() {
        return ";LAZY_QUERY_EXECUTION=TRUE";
    }

    private static StoreSpec postgres(String spec, UnaryOperator<String> env) {
        String shown = mask(spec);
        Matcher m = PG_URL.matcher(spec);
        if (!m.matches() || m.group(1).isEmpty() || m.group(3) == null || m.group(3).isEmpty()) {
            throw invalid(shown, "malformed PostgreSQL URL; expected jdbc:postgresql://<host>[:<port>]/<database>");
        }
        if (m.group(1).contains("@")) {
            throw invalid(shown, "the PostgreSQL driver does not read user@host; pass credentials as ?user=&password= "
                    + "or in " + PG_USER_ENV + "/" + PG_PASSWORD_ENV);
        }
        String query = m.group(5) == null ? "" : m.group(5);
        boolean urlHasUser = hasParam(query, "user");
        boolean urlHasPassword = hasParam(query, "password");
        Optional<String> user = urlHasUser ? Optional.empty() : nonBlank(env.apply(PG_USER_ENV));
        Optional<String> password = urlHasPassword ? Optional.empty() : nonBlank(env.apply(PG_PASSWORD_ENV));
        // Batched INSERTs become multi-row INSERTs on the wire: several times faster for upserts.
        String url = hasParam(query, "reWriteBatchedInserts") ? spec
                : spec + (m.group(4) == null ? "?" : "&") + "reWriteBatchedInserts=true";
        Optional<String> schema = param(query, "currentSchema").filter(v -> !v.isBlank());
        String description = "PostgreSQL at " + m.group(1) + "/" + m.group(3) + schema.map(v -> " schema " + v)
                .orElse("");
        return new StoreSpec(Vendor.POSTGRESQL, url, user, password, shown, description, Optional.empty(), schema);
    }

    private static boolean hasParam(String query, String name) {
        return param(query, name).isPresent();
    }

    private static Optional<String> param(String query, String name) {
        for (String kv : query.split("&")) {
            int eq = kv.indexOf('=');
            String key = eq < 0 ? kv : kv.substring(0, eq);
            if (key.equalsIgnoreCase(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    /** The spec with the value of any {@code password=} parameter, or a {@code user:password@}, replaced by "***". */
    static String mask(String spec) {
        return USER_INFO.matcher(PASSWORD_PARAM.matcher(spec).replaceAll("$1***")).replaceAll("//$1:***@");
    }

    private static ValidationException invalid(String shownSpec, String reason) {
        return new ValidationException(new Problem(shownSpec, 0, "store", reason));
    }
}
