// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.split;

import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * A global temporal split: one cut time for everyone, events at or after it are test, earlier ones train. The
 * cut is either a fixed instant or the time of the event at the given quantile of all event times (cut=0.8:
 * the time of event floor(0.8 n) in time order; ties at the cut all go to test, so test may hold slightly more
 * than 20%). Validation, when asked for, is the {@code validation} fraction of all events immediately before
 * the cut (by the same rule). Users whose events all lie after the cut are evaluated with an empty history:
 * that is the cold-start reality a temporal split models.
 *
 * @param quantile the cut as a quantile in (0, 1), or NaN when {@code cutMillis} is set
 * @param cutMillis the cut as epoch milliseconds, when {@code quantile} is NaN
 * @param validation fraction of all events before the cut that form validation, in [0, 1)
 */
public record TemporalSplit(double quantile, OptionalLong cutMillis, double validation) implements Splitter {
    public TemporalSplit {
        if (cutMillis.isEmpty() && !(quantile > 0 && quantile < 1)) {
            throw ValidationException.of("cut", "expected a quantile in (0, 1) or a time, got " + quantile);
        }
        if (!(validation >= 0 && validation < 1)) {
            throw ValidationException.of("valid", "expected a fraction in [0, 1), got " + validation);
        }
    }

    public static TemporalSplit atQuantile(double q, double validation) {
        return new TemporalSplit(q, OptionalLong.empty(), validation);
    }

    public static TemporalSplit atTime(Instant cut, double validation) {
        return new TemporalSplit(Double.NaN, OptionalLong.of(cut.toEpochMilli()), validation);
    }

    @Override
    public Split split(Snapshot data) {
        Interactions in = data.interactions();
        int n = in.size();
        long[] sorted = new long[n];
        for (int k = 0; k < n; k++) {
            sorted[k] = in.time(k);
        }
        Arrays.sort(sorted);
        int cutIndex;
        long cut;
        if (cutMillis.isPresent()) {
            cut = cutMillis.getAsLong();
            cutIndex = lowerBound(sorted, cut);
        } else {
            cutIndex = Math.min(n - 1, (int) Math.floor(quantile * n));
            cut = n == 0 ? Long.MAX_VALUE : sorted[cutIndex];
            cutIndex = lowerBound(sorted, cut);
        }
        long validCut = cut;
        if (validation > 0 && n > 0) {
            int from = Math.max(0, cutIndex - (int) Math.round(validation * n));
            validCut = from < cutIndex ? sorted[from] : cut;
        }
        byte[] part = new byte[n];
        for (int k = 0; k < n; k++) {
            long t = in.time(k);
            part[k] = t >= cut ? Assignment.TEST : t >= validCut ? Assignment.VALIDATION : Assignment.TRAIN;
        }
        return Assignment.build(data, part, spec());
    }

    private static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String spec() {
        String c = cutMillis.isPresent() ? Instant.ofEpochMilli(cutMillis.getAsLong()).toString()
                : RatioHoldout.fmt(quantile);
        return "temporal:cut=" + c + (validation > 0 ? ",valid=" + RatioHoldout.fmt(validation) : "");
    }
}
