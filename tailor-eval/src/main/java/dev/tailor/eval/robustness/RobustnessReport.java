// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.robustness;

import dev.tailor.core.error.TailorException;
import dev.tailor.eval.stats.MeanCi;
import dev.tailor.eval.stats.PairedComparison;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes {@code robustness.md}: attack and noise results, one section per model. */
public final class RobustnessReport {
    private RobustnessReport() {
    }

    /**
     * A noise run of one model.
     *
     * @param model label
     * @param rates noise rates, parallel to {@code drops}
     * @param drops clean minus noisy NDCG@K, paired
     */
    public record NoiseResult(String model, int k, double[] rates, List<PairedComparison> drops) {
    }

    public static void write(List<AttackEvaluation.Report> attacks, List<NoiseResult> noise, String title,
            Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("robustness.md"), markdown(attacks, noise, title), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TailorException("cannot write the robustness report to " + dir + ": " + e.getMessage(), e);
        }
    }

    public static String markdown(List<AttackEvaluation.Report> attacks, List<NoiseResult> noise, String title) {
        StringBuilder b = new StringBuilder("# Robustness: ").append(title).append("\n");
        if (!attacks.isEmpty()) {
            AttackEvaluation.Report first = attacks.get(0);
            int k = first.k();
            b.append("\n## Shilling attack `").append(first.attack()).append("`\n\n")
                    .append("Target hit rate = share of real test users (without the target in their history) who"
                            + " get the target in their top ").append(k).append("; rank = its mean rank among their"
                            + " unmasked items. Averages over targets. Defence = profiles flagged by the detector"
                            + " removed before training.\n\n")
                    .append("| model | NDCG@").append(k).append(" clean | attacked | defended | defence on clean data"
                            + " | target HR@").append(k).append(" clean → attacked → defended | target mean rank clean"
                            + " → attacked → defended | detection precision | recall | real profiles flagged on clean"
                            + " data |\n|---|---|---|---|---|---|---|---|---|---|\n");
            for (AttackEvaluation.Report r : attacks) {
                b.append("| ").append(r.model()).append(" | ").append(cell(r.clean())).append(" | ")
                        .append(cell(r.attacked())).append(" | ").append(cell(r.defended())).append(" | ")
                        .append(cell(r.cleanDefended())).append(" | ")
                        .append(fmt(r.mean(t -> t.clean().hitRate()))).append(" → ")
                        .append(fmt(r.mean(t -> t.attacked().hitRate()))).append(" → ")
                        .append(fmt(r.mean(t -> t.defended().hitRate()))).append(" | ")
                        .append(fmt1(r.mean(t -> t.clean().meanRank()))).append(" → ")
                        .append(fmt1(r.mean(t -> t.attacked().meanRank()))).append(" → ")
                        .append(fmt1(r.mean(t -> t.defended().meanRank()))).append(" | ")
                        .append(fmt(r.mean(AttackEvaluation.TargetRow::precision))).append(" | ")
                        .append(fmt(r.mean(AttackEvaluation.TargetRow::recall))).append(" | ")
                        .append(r.falsePositivesOnClean()).append(" |\n");
            }
            b.append("\nAccuracy change (clean minus attacked / defended, paired over the same users):\n\n"
                    + "| model | drop under attack [bootstrap 95% CI] | t-test p | drop with defence [95% CI] | p |\n"
                    + "|---|---|---|---|---|\n");
            for (AttackEvaluation.Report r : attacks) {
                b.append("| ").append(r.model()).append(" | ").append(drop(r.attackDrop())).append(" | ")
                        .append(p(r.attackDrop().tP())).append(" | ").append(drop(r.defendedDrop())).append(" | ")
                        .append(p(r.defendedDrop().tP())).append(" |\n");
            }
            for (AttackEvaluation.Report r : attacks) {
                b.append("\n### ").append(r.model()).append(": per target\n\n| target | training users | fakes |"
                        + " HR clean | HR attacked | HR defended | rank clean | rank attacked | rank defended |"
                        + " flagged | precision | recall |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
                for (AttackEvaluation.TargetRow t : r.targets()) {
                    b.append("| ").append(t.item()).append(" | ").append(t.trainUsers()).append(" | ")
                            .append(t.fakes()).append(" | ").append(fmt(t.clean().hitRate())).append(" | ")
                            .append(fmt(t.attacked().hitRate())).append(" | ").append(fmt(t.defended().hitRate()))
                            .append(" | ").append(fmt1(t.clean().meanRank())).append(" | ")
                            .append(fmt1(t.attacked().meanRank())).append(" | ").append(fmt1(t.defended().meanRank()))
                            .append(" | ").append(t.flagged()).append(" | ").append(fmt(t.precision())).append(" | ")
                            .append(fmt(t.recall())).append(" |\n");
                }
            }
        }
        if (!noise.isEmpty()) {
            b.append("\n## Random-click noise\n\nEach real user gets rate × (their training events) extra events on"
                    + " uniformly random items.\n\n| model | rate | NDCG clean | NDCG noisy | drop [bootstrap 95% CI] |"
                    + " t-test p |\n|---|---|---|---|---|---|\n");
            for (NoiseResult n : noise) {
                for (int i = 0; i < n.rates().length; i++) {
                    PairedComparison c = n.drops().get(i);
                    b.append("| ").append(n.model()).append(" | ").append(n.rates()[i]).append(" | ")
                            .append(fmt(c.meanA())).append(" | ").append(fmt(c.meanB())).append(" | ").append(drop(c))
                            .append(" | ").append(p(c.tP())).append(" |\n");
                }
            }
        }
        return b.toString();
    }

    private static String drop(PairedComparison c) {
        return String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", c.meanDiff(), c.bootLow(), c.bootHigh());
    }

    private static String cell(MeanCi s) {
        return fmt(s.mean()) + " ± " + fmt(s.halfWidth());
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String fmt1(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String p(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return v < 1e-4 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
