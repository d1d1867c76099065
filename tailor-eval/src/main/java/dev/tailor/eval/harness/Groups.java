// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.harness;

import java.util.List;

/**
 * Users assigned to the labelled groups of one grouping (a user may be in several groups, e.g. segments, or in
 * none). Group membership of user u is {@code ids[ptr[u], ptr[u+1])}, indices into {@link #labels}.
 *
 * @param name the grouping, e.g. "gender"
 * @param labels group labels in report order
 * @param ptr per-user offsets, length users + 1
 * @param ids group indices
 */
public record Groups(String name, List<String> labels, int[] ptr, int[] ids) {
    public Groups {
        labels = List.copyOf(labels);
        if (ptr.length == 0 || ptr[ptr.length - 1] != ids.length) {
            throw new IllegalArgumentException("inconsistent group arrays");
        }
    }

    /** One group (or none, -1) per user. */
    public static Groups single(String name, List<String> labels, int[] groupOfUser) {
        int[] ptr = new int[groupOfUser.length + 1];
        int n = 0;
        for (int u = 0; u < groupOfUser.length; u++) {
            if (groupOfUser[u] >= 0) {
                n++;
            }
            ptr[u + 1] = n;
        }
        int[] ids = new int[n];
        int j = 0;
        for (int g : groupOfUser) {
            if (g >= 0) {
                ids[j++] = g;
            }
        }
        return new Groups(name, labels, ptr, ids);
    }

    public int start(int user) {
        return ptr[user];
    }

    public int end(int user) {
        return ptr[user + 1];
    }

    public int group(int k) {
        return ids[k];
    }
}
