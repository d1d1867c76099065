// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.cache;

import dev.tailor.core.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies one cached embedding: which model (with the settings that change its output) read which text.
 * The text is kept only as its SHA-256, so keys are small and fixed-size, and a store can index them, however
 * long the text.
 *
 * @param modelId e.g. {@code bge-small-zh-v1.5-q@512} ({@code OnnxTextEncoder.modelId()})
 * @param textSha256 lower-case hex SHA-256 of the text's UTF-8 bytes (64 characters)
 */
public record EmbeddingKey(String modelId, String textSha256) {
    public EmbeddingKey {
        if (modelId == null || modelId.isBlank()) {
            throw ValidationException.of("modelId", "missing model id");
        }
        if (textSha256 == null || !textSha256.matches("[0-9a-f]{64}")) {
            throw ValidationException.of("textSha256", "expected 64 lower-case hex digits, was '" + textSha256 + "'");
        }
    }

    /** The key of {@code text} as read by {@code modelId}. */
    public static EmbeddingKey of(String modelId, String text) {
        if (text == null) {
            throw ValidationException.of("text", "missing text (null)");
        }
        return new EmbeddingKey(modelId, sha256Hex(text));
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest contract).
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
