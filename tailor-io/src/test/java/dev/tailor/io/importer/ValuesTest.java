// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.ValidationException;
import dev.tailor.io.importer.text.MalformedTextException;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ValuesTest {
    private static long ts(String text) {
        return Values.timestampMillis("timestamp", text);
    }

    @Test
    void readsEveryDocumentedTimestampForm() {
        long noon = Instant.parse("2024-03-01T12:00:00Z").toEpochMilli();
        assertThat(ts("1709294400")).isEqualTo(noon);
        assertThat(ts("1709294400000")).isEqualTo(noon);
        assertThat(ts("1709294400.25")).isEqualTo(noon + 250);
        assertThat(ts("2024-03-01T12:00:00Z")).isEqualTo(noon);
        assertThat(ts("2024-03-01T20:00:00+08:00")).isEqualTo(noon);
        assertThat(ts("2024-03-01T20:00:00+08:00[Asia/Shanghai]")).isEqualTo(noon);
        assertThat(ts("2024-03-01T12:00:00")).isEqualTo(noon);
        assertThat(ts("2024-03-01 12:00")).isEqualTo(noon);
        assertThat(ts("2024-03-01")).isEqualTo(noon - 12 * 3_600_000L);
        assertThat(ts("-86400")).isEqualTo(-86_400_000L);
    }

    @Test
    void theSecondsMillisBoundaryIs1e11() {
        assertThat(ts("99999999999")).as("just below: seconds").isEqualTo(99_999_999_999_000L);
        assertThat(ts("100000000000")).as("at the boundary: millis").isEqualTo(100_000_000_000L);
    }

    @Test
    void rejectsWhatIsNotATimestamp() {
        for (String bad : new String[] {"", "yesterday", "14/11/2023", "1.2.3", "-", "2024-13-01", "99999999999999999999"}) {
            assertThatThrownBy(() -> ts(bad)).as(bad).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("field 'timestamp'").hasMessageContaining("epoch seconds");
        }
    }

    @Property(tries = 300)
    void isoAndEpochFormsOfTheSameInstantAgree(@ForAll @LongRange(min = 100_000_000_000L, max = 4_102_444_800_000L)
            long millis) {
        Instant t = Instant.ofEpochMilli(millis);
        assertThat(ts(t.toString())).isEqualTo(millis);
        assertThat(ts(Long.toString(millis))).isEqualTo(millis);
        assertThat(ts(Long.toString(millis / 1000))).isEqualTo(millis / 1000 * 1000);
    }

    @Test
    void numbersRejectWhatDataFilesNeverMean() {
        assertThat(Values.parseDouble("rating", " 4.5 ")).isEqualTo(4.5);
        for (String bad : new String[] {"NaN", "Infinity", "4,5", "0x10", "1f", "four", ""}) {
            assertThatThrownBy(() -> Values.parseDouble("rating", bad)).as(bad)
                    .hasMessageContaining("field 'rating': expected a number");
        }
        assertThatThrownBy(() -> Values.parseInt("age", "3.5")).hasMessageContaining("expected a whole number");
    }

    @Test
    void splitChecksTheFieldCount() {
        assertThat(Values.split("a|b||", '|', 4, "w|x|y|z")).containsExactly("a", "b", "", "");
        assertThat(Values.split("1::Toy Story (1995)::Comedy", "::", 3, "id::title::genres"))
                .containsExactly("1", "Toy Story (1995)", "Comedy");
        assertThatThrownBy(() -> Values.split("a|b|c|d|e", '|', 4, "w|x|y|z"))
                .isInstanceOfSatisfying(MalformedTextException.class, e -> assertThat(e.problem().reason())
                        .isEqualTo("expected 4 fields separated by '|' (w|x|y|z), found 5"));
        assertThat(Values.tokens("  1  2 3 ", ' ')).containsExactly("1", "2", "3");
    }

    @Test
    void booleansInTheUsualSpellings() {
        assertThat(Values.parseBoolean("available", "YES")).isTrue();
        assertThat(Values.parseBoolean("available", "0")).isFalse();
        assertThatThrownBy(() -> Values.parseBoolean("available", "maybe")).hasMessageContaining("true/false");
    }
}
