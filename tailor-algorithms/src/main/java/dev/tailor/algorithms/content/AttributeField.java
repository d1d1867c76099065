// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.content;

import dev.tailor.algorithms.common.BinaryIO;
import dev.tailor.core.error.TailorException;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * One kind of item attribute (brand, category, price band, colour, title terms, ...) as an item x value
 * incidence: each item has zero or more values, and each value knows its items (the inverted list), so that a
 * profile scores the catalog by walking only the postings of the values the customer has touched. Immutable.
 *
 * <p>An item's match with a profile is the mean share of its values, {@code x(i) = sum_{v in V(i)} share(v) /
 * |V(i)|}: for single-valued fields this is the share of the item's value; for title terms it is the
 * average share of its terms, so long titles are not favoured.
 */
public final class AttributeField {
    private final String name;
    private final String[] valueNames;
    private final int[] itemPtr;
    private final int[] itemValues;
    private final int[] valuePtr;
    private final int[] valueItems;

    /**
     * @param name field name in specs and explanations ("brand", "colour")
     * @param valueNames display name per value id
     * @param itemPtr CSR row pointers, one row per item (length items + 1)
     * @param itemValues value ids per item, sorted ascending and distinct within a row
     */
    public AttributeField(String name, String[] valueNames, int[] itemPtr, int[] itemValues) {
        BinaryIO.checkRowPointers(itemPtr, itemValues.length, name + " values");
        BinaryIO.checkIndices(itemValues, valueNames.length, name + " values");
        this.name = name;
        this.valueNames = valueNames;
        this.itemPtr = itemPtr;
        this.itemValues = itemValues;
        int items = itemPtr.length - 1;
        this.valuePtr = new int[valueNames.length + 1];
        for (int v : itemValues) {
            valuePtr[v + 1]++;
        }
        for (int v = 0; v < valueNames.length; v++) {
            valuePtr[v + 1] += valuePtr[v];
        }
        this.valueItems = new int[itemValues.length];
        int[] fill = Arrays.copyOf(valuePtr, valueNames.length);
        for (int i = 0; i < items; i++) {
            for (int k = itemPtr[i]; k < itemPtr[i + 1]; k++) {
                valueItems[fill[itemValues[k]]++] = i;
            }
        }
    }

    public String name() {
        return name;
    }

    public int itemCount() {
        return itemPtr.length - 1;
    }

    public int valueCount() {
        return valueNames.length;
    }

    public String valueName(int value) {
        return valueNames[value];
    }

    public int itemStart(int item) {
        return itemPtr[item];
    }

    public int itemEnd(int item) {
        return itemPtr[item + 1];
    }

    /** The k-th value id in the item rows (use with {@link #itemStart}/{@link #itemEnd}). */
    public int value(int k) {
        return itemValues[k];
    }

    public int postingStart(int value) {
        return valuePtr[value];
    }

    public int postingEnd(int value) {
        return valuePtr[value + 1];
    }

    /** The k-th item in the value postings (use with {@link #postingStart}/{@link #postingEnd}). */
    public int postingItem(int k) {
        return valueItems[k];
    }

    /** How many items carry at least one value of this field. */
    public int coveredItems() {
        int n = 0;
        for (int i = 0; i < itemCount(); i++) {
            if (itemPtr[i + 1] > itemPtr[i]) {
                n++;
            }
        }
        return n;
    }

    void write(DataOutput out) throws IOException {
        out.writeUTF(name);
        out.writeInt(valueNames.length);
        for (String v : valueNames) {
            out.writeUTF(v);
        }
        BinaryIO.writeInts(out, itemPtr);
        BinaryIO.writeInts(out, itemValues);
    }

    static AttributeField read(DataInput in, int items) throws IOException {
        String name = in.readUTF();
        int n = in.readInt();
        if (n < 0 || n > 100_000_000) {
            throw new TailorException("corrupt model data: " + n + " values of field " + name);
        }
        String[] names = new String[n];
        for (int v = 0; v < n; v++) {
            names[v] = in.readUTF();
        }
        int[] ptr = BinaryIO.readInts(in, items + 1);
        int[] values = BinaryIO.readInts(in, -1);
        return new AttributeField(name, names, ptr, values);
    }
}
