// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.server.catalog.LiveCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MmrRerankerTest {
    private static List<Integer> select(RecommendationContext ctx, int[] items, float[] scores, int k) {
        Candidates c = new Candidates();
        c.reset(ctx.catalog().size());
        int s = c.register(CandidatesTest.source("s"));
        for (int i = 0; i < items.length; i++) {
            c.add(items[i], scores[i], s, -1);
        }
        c.sortByScore();
        Selection out = new Selection();
        new MmrReranker(5).select(ctx, c, k, out);
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            picked.add(out.item(i));
        }
        return picked;
    }

    @Test
    void attributeSimilarityIsCategoryRootAndBrandOverlap() {
        // Items: i % 4 leaf, leaf / 2 root, i % 2 brand.
        LiveCatalog.View v = TestContexts.catalog(8, 4, 2).view();
        assertThat(MmrReranker.similarity(v, 0, 4)).isEqualTo(1.0f);
        assertThat(MmrReranker.similarity(v, 0, 1)).isEqualTo(0.2f);
        assertThat(MmrReranker.similarity(v, 0, 2)).isEqualTo(0.2f);
        assertThat(MmrReranker.similarity(v, 0, 3)).isEqualTo(0f);
    }

    @Test
    void handComputedTradeOff() {
        // Candidates 0 (1.0), 4 (0.9, same leaf and brand as 0: similarity 1), 3 (0.5, nothing in common).
        RecommendationContext ctx = TestContexts.context(TestContexts.catalog(8, 4, 2));
        int[] items = {0, 4, 3};
        float[] scores = {1f, 0.9f, 0.5f};
        ctx.diversity(0f);
        assertThat(select(ctx, items, scores, 3)).containsExactly(0, 4, 3);
        // lambda 0.5: after 0, item 4 is worth 0.5*0.9 - 0.5*1 = -0.05, item 3 is worth 0.5*0.5 - 0 = 0.25.
        ctx.diversity(0.5f);
        assertThat(select(ctx, items, scores, 3)).containsExactly(0, 3, 4);
        // lambda 0.8: item 4 is worth 0.8*0.9 - 0.2 = 0.52, item 3 is worth 0.4.
        ctx.diversity(0.2f);
        assertThat(select(ctx, items, scores, 3)).containsExactly(0, 4, 3);
    }

    @Property(tries = 100)
    void picksDistinctCandidatesStartingWithTheBestAndNoDiversityKeepsTheScoreOrder(
            @ForAll @IntRange(min = 1, max = 40) int n, @ForAll @IntRange(min = 1, max = 15) int k,
            @ForAll @FloatRange(min = 0, max = 1) float diversity, @ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        RecommendationContext ctx = TestContexts.context(TestContexts.catalog(60, 6, 3));
        int[] items = new int[n];
        float[] scores = new float[n];
        for (int i = 0; i < n; i++) {
            items[i] = i;
            scores[i] = 0.01f + r.nextInt(1000) / 1000f;
        }
        ctx.diversity(diversity);
        List<Integer> picked = select(ctx, items, scores, k);
        assertThat(picked).hasSize(Math.min(n, k));
        assertThat(new HashSet<>(picked)).hasSize(picked.size());
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        assertThat(scores[picked.get(0)]).isEqualTo(scores[best]);
        ctx.diversity(0f);
        List<Integer> plain = select(ctx, items, scores, k);
        for (int i = 1; i < plain.size(); i++) {
            assertThat(scores[plain.get(i - 1)]).isGreaterThanOrEqualTo(scores[plain.get(i)]);
        }
    }
}
