// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.privacy.HmacPseudonymizer;
import dev.tailor.core.privacy.Pseudonymizer;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * How a store protects personal data: pseudonymous customer ids (HMAC-SHA-256 key chain), whether the mapping
 * back to the shop's ids is kept, and AES-256-GCM keys for personal fields. Keys come from a key file that
 * lives outside the database; the store records only their fingerprints. See {@code docs/privacy.md}.
 *
 * <p>Key file (Java properties, keys base64, 32 random bytes each; make one with {@link #newKey()}):
 * <pre>
 * pseudonym.keys = &lt;key&gt;[,&lt;key&gt;...]   # rotation chain, oldest first; absent: ids stored as sent
 * pseudonym.keep_identity = false             # true: keep pseudonym -&gt; shop id in customer_identities
 * encryption.keys = &lt;key&gt;[,&lt;key&gt;...]  # the last encrypts, all decrypt; absent: no encryption
 * </pre>
 */
public final class StorePrivacy {
    static final String PSEUDONYM_KEYS = "pseudonym.keys";
    static final String KEEP_IDENTITY = "pseudonym.keep_identity";
    static final String ENCRYPTION_KEYS = "encryption.keys";
    private static final Set<String> NAMES = Set.of(PSEUDONYM_KEYS, KEEP_IDENTITY, ENCRYPTION_KEYS);
    private static final StorePrivacy NONE = new StorePrivacy(List.of(), false, List.of());

    private final List<byte[]> pseudonymKeys;
    private final Optional<HmacPseudonymizer> pseudonyms;
    private final boolean keepIdentity;
    private final Optional<FieldCipher> cipher;
    private final List<byte[]> encryptionKeys;

    private StorePrivacy(List<byte[]> pseudonymKeys, boolean keepIdentity, List<byte[]> encryptionKeys) {
        if (keepIdentity && pseudonymKeys.isEmpty()) {
            throw ValidationException.of(KEEP_IDENTITY, "keeping an identity mapping needs pseudonym.keys");
        }
        this.pseudonymKeys = copy(pseudonymKeys);
        this.pseudonyms = pseudonymKeys.isEmpty() ? Optional.empty() : Optional.of(HmacPseudonymizer.of(pseudonymKeys));
        this.keepIdentity = keepIdentity;
        this.encryptionKeys = copy(encryptionKeys);
        this.cipher = encryptionKeys.isEmpty() ? Optional.empty() : Optional.of(new FieldCipher(encryptionKeys));
    }

    private static List<byte[]> copy(List<byte[]> keys) {
        List<byte[]> out = new ArrayList<>(keys.size());
        keys.forEach(k -> out.add(k.clone()));
        return List.copyOf(out);
    }

    /** No protection: ids and fields are stored as sent (what {@link JdbcStores#open(String)} uses). */
    public static StorePrivacy none() {
        return NONE;
    }

    /**
     * Protection from keys in memory.
     *
     * @param pseudonymKeys the HMAC key chain, oldest first; empty for no pseudonymization
     * @param keepIdentity keep the pseudonym-to-id mapping in the store (needs pseudonym keys)
     * @param encryptionKeys AES-256 keys (32 bytes), the last encrypts; empty for no encryption
     */
    public static StorePrivacy of(List<byte[]> pseudonymKeys, boolean keepIdentity, List<byte[]> encryptionKeys) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < encryptionKeys.size(); i++) {
            if (encryptionKeys.get(i).length != FieldCipher.KEY_BYTES) {
                problems.add(Problem.of(ENCRYPTION_KEYS + "[" + i + "]", "an AES-256 key has " + FieldCipher.KEY_BYTES
                        + " bytes, this one " + encryptionKeys.get(i).length));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new StorePrivacy(pseudonymKeys, keepIdentity, encryptionKeys);
    }

    /**
     * Reads a key file.
     *
     * @throws TailorException when the file cannot be read
     * @throws ValidationException naming the file and entry when an entry is unknown or a key malformed
     */
    public static StorePrivacy load(Path keyFile) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(keyFile, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (NoSuchFileException e) {
            throw new TailorException("privacy key file " + keyFile + " does not exist; create one with "
                    + "'tailor privacy keygen --out FILE', or start without privacy keys");
        } catch (IOException | IllegalArgumentException e) {
            throw new TailorException("cannot read privacy key file " + keyFile + ": " + e.getMessage(), e);
        }
        String source = keyFile.toString();
        List<Problem> problems = new ArrayList<>();
        for (String name : props.stringPropertyNames()) {
            if (!NAMES.contains(name)) {
                problems.add(new Problem(source, 0, name, "unknown entry; expected one of " + NAMES));
            }
        }
        List<byte[]> pseudonymKeys = keys(props, PSEUDONYM_KEYS, source, problems);
        List<byte[]> encryptionKeys = keys(props, ENCRYPTION_KEYS, source, problems);
        String keep = props.getProperty(KEEP_IDENTITY, "false").strip();
        if (!keep.equals("true") && !keep.equals("false")) {
            problems.add(new Problem(source, 0, KEEP_IDENTITY, "expected true or false, was '" + keep + "'"));
        }
        if (pseudonymKeys.isEmpty() && encryptionKeys.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(source, 0, PSEUDONYM_KEYS, "the key file holds no keys (expected "
                    + PSEUDONYM_KEYS + " and/or " + ENCRYPTION_KEYS + ")"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        try {
            return of(pseudonymKeys, keep.equals("true"), encryptionKeys);
        } catch (ValidationException e) {
            List<Problem> located = new ArrayList<>();
            e.problems().forEach(p -> located.add(new Problem(source, 0, p.field(), p.reason())));
            throw new ValidationException(located);
        }
    }

    private static List<byte[]> keys(Properties props, String name, String source, List<Problem> problems) {
        String value = props.getProperty(name, "").strip();
        List<byte[]> out = new ArrayList<>();
        if (value.isEmpty()) {
            return out;
        }
        String[] parts = value.split(",");
        for (int i = 0; i < parts.length; i++) {
            try {
                out.add(Base64.getDecoder().decode(parts[i].strip()));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(source, 0, name + "[" + i + "]", "not base64: " + e.getMessage()));
            }
        }
        return out;
    }

    /** 32 random bytes from a SecureRandom, base64: a fresh key for a key file. */
    public static String newKey() {
        byte[] k = new byte[FieldCipher.KEY_BYTES];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    /** This protection with a new pseudonym key appended to the chain (see {@link JdbcStores#rotatePseudonymKey}). */
    public StorePrivacy withPseudonymKey(byte[] newKey) {
        if (pseudonymKeys.isEmpty()) {
            throw ValidationException.of(PSEUDONYM_KEYS, "no pseudonym key chain to rotate; pseudonymization is "
                    + "fixed when a store is first written");
        }
        List<byte[]> chain = new ArrayList<>(pseudonymKeys);
        chain.add(newKey);
        return of(chain, keepIdentity, encryptionKeys);
    }

    /** The key file text for this protection (keys in base64): what rotation writes back. */
    public String toKeyFile() {
        StringBuilder sb = new StringBuilder("# Tailor privacy keys: keep out of the database and version control\n");
        if (!pseudonymKeys.isEmpty()) {
            sb.append(PSEUDONYM_KEYS).append(" = ").append(base64(pseudonymKeys)).append('\n');
            sb.append(KEEP_IDENTITY).append(" = ").append(keepIdentity).append('\n');
        }
        if (!encryptionKeys.isEmpty()) {
            sb.append(ENCRYPTION_KEYS).append(" = ").append(base64(encryptionKeys)).append('\n');
        }
        return sb.toString();
    }

    private static String base64(List<byte[]> keys) {
        List<String> s = new ArrayList<>();
        keys.forEach(k -> s.add(Base64.getEncoder().encodeToString(k)));
        return String.join(",", s);
    }

    /** What the store applies to customer ids. */
    public Pseudonymizer pseudonymizer() {
        return pseudonyms.<Pseudonymizer>map(p -> p).orElse(Pseudonymizer.none());
    }

    Optional<HmacPseudonymizer> hmac() {
        return pseudonyms;
    }

    public boolean keepsIdentity() {
        return keepIdentity;
    }

    public boolean encrypts() {
        return cipher.isPresent();
    }

    Optional<FieldCipher> cipher() {
        return cipher;
    }

    /** Key fingerprints only, never keys. */
    @Override
    public String toString() {
        return "StorePrivacy[pseudonyms " + pseudonyms.map(HmacPseudonymizer::keyId).orElse("off")
                + (keepIdentity ? " (identity kept)" : "") + ", encryption "
                + cipher.map(FieldCipher::currentKeyId).orElse("off") + "]";
    }
}
