// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.harness;

import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.UserFeatures;
import dev.tailor.core.domain.Gender;
import dev.tailor.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A way to cut test users into groups for per-group metrics. Pluggable: implement {@link #assign} (a lambda
 * works) for anything the snapshot knows; the built-ins cover declared segments, gender, age buckets and
 * activity buckets.
 */
@FunctionalInterface
public interface UserGrouping {
    /**
     * Groups for every user index of the snapshot.
     *
     * @param data the whole (filtered) snapshot, for features
     * @param train the training part, for activity
     */
    Groups assign(Snapshot data, Snapshot train);

    /** The user's declared segments ({@link UserFeatures#segments}); users may be in several or none. */
    static UserGrouping segments() {
        return (data, train) -> {
            UserFeatures f = data.userFeatures();
            int n = data.numUsers();
            int[] ptr = new int[n + 1];
            List<int[]> per = new ArrayList<>(n);
            for (int u = 0; u < n; u++) {
                int[] s = f.segments(u);
                per.add(s);
                ptr[u + 1] = ptr[u] + s.length;
            }
            int[] ids = new int[ptr[n]];
            for (int u = 0; u < n; u++) {
                System.arraycopy(per.get(u), 0, ids, ptr[u], per.get(u).length);
            }
            return new Groups("segment", Arrays.asList(f.segments().toArray()), ptr, ids);
        };
    }

    /** Self-declared gender; users without one are in no group. */
    static UserGrouping gender() {
        return (data, train) -> {
            int[] g = new int[data.numUsers()];
            List<String> labels = new ArrayList<>();
            for (Gender x : Gender.values()) {
                labels.add(x.code());
            }
            for (int u = 0; u < g.length; u++) {
                Gender x = data.userFeatures().gender(u);
                g[u] = x == null ? -1 : x.ordinal();
            }
            return Groups.single("gender", labels, g);
        };
    }

    /**
     * Age buckets with the given lower bounds of every bucket but the first, ascending: {@code age(25, 35, 45)}
     * gives MovieLens-style &lt;25, 25-34, 35-44, 45+. Users of unknown age are in no group.
     */
    static UserGrouping age(int... bounds) {
        int[] b = checkedBounds("age", bounds);
        List<String> labels = bucketLabels(b, "");
        return (data, train) -> {
            int[] g = new int[data.numUsers()];
            for (int u = 0; u < g.length; u++) {
                int a = data.userFeatures().age(u);
                g[u] = a < 0 ? -1 : bucket(b, a);
            }
            return Groups.single("age", labels, g);
        };
    }

    /**
     * Activity buckets by training events: with thresholds (5, 20), cold has at most 5, medium 6..20, heavy more.
     * Two thresholds name the buckets cold/medium/heavy; other counts get numeric labels.
     */
    static UserGrouping activity(int... thresholds) {
        int[] t = checkedBounds("activity", thresholds);
        int[] lower = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            lower[i] = t[i] + 1;
        }
        List<String> labels = t.length == 2
                ? List.of("cold (<=" + t[0] + ")", "medium (" + (t[0] + 1) + "-" + t[1] + ")", "heavy (>" + t[1] + ")")
                : bucketLabels(lower, " events");
        return (data, train) -> {
            Interactions in = train.interactions();
            int[] g = new int[data.numUsers()];
            for (int u = 0; u < g.length; u++) {
                g[u] = bucket(lower, in.count(u));
            }
            return Groups.single("activity", labels, g);
        };
    }

    /**
     * Parses the CLI's grouping list, e.g. {@code gender,age,segment,activity} with optional bounds
     * {@code age:18/25/35/45/50/56} or {@code activity:5/20}.
     */
    static List<UserGrouping> parse(String text) {
        List<UserGrouping> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            int colon = p.indexOf(':');
            String name = colon < 0 ? p : p.substring(0, colon);
            int[] bounds = colon < 0 ? new int[0] : parseInts(name, p.substring(colon + 1));
            out.add(switch (name) {
                case "segment", "segments" -> segments();
                case "gender" -> gender();
                case "age" -> bounds.length == 0 ? age(25, 35, 45) : age(bounds);
                case "activity" -> bounds.length == 0 ? activity(5, 20) : activity(bounds);
                default -> throw ValidationException.of("groups", "unknown grouping '" + name
                        + "'; expected segment, gender, age[:b1/b2/...] or activity[:t1/t2]");
            });
        }
        return out;
    }

    private static int[] parseInts(String name, String text) {
        String[] parts = text.split("/");
        int[] v = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw ValidationException.of("groups", name + ": expected integer bounds separated by '/', such as "
                        + name + ":25/35/45, got '" + text + "'");
            }
        }
        return v;
    }

    private static int[] checkedBounds(String name, int[] bounds) {
        if (bounds.length == 0) {
            throw ValidationException.of("groups", name + " needs at least one bound");
        }
        for (int i = 0; i < bounds.length; i++) {
            if (bounds[i] < 0 || (i > 0 && bounds[i] <= bounds[i - 1])) {
                throw ValidationException.of("groups", name + " bounds must be >= 0 and strictly ascending, got "
                        + Arrays.toString(bounds));
            }
        }
        return bounds.clone();
    }

    private static int bucket(int[] lowerBounds, int value) {
        int b = 0;
        while (b < lowerBounds.length && value >= lowerBounds[b]) {
            b++;
        }
        return b;
    }

    private static List<String> bucketLabels(int[] lower, String unit) {
        List<String> labels = new ArrayList<>();
        labels.add("<" + lower[0] + unit);
        for (int i = 1; i < lower.length; i++) {
            labels.add(lower[i - 1] + "-" + (lower[i] - 1) + unit);
        }
        labels.add(lower[lower.length - 1] + "+" + unit);
        return labels;
    }
}
