// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.data;

import dev.tailor.core.domain.Gender;
import java.util.Arrays;

/** Customer demographics by dense user index, as flat columns; users without a profile hold -1 everywhere. */
public final class UserFeatures {
    private final int[] age;
    private final byte[] gender;
    private final int[] region;
    private final IdDictionary regions;
    private final int[] segmentPtr;
    private final int[] segmentIds;
    private final IdDictionary segments;

    UserFeatures(int[] age, byte[] gender, int[] region, IdDictionary regions, int[] segmentPtr, int[] segmentIds,
            IdDictionary segments) {
        this.age = age;
        this.gender = gender;
        this.region = region;
        this.regions = regions;
        this.segmentPtr = segmentPtr;
        this.segmentIds = segmentIds;
        this.segments = segments;
    }

    public int size() {
        return age.length;
    }

    /** Age in years, -1 when unknown. */
    public int age(int user) {
        return age[user];
    }

    /** Gender, or null when unknown. */
    public Gender gender(int user) {
        return gender[user] < 0 ? null : Gender.values()[gender[user]];
    }

    public int region(int user) {
        return region[user];
    }

    public IdDictionary regions() {
        return regions;
    }

    /** Segment indices (into {@link #segments()}) the user belongs to; may be empty. */
    public int[] segments(int user) {
        return Arrays.copyOfRange(segmentIds, segmentPtr[user], segmentPtr[user + 1]);
    }

    public boolean inSegment(int user, int segment) {
        for (int k = segmentPtr[user]; k < segmentPtr[user + 1]; k++) {
            if (segmentIds[k] == segment) {
                return true;
            }
        }
        return false;
    }

    /** These features plus {@code count} users without a profile at the end. */
    UserFeatures withAddedUsers(int count) {
        int n = size();
        int[] a = Arrays.copyOf(age, n + count);
        byte[] g = Arrays.copyOf(gender, n + count);
        int[] r = Arrays.copyOf(region, n + count);
        Arrays.fill(a, n, n + count, -1);
        Arrays.fill(g, n, n + count, (byte) -1);
        Arrays.fill(r, n, n + count, -1);
        int[] ptr = Arrays.copyOf(segmentPtr, n + count + 1);
        Arrays.fill(ptr, n + 1, n + count + 1, segmentPtr[n]);
        return new UserFeatures(a, g, r, regions, ptr, segmentIds, segments);
    }

    public IdDictionary segments() {
        return segments;
    }
}
