// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import dev.tailor.eval.harness.EvalConfig;
import dev.tailor.eval.harness.ProgressListener;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.split.DataFilters;
import dev.tailor.eval.split.Split;
import dev.tailor.eval.split.SplitSpec;
import dev.tailor.eval.testing.Synthetic;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TunerTest {
    private static final Snapshot SHOP = Synthetic.shop(5, 80, 40, 12);

    private static Tuner tuner(String split) {
        Split s = SplitSpec.parse(split, 1).apply(SHOP);
        return new Tuner(Algorithms.standard(), s, DataFilters.NONE, EvalConfig.defaults().withKs(10), Metric.NDCG, 0,
                ProgressListener.NONE);
    }

    @Test
    void randomSearchIsSeededAndPicksTheBestTrial() {
        TuneResult a = tuner("loo:valid=true").randomSearch("item-knn", 4, 9);
        TuneResult b = tuner("loo:valid=true").randomSearch("item-knn", 4, 9);
        assertThat(a.trials()).hasSize(4);
        assertThat(a.trials().get(0).spec()).isEqualTo("item-knn");
        assertThat(a.trials()).extracting(Trial::spec).containsExactlyElementsOf(
                b.trials().stream().map(Trial::spec).toList());
        double max = a.trials().stream().mapToDouble(Trial::score).max().orElseThrow();
        assertThat(a.bestScore()).isEqualTo(max);
        assertThat(a.toTsv()).startsWith("id\trung\tfraction\tvalidation NDCG@10\tmillis\tspec\n");
    }

    @Test
    void successiveHalvingShrinksTheFieldAndGrowsTheBudget() {
        TuneResult r = tuner("holdout:ratio=0.8/0.1/0.1").successiveHalving("user-knn", 9, 3, 2);
        // 9 configurations: rung 0 on 1/9 of the users, 3 on 1/3, 1 on all.
        assertThat(r.trials().stream().filter(t -> t.rung() == 0)).hasSize(9);
        assertThat(r.trials().stream().filter(t -> t.rung() == 1)).hasSize(3);
        assertThat(r.trials().stream().filter(t -> t.rung() == 2)).hasSize(1).allMatch(t -> t.fraction() == 1.0);
        Trial last = r.trials().get(r.trials().size() - 1);
        assertThat(r.best()).isEqualTo(last.spec());
    }

    @Test
    void aUserSpaceIsSearchedAndProgressCountsEveryPlannedTrial() {
        Split s = SplitSpec.parse("loo:valid=true", 1).apply(SHOP);
        List<long[]> calls = new CopyOnWriteArrayList<>();
        Tuner t = new Tuner(Algorithms.standard(), s, DataFilters.NONE, EvalConfig.defaults().withKs(10), Metric.HIT,
                0, (stage, done, total) -> calls.add(new long[] {done, total}));
        SearchSpace space = SearchSpace.parse(Algorithms.standard(), "item-knn:sim=cosine", "k=5..50:log");
        TuneResult r = t.successiveHalving(space, 9, 3, 4);
        assertThat(r.metric()).isEqualTo("validation HR@10");
        assertThat(r.trials()).hasSize(13).allMatch(x -> x.spec().startsWith("item-knn:sim=cosine,k="));
        assertThat(Tuner.plannedTrials(9, 3, 2)).isEqualTo(13);
        assertThat(calls.get(0)).containsExactly(0, 13);
        assertThat(calls.get(calls.size() - 1)).containsExactly(13, 13);
    }

    @Test
    void needsAValidationPart() {
        Split s = SplitSpec.parse("loo", 1).apply(SHOP);
        assertThatThrownBy(() -> new Tuner(Algorithms.standard(), s, DataFilters.NONE, EvalConfig.defaults(),
                Metric.NDCG, 0, ProgressListener.NONE)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("validation part");
    }
}
