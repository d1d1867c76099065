// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.robustness;

import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.domain.EventType;
import dev.tailor.eval.split.DataFilters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Poisons a training snapshot. Injected events look like the data: rating events when most training events are
 * ratings (rounded to whole stars when every rating is whole, clamped to the observed range), otherwise events of
 * the most common type with value 1. Events the split's filters would have dropped (ratings below
 * {@code rating-min}) are dropped here too, since the shop's own pipeline would drop them.
 */
public final class Poisoning {
    private static final int RATING = EventType.RATING.ordinal();

    private Poisoning() {
    }

    /**
     * A poisoned training part.
     *
     * @param train the training snapshot with the injected events (and fake users after the real ones)
     * @param realUsers users below this index are real, the rest fake
     * @param injected events added
     */
    public record Poisoned(Snapshot train, int realUsers, int injected) {
        public boolean isFake(int user) {
            return user >= realUsers;
        }

        public int fakeUsers() {
            return train.numUsers() - realUsers;
        }
    }

    /**
     * Target items for an attack: distinct, drawn uniformly among rankable items whose training popularity is
     * at least 1 and at most the median (pushing an item nobody knows, or one already on top, tells little).
     */
    public static int[] chooseTargets(Snapshot train, BitSet rankable, int count, long seed) {
        int[] pop = popularity(train);
        int[] pool = new int[rankable.cardinality()];
        int n = 0;
        for (int i = rankable.nextSetBit(0); i >= 0; i = rankable.nextSetBit(i + 1)) {
            pool[n++] = pop[i];
        }
        Arrays.sort(pool, 0, n);
        int median = n == 0 ? 0 : pool[n / 2];
        int m = 0;
        for (int i = rankable.nextSetBit(0); i >= 0; i = rankable.nextSetBit(i + 1)) {
            if (pop[i] >= 1 && pop[i] <= median) {
                pool[m++] = i;
            }
        }
        if (m < count) {
            throw new IllegalArgumentException("only " + m + " items qualify as attack targets, " + count
                    + " requested");
        }
        SplittableRandom r = new SplittableRandom(seed);
        // Partial Fisher-Yates: the first count entries become a uniform sample without replacement.
        for (int j = 0; j < count; j++) {
            int x = j + r.nextInt(m - j);
            int t = pool[j];
            pool[j] = pool[x];
            pool[x] = t;
        }
        return Arrays.copyOf(pool, count);
    }

    /** Fake profiles pushing {@code target} (see {@link AttackSpec}). */
    public static Poisoned shill(Snapshot train, BitSet rankable, int target, AttackSpec spec, DataFilters filters,
            long seed) {
        Interactions in = train.interactions();
        Stats st = Stats.of(in);
        SplittableRandom r = new SplittableRandom(seed);
        int real = train.numUsers();
        int fakes = Math.max(1, (int) Math.round(spec.profiles() * real));
        int[] items = rankableItems(rankable, target);
        int fillerCount = Math.max(1, Math.min(items.length, (int) Math.round(spec.filler() * rankable.cardinality())));
        int[] popular = spec.model() == AttackSpec.Model.BANDWAGON ? mostPopular(train, items, fillerCount / 10)
                : new int[0];
        Events out = new Events(in);
        long time = st.maxTime + 1;
        int[] chosen = new int[fillerCount];
        BitSet taken = new BitSet(train.numItems());
        for (int f = 0; f < fakes; f++) {
            int user = real + f;
            out.add(user, target, st.type, st.rating ? st.max : 1, time++, filters);
            int c = 0;
            for (int p : popular) {
                chosen[c++] = p;
                taken.set(p);
            }
            // Rejection sampling of distinct fillers: fillerCount is a small share of the items.
            while (c < fillerCount) {
                int item = items[r.nextInt(items.length)];
                if (!taken.get(item)) {
                    taken.set(item);
                    chosen[c++] = item;
                }
            }
            for (int j = 0; j < c; j++) {
                int item = chosen[j];
                taken.clear(item);
                float value = 1;
                if (st.rating) {
                    boolean push = j < popular.length;
                    double mean = spec.model() == AttackSpec.Model.AVERAGE ? st.itemMean(item) : st.mean;
                    double sd = spec.model() == AttackSpec.Model.AVERAGE ? st.itemSd(item) : st.sd;
                    value = push ? st.max : st.clamp(mean + sd * r.nextGaussian());
                }
                out.add(user, item, st.type, value, time++, filters);
            }
        }
        List<String> ids = fakeIds(train, fakes);
        Interactions poisoned = out.build(real + fakes, train.numItems());
        return new Poisoned(train.withAddedUsers(train.name() + "+shill", ids, poisoned), real,
                out.size - in.size());
    }

    /**
     * Random-click noise: every real user with {@code c} training events gets round(rate * c) more on items drawn
     * uniformly from the rankable ones, at random times within the user's own span; on rating data each value is
     * one of the user's own ratings, drawn at random, so noise does not shift anybody's rating scale.
     */
    public static Poisoned noise(Snapshot train, BitSet rankable, double rate, DataFilters filters, long seed) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw dev.tailor.core.error.ValidationException.of("noise", "expected a rate > 0 (extra events per"
                    + " training event), got " + rate);
        }
        Interactions in = train.interactions();
        Stats st = Stats.of(in);
        SplittableRandom r = new SplittableRandom(seed);
        int[] items = rankableItems(rankable, -1);
        Events out = new Events(in);
        for (int u = 0; u < train.numUsers(); u++) {
            int c = in.count(u);
            if (c == 0) {
                continue;
            }
            long first = in.time(in.start(u));
            long last = in.time(in.end(u) - 1);
            int extra = (int) Math.round(rate * c);
            for (int e = 0; e < extra; e++) {
                int item = items[r.nextInt(items.length)];
                float value = st.rating ? in.value(in.start(u) + r.nextInt(c)) : 1;
                long t = first + (last > first ? r.nextLong(last - first + 1) : 0);
                out.add(u, item, st.type, value, t, filters);
            }
        }
        Interactions noisy = out.build(train.numUsers(), train.numItems());
        return new Poisoned(train.withInteractions(train.name() + "+noise", noisy), train.numUsers(),
                out.size - in.size());
    }

    /** Training users per item (distinct users). */
    static int[] popularity(Snapshot train) {
        Interactions in = train.interactions();
        int[] pop = new int[train.numItems()];
        int[] last = new int[train.numItems()];
        Arrays.fill(last, -1);
        for (int u = 0; u < train.numUsers(); u++) {
            for (int k = in.start(u); k < in.end(u); k++) {
                int i = in.item(k);
                if (last[i] != u) {
                    last[i] = u;
                    pop[i]++;
                }
            }
        }
        return pop;
    }

    private static int[] rankableItems(BitSet rankable, int except) {
        int[] items = new int[rankable.cardinality()];
        int n = 0;
        for (int i = rankable.nextSetBit(0); i >= 0; i = rankable.nextSetBit(i + 1)) {
            if (i != except) {
                items[n++] = i;
            }
        }
        return Arrays.copyOf(items, n);
    }

    private static int[] mostPopular(Snapshot train, int[] items, int count) {
        int[] pop = popularity(train);
        long[] keyed = new long[items.length];
        for (int j = 0; j < items.length; j++) {
            keyed[j] = ((long) (Integer.MAX_VALUE - pop[items[j]]) << 32) | items[j];
        }
        Arrays.sort(keyed);
        int[] out = new int[Math.min(count, items.length)];
        for (int j = 0; j < out.length; j++) {
            out[j] = (int) keyed[j];
        }
        return out;
    }

    private static List<String> fakeIds(Snapshot train, int count) {
        List<String> ids = new ArrayList<>(count);
        String prefix = "tailor-fake-";
        while (train.users().contains(prefix + 0)) {
            prefix = "_" + prefix;
        }
        for (int f = 0; f < count; f++) {
            ids.add(prefix + f);
        }
        return ids;
    }

    /** Rating statistics of the training events that injected ratings imitate. */
    private static final class Stats {
        boolean rating;
        boolean whole;
        int type;
        float min;
        float max;
        double mean;
        double sd;
        double[] itemSum;
        double[] itemSq;
        int[] itemCount;
        long maxTime = Long.MIN_VALUE;

        static Stats of(Interactions in) {
            Stats s = new Stats();
            int[] typeCount = new int[EventType.values().length];
            for (int k = 0; k < in.size(); k++) {
                typeCount[in.typeOrdinal(k)]++;
                s.maxTime = Math.max(s.maxTime, in.time(k));
            }
            for (int t = 0; t < typeCount.length; t++) {
                if (typeCount[t] > typeCount[s.type]) {
                    s.type = t;
                }
            }
            s.rating = s.type == RATING;
            s.whole = true;
            s.min = Float.POSITIVE_INFINITY;
            s.max = Float.NEGATIVE_INFINITY;
            s.itemSum = new double[in.numItems()];
            s.itemSq = new double[in.numItems()];
            s.itemCount = new int[in.numItems()];
            double sum = 0;
            double sq = 0;
            int n = 0;
            for (int k = 0; k < in.size(); k++) {
                if (in.typeOrdinal(k) != RATING) {
                    continue;
                }
                float v = in.value(k);
                s.whole &= v == Math.rint(v);
                s.min = Math.min(s.min, v);
                s.max = Math.max(s.max, v);
                sum += v;
                sq += (double) v * v;
                n++;
                int i = in.item(k);
                s.itemSum[i] += v;
                s.itemSq[i] += (double) v * v;
                s.itemCount[i]++;
            }
            if (s.maxTime == Long.MIN_VALUE) {
                s.maxTime = 0;
            }
            s.mean = n == 0 ? 1 : sum / n;
            s.sd = n < 2 ? 0 : Math.sqrt(Math.max(0, (sq - sum * sum / n) / (n - 1)));
            if (n == 0) {
                s.rating = false;
            }
            return s;
        }

        double itemMean(int i) {
            return itemCount[i] == 0 ? mean : itemSum[i] / itemCount[i];
        }

        /** The item's rating spread; the global one when fewer than two ratings make it meaningless. */
        double itemSd(int i) {
            int n = itemCount[i];
            if (n < 2) {
                return sd;
            }
            return Math.sqrt(Math.max(0, (itemSq[i] - itemSum[i] * itemSum[i] / n) / (n - 1)));
        }

        float clamp(double v) {
            double x = whole ? Math.rint(v) : v;
            return (float) Math.max(min, Math.min(max, x));
        }
    }

    /** The original events plus injected ones, as growable columns. */
    private static final class Events {
        int size;
        int[] users;
        int[] items;
        byte[] types;
        float[] values;
        long[] times;

        Events(Interactions in) {
            int cap = Math.max(16, in.size() * 2);
            users = new int[cap];
            items = new int[cap];
            types = new byte[cap];
            values = new float[cap];
            times = new long[cap];
            for (int u = 0; u < in.numUsers(); u++) {
                for (int k = in.start(u); k < in.end(u); k++) {
                    put(u, in.item(k), in.typeOrdinal(k), in.value(k), in.time(k));
                }
            }
        }

        void add(int user, int item, int type, float value, long time, DataFilters filters) {
            if (type == RATING && filters.hasRatingThreshold() && !filters.keepNegatives()
                    && value < filters.ratingMin()) {
                return;
            }
            put(user, item, type, value, time);
        }

        private void put(int user, int item, int type, float value, long time) {
            if (size == users.length) {
                int n = size * 2;
                users = Arrays.copyOf(users, n);
                items = Arrays.copyOf(items, n);
                types = Arrays.copyOf(types, n);
                values = Arrays.copyOf(values, n);
                times = Arrays.copyOf(times, n);
            }
            users[size] = user;
            items[size] = item;
            types[size] = (byte) type;
            values[size] = value;
            times[size] = time;
            size++;
        }

        Interactions build(int numUsers, int numItems) {
            return Interactions.sorted(numUsers, numItems, size, users, items, types, values, times);
        }
    }
}
