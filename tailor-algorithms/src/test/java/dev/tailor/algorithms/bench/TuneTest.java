// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.TrainerSpec;
import dev.tailor.core.testing.SharedData;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Opt-in ({@code -Dtailor.bench=true}): tunes a model on the validation item by coordinate descent over a
 * small grid per parameter (each pass tries every value of one parameter with the others fixed, keeps the
 * best NDCG@10), then reports the chosen configuration's test metrics. {@code -Dtailor.tune.model} picks
 * item-knn (default) or user-knn; {@code -Dtailor.tune.fixed="recency=1"} pins parameters out of the search,
 * {@code -Dtailor.tune.start="sim=asymmetric,alpha=0.9"} sets the starting point.
 */
class TuneTest {
    private static final Map<String, Map<String, List<String>>> GRIDS = Map.of(
            "item-knn", grid(
                    "sim", "cosine,jaccard,asymmetric",
                    "alpha", "0.1,0.3,0.5,0.7,0.9",
                    "k", "20,50,100,200,500,1000,2000",
                    "shrink", "0,1,3,10,30,100,300,1000,3000,10000",
                    "weighting", "none,tfidf,bm25",
                    "normalize", "false,true",
                    "exponent", "0.5,1,1.5,2,3",
                    "recency", "1,0.9,0.8,0.7,0.6,0.5,0.4,0.3"),
            "user-knn", grid(
                    "sim", "cosine,jaccard,asymmetric",
                    "alpha", "0.1,0.3,0.5,0.7,0.9",
                    "k", "20,50,100,200,500,1000",
                    "shrink", "0,1,3,10,30,100",
                    "weighting", "none,tfidf,bm25"));

    private static Map<String, List<String>> grid(String... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], List.of(pairs[i + 1].split(",")));
        }
        return m;
    }

    @Test
    void coordinateDescentOnValidation() {
        assumeTrue(Boolean.getBoolean("tailor.bench"), "tuning runs only with -Dtailor.bench=true");
        String model = System.getProperty("tailor.tune.model", "item-knn");
        int threads = Integer.getInteger("tailor.bench.threads", 2);
        int passes = Integer.getInteger("tailor.tune.passes", 2);
        Map<String, String> fixed = new LinkedHashMap<>();
        String fixedSpec = System.getProperty("tailor.tune.fixed", "");
        for (String kv : fixedSpec.split(",")) {
            if (kv.contains("=")) {
                fixed.put(kv.substring(0, kv.indexOf('=')).trim(), kv.substring(kv.indexOf('=') + 1).trim());
            }
        }
        Map<String, List<String>> grid = new LinkedHashMap<>(GRIDS.get(model));
        fixed.keySet().forEach(grid::remove);
        for (String name : System.getProperty("tailor.bench.data", "Beauty,Sports_and_Outdoors").split(",")) {
            S3Rec data = S3Rec.load(SharedData.require("amazon-s3rec").resolve(name.trim() + ".txt"));
            LeaveOneOut.Split valid = LeaveOneOut.split(data, 2);
            Map<String, String> current = new LinkedHashMap<>(fixed);
            for (String kv : System.getProperty("tailor.tune.start", "").split(",")) {
                if (kv.contains("=")) {
                    current.put(kv.substring(0, kv.indexOf('=')).trim(), kv.substring(kv.indexOf('=') + 1).trim());
                }
            }
            grid.forEach((p, values) -> current.putIfAbsent(p,
                    Algorithms.standard().info(model).params().stream().filter(x -> x.name().equals(p))
                            .findFirst().orElseThrow().defaultValue()));
            Map<String, Double> cache = new HashMap<>();
            double best = score(model, current, valid, threads, cache);
            System.out.printf("%n== tuning %s on %s, start %.4f%n", model, data.name(), best);
            for (int pass = 0; pass < passes; pass++) {
                for (Map.Entry<String, List<String>> e : grid.entrySet()) {
                    if (e.getKey().equals("alpha") && !"asymmetric".equals(current.get("sim"))) {
                        continue; // alpha only shapes the asymmetric cosine
                    }
                    String keep = current.get(e.getKey());
                    for (String v : e.getValue()) {
                        current.put(e.getKey(), v);
                        double s = score(model, current, valid, threads, cache);
                        if (s > best + 1e-6) {
                            best = s;
                            keep = v;
                            System.out.printf("  %-70s valid NDCG@10 %.4f%n", spec(model, current), s);
                        }
                    }
                    current.put(e.getKey(), keep);
                }
            }
            TrainerSpec chosen = Algorithms.parse(spec(model, current));
            LeaveOneOut.Split test = LeaveOneOut.split(data, 1);
            long t0 = System.nanoTime();
            var m = chosen.train(test.train());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            LeaveOneOut.Metrics v = LeaveOneOut.evaluate(chosen.train(valid.train()), valid, threads);
            LeaveOneOut.Metrics t = LeaveOneOut.evaluate(m, test, threads);
            System.out.printf("chosen %s (%d configurations tried, train %d ms)%n  valid %s%n  test  %s%n",
                    chosen.label(), cache.size(), ms, v, t);
            assertThat(t.users()).isEqualTo(data.users().size());
        }
    }

    private static String spec(String model, Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", model + ":", ""));
    }

    private static double score(String model, Map<String, String> params, LeaveOneOut.Split valid, int threads,
            Map<String, Double> cache) {
        String spec = spec(model, params);
        return cache.computeIfAbsent(spec, s -> LeaveOneOut.evaluate(Algorithms.parse(s).train(valid.train()),
                valid, threads).ndcg10());
    }
}
