// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.testing;

import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Gender;
import dev.tailor.core.domain.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small seeded snapshots with structure a recommender can learn (two taste groups over two categories). */
public final class Synthetic {
    private Synthetic() {
    }

    /**
     * {@code users} users in two groups; group g mostly buys items of category g (80%), popular ones first.
     * Users carry gender, age and a segment; items a category. Timestamps increase per user.
     */
    public static Snapshot shop(long seed, int users, int items, int eventsPerUser) {
        SplittableRandom r = new SplittableRandom(seed);
        SnapshotBuilder b = new SnapshotBuilder("synthetic-" + seed);
        List<Item> catalog = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            catalog.add(new Item("i" + i, "item " + i, "", List.of(i % 2 == 0 ? "even" : "odd"), null, null, Map.of(),
                    List.of(), true, null, "en", Map.of()));
        }
        b.upsertItems(catalog);
        List<Customer> customers = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            customers.add(new Customer("u" + u, 18 + r.nextInt(50), u % 2 == 0 ? Gender.FEMALE : Gender.MALE, null,
                    null, List.of(u % 2 == 0 ? "evens" : "odds"), Map.of()));
        }
        b.upsertCustomers(customers);
        for (int u = 0; u < users; u++) {
            int n = 3 + r.nextInt(eventsPerUser);
            for (int e = 0; e < n; e++) {
                boolean own = r.nextInt(10) < 8;
                int parity = own ? u % 2 : 1 - u % 2;
                double x = r.nextDouble();
                int item = Math.min(items - 1, 2 * (int) (x * x * (items / 2)) + parity);
                int type = r.nextInt(4) == 0 ? EventType.RATING.ordinal() : EventType.PURCHASE.ordinal();
                b.addEvent("u" + u, "i" + item, type, 1 + r.nextInt(5), (e + 1) * 1000L + r.nextInt(100));
            }
        }
        return b.build();
    }
}
