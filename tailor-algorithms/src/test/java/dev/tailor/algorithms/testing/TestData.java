// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.testing;

import dev.tailor.core.data.EventWeights;
import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Item;
import dev.tailor.core.model.UserContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Snapshots whose dense indices equal the numbers used in a test: items are registered first, in order, as
 * "i0", "i1", ...; users as "u0", "u1", ... Events are views one millisecond apart, in the given order.
 */
public final class TestData {
    private TestData() {
    }

    /** {@code rows[u]} = user u's items in time order. */
    public static Snapshot snapshot(int numItems, int[][] rows) {
        return snapshot(numItems, rows, new String[rows.length][]);
    }

    /** Also gives each user segment labels ({@code segments[u]} may be null for none). */
    public static Snapshot snapshot(int numItems, int[][] rows, String[][] segments) {
        SnapshotBuilder b = builder(numItems, rows.length, segments);
        long t = 0;
        for (int u = 0; u < rows.length; u++) {
            for (int item : rows[u]) {
                b.addEvent("u" + u, "i" + item, EventType.VIEW.ordinal(), 1f, t++);
            }
        }
        return b.build();
    }

    /** A builder with the items and users registered, ready for events of any type and time. */
    public static SnapshotBuilder builder(int numItems, int numUsers, String[][] segments) {
        SnapshotBuilder b = new SnapshotBuilder("test");
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < numItems; i++) {
            items.add(new Item("i" + i, "item " + i, null, null, null, null, null, null, true, null, null, null));
        }
        b.upsertItems(items);
        List<Customer> customers = new ArrayList<>();
        for (int u = 0; u < numUsers; u++) {
            List<String> seg = segments == null || segments[u] == null ? List.of() : Arrays.asList(segments[u]);
            customers.add(new Customer("u" + u, null, null, null, null, seg, Map.of()));
        }
        b.upsertCustomers(customers);
        return b;
    }

    /** Random histories: each user gets 0..maxPerUser items, drawn with a popularity skew. */
    public static int[][] randomRows(SplittableRandom random, int users, int items, int maxPerUser) {
        int[][] rows = new int[users][];
        for (int u = 0; u < users; u++) {
            int n = random.nextInt(maxPerUser + 1);
            rows[u] = new int[n];
            for (int j = 0; j < n; j++) {
                // Squaring a uniform draw favours low indices: some items are popular, most are not.
                double x = random.nextDouble();
                rows[u][j] = (int) (x * x * items);
            }
        }
        return rows;
    }

    /** The user's training history as a scoring context, weighted by the default event weights. */
    public static UserContext contextOf(Snapshot s, int user) {
        Interactions in = s.interactions();
        int n = in.count(user);
        int[] items = new int[n];
        float[] weights = new float[n];
        for (int k = 0; k < n; k++) {
            int e = in.start(user) + k;
            items[k] = in.item(e);
            weights[k] = EventWeights.DEFAULT.weight(in.typeOrdinal(e), in.value(e));
        }
        return new UserContext(user, items, weights, s.userFeatures().segments(user));
    }

    /** Scores of every item for a context. */
    public static float[] scores(dev.tailor.core.model.RecommenderModel model, UserContext context) {
        float[] out = new float[model.itemCount()];
        model.scoreAll(context, out);
        return out;
    }
}
