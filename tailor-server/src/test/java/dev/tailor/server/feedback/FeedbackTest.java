// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.domain.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackTest {
    @Test
    void theLedgerRemembersTheLastResponsesAndForgetsOlderOnes() {
        RequestLedger l = new RequestLedger(3);
        String a = l.newId();
        String b = l.newId();
        assertThat(a).isNotEqualTo(b).matches("r[0-9a-f]{6}-0");
        l.record(a, "home", "v1", new int[] {7, 8}, List.of("item-knn", "segment-pop"));
        assertThat(l.find(a).orElseThrow().sourceOf(8)).contains("segment-pop");
        assertThat(l.find(a).orElseThrow().sourceOf(9)).isEmpty();
        for (int i = 0; i < 3; i++) {
            String id = l.newId();
            l.record(id, "similar", "v1", new int[0], List.of());
        }
        assertThat(l.find(a)).isEmpty();
        assertThat(l.find("someone-else-7")).isEmpty();
        assertThat(l.find(null)).isEmpty();
        assertThat(l.find(a.substring(0, 8) + "zzzzzzzzzzzzzzzzzz")).isEmpty();
    }

    @Test
    void clicksAndConversionsAreCreditedToTheSourceThatProposedTheItem() {
        RequestLedger l = new RequestLedger(10);
        OnlineMetrics m = new OnlineMetrics(l);
        String id = l.newId();
        l.record(id, "home", "v3", new int[] {1, 2, 3}, List.of("item-knn", "item-knn", "trending"));
        m.served("home", "v3", List.of("item-knn", "item-knn", "trending"));
        m.feedback(EventType.IMPRESSION, id, 1, null);
        m.feedback(EventType.IMPRESSION, id, 2, null);
        m.feedback(EventType.IMPRESSION, id, 3, null);
        m.feedback(EventType.CLICK, id, 1, null);
        m.feedback(EventType.PURCHASE, id, 1, null);
        m.feedback(EventType.VIEW, id, 1, null);
        m.feedback(EventType.CLICK, null, 1, "home");
        m.feedback(EventType.CLICK, "unknown-id", 5, "search");
        List<OnlineMetrics.Row> rows = m.bySource();
        assertThat(rows).containsExactly(
                new OnlineMetrics.Row("home", "item-knn", 2, 2, 1, 1),
                new OnlineMetrics.Row("home", "trending", 1, 1, 0, 0),
                new OnlineMetrics.Row("search", OnlineMetrics.UNATTRIBUTED, 0, 0, 1, 0));
        assertThat(rows.get(0).ctr()).isEqualTo(0.5);
        assertThat(rows.get(0).conversionRate()).isEqualTo(1.0);
        assertThat(new OnlineMetrics.Row("s", "m", 4, 0, 1, 0).ctr()).isEqualTo(0.25);
        assertThat(new OnlineMetrics.Row("s", "m", 0, 0, 0, 0).ctr()).isZero();
        assertThat(m.byModelSet()).contains(new OnlineMetrics.Row("home", "v3", 3, 3, 1, 1));
    }
}
