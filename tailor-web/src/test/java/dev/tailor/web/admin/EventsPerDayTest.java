// SPDX-License-Identifier: Apache-2.0
package dev.tailor.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EventsPerDayTest {
    @Test
    void daysWithoutEventsAreZerosBetweenTheFirstAndTheLast() {
        EventsPerDay.Counter c = new EventsPerDay.Counter();
        c.add(100, 0);
        c.add(100, 3);
        c.add(103, 0);
        EventsPerDay d = c.result();
        assertThat(d.firstDay()).isEqualTo(100);
        assertThat(d.days()).isEqualTo(4);
        assertThat(d.count(0, 0)).isEqualTo(1);
        assertThat(d.count(0, 3)).isEqualTo(1);
        assertThat(d.count(1, 0)).isZero();
        assertThat(d.count(2, 3)).isZero();
        assertThat(d.count(3, 0)).isEqualTo(1);
    }

    @Test
    void noEventsNoDays() {
        assertThat(new EventsPerDay.Counter().result().days()).isZero();
    }

    @Test
    void anEarlierDayBreaksTheStoreContract() {
        EventsPerDay.Counter c = new EventsPerDay.Counter();
        c.add(10, 0);
        assertThatThrownBy(() -> c.add(9, 0)).hasMessageContaining("out of time order");
    }

    /** Against a map of (day, type) counts, over spans long enough to make the counter grow several times. */
    @Property(tries = 200)
    void matchesAMapOfCounts(@ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 400) Integer> gaps,
            @ForAll @Size(min = 300, max = 300) List<@IntRange(min = 0, max = 7) Integer> types) {
        EventsPerDay.Counter c = new EventsPerDay.Counter();
        Map<Long, Long> oracle = new HashMap<>();
        long day = 19_000;
        for (int i = 0; i < gaps.size(); i++) {
            day += gaps.get(i) % 3 == 0 ? gaps.get(i) : 0;
            int type = types.get(i);
            c.add(day, type);
            oracle.merge(day * EventsPerDay.TYPES + type, 1L, Long::sum);
        }
        EventsPerDay d = c.result();
        assertThat(d.firstDay() + d.days() - 1).isEqualTo(day);
        long total = 0;
        for (int x = 0; x < d.days(); x++) {
            for (int t = 0; t < EventsPerDay.TYPES; t++) {
                long n = d.count(x, t);
                assertThat(n).isEqualTo(oracle.getOrDefault((d.firstDay() + x) * EventsPerDay.TYPES + t, 0L));
                total += n;
            }
        }
        assertThat(total).isEqualTo(gaps.size());
    }
}
