// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.rules;

import dev.tailor.server.pipeline.Rule;
import java.util.Set;

/** A rule limited to some scenes (all when the set is empty). */
abstract class ScopedRule implements Rule {
    private final Set<String> scenes;

    ScopedRule(Set<String> scenes) {
        this.scenes = Set.copyOf(scenes);
    }

    @Override
    public boolean appliesTo(String scene) {
        return scenes.isEmpty() || scenes.contains(scene);
    }

    String scope() {
        return scenes.isEmpty() ? "" : " in " + String.join(", ", new java.util.TreeSet<>(scenes));
    }
}
