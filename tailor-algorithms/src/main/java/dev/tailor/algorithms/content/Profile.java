// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.content;

import dev.tailor.algorithms.common.BinaryIO;
import dev.tailor.core.error.TailorException;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A customer's taste over every field: for each value, the share of their event weight spent on items with
 * that value, share(v) = sum_{h: v in V(h)} w_h / sum_h w_h. Values are kept sorted per field, so a lookup is a
 * binary search and a full scoring pass walks only the values present. Immutable.
 */
public final class Profile {
    private final int[][] values;
    private final float[][] shares;

    private Profile(int[][] values, float[][] shares) {
        this.values = values;
        this.shares = shares;
    }

    /**
     * The profile of the history entries {@code [from, to)}; entries outside the catalog or with a weight that
     * is not positive and finite are ignored.
     */
    public static Profile of(List<AttributeField> fields, int[] items, float[] weights, int from, int to) {
        int itemCount = fields.isEmpty() ? 0 : fields.get(0).itemCount();
        double total = 0;
        for (int h = from; h < to; h++) {
            if (usable(items[h], weights[h], itemCount)) {
                total += weights[h];
            }
        }
        int[][] values = new int[fields.size()][];
        float[][] shares = new float[fields.size()][];
        for (int f = 0; f < fields.size(); f++) {
            AttributeField field = fields.get(f);
            int count = 0;
            for (int h = from; h < to; h++) {
                if (usable(items[h], weights[h], itemCount)) {
                    count += field.itemEnd(items[h]) - field.itemStart(items[h]);
                }
            }
            // (value, history position) packed into one long: sorting groups equal values without boxing.
            long[] packed = new long[count];
            int n = 0;
            for (int h = from; h < to; h++) {
                if (usable(items[h], weights[h], itemCount)) {
                    for (int k = field.itemStart(items[h]); k < field.itemEnd(items[h]); k++) {
                        packed[n++] = ((long) field.value(k) << 32) | h;
                    }
                }
            }
            Arrays.sort(packed);
            int[] v = new int[count];
            float[] s = new float[count];
            int distinct = 0;
            for (int k = 0; k < count; ) {
                int value = (int) (packed[k] >>> 32);
                double sum = 0;
                while (k < count && (int) (packed[k] >>> 32) == value) {
                    sum += weights[(int) packed[k]];
                    k++;
                }
                v[distinct] = value;
                s[distinct++] = (float) (sum / total);
            }
            values[f] = Arrays.copyOf(v, distinct);
            shares[f] = Arrays.copyOf(s, distinct);
        }
        return new Profile(values, shares);
    }

    private static boolean usable(int item, float weight, int itemCount) {
        return item >= 0 && item < itemCount && weight > 0 && weight < Float.POSITIVE_INFINITY;
    }

    /** Whether no field has a value: the history was empty or unknown to the catalog. */
    public boolean isEmpty() {
        for (int[] v : values) {
            if (v.length > 0) {
                return false;
            }
        }
        return true;
    }

    public int fieldCount() {
        return values.length;
    }

    /** Number of distinct values of field {@code f} in the profile. */
    public int size(int f) {
        return values[f].length;
    }

    public int value(int f, int k) {
        return values[f][k];
    }

    public float shareAt(int f, int k) {
        return shares[f][k];
    }

    /** Share of value {@code v} of field {@code f}, 0 when absent. */
    public float share(int f, int v) {
        int k = Arrays.binarySearch(values[f], v);
        return k >= 0 ? shares[f][k] : 0f;
    }

    /** The item's match on field {@code f}: the mean share of its values, 0 when it has none. */
    public double match(int f, AttributeField field, int item) {
        int from = field.itemStart(item);
        int to = field.itemEnd(item);
        if (from == to) {
            return 0;
        }
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += share(f, field.value(k));
        }
        return sum / (to - from);
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(values.length);
        for (int f = 0; f < values.length; f++) {
            BinaryIO.writeInts(out, values[f]);
            BinaryIO.writeFloats(out, shares[f]);
        }
    }

    static Profile read(DataInput in, List<AttributeField> fields) throws IOException {
        int n = in.readInt();
        if (n != fields.size()) {
            throw new TailorException("corrupt model data: profile of " + n + " fields, model has " + fields.size());
        }
        int[][] values = new int[n][];
        float[][] shares = new float[n][];
        for (int f = 0; f < n; f++) {
            values[f] = BinaryIO.readInts(in, -1);
            shares[f] = BinaryIO.readFloats(in, values[f].length);
            BinaryIO.checkIndices(values[f], fields.get(f).valueCount(), fields.get(f).name() + " profile");
        }
        return new Profile(values, shares);
    }
}
