// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import dev.tailor.eval.harness.EvalConfig;
import dev.tailor.eval.harness.EvalData;
import dev.tailor.eval.harness.Experiment;
import dev.tailor.eval.harness.ExperimentResult;
import dev.tailor.eval.harness.ModelResult;
import dev.tailor.eval.harness.ModelSpec;
import dev.tailor.eval.harness.ProgressListener;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.split.DataFilters;
import dev.tailor.eval.split.Split;
import dev.tailor.eval.testing.Synthetic;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColdStartTest {
    private static final Snapshot SHOP = Synthetic.shop(5, 150, 80, 12);

    @Test
    void coldItemsLeaveTrainingEntirely() {
        ColdItems protocol = new ColdItems(0.2, 9, false, ColdItems.Ranking.NEW_ITEMS);
        ColdItems.ColdSplit cs = protocol.split(SHOP);
        BitSet cold = cs.coldItems();
        BitSet active = new BitSet();
        Interactions all = SHOP.interactions();
        for (int k = 0; k < all.size(); k++) {
            active.set(all.item(k));
        }
        assertThat(cs.coldCount()).isEqualTo((int) Math.round(0.2 * active.cardinality()));
        Split s = cs.split();
        Interactions tr = s.train().interactions();
        Interactions te = s.test().interactions();
        for (int k = 0; k < tr.size(); k++) {
            assertThat(cold.get(tr.item(k))).isFalse();
        }
        for (int k = 0; k < te.size(); k++) {
            assertThat(cold.get(te.item(k))).isTrue();
        }
        assertThat(tr.size() + te.size()).isEqualTo(all.size());
        assertThat(protocol.split(SHOP).coldItems()).isEqualTo(cold);
        assertThat(new ColdItems(0.2, 10, false, ColdItems.Ranking.NEW_ITEMS).split(SHOP).coldItems())
                .isNotEqualTo(cold);
    }

    @Test
    void byTimeHoldsOutTheNewestItems() {
        ColdItems.ColdSplit cs = new ColdItems(0.25, 0, true, ColdItems.Ranking.ALL_ITEMS).split(SHOP);
        Interactions all = SHOP.interactions();
        long[] first = new long[SHOP.numItems()];
        java.util.Arrays.fill(first, Long.MAX_VALUE);
        for (int k = 0; k < all.size(); k++) {
            first[all.item(k)] = Math.min(first[all.item(k)], all.time(k));
        }
        BitSet cold = cs.coldItems();
        long oldestCold = Long.MAX_VALUE;
        long newestWarm = Long.MIN_VALUE;
        for (int i = 0; i < first.length; i++) {
            if (first[i] == Long.MAX_VALUE) {
                continue;
            }
            if (cold.get(i)) {
                oldestCold = Math.min(oldestCold, first[i]);
            } else {
                newestWarm = Math.max(newestWarm, first[i]);
            }
        }
        assertThat(oldestCold).isGreaterThanOrEqualTo(newestWarm);
    }

    @Test
    void newItemRankingRecommendsOnlyNewItemsAndComparesModels() {
        ColdItems protocol = new ColdItems(0.2, 9, false, ColdItems.Ranking.NEW_ITEMS);
        ColdItems.ColdSplit cs = protocol.split(SHOP);
        EvalConfig config = EvalConfig.defaults().withKs(5, 10).withThreads(2);
        EvalData data = protocol.restrict(EvalData.prepare(cs.split(), DataFilters.NONE, config), cs);
        assertThat(data.rankableCount()).isEqualTo(cs.coldCount());
        List<ModelSpec> models = List.of(ModelSpec.of(Algorithms.parse("pop")),
                ModelSpec.of(Algorithms.parse("random:seed=1")));
        ExperimentResult r = Experiment.run(data, models, ProgressListener.NONE);
        BitSet cold = cs.coldItems();
        for (ModelResult m : r.models()) {
            int maxK = config.maxK();
            for (int slot = 0; slot < data.userCount(); slot++) {
                for (int j = 0; j < m.recLength()[slot]; j++) {
                    assertThat(cold.get(m.recItems()[slot * maxK + j])).isTrue();
                }
            }
        }
        assertThat(r.comparisons()).anySatisfy(c -> {
            assertThat(c.metric()).isEqualTo(Metric.NDCG);
            assertThat(c.stats().n()).isEqualTo(data.userCount());
        });
        // Every test customer touched a new item, and only those items are relevant.
        for (int slot = 0; slot < data.userCount(); slot++) {
            for (int k = data.relevantStart(slot); k < data.relevantEnd(slot); k++) {
                assertThat(cold.get(data.relevantItem(k))).isTrue();
            }
        }
    }

    @Test
    void newCustomersKeepTheirFirstEventsOnly() {
        NewCustomers protocol = new NewCustomers(0.3, 2, false, 4);
        Split s = protocol.split(SHOP);
        Interactions all = SHOP.interactions();
        Interactions tr = s.train().interactions();
        Interactions te = s.test().interactions();
        int newOnes = 0;
        for (int u = 0; u < SHOP.numUsers(); u++) {
            if (te.count(u) > 0) {
                newOnes++;
                assertThat(tr.count(u)).isEqualTo(2);
                assertThat(te.count(u)).isEqualTo(1);
                assertThat(te.item(te.start(u))).isEqualTo(all.item(all.start(u) + 2));
                assertThat(tr.item(tr.start(u) + 1)).isEqualTo(all.item(all.start(u) + 1));
            } else {
                assertThat(tr.count(u)).isEqualTo(all.count(u));
            }
        }
        assertThat(newOnes).isBetween(25, 65);
        Split rest = new NewCustomers(0.3, 2, true, 4).split(SHOP);
        for (int u = 0; u < SHOP.numUsers(); u++) {
            if (rest.test().interactions().count(u) > 0) {
                assertThat(rest.test().interactions().count(u)).isEqualTo(all.count(u) - 2);
            }
        }
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new ColdItems(0, 1, false, ColdItems.Ranking.ALL_ITEMS))
                .isInstanceOf(ValidationException.class).hasMessageContaining("fraction");
        assertThatThrownBy(() -> new NewCustomers(0.5, 0, false, 1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("known");
        assertThatThrownBy(() -> new NewCustomers(0.5, 1000, false, 1).split(SHOP))
                .isInstanceOf(ValidationException.class).hasMessageContaining("1000");
    }
}
