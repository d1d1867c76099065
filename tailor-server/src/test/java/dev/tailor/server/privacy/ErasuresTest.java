// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.server.model.ModelSet;
import org.junit.jupiter.api.Test;

class ErasuresTest {
    @Test
    void hidesFromSetsUpToTheLatestTrainingBegunAndForgetsOnceALaterOneServes() {
        Erasures e = new Erasures();
        e.record("p", 3);
        assertThat(e.hides("p", ModelSet.empty(2, 0))).isTrue();
        assertThat(e.hides("p", ModelSet.empty(3, 0))).as("training 3 may have read the store before").isTrue();
        assertThat(e.hides("other", ModelSet.empty(3, 0))).isFalse();
        assertThat(e.hides("p", ModelSet.empty(4, 0))).isFalse();
        assertThat(e.size()).isZero();
    }

    @Test
    void aSecondErasureExtendsTheWindow() {
        Erasures e = new Erasures();
        e.record("p", 5);
        e.record("p", 2);
        assertThat(e.hides("p", ModelSet.empty(4, 0))).isTrue();
    }
}
