// SPDX-License-Identifier: Apache-2.0
package dev.tailor.bench.spark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * One measured phase: wall and process CPU seconds, and the heap's peak while it ran. The peak is the sum of the
 * heap pools' peaks since the phase began (pools peak at different moments, so an upper bound, garbage not yet
 * collected included); the phase starts after a few full collections so that the previous phase's garbage does
 * not count.
 */
final class Measure {
    private final long wall0;
    private final long cpu0;

    private Measure() {
        settle();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        wall0 = System.nanoTime();
        cpu0 = cpuNanos();
    }

    static Measure start() {
        return new Measure();
    }

    /** Reads the clocks and the peak; the phase may go on and be read again. */
    Result read() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new Result((System.nanoTime() - wall0) / 1e9, (cpuNanos() - cpu0) / 1e9, peak / 1048576.0);
    }

    /** Live heap in MB after full collections: what the benchmark retains between phases (data, split). */
    static double liveHeapMb() {
        settle();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
    }

    private static void settle() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** Seconds of wall clock, seconds of CPU of the whole process (all threads, GC included), peak heap MB. */
    record Result(double wall, double cpu, double peakHeapMb) {
    }
}
