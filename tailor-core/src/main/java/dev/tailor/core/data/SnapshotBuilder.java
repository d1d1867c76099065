// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.data;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;
import dev.tailor.core.store.Store;
import dev.tailor.core.store.StoreWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Collects items, customers and events into a {@link Snapshot}. It is a {@link StoreWriter}, so importers can
 * fill it straight from files (evaluation on a public dataset needs no database), and {@link #fromStore}
 * fills it from a store. Events are kept as given (no de-duplication: the store does that on the way in);
 * search events without an item carry no user-item signal and are skipped. Not thread-safe.
 */
public final class SnapshotBuilder implements StoreWriter {
    private final String name;
    private final IdDictionary.Builder users = new IdDictionary.Builder();
    private final IdDictionary.Builder items = new IdDictionary.Builder();
    private final List<Item> itemRecords = new ArrayList<>();
    private final IdDictionary.Builder categories = new IdDictionary.Builder();
    private final IdDictionary.Builder brands = new IdDictionary.Builder();
    private final IdDictionary.Builder regions = new IdDictionary.Builder();
    private final IdDictionary.Builder segments = new IdDictionary.Builder();

    // Customer columns, indexed by dense user id; grown on demand.
    private int[] age = new int[16];
    private byte[] gender = new byte[16];
    private int[] region = new int[16];
    private int[][] userSegments = new int[16][];

    // Event columns.
    private int size;
    private int[] eUser = new int[1024];
    private int[] eItem = new int[1024];
    private byte[] eType = new byte[1024];
    private float[] eValue = new float[1024];
    private long[] eTime = new long[1024];

    public SnapshotBuilder(String name) {
        this.name = name;
    }

    /** Reads a whole store, streaming, into a snapshot. */
    public static Snapshot fromStore(Store store) {
        SnapshotBuilder b = new SnapshotBuilder("store:" + store.describe());
        store.forEachItem(i -> b.upsertItems(List.of(i)));
        store.forEachCustomer(c -> b.upsertCustomers(List.of(c)));
        List<Event> one = new ArrayList<>(1);
        store.forEachEvent(e -> {
            one.clear();
            one.add(e);
            b.appendEvents(one);
        });
        return b.build();
    }

    @Override
    public void upsertItems(List<Item> batch) {
        for (Item item : batch) {
            int i = itemIndex(item.id());
            itemRecords.set(i, item);
        }
    }

    @Override
    public void upsertCustomers(List<Customer> batch) {
        for (Customer c : batch) {
            int u = userIndex(c.id());
            age[u] = c.age() == null ? -1 : c.age();
            gender[u] = c.gender() == null ? -1 : (byte) c.gender().ordinal();
            region[u] = c.region() == null ? -1 : regions.add(c.region());
            int[] seg = new int[c.segments().size()];
            for (int s = 0; s < seg.length; s++) {
                seg[s] = segments.add(c.segments().get(s));
            }
            userSegments[u] = seg;
        }
    }

    @Override
    public int appendEvents(List<Event> events) {
        int added = 0;
        for (Event e : events) {
            if (e.itemId() == null) {
                continue;
            }
            add(userIndex(e.userId()), itemIndex(e.itemId()), e.type().ordinal(), (float) e.value(),
                    e.timestamp().toEpochMilli());
            added++;
        }
        return added;
    }

    /** Primitive fast path for importers of large files: no Event record per row. */
    public void addEvent(String userId, String itemId, int typeOrdinal, float value, long epochMillis) {
        add(userIndex(userId), itemIndex(itemId), typeOrdinal, value, epochMillis);
    }

    private void add(int u, int i, int type, float value, long time) {
        if (size == eUser.length) {
            int n = size * 2;
            eUser = Arrays.copyOf(eUser, n);
            eItem = Arrays.copyOf(eItem, n);
            eType = Arrays.copyOf(eType, n);
            eValue = Arrays.copyOf(eValue, n);
            eTime = Arrays.copyOf(eTime, n);
        }
        eUser[size] = u;
        eItem[size] = i;
        eType[size] = (byte) type;
        eValue[size] = value;
        eTime[size] = time;
        size++;
    }

    private int itemIndex(String id) {
        int i = items.add(id);
        if (i == itemRecords.size()) {
            itemRecords.add(null);
        }
        return i;
    }

    private int userIndex(String id) {
        int u = users.add(id);
        if (u == age.length) {
            int n = age.length * 2;
            age = Arrays.copyOf(age, n);
            gender = Arrays.copyOf(gender, n);
            region = Arrays.copyOf(region, n);
            userSegments = Arrays.copyOf(userSegments, n);
        }
        if (userSegments[u] == null) {
            age[u] = -1;
            gender[u] = -1;
            region[u] = -1;
            userSegments[u] = new int[0];
        }
        return u;
    }

    public int eventCount() {
        return size;
    }

    public Snapshot build() {
        IdDictionary userDict = users.build();
        IdDictionary itemDict = items.build();
        int nu = userDict.size();
        int ni = itemDict.size();
        Interactions interactions = Interactions.sorted(nu, ni, size, eUser, eItem, eType, eValue, eTime);
        return new Snapshot(name, userDict, itemDict, interactions, itemFeatures(itemDict), userFeatures(nu));
    }

    private ItemFeatures itemFeatures(IdDictionary itemDict) {
        int ni = itemDict.size();
        String[] titles = new String[ni];
        int[] cat = new int[ni];
        int[] top = new int[ni];
        int[] brand = new int[ni];
        float[] price = new float[ni];
        boolean[] available = new boolean[ni];
        long[] created = new long[ni];
        String[] lang = new String[ni];
        @SuppressWarnings("unchecked")
        Map<String, String>[] attributes = new Map[ni];
        for (int i = 0; i < ni; i++) {
            Item it = itemRecords.get(i);
            if (it == null) {
                titles[i] = itemDict.id(i);
                cat[i] = -1;
                top[i] = -1;
                brand[i] = -1;
                price[i] = Float.NaN;
                available[i] = true;
                created[i] = Long.MIN_VALUE;
                continue;
            }
            titles[i] = it.title();
            if (it.categoryPath().isEmpty()) {
                cat[i] = -1;
                top[i] = -1;
            } else {
                top[i] = categories.add(it.categoryPath().get(0));
                cat[i] = categories.add(String.join(ItemFeatures.PATH_SEPARATOR, it.categoryPath()));
            }
            brand[i] = it.brand() == null ? -1 : brands.add(it.brand());
            price[i] = it.price() == null ? Float.NaN : (float) it.price().doubleValue();
            available[i] = it.available();
            created[i] = it.createdAt() == null ? Long.MIN_VALUE : it.createdAt().toEpochMilli();
            lang[i] = it.language();
            attributes[i] = it.attributes().isEmpty() ? null : it.attributes();
        }
        return new ItemFeatures(titles, cat, top, categories.build(), brand, brands.build(), price, available,
                created, lang, attributes);
    }

    private UserFeatures userFeatures(int nu) {
        int[] ptr = new int[nu + 1];
        for (int u = 0; u < nu; u++) {
            ptr[u + 1] = ptr[u] + userSegments[u].length;
        }
        int[] ids = new int[ptr[nu]];
        for (int u = 0; u < nu; u++) {
            System.arraycopy(userSegments[u], 0, ids, ptr[u], userSegments[u].length);
        }
        return new UserFeatures(Arrays.copyOf(age, nu), Arrays.copyOf(gender, nu), Arrays.copyOf(region, nu),
                regions.build(), ptr, ids, segments.build());
    }
}
