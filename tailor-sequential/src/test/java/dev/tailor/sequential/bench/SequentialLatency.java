// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.bench;

import dev.tailor.core.data.EventWeights;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.TopK;
import dev.tailor.core.model.UserContext;
import dev.tailor.sequential.SequentialModels;
import dev.tailor.sequential.model.SequentialModel;
import dev.tailor.sequential.sasrec.SasRecEncoder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Single-request serving latency: one thread, a full-length history (N items) per request, score all items
 * and select the top 100, as the serving path does.
 * <pre>
 *   SequentialLatency MODEL_FILE [requests]          a trained model
 *   SequentialLatency random ITEMS [requests]        randomly initialized SASRec (d 64, 2 blocks, N 50):
 *                                                    latency does not depend on the weights' values
 * </pre>
 */
public final class SequentialLatency {
    private SequentialLatency() {
    }

    public static void main(String[] args) {
        SequentialModel model;
        int argi;
        if (args[0].equals("random")) {
            int items = Integer.parseInt(args[1]);
            SasRecEncoder enc = new SasRecEncoder(items, 64, 50, 2, 1, 0.3f);
            float[] theta = new float[enc.parameterCount()];
            enc.initialize(theta, new SplittableRandom(1));
            model = new SequentialModel(enc, theta, new float[items], true, EventWeights.BINARY,
                    new Provenance("sasrec", Map.of(), 1, "random", Instant.now(), 0), List.of());
            argi = 2;
        } else {
            model = SequentialModels.load(Path.of(args[0]));
            argi = 1;
        }
        int requests = args.length > argi ? Integer.parseInt(args[argi]) : 3000;
        int n = model.itemCount();
        SplittableRandom r = new SplittableRandom(7);
        float[] scores = new float[n];
        long[] nanos = new long[requests];
        long[] cpu = new long[requests];
        // Thread CPU time too: on a shared machine wall-clock tails measure the scheduler, not the model.
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int phase = 0; phase < 2; phase++) {
            for (int q = 0; q < requests; q++) {
                int[] hist = new int[model.maxLength()];
                for (int i = 0; i < hist.length; i++) {
                    hist[i] = r.nextInt(n);
                }
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                model.scoreAll(UserContext.of(-1, hist), scores);
                int[] top = TopK.select(scores, 100, null);
                nanos[q] = System.nanoTime() - t0;
                cpu[q] = mx.getCurrentThreadCpuTime() - c0;
                sink += top[0];
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%s, %d items, N=%d, %d requests after %d warm-up: p50 %.2f ms, p90 %.2f ms,"
                + " p99 %.2f ms, max %.2f ms; thread CPU per request p50 %.2f ms, p99 %.2f ms (checksum %d)%n",
                model.name(), n, model.maxLength(), requests, requests, nanos[requests / 2] / 1e6,
                nanos[requests * 9 / 10] / 1e6, nanos[requests * 99 / 100] / 1e6, nanos[requests - 1] / 1e6,
                cpu[requests / 2] / 1e6, cpu[requests * 99 / 100] / 1e6, sink);
    }
}
