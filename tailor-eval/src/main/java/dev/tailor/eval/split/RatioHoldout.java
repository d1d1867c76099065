// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.split;

import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import java.util.Locale;

/**
 * Per-user holdout by ratio, RecBole's {@code RS} split grouped by user: each user's events are ordered (at
 * random with the seed, RecBole's {@code RO}; or by time, {@code TO}) and cut into consecutive train, validation
 * and test runs. Part sizes follow RecBole's {@code _calcu_split_ids}: every part but train gets
 * floor(ratio * n) events, train the remainder, and a part whose exact share is in (0, 1) is bumped to one event
 * while train keeps more than one. RecBole shuffles the whole table with NumPy before grouping; here each user has
 * a generator derived from the seed, so the distribution matches but the exact draw does not.
 *
 * @param train train share, > 0
 * @param validation validation share, >= 0 (0 = no validation part)
 * @param test test share, > 0
 * @param seed shuffle seed (ignored for time order)
 * @param byTime order each user's events by time instead of at random
 */
public record RatioHoldout(double train, double validation, double test, long seed, boolean byTime)
        implements Splitter {
    public RatioHoldout {
        if (!(train > 0) || !(validation >= 0) || !(test > 0) || !Double.isFinite(train + validation + test)) {
            throw ValidationException.of("ratio", "expected positive train and test shares and a validation share"
                    + " >= 0, got " + train + "/" + validation + "/" + test);
        }
    }

    @Override
    public Split split(Snapshot data) {
        Interactions in = data.interactions();
        byte[] part = new byte[in.size()];
        double sum = train + validation + test;
        double[] ratios = validation > 0 ? new double[] {train / sum, validation / sum, test / sum}
                : new double[] {train / sum, test / sum};
        int[] idx = new int[16];
        for (int u = 0; u < in.numUsers(); u++) {
            int s = in.start(u);
            int n = in.end(u) - s;
            if (n == 0) {
                continue;
            }
            if (idx.length < n) {
                idx = new int[Math.max(n, idx.length * 2)];
            }
            for (int j = 0; j < n; j++) {
                idx[j] = s + j;
            }
            if (!byTime) {
                Shuffle.shuffle(idx, n, Shuffle.userRandom(seed, u));
            }
            int[] cnt = partSizes(n, ratios);
            int j = 0;
            for (int p = 0; p < cnt.length; p++) {
                byte code = p == 0 ? Assignment.TRAIN
                        : p == cnt.length - 1 ? Assignment.TEST : Assignment.VALIDATION;
                for (int c = 0; c < cnt[p]; c++) {
                    part[idx[j++]] = code;
                }
            }
        }
        return Assignment.build(data, part, spec());
    }

    /** RecBole's {@code _calcu_split_ids} as part sizes (package-private for tests). */
    static int[] partSizes(int total, double[] ratios) {
        int[] cnt = new int[ratios.length];
        int rest = 0;
        for (int i = 1; i < ratios.length; i++) {
            cnt[i] = (int) (ratios[i] * total);
            rest += cnt[i];
        }
        cnt[0] = total - rest;
        for (int i = 1; i < ratios.length; i++) {
            if (cnt[0] <= 1) {
                break;
            }
            int last = ratios.length - i;
            double share = ratios[last] * total;
            if (share > 0 && share < 1) {
                cnt[last]++;
                cnt[0]--;
            }
        }
        return cnt;
    }

    @Override
    public String spec() {
        String r = validation > 0 ? fmt(train) + "/" + fmt(validation) + "/" + fmt(test) : fmt(train) + "/" + fmt(test);
        return "holdout:ratio=" + r + ",order=" + (byTime ? "time" : "random") + (byTime ? "" : ",seed=" + seed);
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
