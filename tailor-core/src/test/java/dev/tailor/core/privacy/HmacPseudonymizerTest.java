// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.ValidationException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HmacPseudonymizerTest {
    // RFC 4231 test case 6: a 131-byte key of 0xaa; HMAC-SHA-256 = 60e43159...0ee37f54, here in base64url.
    private static final byte[] RFC_KEY = filled(131, (byte) 0xaa);
    private static final String RFC_DATA = "Test Using Larger Than Block-Size Key - Hash Key First";

    private static byte[] filled(int n, byte b) {
        byte[] k = new byte[n];
        Arrays.fill(k, b);
        return k;
    }

    private static byte[] counting() {
        byte[] k = new byte[32];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) i;
        }
        return k;
    }

    @Test
    void matchesTheRfc4231Vector() {
        HmacPseudonymizer p = HmacPseudonymizer.of(List.of(RFC_KEY));
        assertThat(p.pseudonym(RFC_DATA)).isEqualTo("YOQxWR7gtn8Niiaqy_W3f44LxiE3KMUUBUYEDw7jf1Q");
        assertThat(p.active()).isTrue();
    }

    @Test
    void aChainHashesThePreviousPseudonymAndRotationIsOneStep() {
        HmacPseudonymizer one = HmacPseudonymizer.of(List.of(RFC_KEY));
        HmacPseudonymizer two = one.rotatedTo(counting());
        // Hand-computed with Python's hmac module: HMAC(bytes 0..31, "YOQx...f1Q").
        assertThat(two.pseudonym(RFC_DATA)).isEqualTo("ALn-2Fkz_QQ_DwwqiiJ2hzVKQwylaF2jvIk2eSK3xI8");
        assertThat(two.step(one.pseudonym(RFC_DATA))).isEqualTo(two.pseudonym(RFC_DATA));
        assertThat(two.chainLength()).isEqualTo(2);
        assertThat(two.keyId()).isNotEqualTo(one.keyId()).hasSize(16);
    }

    @Test
    void pseudonymsFitAnIdAndDependOnTheKey() {
        HmacPseudonymizer a = HmacPseudonymizer.of(List.of(counting()));
        HmacPseudonymizer b = HmacPseudonymizer.of(List.of(filled(32, (byte) 7)));
        String id = "customer-" + "x".repeat(118);
        assertThat(a.pseudonym(id)).hasSize(43).isEqualTo(a.pseudonym(id)).isNotEqualTo(b.pseudonym(id));
        assertThat(a.toString()).doesNotContain(Arrays.toString(counting()));
    }

    @Test
    void shortOrMissingKeysAreRefused() {
        assertThatThrownBy(() -> HmacPseudonymizer.of(List.of(new byte[16])))
                .isInstanceOf(ValidationException.class).hasMessageContaining("pseudonym.keys[0]")
                .hasMessageContaining("at least 32");
        assertThatThrownBy(() -> HmacPseudonymizer.of(List.of())).isInstanceOf(ValidationException.class);
    }

    @Test
    void noneIsTheIdentity() {
        assertThat(Pseudonymizer.none().pseudonym("abc")).isEqualTo("abc");
        assertThat(Pseudonymizer.none().active()).isFalse();
    }
}
