// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps external string ids to dense indices 0..size-1 and back, assigned in first-seen order. Built once at
 * the edge so that every hot loop works on ints (cf. Gorse's {@code FreqDict}). Immutable once built.
 */
public final class IdDictionary {
    private final String[] ids;
    private final Map<String, Integer> index;

    private IdDictionary(String[] ids, Map<String, Integer> index) {
        this.ids = ids;
        this.index = index;
    }

    public static IdDictionary of(List<String> ids) {
        Builder b = new Builder();
        ids.forEach(b::add);
        return b.build();
    }

    public int size() {
        return ids.length;
    }

    /** Dense index of {@code id}, or -1 when unknown. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    public String id(int index) {
        return ids[index];
    }

    public boolean contains(String id) {
        return index.containsKey(id);
    }

    /** A copy of the ids in index order. */
    public String[] toArray() {
        return Arrays.copyOf(ids, ids.length);
    }

    /** Growing dictionary used while reading input. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Integer> index = new HashMap<>();
        private String[] ids = new String[16];

        /** Index of {@code id}, assigning the next free one when new. */
        public int add(String id) {
            Integer existing = index.get(id);
            if (existing != null) {
                return existing;
            }
            int i = index.size();
            if (i == ids.length) {
                ids = Arrays.copyOf(ids, i * 2);
            }
            ids[i] = id;
            index.put(id, i);
            return i;
        }

        public int indexOf(String id) {
            Integer i = index.get(id);
            return i == null ? -1 : i;
        }

        public int size() {
            return index.size();
        }

        public IdDictionary build() {
            return new IdDictionary(Arrays.copyOf(ids, index.size()), Map.copyOf(index));
        }
    }
}
