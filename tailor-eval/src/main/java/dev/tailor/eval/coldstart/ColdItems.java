// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.coldstart;

import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import dev.tailor.eval.harness.EvalData;
import dev.tailor.eval.split.Split;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * New-item protocol: a share of the items that have events is held out of training entirely (every one of their
 * events removed), as if they had just been listed; the test part is exactly those events, so the test customers
 * are the customers who interacted with a new item, their relevant items are the new items they interacted with,
 * and their history is everything else they did (all of it in training).
 *
 * <p>Which items: a seeded random subset ({@code byTime = false}, for data without real timestamps such as the
 * UniSRec Amazon files), or the items whose first event is latest ({@code byTime = true}; ties by index).
 *
 * <p>Ranking: {@link Ranking#NEW_ITEMS} ranks among the held-out items only (the usual cold-start set-up: the
 * question is which new item, not whether a new item beats the catalog's best sellers; popularity and
 * co-occurrence models have nothing to go on there by construction). {@link Ranking#ALL_ITEMS} ranks among all
 * items with the customer's training items masked, a much harder task since warm items compete.
 *
 * @param fraction share of items (with events) held out, in (0, 1)
 * @param seed the random choice
 * @param byTime hold out the newest items by first interaction instead of a random subset
 * @param ranking which items compete at test time
 */
public record ColdItems(double fraction, long seed, boolean byTime, Ranking ranking) {
    /** Which items are ranked at test time. */
    public enum Ranking {
        NEW_ITEMS,
        ALL_ITEMS
    }

    public ColdItems {
        if (!(fraction > 0 && fraction < 1)) {
            throw ValidationException.of("fraction", "expected a share of items in (0, 1), got " + fraction);
        }
        if (ranking == null) {
            throw ValidationException.of("ranking", "expected NEW_ITEMS or ALL_ITEMS");
        }
    }

    /** A split and the held-out items. */
    public record ColdSplit(Split split, BitSet coldItems) {
        public ColdSplit {
            coldItems = (BitSet) coldItems.clone();
        }

        @Override
        public BitSet coldItems() {
            return (BitSet) coldItems.clone();
        }

        public int coldCount() {
            return coldItems.cardinality();
        }
    }

    public ColdSplit split(Snapshot data) {
        Interactions in = data.interactions();
        int ni = data.numItems();
        long[] first = new long[ni];
        Arrays.fill(first, Long.MAX_VALUE);
        for (int k = 0; k < in.size(); k++) {
            int i = in.item(k);
            first[i] = Math.min(first[i], in.time(k));
        }
        int[] active = new int[ni];
        int n = 0;
        for (int i = 0; i < ni; i++) {
            if (first[i] != Long.MAX_VALUE) {
                active[n++] = i;
            }
        }
        int take = (int) Math.round(fraction * n);
        if (take < 1 || take >= n) {
            throw ValidationException.of("fraction", "holding out " + fraction + " of " + n
                    + " items with events leaves no new or no known items");
        }
        BitSet cold = new BitSet(ni);
        if (byTime) {
            long[] keys = new long[n];
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
                keys[j] = first[active[j]];
            }
            Arrays.sort(order, (a, b) -> keys[a] != keys[b] ? Long.compare(keys[b], keys[a])
                    : Integer.compare(active[a], active[b]));
            for (int j = 0; j < take; j++) {
                cold.set(active[order[j]]);
            }
        } else {
            SplittableRandom r = new SplittableRandom(seed);
            for (int j = n - 1; j > 0; j--) {
                int s = r.nextInt(j + 1);
                int t = active[j];
                active[j] = active[s];
                active[s] = t;
            }
            for (int j = 0; j < take; j++) {
                cold.set(active[j]);
            }
        }
        String base = data.name();
        Snapshot train = data.withInteractions(base + "#train", in.filter((u, k) -> !cold.get(in.item(k))));
        Snapshot test = data.withInteractions(base + "#test", in.filter((u, k) -> cold.get(in.item(k))));
        return new ColdSplit(new Split(train, Optional.empty(), test, spec()), cold);
    }

    /**
     * The evaluation of this protocol on a split it made: ranking restricted to the new items for
     * {@link Ranking#NEW_ITEMS}.
     */
    public EvalData restrict(EvalData data, ColdSplit split) {
        return ranking == Ranking.NEW_ITEMS ? data.restrictTo(split.coldItems()) : data;
    }

    public String spec() {
        return String.format(Locale.ROOT, "cold-items:fraction=%s,seed=%d,order=%s,rank=%s", fraction, seed,
                byTime ? "time" : "random", ranking == Ranking.NEW_ITEMS ? "new" : "all");
    }
}
