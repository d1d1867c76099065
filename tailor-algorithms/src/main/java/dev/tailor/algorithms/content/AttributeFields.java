// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.content;

import dev.tailor.core.data.IdDictionary;
import dev.tailor.core.data.ItemFeatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds the {@link AttributeField}s of a catalog from its feature columns: no interaction is consulted. */
final class AttributeFields {
    private AttributeFields() {
    }

    static List<AttributeField> build(ItemFeatures features, ContentConfig config) {
        List<AttributeField> fields = new ArrayList<>();
        int n = features.size();
        for (String name : config.fieldNames()) {
            if (name.equals(ContentConfig.TERMS)) {
                fields.add(terms(features, config.maxTermShare()));
                continue;
            }
            Column c = new Column(name, n);
            switch (name) {
                case "category" -> {
                    for (int i = 0; i < n; i++) {
                        int v = features.category(i);
                        c.add(i, v < 0 ? null : features.categories().id(v));
                    }
                }
                case "root" -> {
                    for (int i = 0; i < n; i++) {
                        int v = features.topCategory(i);
                        c.add(i, v < 0 ? null : features.categories().id(v));
                    }
                }
                case "brand" -> {
                    for (int i = 0; i < n; i++) {
                        int v = features.brand(i);
                        c.add(i, v < 0 ? null : features.brands().id(v));
                    }
                }
                case "price" -> {
                    for (int i = 0; i < n; i++) {
                        String band = PriceBands.band(features.price(i));
                        c.add(i, band.isEmpty() ? null : band);
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        c.add(i, features.attributes(i).get(name));
                    }
                }
            }
            fields.add(c.build());
        }
        return fields;
    }

    private static AttributeField terms(ItemFeatures features, double maxShare) {
        int n = features.size();
        IdDictionary.Builder dict = new IdDictionary.Builder();
        int[][] termsOf = new int[n][];
        int[] df = new int[16];
        for (int i = 0; i < n; i++) {
            List<String> terms = TitleTerms.of(features.title(i));
            int[] ids = new int[terms.size()];
            for (int k = 0; k < ids.length; k++) {
                ids[k] = dict.add(terms.get(k));
                if (ids[k] >= df.length) {
                    df = Arrays.copyOf(df, df.length * 2);
                }
                df[ids[k]]++;
            }
            termsOf[i] = ids;
        }
        // A term on one item matches nothing else; one on most items separates nothing.
        long maxDf = Math.max(2, (long) Math.floor(maxShare * n));
        IdDictionary all = dict.build();
        int[] remap = new int[all.size()];
        List<String> kept = new ArrayList<>();
        for (int t = 0; t < remap.length; t++) {
            remap[t] = df[t] >= 2 && df[t] <= maxDf ? kept.size() : -1;
            if (remap[t] >= 0) {
                kept.add(all.id(t));
            }
        }
        int[] ptr = new int[n + 1];
        int[] values = new int[16];
        int size = 0;
        for (int i = 0; i < n; i++) {
            int from = size;
            for (int t : termsOf[i]) {
                if (remap[t] >= 0) {
                    if (size == values.length) {
                        values = Arrays.copyOf(values, size * 2);
                    }
                    values[size++] = remap[t];
                }
            }
            Arrays.sort(values, from, size);
            ptr[i + 1] = size;
        }
        return new AttributeField(ContentConfig.TERMS, kept.toArray(new String[0]), ptr, Arrays.copyOf(values, size));
    }

    /** A single-valued field being filled item by item. */
    private static final class Column {
        private final String name;
        private final IdDictionary.Builder dict = new IdDictionary.Builder();
        private final int[] value;

        Column(String name, int items) {
            this.name = name;
            this.value = new int[items];
        }

        void add(int item, String v) {
            value[item] = v == null || v.isBlank() ? -1 : dict.add(v);
        }

        AttributeField build() {
            int n = value.length;
            int[] ptr = new int[n + 1];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (value[i] >= 0) {
                    count++;
                }
                ptr[i + 1] = count;
            }
            int[] values = new int[count];
            for (int i = 0, k = 0; i < n; i++) {
                if (value[i] >= 0) {
                    values[k++] = value[i];
                }
            }
            return new AttributeField(name, dict.build().toArray(), ptr, values);
        }
    }
}
