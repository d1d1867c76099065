// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.ValidationException;
import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ParamTest {
    @Test
    void durationsInUnitsAndIso() {
        assertThat(Param.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Param.parseDuration("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Param.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Param.parseDuration("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(Param.parseDuration("PT12H")).isEqualTo(Duration.ofHours(12));
        assertThat(Param.formatDuration(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Param.formatDuration(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThatThrownBy(() -> Param.parseDuration("-1d")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Param.parseDuration("3 fortnights")).isInstanceOf(NumberFormatException.class);
    }

    @Property(tries = 200)
    void formattedDurationsReadBack(@ForAll @LongRange(min = 1, max = 10_000_000_000L) long millis) {
        Duration d = Duration.ofMillis(millis);
        assertThat(Param.parseDuration(Param.formatDuration(d))).isEqualTo(d);
    }

    @Property(tries = 200)
    void formattedRealsReadBack(@ForAll double d) {
        if (Double.isFinite(d)) {
            assertThat(Double.parseDouble(Param.formatReal(d))).isEqualTo(d);
        }
    }

    @Test
    void samplesStayInTheSearchRange() {
        Param k = Param.integer("k", 10, 5, 2000, true, "");
        Param r = Param.real("r", 0.5, 0, 1, false, "");
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(Integer.parseInt(k.sample(random))).isBetween(5, 2000);
            assertThat(Double.parseDouble(r.sample(random))).isBetween(0.0, 1.0);
        }
    }

    @Test
    void logScaleSamplingSpreadsOverOrdersOfMagnitude() {
        Param k = Param.integer("k", 10, 1, 10_000, true, "");
        SplittableRandom random = new SplittableRandom(2);
        int below100 = 0;
        for (int i = 0; i < 1000; i++) {
            below100 += Integer.parseInt(k.sample(random)) < 100 ? 1 : 0;
        }
        // Half of the log range [1, 10^4] lies below 100; a uniform draw would put 1% there.
        assertThat(below100).isBetween(420, 580);
    }

    @Test
    void canonicalFormChecksTypes() {
        Param b = Param.bool("normalize", false, "");
        assertThat(b.canonical("x", "TRUE")).isEqualTo("true");
        assertThatThrownBy(() -> b.canonical("x", "yes")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("true or false");
        assertThat(Param.real("s", 1, 0, 1, false, "").canonical("x", "10.0")).isEqualTo("10");
    }
}
