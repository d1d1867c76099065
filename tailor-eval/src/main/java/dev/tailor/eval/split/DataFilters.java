// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.split;

import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cleaning applied before a split, in RecBole's order: first the rating threshold, then the k-core.
 *
 * <p>Rating threshold: a RATING event with stars &lt; {@code ratingMin} is a negative. With
 * {@code keepNegatives=false} (default, RecBole's {@code val_interval}) negatives are dropped before anything
 * else, so they neither train models nor count for k-core. With {@code keepNegatives=true} they stay in the data
 * (models see them as interactions, weighted by their event weights) but never count as relevant in test: the
 * evaluator only treats positives as hits ({@link #isPositive}). Events of other types are always positive.
 *
 * <p>k-core: users with fewer than {@code minUser} events and items with fewer than {@code minItem} events are
 * removed, repeatedly, until every remaining user and item meets its minimum (a fixpoint: removing an item can
 * push a user under the minimum and vice versa). Counts are events, like RecBole's interaction counts. Removed
 * users and items keep their dense index but have no events left; evaluation ranks only items that still
 * have events.
 *
 * @param minUser minimum events per user, 0 = off
 * @param minItem minimum events per item, 0 = off
 * @param ratingMin stars a rating needs to count as positive; NaN = no threshold
 * @param keepNegatives keep sub-threshold ratings as (non-relevant) interactions instead of dropping them
 */
public record DataFilters(int minUser, int minItem, double ratingMin, boolean keepNegatives) {
    public static final DataFilters NONE = new DataFilters(0, 0, Double.NaN, false);

    public DataFilters {
        if (minUser < 0) {
            throw ValidationException.of("min-user", "expected an integer >= 0, got " + minUser);
        }
        if (minItem < 0) {
            throw ValidationException.of("min-item", "expected an integer >= 0, got " + minItem);
        }
        if (Double.isInfinite(ratingMin)) {
            throw ValidationException.of("rating-min", "expected a finite number, got " + ratingMin);
        }
    }

    public boolean hasRatingThreshold() {
        return !Double.isNaN(ratingMin);
    }

    /** Whether event {@code k} counts as positive feedback under the threshold. */
    public boolean isPositive(Interactions in, int k) {
        return Double.isNaN(ratingMin) || in.typeOrdinal(k) != EventType.RATING.ordinal() || in.value(k) >= ratingMin;
    }

    /** The filtered snapshot (same dictionaries, fewer events). */
    public Snapshot apply(Snapshot data) {
        Snapshot s = data;
        if (hasRatingThreshold() && !keepNegatives) {
            Interactions in = s.interactions();
            s = s.withInteractions(s.name(), in.filter((u, k) -> isPositive(in, k)));
        }
        if (minUser > 0 || minItem > 0) {
            s = s.withInteractions(s.name(), kCore(s.interactions(), minUser, minItem));
        }
        return s;
    }

    /** Iterative k-core on users and items; returns the fixpoint. */
    public static Interactions kCore(Interactions source, int minUser, int minItem) {
        Interactions in = source;
        while (true) {
            int[] userCount = new int[in.numUsers()];
            int[] itemCount = new int[in.numItems()];
            for (int u = 0; u < in.numUsers(); u++) {
                userCount[u] = in.count(u);
                for (int k = in.start(u); k < in.end(u); k++) {
                    itemCount[in.item(k)]++;
                }
            }
            boolean stable = true;
            for (int u = 0; u < in.numUsers() && stable; u++) {
                if (userCount[u] > 0 && userCount[u] < minUser) {
                    stable = false;
                }
            }
            for (int i = 0; i < in.numItems() && stable; i++) {
                if (itemCount[i] > 0 && itemCount[i] < minItem) {
                    stable = false;
                }
            }
            if (stable) {
                return in;
            }
            Interactions cur = in;
            in = cur.filter((u, k) -> userCount[u] >= minUser && itemCount[cur.item(k)] >= minItem);
        }
    }

    /** Spec syntax of the active filters, e.g. {@code min-user=10,min-item=10,rating-min=3}; "" when none. */
    public String spec() {
        List<String> parts = new ArrayList<>();
        if (minUser > 0) {
            parts.add("min-user=" + minUser);
        }
        if (minItem > 0) {
            parts.add("min-item=" + minItem);
        }
        if (hasRatingThreshold()) {
            parts.add("rating-min=" + RatioHoldout.fmt(ratingMin));
            if (keepNegatives) {
                parts.add("negatives=keep");
            }
        }
        return String.join(",", parts);
    }
}
