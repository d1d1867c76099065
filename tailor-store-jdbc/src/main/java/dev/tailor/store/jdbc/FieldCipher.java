// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import dev.tailor.core.error.TailorException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for personal fields. A sealed value is {@code g1:<key id>:<base64(nonce | ciphertext | tag)>}:
 * a fresh random 96-bit nonce per value (NIST SP 800-38D's recommended length; random nonces stay safe far
 * beyond any shop's number of writes per key, 2^32), and a 128-bit tag. The key id and the row the value
 * belongs to are authenticated as associated data, so a value copied to another customer's row, or read with
 * another key, fails loudly instead of decrypting. The last key encrypts; every key decrypts (key rotation:
 * add a key, and old values stay readable until rewritten). Thread-safe: a Cipher per call.
 */
final class FieldCipher {
    static final int KEY_BYTES = 32;
    private static final String PREFIX = "g1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys;
    private final String current;
    private final SecureRandom random = new SecureRandom();

    FieldCipher(List<byte[]> keyList) {
        if (keyList.isEmpty()) {
            throw new IllegalArgumentException("no encryption key");
        }
        Map<String, SecretKeySpec> k = new LinkedHashMap<>();
        String last = null;
        for (byte[] key : keyList) {
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("an AES-256 key has " + KEY_BYTES + " bytes, not " + key.length);
            }
            last = keyId(key);
            k.put(last, new SecretKeySpec(key.clone(), "AES"));
        }
        this.keys = Map.copyOf(k);
        this.current = last;
    }

    /** 16 hex digits of SHA-256 over a domain label and the key: names it without revealing it. */
    static String keyId(byte[] key) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update("tailor-field-key".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(d.digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable: " + e.getMessage(), e);
        }
    }

    /** The id of the key that encrypts new values. */
    String currentKeyId() {
        return current;
    }

    /**
     * Encrypts {@code plaintext}, binding it to {@code context} (e.g. "customers/<pseudonym>"): the same context
     * must be given to {@link #open}.
     */
    String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(current, context));
            byte[] body = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + body.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(body, 0, out, NONCE_BYTES, body.length);
            return PREFIX + current + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts a value {@link #seal} wrote for the same context.
     *
     * @param where names the value in errors, e.g. "customers.personal"
     * @throws TailorException naming the key id when the key is not configured, and saying so when the value
     *     does not authenticate (altered, moved to another row, or a key that merely shares an id)
     */
    String open(String sealed, String context, String where) {
        int second = sealed.indexOf(':', PREFIX.length());
        if (!sealed.startsWith(PREFIX) || second < 0) {
            throw new TailorException("store column " + where + " does not hold a Tailor ciphertext (expected "
                    + PREFIX + "<key id>:<data>); was the store written without encryption?");
        }
        String id = sealed.substring(PREFIX.length(), second);
        SecretKeySpec key = keys.get(id);
        if (key == null) {
            throw new TailorException("store column " + where + " was encrypted with key " + id
                    + ", which is not among the configured encryption keys " + keys.keySet()
                    + "; configure the key file that holds it");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(sealed.substring(second + 1));
        } catch (IllegalArgumentException e) {
            throw new TailorException("store column " + where + " holds a damaged ciphertext (not base64)", e);
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new TailorException("store column " + where + " holds a truncated ciphertext");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(aad(id, context));
            byte[] plain = c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new TailorException("store column " + where + " failed authentication under key " + id
                    + ": the value was altered or copied from another row", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable: " + e.getMessage(), e);
        }
    }

    private static byte[] aad(String keyId, String context) {
        return (keyId + "\n" + context).getBytes(StandardCharsets.UTF_8);
    }
}
