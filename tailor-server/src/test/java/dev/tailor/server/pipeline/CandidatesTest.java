// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CandidatesTest {
    private static final CandidateSource A = source("a");
    private static final CandidateSource B = source("b");

    static CandidateSource source(String name) {
        return new CandidateSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void collect(RecommendationContext ctx, Candidates out, int source, int limit) {
            }

            @Override
            public String explain(RecommendationContext ctx, int item, int evidence) {
                return name;
            }
        };
    }

    @Test
    void duplicatesAddUpAndTheStrongerSourceKeepsTheExplanation() {
        Candidates c = new Candidates();
        c.reset(10);
        int a = c.register(A);
        int b = c.register(B);
        c.add(3, 0.2f, a, 7);
        c.add(5, 0.9f, a, 8);
        c.add(3, 0.5f, b, 9);
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.score(0)).isEqualTo(0.7f);
        assertThat(c.source(c.sourceIndex(0)).name()).isEqualTo("b");
        assertThat(c.evidence(0)).isEqualTo(9);
        c.sortByScore();
        assertThat(c.item(0)).isEqualTo(5);
        assertThat(c.item(1)).isEqualTo(3);
    }

    @Test
    void removedCandidatesAreCompactedAwayAndResetClearsEverything() {
        Candidates c = new Candidates();
        c.reset(10);
        int a = c.register(A);
        for (int i = 0; i < 5; i++) {
            c.add(i, i, a, -1);
        }
        c.remove(1);
        c.remove(3);
        c.compact();
        assertThat(c.size()).isEqualTo(3);
        assertThat(List.of(c.item(0), c.item(1), c.item(2))).containsExactly(0, 2, 4);
        assertThat(c.contains(3)).isFalse();
        c.add(3, 1f, a, -1);
        assertThat(c.size()).isEqualTo(4);
        c.reset(10);
        assertThat(c.size()).isZero();
        assertThat(c.contains(0)).isFalse();
    }

    @Property(tries = 200)
    void sortingMatchesABruteForceOrderAndKeepsTotals(
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 99) Integer> items,
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 5) Integer> scores) {
        Candidates c = new Candidates();
        c.reset(100);
        int s = c.register(A);
        Map<Integer, Float> expected = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(items.size(), scores.size()); i++) {
            c.add(items.get(i), scores.get(i), s, -1);
            expected.merge(items.get(i), (float) scores.get(i), Float::sum);
        }
        c.sortByScore();
        List<Map.Entry<Integer, Float>> oracle = new ArrayList<>(expected.entrySet());
        oracle.sort(Comparator.<Map.Entry<Integer, Float>>comparingDouble(e -> -e.getValue())
                .thenComparing(Map.Entry::getKey));
        assertThat(c.size()).isEqualTo(oracle.size());
        for (int i = 0; i < oracle.size(); i++) {
            assertThat(c.item(i)).isEqualTo(oracle.get(i).getKey());
            assertThat(c.score(i)).isEqualTo(oracle.get(i).getValue());
        }
    }
}
