// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files and the field cipher: every bad input gets an error naming the file, entry and what is wrong. */
class StorePrivacyTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("keys.properties");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aKeyFileRoundTrips() throws IOException {
        String p = StorePrivacy.newKey();
        String e = StorePrivacy.newKey();
        StorePrivacy loaded = StorePrivacy.load(file("pseudonym.keys = " + p + "\npseudonym.keep_identity = true\n"
                + "encryption.keys = " + e + "\n"));
        assertThat(loaded.keepsIdentity()).isTrue();
        assertThat(loaded.encrypts()).isTrue();
        assertThat(loaded.pseudonymizer().active()).isTrue();
        assertThat(StorePrivacy.load(file(loaded.toKeyFile())).toString()).isEqualTo(loaded.toString());
        assertThat(loaded.toString()).doesNotContain(p).doesNotContain(e);
    }

    @Test
    void badKeyFilesAreRefusedWithTheEntryNamed() throws IOException {
        assertThatThrownBy(() -> StorePrivacy.load(dir.resolve("missing.properties")))
                .isInstanceOf(TailorException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> StorePrivacy.load(file("")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("holds no keys");
        assertThatThrownBy(() -> StorePrivacy.load(file("pseudonym.keys = not*base64\n")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("pseudonym.keys[0]")
                .hasMessageContaining("not base64");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> StorePrivacy.load(file("pseudonym.keys = " + shortKey + "\n")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at least 32");
        assertThatThrownBy(() -> StorePrivacy.load(file("encryption.keys = " + shortKey + "\n")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("encryption.keys[0]")
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> StorePrivacy.load(file("pseudonym.key = " + StorePrivacy.newKey() + "\n")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unknown entry");
        assertThatThrownBy(() -> StorePrivacy.load(file("encryption.keys = " + StorePrivacy.newKey()
                + "\npseudonym.keep_identity = true\n")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("needs pseudonym.keys");
    }

    @Test
    void sealedValuesUseFreshNoncesAndDetectTampering() {
        byte[] k = Base64.getDecoder().decode(StorePrivacy.newKey());
        FieldCipher c = new FieldCipher(List.of(k));
        String a = c.seal("age 34", "row-1");
        assertThat(c.seal("age 34", "row-1")).isNotEqualTo(a);
        // The whole plaintext: its space cannot occur in hex or base64, whereas "34" does by chance (random key).
        assertThat(a).startsWith("g1:" + FieldCipher.keyId(k) + ":").doesNotContain("age 34");
        assertThat(c.open(a, "row-1", "t.c")).isEqualTo("age 34");
        assertThatThrownBy(() -> c.open(a, "row-2", "t.c")).hasMessageContaining("failed authentication");
        int at = a.length() - 10; // inside the ciphertext and tag, away from base64's padding bits
        String flipped = a.substring(0, at) + (a.charAt(at) == 'A' ? 'B' : 'A') + a.substring(at + 1);
        assertThatThrownBy(() -> c.open(flipped, "row-1", "t.c")).hasMessageContaining("failed authentication");
        assertThatThrownBy(() -> c.open("34", "row-1", "t.c")).hasMessageContaining("does not hold a Tailor ciphertext");
        FieldCipher rotated = new FieldCipher(List.of(k, Base64.getDecoder().decode(StorePrivacy.newKey())));
        assertThat(rotated.open(a, "row-1", "t.c")).as("old keys still decrypt").isEqualTo("age 34");
        assertThat(rotated.seal("x", "r")).doesNotContain(FieldCipher.keyId(k));
    }
}
