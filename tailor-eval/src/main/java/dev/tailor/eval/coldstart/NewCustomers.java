// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.coldstart;

import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import dev.tailor.eval.split.Split;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * New-customer protocol: a seeded random share of the customers with more than {@code known} events is treated
 * as new: only their first {@code known} events (time order) are in training, and their next event is the test
 * target (or all remaining events with {@code allRemaining}); with the next event as target, their later events
 * are dropped, so nothing they did after it leaks into training. Everyone else trains in full. Ranking is over all
 * items with the customer's known items masked, as in leave-one-out; models see the {@code known} events as
 * history, so the protocol measures how well a model uses one to three interactions.
 *
 * @param fraction share of eligible customers made new, in (0, 1]
 * @param known events each new customer keeps in training (at least 1)
 * @param allRemaining test on every later event instead of the next one only
 * @param seed the random choice
 */
public record NewCustomers(double fraction, int known, boolean allRemaining, long seed) {
    public NewCustomers {
        if (!(fraction > 0 && fraction <= 1)) {
            throw ValidationException.of("fraction", "expected a share of customers in (0, 1], got " + fraction);
        }
        if (known < 1) {
            throw ValidationException.of("known", "expected at least 1 known interaction, got " + known);
        }
    }

    public Split split(Snapshot data) {
        Interactions in = data.interactions();
        byte[] part = new byte[in.size()];
        SplittableRandom r = new SplittableRandom(seed);
        int chosen = 0;
        for (int u = 0; u < in.numUsers(); u++) {
            if (in.count(u) > known && r.nextDouble() < fraction) {
                chosen++;
                int cut = in.start(u) + known;
                int end = allRemaining ? in.end(u) : cut + 1;
                for (int k = cut; k < in.end(u); k++) {
                    part[k] = k < end ? (byte) 1 : (byte) 2;
                }
            }
        }
        if (chosen == 0) {
            throw ValidationException.of("known", "no customer has more than " + known + " events to test on");
        }
        String base = data.name();
        Snapshot train = data.withInteractions(base + "#train", in.filter((u, k) -> part[k] == 0));
        Snapshot test = data.withInteractions(base + "#test", in.filter((u, k) -> part[k] == 1));
        return new Split(train, Optional.empty(), test, spec());
    }

    public String spec() {
        return String.format(Locale.ROOT, "new-customers:fraction=%s,known=%d,target=%s,seed=%d", fraction, known,
                allRemaining ? "rest" : "next", seed);
    }
}
