// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.itemknn;

import static dev.tailor.algorithms.testing.TestData.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.testing.TestData;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.TopK;
import dev.tailor.core.model.UserContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ItemKnnTest {
    /**
     * u0: 0 1 2, u1: 0 1, u2: 1 2, u3: 2 3. Item vectors over users: i0 = {u0,u1}, i1 = {u0,u1,u2},
     * i2 = {u0,u2,u3}, i3 = {u3}; cosine(0,1) = 2/sqrt(6), cosine(0,2) = 1/sqrt(6), cosine(2,3) = 1/sqrt(3).
     */
    static final Snapshot TINY = TestData.snapshot(4, new int[][] {{0, 1, 2}, {0, 1}, {1, 2}, {2, 3}});

    /**
     * Trains with the hand-computed cases' settings (plain cosine, no exponent, no recency decay), overridden
     * by {@code params} ("k=1,shrink=0"), so that changing a default cannot silently change what is tested.
     */
    private static ItemKnnModel train(String params) {
        Map<String, String> p = new LinkedHashMap<>(Map.of("sim", "cosine", "exponent", "1", "recency", "1"));
        for (String kv : params.split(",")) {
            if (!kv.isBlank()) {
                p.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        String spec = p.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "item-knn:", ""));
        return (ItemKnnModel) Algorithms.parse(spec).train(TINY);
    }

    @Test
    void scoreIsTheWeightedSumOfSimilaritiesToTheHistory() {
        ItemKnnModel m = train("k=10,sim=cosine,shrink=0");
        float[] s = scores(m, UserContext.of(-1, new int[] {0}));
        assertThat(s[1]).isCloseTo((float) (2 / Math.sqrt(6)), within(1e-6f));
        assertThat(s[2]).isCloseTo((float) (1 / Math.sqrt(6)), within(1e-6f));
        // Nothing links i0 to i3 (or to itself): fallback scores, below every item with evidence.
        assertThat(s[3]).isNegative();
        assertThat(s[0]).isNegative();

        float[] two = scores(m, new UserContext(-1, new int[] {0, 3}, new float[] {1f, 2f}, new int[0]));
        assertThat(two[2]).isCloseTo((float) (1 / Math.sqrt(6) + 2 / Math.sqrt(3)), within(1e-6f));
    }

    @Test
    void reactsToTheContextNotToTheTrainingHistory() {
        ItemKnnModel m = train("k=10,shrink=0");
        // User 3 trained on {2, 3}; a context posted seconds later holding only item 0 is what counts.
        float[] s = scores(m, UserContext.of(3, new int[] {0}));
        assertThat(TopK.select(s, 1, null)).containsExactly(1);
    }

    @Test
    void recencyDecaysOlderHistoryEntries() {
        ItemKnnModel m = train("k=10,shrink=0,recency=0.5");
        // Latest entry (i3) counts 1, the one before (i0) counts 0.5.
        float[] s = scores(m, UserContext.of(-1, new int[] {0, 3}));
        assertThat(s[2]).isCloseTo((float) (0.5 / Math.sqrt(6) + 1 / Math.sqrt(3)), within(1e-6f));
        assertThat(s[1]).isCloseTo((float) (0.5 * 2 / Math.sqrt(6)), within(1e-6f));
    }

    @Test
    void neighbourhoodSizeLimitsTheEvidence() {
        ItemKnnModel m = train("k=1,shrink=0");
        float[] s = scores(m, UserContext.of(-1, new int[] {2}));
        // i2's single best neighbour is i1 (2/3); i0 and i3 fall out of its list.
        assertThat(s[1]).isCloseTo(2f / 3f, within(1e-6f));
        assertThat(s[0]).isNegative();
        assertThat(s[3]).isNegative();
    }

    @Test
    void normalizationMakesEachItemsNeighbourWeightsSumToOne() {
        ItemKnnModel m = train("k=10,shrink=0,normalize=true");
        float[] s = scores(m, UserContext.of(-1, new int[] {0}));
        // i0's neighbours 2/sqrt(6) and 1/sqrt(6) become 2/3 and 1/3.
        assertThat(s[1]).isCloseTo(2f / 3f, within(1e-6f));
        assertThat(s[2]).isCloseTo(1f / 3f, within(1e-6f));
    }

    @Test
    void emptyHistoryFallsBackToPopularity() {
        ItemKnnModel m = train("");
        // Distinct users: i0 2, i1 3, i2 3, i3 1; ties go to the smaller index.
        assertThat(TopK.select(scores(m, UserContext.anonymous()), 4, null)).containsExactly(1, 2, 0, 3);
    }

    @Test
    void ignoresUnknownItemsAndNonPositiveWeights() {
        ItemKnnModel m = train("shrink=0");
        float[] s = scores(m, new UserContext(-1, new int[] {0, 99, -1, 3}, new float[] {1f, 1f, 1f, 0f},
                new int[0]));
        assertThat(s).containsExactly(scores(m, UserContext.of(-1, new int[] {0})));
    }

    @Test
    void trainingIsDeterministicAndThreadCountFree() {
        int[][] rows = TestData.randomRows(new SplittableRandom(3), 300, 120, 15);
        Snapshot s = TestData.snapshot(120, rows);
        ItemKnnConfig config = ((ItemKnnTrainer) Algorithms.parse("item-knn:k=20,sim=asymmetric,alpha=0.7,"
                + "weighting=bm25").trainer()).config();
        ItemKnnModel a = new ItemKnnTrainer(config.withThreads(1)).train(s);
        ItemKnnModel b = new ItemKnnTrainer(config.withThreads(3)).train(s);
        for (int u = 0; u < 50; u++) {
            UserContext c = TestData.contextOf(s, u);
            assertThat(scores(b, c)).containsExactly(scores(a, c));
        }
    }

    @Test
    void provenanceNamesDataConfigAndTiming() {
        ItemKnnModel m = train("k=7");
        assertThat(m.provenance().algorithm()).isEqualTo("item-knn");
        assertThat(m.provenance().config()).containsEntry("k", "7").containsEntry("sim", "cosine")
                .containsEntry("weighting", "none").doesNotContainKey("threads");
        assertThat(m.provenance().dataFingerprint()).isEqualTo(TINY.fingerprint());
        assertThat(m.provenance().trainMillis()).isNotNegative();
        assertThat(m.provenance().trainedAt()).isNotNull();
    }

    @Test
    void rejectsBadConfigsNamingTheParameter() {
        assertThatThrownBy(() -> Algorithms.parse("item-knn:k=0")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'k'").hasMessageContaining(">= 1");
        assertThatThrownBy(() -> Algorithms.parse("item-knn:shrink=-1")).hasMessageContaining("'shrink'");
        assertThatThrownBy(() -> Algorithms.parse("item-knn:alpha=1.5")).hasMessageContaining("'alpha'");
        assertThatThrownBy(() -> Algorithms.parse("item-knn:recency=0")).hasMessageContaining("'recency'");
        assertThatThrownBy(() -> Algorithms.parse("item-knn:bm25-b=2")).hasMessageContaining("'bm25-b'");
        assertThatThrownBy(() -> new ItemKnnConfig(-1, null, -1, 0.5, null, 1, 0.5, false, 1, 1, null, 0))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field())
                                .contains("k", "sim", "shrink", "weighting", "events"));
    }

    @Test
    void refusesASnapshotWithoutInteractions() {
        Snapshot empty = TestData.snapshot(3, new int[][] {{}, {}});
        assertThatThrownBy(() -> Algorithms.parse("item-knn").train(empty))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no interactions");
    }

    @Test
    void checksTheOutputBuffer() {
        ItemKnnModel m = train("");
        assertThatThrownBy(() -> m.scoreAll(UserContext.anonymous(), new float[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 items");
    }
}
