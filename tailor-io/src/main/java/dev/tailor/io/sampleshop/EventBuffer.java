// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import java.util.Arrays;

/**
 * Events of one chunk of customers as primitive columns, filled by the simulation without allocating per event
 * (search queries aside), rendered to records or text afterwards. Not thread-safe; one per task.
 */
final class EventBuffer {
    /** Scene codes; the wire names are {@link #SCENES}. */
    static final byte HOME = 0;
    static final byte SEARCH = 1;
    static final byte CATEGORY = 2;
    static final byte ITEM = 3;
    static final byte CHECKOUT = 4;
    static final byte ORDERS = 5;
    static final String[] SCENES = {"home", "search", "category", "item", "checkout", "orders"};

    private int size;
    private int[] customer = new int[1024];
    private int[] session = new int[1024];
    private byte[] type = new byte[1024];
    private int[] item = new int[1024];
    private float[] value = new float[1024];
    private long[] time = new long[1024];
    private byte[] scene = new byte[1024];
    private byte[] position = new byte[1024];
    private String[] query = new String[1024];

    /**
     * Appends one event.
     *
     * @param item catalog index, -1 for none (search)
     * @param position slate position for impression-driven events, -1 when not from a slate; the request id is
     *        derived from the session, one slate per session
     * @param query search text or null
     */
    void add(int customerIndex, int sessionOrdinal, byte eventType, int itemIndex, float eventValue, long epochMillis,
            byte sceneCode, int slatePosition, String searchQuery) {
        if (size == customer.length) {
            int n = size * 2;
            customer = Arrays.copyOf(customer, n);
            session = Arrays.copyOf(session, n);
            type = Arrays.copyOf(type, n);
            item = Arrays.copyOf(item, n);
            value = Arrays.copyOf(value, n);
            time = Arrays.copyOf(time, n);
            scene = Arrays.copyOf(scene, n);
            position = Arrays.copyOf(position, n);
            query = Arrays.copyOf(query, n);
        }
        customer[size] = customerIndex;
        session[size] = sessionOrdinal;
        type[size] = eventType;
        item[size] = itemIndex;
        value[size] = eventValue;
        time[size] = epochMillis;
        scene[size] = sceneCode;
        position[size] = (byte) slatePosition;
        query[size] = searchQuery;
        size++;
    }

    int size() {
        return size;
    }

    int customer(int e) {
        return customer[e];
    }

    int session(int e) {
        return session[e];
    }

    int type(int e) {
        return type[e];
    }

    int item(int e) {
        return item[e];
    }

    float value(int e) {
        return value[e];
    }

    long time(int e) {
        return time[e];
    }

    int scene(int e) {
        return scene[e];
    }

    int position(int e) {
        return position[e];
    }

    String query(int e) {
        return query[e];
    }
}
