// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.tailor.core.error.TailorException;
import java.nio.charset.StandardCharsets;

/**
 * Adjusts a Hugging Face {@code tokenizer.json} to the spec before the tokenizer is built.
 *
 * <p>Lower-casing is set in the file's {@code BertNormalizer} rather than through DJL's {@code doLowerCase}
 * option, because that option only flips lower-casing: with {@code strip_accents} left unset, a BERT normalizer
 * strips accents exactly when it lower-cases ("Café" → "cafe"), as Hugging Face's Python {@code BertTokenizerFast}
 * does when {@code do_lower_case} overrides the file. Through DJL's option, bge-small-zh still read "Café" as
 * {@code [UNK]} although "cafe" is in its vocabulary.
 */
final class TokenizerJson {
    private TokenizerJson() {
    }

    static byte[] withLowercase(ModelSpec spec, byte[] json) {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
            if (!parsed.isJsonObject()) {
                throw new JsonParseException("top level is not an object");
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new TailorException("cannot load the tokenizer of text model " + spec.id()
                    + " from classpath resource '" + spec.tokenizerResource() + "' (" + spec.artifact()
                    + "): not valid tokenizer JSON: " + e.getMessage(), e);
        }
        JsonElement normalizer = root.get("normalizer");
        if (normalizer == null || !normalizer.isJsonObject()
                || !"BertNormalizer".equals(stringOrEmpty(normalizer.getAsJsonObject().get("type")))) {
            throw new TailorException("tokenizer of text model " + spec.id() + " ('" + spec.tokenizerResource()
                    + "') has no BertNormalizer; only BERT-style WordPiece tokenizers are supported");
        }
        JsonObject bert = normalizer.getAsJsonObject();
        bert.addProperty("lowercase", spec.lowercase());
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String stringOrEmpty(JsonElement e) {
        return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }
}
