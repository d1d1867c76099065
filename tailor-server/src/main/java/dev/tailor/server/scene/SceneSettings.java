// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.scene;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.server.pipeline.Scenes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scene defaults.
 *
 * @param defaultK items per list when the request does not say
 * @param maxK the largest k a request may ask for
 * @param diversity default diversity strength per scene name, in [0, 1]
 * @param searchCandidates text hits re-ranked per search request
 */
public record SceneSettings(int defaultK, int maxK, Map<String, Float> diversity, int searchCandidates) {
    public SceneSettings {
        List<Problem> problems = new ArrayList<>();
        if (maxK < 1 || maxK > 1_000) {
            problems.add(Problem.of("scenes.max_k", "expected 1..1000, was " + maxK));
        }
        if (defaultK < 1 || defaultK > maxK) {
            problems.add(Problem.of("scenes.default_k", "expected 1..max_k (" + maxK + "), was " + defaultK));
        }
        if (searchCandidates < 10 || searchCandidates > 10_000) {
            problems.add(Problem.of("scenes.search_candidates", "expected 10..10000, was " + searchCandidates));
        }
        Map<String, Float> d = new HashMap<>(DEFAULT_DIVERSITY);
        diversity.forEach((scene, v) -> {
            if (!Scenes.ALL.contains(scene)) {
                problems.add(Problem.of("scenes.diversity." + scene, "unknown scene; expected one of "
                        + String.join(", ", Scenes.ALL)));
            } else if (v == null || !(v >= 0f && v <= 1f)) {
                problems.add(Problem.of("scenes.diversity." + scene, "expected a number in [0, 1], was " + v));
            } else {
                d.put(scene, v);
            }
        });
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        diversity = Map.copyOf(d);
    }

    private static final Map<String, Float> DEFAULT_DIVERSITY = Map.of(Scenes.HOME, 0.3f, Scenes.SIMILAR, 0.1f,
            Scenes.BOUGHT_TOGETHER, 0.2f, Scenes.SEARCH, 0f, Scenes.PROMOTIONS, 0.2f);

    public static SceneSettings defaults() {
        return new SceneSettings(10, 100, Map.of(), 200);
    }

    public float diversity(String scene) {
        return diversity.getOrDefault(scene, 0f);
    }
}
