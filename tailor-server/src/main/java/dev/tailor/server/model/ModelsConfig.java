// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.model;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the server trains into each model set. Specs use the algorithm registry's syntax
 * ({@code name:param=value,...}).
 *
 * @param similar item-to-item model behind "similar" and "because you viewed": must be item-knn
 * @param boughtTogether item-to-item model over purchases behind "bought together": must be item-knn
 * @param popular global popularity: must be pop
 * @param segments popularity per customer segment: must be segment-pop
 * @param trending time-decayed popularity: must be trending
 * @param trendingWindow how far back "trending for a segment" looks, before the latest event
 * @param historyLength preference events kept per customer from the snapshot (the live ones come on top)
 * @param listLength entries kept in each precomputed popular / trending / promotion list
 * @param extraModels any registry models (e.g. ALS once registered) served as additional candidate sources
 */
public record ModelsConfig(String similar, String boughtTogether, String popular, String segments, String trending,
        Duration trendingWindow, int historyLength, int listLength, List<String> extraModels) {

    public static final String DEFAULT_SIMILAR = "item-knn:k=50,sim=cosine,shrink=10";
    public static final String DEFAULT_BOUGHT_TOGETHER =
            "item-knn:k=30,sim=asymmetric,alpha=0.7,shrink=5,events=purchase:1;add-to-cart:0.5";

    public ModelsConfig {
        Objects.requireNonNull(similar, "similar");
        Objects.requireNonNull(boughtTogether, "boughtTogether");
        Objects.requireNonNull(popular, "popular");
        Objects.requireNonNull(segments, "segments");
        Objects.requireNonNull(trending, "trending");
        Objects.requireNonNull(trendingWindow, "trendingWindow");
        extraModels = List.copyOf(extraModels);
        List<Problem> problems = new ArrayList<>();
        if (trendingWindow.isNegative() || trendingWindow.isZero()) {
            problems.add(Problem.of("models.trending_window", "must be positive, was " + trendingWindow));
        }
        if (historyLength < 1 || historyLength > 1_000) {
            problems.add(Problem.of("models.history_length", "expected 1..1000, was " + historyLength));
        }
        if (listLength < 10 || listLength > 100_000) {
            problems.add(Problem.of("models.list_length", "expected 10..100000, was " + listLength));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    public static ModelsConfig defaults() {
        return new ModelsConfig(DEFAULT_SIMILAR, DEFAULT_BOUGHT_TOGETHER, "pop", "segment-pop",
                "trending:half-life=7d", Duration.ofDays(14), 50, 1_000, List.of());
    }

    public ModelsConfig withExtraModels(List<String> specs) {
        return new ModelsConfig(similar, boughtTogether, popular, segments, trending, trendingWindow, historyLength,
                listLength, specs);
    }
}
