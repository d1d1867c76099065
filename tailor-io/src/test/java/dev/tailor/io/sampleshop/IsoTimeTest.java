// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class IsoTimeTest {
    private static final DateTimeFormatter ORACLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void formatsKnownInstants() {
        assertThat(IsoTime.format(0)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(IsoTime.format(951_782_400_000L)).isEqualTo("2000-02-29T00:00:00.000Z");
        assertThat(IsoTime.format(1_709_208_930_123L)).isEqualTo("2024-02-29T12:15:30.123Z");
        assertThat(IsoTime.format(-1)).isEqualTo("1969-12-31T23:59:59.999Z");
    }

    /** Years 0001..9999 against java.time, which also confirms Instant.parse reads the output back. */
    @Property(tries = 2_000)
    void agreesWithJavaTime(@ForAll @LongRange(min = -62_135_596_800_000L, max = 253_402_300_799_999L) long ms) {
        String s = IsoTime.format(ms);
        assertThat(s).isEqualTo(ORACLE.format(Instant.ofEpochMilli(ms)));
        assertThat(Instant.parse(s).toEpochMilli()).isEqualTo(ms);
    }
}
