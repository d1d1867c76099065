// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.robustness;

import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.eval.harness.EvalData;
import dev.tailor.eval.harness.ModelSpec;
import dev.tailor.eval.harness.ProgressListener;
import dev.tailor.eval.split.DataFilters;
import dev.tailor.eval.stats.MeanCi;
import dev.tailor.eval.stats.PairedComparison;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Evaluates one model under attack: trained on the clean training part, on the part poisoned for each target,
 * and on the poisoned part with the profiles the detector flags removed (the defence). All on the same real test
 * users, so accuracy drops are paired comparisons. The defence is also applied to the clean data, because
 * flagging real customers costs accuracy even when nobody attacks.
 */
public final class AttackEvaluation {
    private AttackEvaluation() {
    }

    /**
     * One target's outcome.
     *
     * @param item the target's id
     * @param trainUsers its training popularity before the attack
     * @param clean target exposure with the clean model
     * @param attacked with the attacked model
     * @param defended with the model trained after removing flagged profiles
     * @param fakes fake profiles injected
     * @param flagged profiles the detector flagged (real and fake)
     * @param precision flagged fakes / flagged (NaN when nothing flagged)
     * @param recall flagged fakes / fakes
     */
    public record TargetRow(String item, int trainUsers, Exposure clean, Exposure attacked, Exposure defended,
            int fakes, int flagged, double precision, double recall) {
    }

    /** The target's hit rate in the top K and mean rank over eligible real users. */
    public record Exposure(double hitRate, double meanRank, int users) {
    }

    /**
     * @param model label of the model
     * @param attack the attack spec
     * @param k list length
     * @param clean NDCG@K on clean data
     * @param cleanDefended NDCG@K when the defence runs on clean data (its false positives' cost)
     * @param attacked NDCG@K under attack, each user's value averaged over targets
     * @param defended NDCG@K under attack with the defence, averaged over targets
     * @param attackDrop paired comparison clean vs attacked
     * @param defendedDrop paired comparison clean vs defended
     * @param falsePositivesOnClean real profiles the detector flags on clean data
     * @param targets one row per target
     */
    public record Report(String model, String attack, int k, MeanCi clean, MeanCi cleanDefended, MeanCi attacked,
            MeanCi defended, PairedComparison attackDrop, PairedComparison defendedDrop, int falsePositivesOnClean,
            List<TargetRow> targets) {
        public Report {
            targets = List.copyOf(targets);
        }

        /** Mean of a per-target number over the targets. */
        public double mean(ToDoubleFunction<TargetRow> f) {
            double s = 0;
            for (TargetRow r : targets) {
                s += f.applyAsDouble(r);
            }
            return s / targets.size();
        }
    }

    /**
     * @param filters the split's filters (injected events obey them)
     * @param bootstrap resamples for the paired comparisons
     */
    public static Report run(ModelSpec spec, EvalData data, DataFilters filters, AttackSpec attack,
            ProfileDetector detector, int k, int bootstrap, ProgressListener progress) {
        Snapshot train = data.split().train();
        int threads = data.config().threads();
        BitSet rankable = data.unrankable();
        rankable.flip(0, data.itemCount());
        int[] targets = Poisoning.chooseTargets(train, rankable, attack.targets(), attack.seed());
        int[] popularity = Poisoning.popularity(train);
        int steps = 2 + 2 * targets.length;
        int step = 0;
        String stage = "attack " + spec.label();
        progress.progress(stage, step, steps);
        TargetExposure clean = TargetExposure.measure(spec.trainer().train(train), data, k, targets, threads);
        progress.progress(stage, ++step, steps);
        BitSet flaggedClean = detector.detect(train);
        TargetExposure cleanDef = TargetExposure.measure(spec.trainer().train(without(train, flaggedClean)), data, k,
                targets, threads);
        progress.progress(stage, ++step, steps);
        int slots = data.userCount();
        double[] attackedNdcg = new double[slots];
        double[] defendedNdcg = new double[slots];
        List<TargetRow> rows = new ArrayList<>();
        for (int t = 0; t < targets.length; t++) {
            int target = targets[t];
            Poisoning.Poisoned p = Poisoning.shill(train, rankable, target, attack, filters, attack.seed() + 1 + t);
            RecommenderModel attackedModel = spec.trainer().train(p.train());
            TargetExposure a = TargetExposure.measure(attackedModel, data, k, new int[] {target}, threads);
            progress.progress(stage, ++step, steps);
            BitSet flagged = detector.detect(p.train());
            int flaggedFakes = 0;
            for (int u = flagged.nextSetBit(0); u >= 0; u = flagged.nextSetBit(u + 1)) {
                if (p.isFake(u)) {
                    flaggedFakes++;
                }
            }
            RecommenderModel defendedModel = spec.trainer().train(without(p.train(), flagged));
            TargetExposure d = TargetExposure.measure(defendedModel, data, k, new int[] {target}, threads);
            progress.progress(stage, ++step, steps);
            for (int s = 0; s < slots; s++) {
                attackedNdcg[s] += a.ndcg()[s] / targets.length;
                defendedNdcg[s] += d.ndcg()[s] / targets.length;
            }
            int f = flagged.cardinality();
            rows.add(new TargetRow(train.items().id(target), popularity[target], exposure(clean, t), exposure(a, 0),
                    exposure(d, 0), p.fakeUsers(), f, f == 0 ? Double.NaN : (double) flaggedFakes / f,
                    (double) flaggedFakes / p.fakeUsers()));
        }
        long seed = data.config().seed();
        return new Report(spec.label(), attack.spec(), k, MeanCi.of(clean.ndcg()), MeanCi.of(cleanDef.ndcg()),
                MeanCi.of(attackedNdcg), MeanCi.of(defendedNdcg),
                PairedComparison.of(clean.ndcg(), attackedNdcg, bootstrap, seed),
                PairedComparison.of(clean.ndcg(), defendedNdcg, bootstrap, seed), flaggedClean.cardinality(), rows);
    }

    /**
     * Random-click noise at each rate: NDCG@K clean and with noise, paired.
     *
     * @return one comparison (clean minus noisy) per rate
     */
    public static List<PairedComparison> noise(ModelSpec spec, EvalData data, DataFilters filters, double[] rates,
            int k, int bootstrap, long seed) {
        Snapshot train = data.split().train();
        int threads = data.config().threads();
        BitSet rankable = data.unrankable();
        rankable.flip(0, data.itemCount());
        double[] clean = TargetExposure.measure(spec.trainer().train(train), data, k, new int[0], threads).ndcg();
        List<PairedComparison> out = new ArrayList<>();
        for (double rate : rates) {
            Poisoning.Poisoned p = Poisoning.noise(train, rankable, rate, filters, seed);
            double[] noisy = TargetExposure.measure(spec.trainer().train(p.train()), data, k, new int[0], threads)
                    .ndcg();
            out.add(PairedComparison.of(clean, noisy, bootstrap, data.config().seed()));
        }
        return out;
    }

    /** The snapshot with every event of the flagged users removed (users keep their indices). */
    static Snapshot without(Snapshot train, BitSet flagged) {
        if (flagged.isEmpty()) {
            return train;
        }
        Interactions in = train.interactions();
        return train.withInteractions(train.name() + "-flagged", in.filter((u, k) -> !flagged.get(u)));
    }

    private static Exposure exposure(TargetExposure e, int t) {
        return new Exposure(e.hitRate()[t], e.meanRank()[t], e.eligible()[t]);
    }
}
