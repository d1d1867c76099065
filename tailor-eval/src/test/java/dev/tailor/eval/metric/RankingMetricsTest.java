// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    private static final double EPS = 1e-12;

    private static double[][] compute(boolean[] hits, int numRelevant, int... ks) {
        double[][] out = new double[Metric.ACCURACY.length][ks.length];
        RankingMetrics.fromHits(hits, hits.length, numRelevant, ks, RankingMetrics.discounts(64), out);
        return out;
    }

    @Test
    void handComputedListWithThreeRelevantItems() {
        // List of 5, hits at positions 1 and 3, the user has 3 relevant items; K = 3 and 5.
        double[][] m = compute(new boolean[] {true, false, true, false, false}, 3, 3, 5);
        // precision@3 = 2/3; precision@5 = 2/5
        assertThat(m[0][0]).isCloseTo(2.0 / 3, within(EPS));
        assertThat(m[0][1]).isCloseTo(0.4, within(EPS));
        // recall@3 = recall@5 = 2/3
        assertThat(m[1][0]).isCloseTo(2.0 / 3, within(EPS));
        assertThat(m[1][1]).isCloseTo(2.0 / 3, within(EPS));
        // F1@5 = 2 * 0.4 * (2/3) / (0.4 + 2/3) = 0.5333.../1.0666... = 0.5
        assertThat(m[2][1]).isCloseTo(0.5, within(EPS));
        // DCG@3 = 1/log2(2) + 1/log2(4) = 1 + 0.5 = 1.5; IDCG@3 = 1 + 1/log2(3) + 0.5 = 2.1309297535714573
        assertThat(m[3][0]).isCloseTo(1.5 / (1 + 1 / (Math.log(3) / Math.log(2)) + 0.5), within(EPS));
        assertThat(m[3][0]).isCloseTo(0.7039180890341347, within(1e-12));
        // AP@3 = (1/1 + 2/3) / min(3, 3) = (5/3)/3 = 0.5555...
        assertThat(m[4][0]).isCloseTo(5.0 / 9, within(EPS));
        // MRR = 1 (first hit at position 1); hit = 1
        assertThat(m[5][0]).isEqualTo(1.0);
        assertThat(m[6][1]).isEqualTo(1.0);
    }

    @Test
    void mapNormalizesByMinOfRelevantAndK() {
        // 5 relevant items, K = 2, hits at both positions: AP@2 = (1/1 + 2/2) / min(5, 2) = 1 (RecBole);
        // the textbook |rel| normalization would give 2/5.
        double[][] m = compute(new boolean[] {true, true}, 5, 2);
        assertThat(m[4][0]).isCloseTo(1.0, within(EPS));
        // NDCG@2 = (1 + 1/log2 3) / (1 + 1/log2 3) = 1: ideal over min(5, 2) = 2 positions
        assertThat(m[3][0]).isCloseTo(1.0, within(EPS));
    }

    @Test
    void leaveOneOutHitAtRankThree() {
        // One relevant item at rank 3: HR@5 = 1, NDCG@5 = 1/log2(4) = 0.5, MRR@5 = 1/3; at K = 2 all are 0.
        double[][] m = compute(new boolean[] {false, false, true, false, false}, 1, 2, 5);
        assertThat(m[6][0]).isZero();
        assertThat(m[3][0]).isZero();
        assertThat(m[6][1]).isEqualTo(1.0);
        assertThat(m[3][1]).isCloseTo(0.5, within(EPS));
        assertThat(m[5][1]).isCloseTo(1.0 / 3, within(EPS));
        // precision@5 = 1/5, recall@5 = 1, MAP@5 = (1/3) / min(1, 5) = 1/3
        assertThat(m[0][1]).isCloseTo(0.2, within(EPS));
        assertThat(m[1][1]).isEqualTo(1.0);
        assertThat(m[4][1]).isCloseTo(1.0 / 3, within(EPS));
    }

    @Test
    void shortListStillDividesPrecisionByK() {
        // Only 2 items could be ranked, one hit: precision@10 = 1/10 (not 1/2).
        double[][] m = compute(new boolean[] {true, false}, 1, 10);
        assertThat(m[0][0]).isCloseTo(0.1, within(EPS));
    }

    @Test
    void aucByHand() {
        // Scores of 5 items; item 4 is masked. Relevant: items 1 and 3.
        // Candidates 0..3: relevant scores 0.9 (item 1) and 0.5 (item 3); others 0.5 (item 0), 0.1 (item 2).
        // Pairs: (1,0) correct, (1,2) correct, (3,0) tie = 1/2, (3,2) correct -> 3.5 / 4 = 0.875.
        float[] scores = {0.5f, 0.9f, 0.1f, 0.5f, 5f};
        BitSet excluded = new BitSet();
        excluded.set(4);
        BitSet rel = new BitSet();
        rel.set(1);
        rel.set(3);
        double auc = RankingMetrics.auc(scores, excluded, new int[] {1, 3}, 2, rel, 4, new float[2]);
        assertThat(auc).isCloseTo(0.875, within(EPS));
    }

    @Test
    void rankAmongOrdersByScoreThenIndex() {
        float[] scores = {0.3f, 0.9f, 0.3f, 0.1f};
        int[] cand = {3, 2, 0, 1};
        int n = RankingMetrics.rankAmong(scores, cand, 4, 3);
        assertThat(n).isEqualTo(3);
        assertThat(Arrays.copyOf(cand, 4)).containsExactly(1, 0, 2, 3);
    }

    /** Brute force: full sort of every unmasked item, metrics from their textbook formulas in doubles. */
    @Property(tries = 300)
    void fastPathMatchesBruteForce(@ForAll("seeds") long seed, @ForAll @IntRange(min = 2, max = 60) int items,
            @ForAll @IntRange(min = 1, max = 15) int k) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] scores = new float[items];
        for (int i = 0; i < items; i++) {
            // Few distinct values so that ties occur.
            scores[i] = r.nextInt(8) / 4f;
        }
        BitSet excluded = new BitSet();
        BitSet rel = new BitSet();
        for (int i = 0; i < items; i++) {
            if (r.nextInt(5) == 0) {
                excluded.set(i);
            } else if (r.nextInt(3) == 0) {
                rel.set(i);
            }
        }
        if (rel.isEmpty()) {
            return;
        }
        int[] relevant = rel.stream().toArray();
        int maxK = k;
        int[] top = dev.tailor.core.model.TopK.select(scores, maxK, excluded);
        boolean[] hits = new boolean[top.length];
        for (int j = 0; j < top.length; j++) {
            hits[j] = rel.get(top[j]);
        }
        double[][] out = new double[Metric.ACCURACY.length][1];
        RankingMetrics.fromHits(hits, top.length, relevant.length, new int[] {k}, RankingMetrics.discounts(k), out);

        // Brute-force ranking: every unmasked item sorted by score desc, index asc.
        Integer[] order = IntStream.range(0, items).filter(i -> !excluded.get(i)).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i));
        int hitsK = 0;
        double dcg = 0;
        double ap = 0;
        double rr = 0;
        for (int j = 0; j < Math.min(k, order.length); j++) {
            if (rel.get(order[j])) {
                hitsK++;
                dcg += 1 / (Math.log(j + 2) / Math.log(2));
                ap += hitsK / (double) (j + 1);
                if (rr == 0) {
                    rr = 1.0 / (j + 1);
                }
            }
        }
        double idcg = 0;
        for (int j = 0; j < Math.min(relevant.length, k); j++) {
            idcg += 1 / (Math.log(j + 2) / Math.log(2));
        }
        double p = hitsK / (double) k;
        double rec = hitsK / (double) relevant.length;
        assertThat(out[0][0]).isCloseTo(p, within(1e-12));
        assertThat(out[1][0]).isCloseTo(rec, within(1e-12));
        assertThat(out[2][0]).isCloseTo(hitsK == 0 ? 0 : 2 * p * rec / (p + rec), within(1e-12));
        assertThat(out[3][0]).isCloseTo(dcg / idcg, within(1e-12));
        assertThat(out[4][0]).isCloseTo(ap / Math.min(relevant.length, k), within(1e-12));
        assertThat(out[5][0]).isCloseTo(rr, within(1e-12));
        assertThat(out[6][0]).isEqualTo(hitsK > 0 ? 1.0 : 0.0);

        // AUC by enumerating every (relevant, other) pair of unmasked items.
        double correct = 0;
        int pairs = 0;
        for (int a : order) {
            for (int b : order) {
                if (rel.get(a) && !rel.get(b)) {
                    pairs++;
                    correct += scores[a] > scores[b] ? 1 : scores[a] == scores[b] ? 0.5 : 0;
                }
            }
        }
        int relUnmasked = (int) Arrays.stream(order).filter(rel::get).count();
        double auc = RankingMetrics.auc(scores, excluded, relevant, relevant.length, rel, order.length,
                new float[relevant.length]);
        if (pairs == 0 || relUnmasked == 0) {
            assertThat(auc).isNaN();
        } else {
            assertThat(auc).isCloseTo(correct / pairs, within(1e-12));
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> seeds() {
        return net.jqwik.api.Arbitraries.longs();
    }
}
