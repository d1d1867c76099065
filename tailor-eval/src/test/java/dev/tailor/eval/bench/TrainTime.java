// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.bench;

import dev.tailor.algorithms.als.AlsTrainer;
import dev.tailor.algorithms.bpr.BprTrainer;
import dev.tailor.algorithms.factor.EpochListener;
import dev.tailor.algorithms.neumf.NeuMfTrainer;
import dev.tailor.algorithms.pmf.PmfTrainer;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.TrainerSpec;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.model.Trainer;
import dev.tailor.io.importer.Datasets;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Training time of model specs on a whole dataset, with per-epoch progress for the iterative trainers. Prints
 * wall time and the process's CPU time (on a shared machine the CPU time is the steadier number).
 * <pre>
 *   TrainTime DATASET SPEC...
 * </pre>
 */
public final class TrainTime {
    private TrainTime() {
    }

    public static void main(String[] args) {
        Snapshot data = Datasets.load(args[0]);
        System.out.println(data);
        EpochListener print = e -> System.out.printf(Locale.ROOT, "  %s (cpu %.1f s so far)%n", e, cpuSeconds());
        for (int a = 1; a < args.length; a++) {
            TrainerSpec spec = Algorithms.parse(args[a]);
            Trainer<?> trainer = spec.trainer();
            if (trainer instanceof AlsTrainer als) {
                trainer = als.withListener(print);
            } else if (trainer instanceof BprTrainer bpr) {
                trainer = bpr.withListener(print);
            } else if (trainer instanceof PmfTrainer pmf) {
                trainer = pmf.withListener(print);
            } else if (trainer instanceof NeuMfTrainer neumf) {
                trainer = neumf.withListener(print);
            }
            double cpu0 = cpuSeconds();
            long t = System.nanoTime();
            trainer.train(data);
            System.out.printf(Locale.ROOT, "%s: %.2f s wall, %.2f s cpu, %d processors, load %.1f%n", spec.label(),
                    (System.nanoTime() - t) / 1e9, cpuSeconds() - cpu0, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static double cpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }
}
