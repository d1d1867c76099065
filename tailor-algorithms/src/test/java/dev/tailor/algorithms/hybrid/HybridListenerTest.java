// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.algorithms.content.TinyShop;
import dev.tailor.algorithms.factor.Epoch;
import dev.tailor.algorithms.registry.Algorithms;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hybrids parsed from a spec hold their components as specs; their epochs must still reach the listener. */
class HybridListenerTest {
    @Test
    void parsedHybridsReportTheirIterativeComponentsEpochs() {
        for (String spec : List.of("blend(0.5*als:rank=4,iterations=3,0.5*pop)",
                "switch(pop,bpr:rank=4,epochs=3)")) {
            List<Epoch> seen = new ArrayList<>();
            Algorithms.parse(spec).withListener(seen::add).train(TinyShop.snapshot());
            assertThat(seen).as(spec).extracting(Epoch::epoch).containsExactly(1, 2, 3);
        }
    }
}
