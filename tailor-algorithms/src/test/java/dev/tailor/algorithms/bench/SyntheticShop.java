// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.bench;

import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.EventType;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A shop-shaped event log for timing at scale (not for quality): items in categories with Zipf popularity
 * inside each category and across categories, users with a heavy-tailed number of events (a few power users,
 * many one-visit customers), 80% of each user's events in two favourite categories, views/carts/purchases in
 * a 80/12/8 mix. Deterministic for a seed. Stands in for the sample-shop generator of the shop branch.
 */
final class SyntheticShop {
    private SyntheticShop() {
    }

    static Snapshot generate(long seed, int users, int items, long events, int categories) {
        SplittableRandom random = new SplittableRandom(seed);
        int perCategory = items / categories;
        double[] categoryCdf = zipfCdf(categories, 1.0);
        double[] itemCdf = zipfCdf(perCategory, 1.1);
        // Activity ~ lognormal with the requested mean, capped so that no user dominates the quadratic cost.
        double sigma = 1.2;
        double mu = Math.log((double) events / users) - sigma * sigma / 2;
        String[] userIds = new String[users];
        for (int u = 0; u < users; u++) {
            userIds[u] = "u" + u;
        }
        String[] itemIds = new String[items];
        for (int i = 0; i < items; i++) {
            itemIds[i] = "i" + i;
        }
        SnapshotBuilder b = new SnapshotBuilder("synthetic-" + users + "x" + items);
        long t = 1_700_000_000_000L;
        long added = 0;
        for (int u = 0; u < users && added < events; u++) {
            int n = (int) Math.min(2000, Math.max(1, Math.round(Math.exp(mu + sigma * random.nextGaussian()))));
            int fav1 = sample(categoryCdf, random);
            int fav2 = sample(categoryCdf, random);
            for (int e = 0; e < n && added < events; e++) {
                double r = random.nextDouble();
                int category = r < 0.5 ? fav1 : r < 0.8 ? fav2 : sample(categoryCdf, random);
                int item = category * perCategory + sample(itemCdf, random);
                double kind = random.nextDouble();
                int type = kind < 0.8 ? EventType.VIEW.ordinal()
                        : kind < 0.92 ? EventType.ADD_TO_CART.ordinal() : EventType.PURCHASE.ordinal();
                b.addEvent(userIds[u], itemIds[item], type, 1f, t);
                t += 1 + random.nextInt(60_000);
                added++;
            }
        }
        return b.build();
    }

    private static double[] zipfCdf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, s);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private static int sample(double[] cdf, SplittableRandom random) {
        int i = Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }
}
