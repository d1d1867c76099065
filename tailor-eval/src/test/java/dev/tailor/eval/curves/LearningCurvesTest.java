// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.curves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.algorithms.factor.EpochListener;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.data.Snapshot;
import dev.tailor.eval.harness.ModelSpec;
import dev.tailor.eval.testing.Synthetic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LearningCurvesTest {
    private static final Snapshot SHOP = Synthetic.shop(5, 80, 40, 12);

    @Test
    void recordsEveryEpochTheTrainersReportUnderTheModelLabel() {
        LearningCurves curves = new LearningCurves();
        List<Epoch> als = new ArrayList<>();
        List<Epoch> bpr = new ArrayList<>();
        train("als:rank=8,iterations=4", curves, als);
        train("bpr:rank=8,epochs=3", curves, bpr);

        assertThat(als).hasSize(4);
        assertThat(bpr).hasSize(3);
        assertThat(curves.curves()).extracting(Curve::model, Curve::component, Curve::metric, Curve::epochs)
                .containsExactly(
                        tuple("als:rank=8,iterations=4", "als", "loss", als),
                        tuple("bpr:rank=8,epochs=3", "bpr", "bpr-loss", bpr));
    }

    private static void train(String spec, LearningCurves curves, List<Epoch> seen) {
        var trainer = Algorithms.parse(spec);
        EpochListener recorder = curves.listener(trainer.label());
        trainer.withListener(e -> {
            seen.add(e);
            recorder.onEpoch(e);
        }).train(SHOP);
    }

    @Test
    void aHybridsComponentsBecomeSeparateCurves() {
        LearningCurves curves = new LearningCurves();
        List<ModelSpec> models = curves.attach(Algorithms.standard()
                .trainers("blend(0.5*als:rank=8,iterations=3,0.5*als:rank=8,iterations=2) pop").stream()
                .map(ModelSpec::of).toList());
        for (ModelSpec m : models) {
            m.trainer().train(SHOP);
        }
        List<Curve> c = curves.curves();
        assertThat(c).extracting(Curve::component).containsExactly("als", "als#2");
        assertThat(c).extracting(Curve::model).containsOnly(models.get(0).label());
        assertThat(c.get(0).epochs()).extracting(Epoch::epoch).containsExactly(1, 2, 3);
        assertThat(c.get(1).epochs()).extracting(Epoch::epoch).containsExactly(1, 2);
    }

    @Test
    void twoMetricsReportedEachEpochBecomeTwoCurvesAndARetrainingStartsNewOnes() {
        LearningCurves curves = new LearningCurves();
        EpochListener l = curves.listener("seq");
        for (int run = 0; run < 2; run++) {
            for (int e = 1; e <= 3; e++) {
                l.onEpoch(new Epoch("sasrec", e, 3, "ce-loss", 8.0 - e, 1));
                l.onEpoch(new Epoch("sasrec", e, 3, "valid-ndcg@10", 0.01 * e, 1));
            }
        }
        List<Curve> c = curves.curves();
        assertThat(c).extracting(Curve::component, Curve::metric).containsExactly(
                tuple("sasrec", "ce-loss"), tuple("sasrec", "valid-ndcg@10"),
                tuple("sasrec#2", "ce-loss"), tuple("sasrec#2", "valid-ndcg@10"));
        for (Curve curve : c) {
            assertThat(curve.epochs()).extracting(Epoch::epoch).containsExactly(1, 2, 3);
        }
        assertThat(c.get(1).epochs()).extracting(Epoch::value).containsExactly(0.01, 0.02, 0.03);
    }

    @Test
    void attachGivesRepeatedLabelsTheHarnessSuffixes() {
        LearningCurves curves = new LearningCurves();
        List<ModelSpec> models = curves.attach(Algorithms.standard().trainers("bpr:rank=8,epochs=2 pop "
                + "bpr:rank=8,epochs=2").stream().map(ModelSpec::of).toList());
        assertThat(models).extracting(ModelSpec::label)
                .containsExactly("bpr:rank=8,epochs=2", "pop", "bpr:rank=8,epochs=2#2");
        for (ModelSpec m : models) {
            m.trainer().train(SHOP);
        }
        assertThat(curves.curves()).extracting(Curve::model)
                .containsExactly("bpr:rank=8,epochs=2", "bpr:rank=8,epochs=2#2");
        assertThat(curves.curves().get(0).epochs()).hasSize(2);
    }

    @Test
    void modelsTrainedOnSeveralThreadsAtOnceKeepTheirOwnEpochs() throws Exception {
        LearningCurves curves = new LearningCurves();
        int models = 4;
        int epochs = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(models);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int m = 0; m < models; m++) {
                EpochListener l = curves.listener("m" + m);
                int model = m;
                done.add(pool.submit(() -> {
                    for (int e = 1; e <= epochs; e++) {
                        l.onEpoch(new Epoch("sgd", e, epochs, "loss", model + 1.0 / e, 1));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Curve> c = curves.curves();
        assertThat(c).hasSize(models);
        for (Curve curve : c) {
            int model = Integer.parseInt(curve.model().substring(1));
            assertThat(curve.epochs()).hasSize(epochs);
            for (int e = 0; e < epochs; e++) {
                assertThat(curve.epochs().get(e).epoch()).isEqualTo(e + 1);
                assertThat(curve.epochs().get(e).value()).isEqualTo(model + 1.0 / (e + 1));
            }
        }
    }

    @Test
    void nothingIterativeLeavesItEmpty() {
        LearningCurves curves = new LearningCurves();
        for (ModelSpec m : curves.attach(Algorithms.standard().trainers("pop item-knn:k=5").stream()
                .map(ModelSpec::of).toList())) {
            m.trainer().train(SHOP);
        }
        assertThat(curves.isEmpty()).isTrue();
        assertThat(curves.curves()).isEmpty();
    }
}
