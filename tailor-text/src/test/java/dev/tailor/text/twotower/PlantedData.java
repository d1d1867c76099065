// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.twotower;

import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A shop with a planted pattern: items fall into {@code groups} groups, customers buy within one group, and the
 * "text" vectors carry the group only as a weak signal in the first {@code groups} dimensions under much stronger
 * noise, so frozen similarity barely sees it while an adapter can learn to amplify it. The last {@code cold}
 * items of each group never appear in any interaction.
 */
final class PlantedData {
    final int groups;
    final int perGroup;
    final int cold;
    final int dim;
    final Snapshot snapshot;
    final ItemVectors vectors;
    final int[] groupOf;

    PlantedData(int groups, int perGroup, int cold, int dim, int users, int length, double signal, long seed) {
        this.groups = groups;
        this.perGroup = perGroup;
        this.cold = cold;
        this.dim = dim;
        SplittableRandom r = new SplittableRandom(seed);
        SnapshotBuilder b = new SnapshotBuilder("planted");
        int n = groups * perGroup;
        groupOf = new int[n];
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            groupOf[i] = i / perGroup;
            items.add(Item.builder(itemId(i), "item " + i).build());
        }
        b.upsertItems(items);
        long t = 0;
        for (int u = 0; u < users; u++) {
            int g = r.nextInt(groups);
            for (int k = 0; k < length; k++) {
                int i = g * perGroup + r.nextInt(perGroup - cold);
                b.addEvent("u" + u, itemId(i), EventType.PURCHASE.ordinal(), 1f, t++);
            }
        }
        snapshot = b.build();
        float[] x = new float[n * dim];
        for (int i = 0; i < n; i++) {
            int item = snapshot.items().indexOf(itemId(i));
            for (int j = groups; j < dim; j++) {
                x[item * dim + j] = (float) Adapter.gaussian(r);
            }
            x[item * dim + groupOf[i]] += (float) signal;
            Adapter.normalize(x, item * dim, dim);
        }
        int[] byIndex = new int[n];
        for (int i = 0; i < n; i++) {
            byIndex[snapshot.items().indexOf(itemId(i))] = groupOf[i];
        }
        System.arraycopy(byIndex, 0, groupOf, 0, n);
        vectors = new ItemVectors("planted", n, dim, x);
    }

    static String itemId(int i) {
        return "i" + i;
    }

    boolean isCold(int item) {
        int i = Integer.parseInt(snapshot.items().id(item).substring(1));
        return i % perGroup >= perGroup - cold;
    }
}
