// SPDX-License-Identifier: Apache-2.0
package dev.tailor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Heap measurements for benchmark phases. */
final class Heap {
    private Heap() {
    }

    /** Collects garbage and starts a new peak window. */
    static void resetPeak() {
        settle();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * Sum of the heap pools' peaks since {@link #resetPeak}: an upper bound of the true peak (pools peak at
     * different moments), and it includes garbage not yet collected. What matters is that it stays bounded.
     */
    static long peakBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** Live heap after a few full collections: what the program actually retains. */
    static long usedAfterGc() {
        settle();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
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

    static double mb(long bytes) {
        return bytes / 1048576.0;
    }
}
