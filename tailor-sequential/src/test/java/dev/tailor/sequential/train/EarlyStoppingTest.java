// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
    @Test
    void stopsPatienceEpochsAfterTheBestAndRemembersIt() {
        EarlyStopping s = new EarlyStopping(3, true);
        double[] curve = {0.10, 0.30, 0.20, 0.25, 0.29, 0.40};
        boolean[] best = new boolean[curve.length];
        int stoppedAt = 0;
        for (int e = 1; e <= curve.length; e++) {
            best[e - 1] = s.offer(e, curve[e - 1]);
            if (s.shouldStop(e)) {
                stoppedAt = e;
                break;
            }
        }
        // Epoch 2 is best; epochs 3, 4, 5 do not beat it, so the loop stops after epoch 5 (never sees 0.40).
        assertThat(best).containsExactly(true, true, false, false, false, false);
        assertThat(stoppedAt).isEqualTo(5);
        assertThat(s.bestEpoch()).isEqualTo(2);
    }

    @Test
    void aTieKeepsTheLaterEpochAndNanIsNeverBest() {
        EarlyStopping s = new EarlyStopping(2, true);
        assertThat(s.offer(1, 0.5)).isTrue();
        assertThat(s.offer(2, Double.NaN)).isFalse();
        assertThat(s.offer(3, 0.5)).isTrue();
        assertThat(s.bestEpoch()).isEqualTo(3);
        assertThat(s.shouldStop(4)).isFalse();
        assertThat(s.shouldStop(5)).isTrue();
    }

    @Test
    void withoutValidationEveryEpochIsKeptAndNothingStops() {
        EarlyStopping s = new EarlyStopping(1, false);
        for (int e = 1; e <= 10; e++) {
            assertThat(s.offer(e, Double.NaN)).isTrue();
            assertThat(s.shouldStop(e)).isFalse();
        }
        assertThat(s.bestEpoch()).isEqualTo(10);
    }

    @Test
    void patienceBelowOneIsRejected() {
        assertThatThrownBy(() -> new EarlyStopping(0, true)).hasMessageContaining("patience");
    }
}
