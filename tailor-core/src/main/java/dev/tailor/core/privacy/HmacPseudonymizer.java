// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.privacy;

import dev.tailor.core.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonyms as keyed hashes: HMAC-SHA-256 of the id, base64url without padding (43 characters, within the
 * 128 an id may have). Without the key nobody can recompute a pseudonym from a customer id, so a copy of the
 * database alone does not link rows to the shop's customers; with it, lookups by the shop's id still work.
 *
 * <p><b>Key chain, for rotation.</b> A store has no way back from a pseudonym to the id, so a new key cannot be
 * applied to the ids themselves (unless the shop keeps the identity table). Instead keys form a chain, oldest
 * first: {@code p_0 = id}, {@code p_i = HMAC(k_i, p_(i-1))}, and the pseudonym is the last {@code p}. Rotating
 * appends a key and rewrites every stored pseudonym {@code p} to {@link #step(String) HMAC(k_new, p)} in one
 * transaction. After that, someone holding a leaked older key and the database still cannot link a row to a
 * customer: they would need every later key too. Every key of the chain stays in the configuration, because a
 * lookup by the shop's id walks the whole chain.
 */
public final class HmacPseudonymizer implements Pseudonymizer {
    /** 256 bits: the HMAC-SHA-256 block-size guidance (RFC 2104) and what a brute-force search cannot reach. */
    public static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final List<SecretKeySpec> keys;
    private final String keyId;
    private final ThreadLocal<Mac[]> macs;

    private HmacPseudonymizer(List<byte[]> chain) {
        if (chain.isEmpty()) {
            throw ValidationException.of("pseudonym.keys", "no key given; a pseudonymizer needs at least one");
        }
        List<SecretKeySpec> k = new ArrayList<>(chain.size());
        for (int i = 0; i < chain.size(); i++) {
            byte[] key = chain.get(i);
            if (key.length < MIN_KEY_BYTES) {
                throw ValidationException.of("pseudonym.keys[" + i + "]", "key has " + key.length
                        + " bytes; at least " + MIN_KEY_BYTES + " random bytes are needed");
            }
            k.add(new SecretKeySpec(key.clone(), ALGORITHM));
        }
        this.keys = List.copyOf(k);
        this.keyId = fingerprint(chain);
        // Mac objects are not thread-safe and Mac.getInstance costs a provider lookup: one set per thread.
        this.macs = ThreadLocal.withInitial(this::newMacs);
    }

    /** A pseudonymizer with one key or a rotation chain (oldest key first), each at least 32 bytes. */
    public static HmacPseudonymizer of(List<byte[]> chain) {
        return new HmacPseudonymizer(chain);
    }

    /** This chain with {@code newKey} appended: what a rotation switches to. */
    public HmacPseudonymizer rotatedTo(byte[] newKey) {
        List<byte[]> chain = new ArrayList<>();
        for (SecretKeySpec k : keys) {
            chain.add(k.getEncoded());
        }
        chain.add(newKey);
        return new HmacPseudonymizer(chain);
    }

    @Override
    public String pseudonym(String customerId) {
        Mac[] m = macs.get();
        String p = customerId;
        for (Mac mac : m) {
            p = hash(mac, p);
        }
        return p;
    }

    /** The last step of the chain alone: what rotation to this chain applies to a pseudonym of the previous one. */
    public String step(String previousPseudonym) {
        Mac[] m = macs.get();
        return hash(m[m.length - 1], previousPseudonym);
    }

    /** Keys in the chain. */
    public int chainLength() {
        return keys.size();
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public String toString() {
        return "HmacPseudonymizer[key " + keyId + ", chain of " + keys.size() + "]";
    }

    private static String hash(Mac mac, String s) {
        byte[] h = mac.doFinal(s.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
    }

    private Mac[] newMacs() {
        Mac[] m = new Mac[keys.size()];
        try {
            for (int i = 0; i < m.length; i++) {
                m[i] = Mac.getInstance(ALGORITHM);
                m[i].init(keys.get(i));
            }
        } catch (GeneralSecurityException e) {
            // Every Java 17 runtime ships HmacSHA256; reaching this means a broken JRE.
            throw new IllegalStateException("HmacSHA256 unavailable: " + e.getMessage(), e);
        }
        return m;
    }

    /**
     * 16 hex digits of SHA-256 over a domain label and the chain: names the key in the store and in error
     * messages without revealing it (a preimage of SHA-256 is out of reach).
     */
    private static String fingerprint(List<byte[]> chain) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update("tailor-pseudonym-key-chain".getBytes(StandardCharsets.US_ASCII));
            for (byte[] k : chain) {
                // Length-prefixed, so that no two different chains feed the digest the same bytes.
                d.update(java.nio.ByteBuffer.allocate(4).putInt(k.length).array());
                d.update(k);
            }
            return HexFormat.of().formatHex(d.digest(), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable: " + e.getMessage(), e);
        }
    }
}
