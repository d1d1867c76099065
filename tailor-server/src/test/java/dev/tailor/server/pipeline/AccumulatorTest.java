// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AccumulatorTest {
    @Test
    void sumsPerItemAndRemembersTheStrongestEvidence() {
        RecommendationContext ctx = TestContexts.context(TestContexts.catalog(10, 2, 2));
        Accumulator acc = ctx.accumulator();
        acc.reset(10);
        acc.add(4, 0.5f, 100);
        acc.add(4, 0.25f, 101);
        acc.add(6, 0.6f, 102);
        acc.add(4, 0.3f, 103);
        assertThat(acc.value(4)).isCloseTo(1.05f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(acc.value(5)).isZero();
        Candidates c = new Candidates();
        c.reset(10);
        int s = c.register(CandidatesTest.source("s"));
        acc.drainTo(ctx, c, s, 5, 2f);
        c.sortByScore();
        assertThat(c.item(0)).isEqualTo(4);
        assertThat(c.score(0)).isEqualTo(2f);
        assertThat(c.evidence(0)).isEqualTo(100);
        assertThat(c.score(1)).isCloseTo(2f * 0.6f / 1.05f, org.assertj.core.data.Offset.offset(1e-6f));
        acc.reset(10);
        assertThat(acc.value(4)).isZero();
        assertThat(acc.touchedCount()).isZero();
    }

    @Property(tries = 150)
    void drainKeepsTheBestAdmissibleItemsLikeABruteForceSort(
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 49) Integer> items,
            @ForAll @Size(max = 200) List<@IntRange(min = 1, max = 9) Integer> values,
            @ForAll @IntRange(min = 1, max = 20) int limit,
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 49) Integer> excluded) {
        RecommendationContext ctx = TestContexts.context(TestContexts.catalog(50, 3, 2));
        excluded.forEach(ctx::exclude);
        Accumulator acc = ctx.accumulator();
        acc.reset(50);
        Map<Integer, Float> sums = new HashMap<>();
        for (int i = 0; i < Math.min(items.size(), values.size()); i++) {
            acc.add(items.get(i), values.get(i), -1);
            sums.merge(items.get(i), (float) values.get(i), Float::sum);
        }
        Candidates c = new Candidates();
        c.reset(50);
        int s = c.register(CandidatesTest.source("s"));
        acc.drainTo(ctx, c, s, limit, 1f);
        c.sortByScore();
        List<Map.Entry<Integer, Float>> oracle = new ArrayList<>(sums.entrySet());
        oracle.removeIf(e -> excluded.contains(e.getKey()));
        oracle.sort(Comparator.<Map.Entry<Integer, Float>>comparingDouble(e -> -e.getValue())
                .thenComparing(Map.Entry::getKey));
        oracle = oracle.subList(0, Math.min(limit, oracle.size()));
        assertThat(c.size()).isEqualTo(oracle.size());
        float max = oracle.isEmpty() ? 1f : oracle.get(0).getValue();
        for (int i = 0; i < oracle.size(); i++) {
            assertThat(c.item(i)).isEqualTo(oracle.get(i).getKey());
            assertThat(c.score(i)).isCloseTo(oracle.get(i).getValue() / max, org.assertj.core.data.Offset.offset(1e-6f));
        }
    }
}
