// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.bench;

import dev.tailor.algorithms.als.AlsConfig;
import dev.tailor.algorithms.als.AlsFactors;
import dev.tailor.algorithms.als.AlsTrainer;
import dev.tailor.algorithms.ease.EaseConfig;
import dev.tailor.algorithms.ease.EaseTrainer;
import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.EventWeights;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Timing runs on synthetic power-law matrices. Usage (from the repository root, after test-compile):
 * <pre>
 *   java -cp CLASSPATH dev.tailor.algorithms.bench.FactorBench als USERS ITEMS NNZ RANK ITERATIONS [THREADS [LOWRANK]]
 *   java -cp CLASSPATH dev.tailor.algorithms.bench.FactorBench ease USERS ITEMS NNZ LAMBDA [THREADS]
 * </pre>
 */
public final class FactorBench {
    private FactorBench() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        int users = Integer.parseInt(args[1]);
        int items = Integer.parseInt(args[2]);
        long nnz = Long.parseLong(args[3]);
        long t = System.nanoTime();
        CsrMatrix m = SyntheticMatrix.powerLaw(users, items, nnz, 1.0, 1);
        System.out.printf(Locale.ROOT, "matrix %s generated in %.1f s%n", m, (System.nanoTime() - t) / 1e9);
        switch (mode) {
            case "als" -> als(m, Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    args.length > 6 ? Integer.parseInt(args[6]) : 0,
                    args.length > 7 ? Integer.parseInt(args[7]) : AlsConfig.DEFAULT_LOW_RANK);
            case "ease" -> ease(m, Double.parseDouble(args[4]), args.length > 5 ? Integer.parseInt(args[5]) : 0);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    private static void als(CsrMatrix m, int rank, int iterations, int threads, int lowRank) {
        AlsConfig c = new AlsConfig(rank, iterations, 0.1, 10, 3, false, lowRank, 1, 1, EventWeights.DEFAULT,
                threads);
        long t = System.nanoTime();
        AlsFactors f = new AlsTrainer(c, e -> System.out.printf(Locale.ROOT, "%s, process cpu %.1f s so far%n", e,
                cpuSeconds())).fit(m);
        double total = (System.nanoTime() - t) / 1e9;
        long[] nanos = f.iterationNanos();
        double later = 0;
        for (int i = 1; i < nanos.length; i++) {
            later += nanos[i] / 1e9;
        }
        System.out.printf(Locale.ROOT, "als rank %d, lowrank %d: %.2f s total, %.2f s/iteration (iterations 2..%d), load %.1f%n",
                rank, lowRank, total, nanos.length > 1 ? later / (nanos.length - 1) : nanos[0] / 1e9, nanos.length,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void ease(CsrMatrix m, double lambda, int threads) {
        long t = System.nanoTime();
        double cpu = cpuSeconds();
        float[] b = new EaseTrainer(new EaseConfig(lambda, EaseConfig.HARD_MAX_ITEMS, 1, EventWeights.DEFAULT,
                threads)).fit(m);
        System.out.printf(Locale.ROOT, "ease %d items: %.2f s wall, %.2f s process cpu (%d weights), load %.1f%n",
                m.cols(), (System.nanoTime() - t) / 1e9, cpuSeconds() - cpu, b.length,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double cpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }
}
