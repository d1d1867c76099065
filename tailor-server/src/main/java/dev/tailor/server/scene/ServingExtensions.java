// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.scene;

import dev.tailor.core.error.ValidationException;
import dev.tailor.server.pipeline.CandidateSource;
import dev.tailor.server.pipeline.Pipeline;
import dev.tailor.server.pipeline.Ranker;
import dev.tailor.server.pipeline.Scenes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Code-level plug-ins for the scenes, for what configuration cannot express: extra candidate sources and a
 * replacement ranker per scene (for the home page they act on the "For you" row). Models from the algorithm
 * registry need no code: list them in the models configuration instead.
 *
 * @param sources extra sources per scene name
 * @param rankers a ranker per scene name, replacing the default
 */
public record ServingExtensions(Map<String, List<Pipeline.Stage>> sources, Map<String, Ranker> rankers) {
    public static final ServingExtensions NONE = new ServingExtensions(Map.of(), Map.of());

    public ServingExtensions {
        for (String scene : sources.keySet()) {
            check(scene);
        }
        for (String scene : rankers.keySet()) {
            check(scene);
        }
        Map<String, List<Pipeline.Stage>> copy = new HashMap<>();
        sources.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        sources = Map.copyOf(copy);
        rankers = Map.copyOf(rankers);
    }

    private static void check(String scene) {
        if (!Scenes.ALL.contains(scene)) {
            throw ValidationException.of("scene", "unknown scene '" + scene + "'; expected one of "
                    + String.join(", ", Scenes.ALL));
        }
    }

    /** A copy with one more source for a scene, taking {@code limit} candidates per item asked for. */
    public ServingExtensions withSource(String scene, CandidateSource source, int limit) {
        Map<String, List<Pipeline.Stage>> m = new HashMap<>(sources);
        List<Pipeline.Stage> list = new java.util.ArrayList<>(m.getOrDefault(scene, List.of()));
        list.add(new Pipeline.Stage(source, limit));
        m.put(scene, list);
        return new ServingExtensions(m, rankers);
    }

    public ServingExtensions withRanker(String scene, Ranker ranker) {
        Map<String, Ranker> m = new HashMap<>(rankers);
        m.put(scene, ranker);
        return new ServingExtensions(sources, m);
    }
}
