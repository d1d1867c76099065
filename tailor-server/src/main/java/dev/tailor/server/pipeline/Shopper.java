// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

import dev.tailor.core.domain.EventType;
import dev.tailor.server.catalog.LiveCatalog;
import dev.tailor.server.model.ModelSet;
import dev.tailor.server.model.UserHistories;
import java.util.Arrays;

/**
 * The customer a request is for: their history as the models saw it plus the live events since (oldest first),
 * their segments, and a lazily computed taste per leaf category. Pooled with its request; {@link #load} refills
 * it without allocating once the buffers have grown.
 */
public final class Shopper {
    private String id;
    private int user = -1;
    private int[] segments = new int[4];
    private int segmentCount;
    private int[] items = new int[128];
    private byte[] types = new byte[128];
    private int length;
    private int liveStart;
    private float[] affinity = new float[64];
    private float[] brandAffinity = new float[64];
    private boolean affinityReady;
    private ModelSet models;
    private LiveCatalog.View catalog;

    /** An anonymous visitor: no history, no segments. */
    public void clear() {
        id = null;
        user = -1;
        segmentCount = 0;
        length = 0;
        liveStart = 0;
        affinityReady = false;
    }

    /**
     * Loads a customer.
     *
     * @param customerId the id
     * @param models the request's model set
     * @param catalog the request's catalog view
     * @param segmentIds segment indices from the live profile, or null to use the models' record
     * @param liveItems live events since the models' watermark, oldest first (catalog indices)
     * @param liveTypes their event type ordinals
     * @param liveCount how many
     */
    public void load(String customerId, ModelSet models, LiveCatalog.View catalog, int[] segmentIds,
            int[] liveItems, byte[] liveTypes, int liveCount) {
        clear();
        this.id = customerId;
        this.models = models;
        this.catalog = catalog;
        UserHistories h = models.histories();
        user = h.user(customerId);
        int[] segs = segmentIds != null ? segmentIds : user >= 0 ? h.segments(user) : null;
        if (segs != null) {
            for (int s : segs) {
                if (s >= 0) {
                    addSegment(s);
                }
            }
        }
        int trained = user >= 0 ? h.end(user) - h.start(user) : 0;
        ensure(trained + liveCount);
        if (user >= 0) {
            for (int e = h.start(user); e < h.end(user); e++) {
                items[length] = h.item(e);
                types[length] = (byte) h.typeOrdinal(e);
                length++;
            }
        }
        liveStart = length;
        for (int j = 0; j < liveCount; j++) {
            if (liveItems[j] < catalog.size() && UserHistories.isPreference(liveTypes[j])) {
                items[length] = liveItems[j];
                types[length] = liveTypes[j];
                length++;
            }
        }
    }

    private void addSegment(int s) {
        for (int i = 0; i < segmentCount; i++) {
            if (segments[i] == s) {
                return;
            }
        }
        if (segmentCount == segments.length) {
            segments = Arrays.copyOf(segments, segmentCount * 2);
        }
        segments[segmentCount++] = s;
    }

    private void ensure(int n) {
        if (n > items.length) {
            items = Arrays.copyOf(items, n);
            types = Arrays.copyOf(types, n);
        }
    }

    /** The customer id, null for an anonymous visitor. */
    public String id() {
        return id;
    }

    /** Dense user index in the model set's snapshot, -1 when the models do not know the customer. */
    public int user() {
        return user;
    }

    public int segmentCount() {
        return segmentCount;
    }

    public int segment(int i) {
        return segments[i];
    }

    /** A copy of the segment indices (for models that take a UserContext). */
    public int[] segments() {
        return Arrays.copyOf(segments, segmentCount);
    }

    /** History entries, oldest first; the newest is at {@code historyLength() - 1}. */
    public int historyLength() {
        return length;
    }

    public int historyItem(int entry) {
        return items[entry];
    }

    public int historyType(int entry) {
        return types[entry];
    }

    /** Entries at or after this index arrived after the models were trained. */
    public int liveStart() {
        return liveStart;
    }

    /** Whether the customer interacted with the item within the last {@code window} history entries. */
    public boolean recentlySeen(int item, int window) {
        for (int e = length - 1; e >= Math.max(0, length - window); e--) {
            if (items[e] == item) {
                return true;
            }
        }
        return false;
    }

    /** The strongest way the customer interacted with the item lately (for explanations); VIEW when unknown. */
    public int strongestType(int item) {
        int best = EventType.VIEW.ordinal();
        float w = 0;
        for (int e = length - 1; e >= 0; e--) {
            if (items[e] == item && HistoryWeights.weight(types[e]) > w) {
                w = HistoryWeights.weight(types[e]);
                best = types[e];
            }
        }
        return best;
    }

    /** Whether the customer bought the item, before the models or since. */
    public boolean purchased(int item) {
        if (user >= 0 && models.histories().purchased(user, item)) {
            return true;
        }
        int p = EventType.PURCHASE.ordinal();
        for (int e = liveStart; e < length; e++) {
            if (items[e] == item && types[e] == p) {
                return true;
            }
        }
        return false;
    }

    /**
     * Taste for a leaf category in [0, 1]: the category's share of the customer's weighted, recency-decayed
     * history, divided by the top category's share.
     */
    public float categoryAffinity(int category) {
        if (category < 0) {
            return 0f;
        }
        if (!affinityReady) {
            computeAffinity();
        }
        return category < affinity.length ? affinity[category] : 0f;
    }

    /** Taste for a brand in [0, 1], computed like {@link #categoryAffinity}. */
    public float brandAffinity(int brand) {
        if (brand < 0) {
            return 0f;
        }
        if (!affinityReady) {
            computeAffinity();
        }
        return brand < brandAffinity.length ? brandAffinity[brand] : 0f;
    }

    private void computeAffinity() {
        int cats = 0;
        int brands = 0;
        for (int e = 0; e < length; e++) {
            cats = Math.max(cats, catalog.category(items[e]) + 1);
            brands = Math.max(brands, catalog.brand(items[e]) + 1);
        }
        if (affinity.length < cats) {
            affinity = new float[Math.max(cats, affinity.length * 2)];
        }
        if (brandAffinity.length < brands) {
            brandAffinity = new float[Math.max(brands, brandAffinity.length * 2)];
        }
        Arrays.fill(affinity, 0f);
        Arrays.fill(brandAffinity, 0f);
        float w = 1f;
        float max = 0f;
        float maxBrand = 0f;
        for (int e = length - 1; e >= 0; e--, w *= HistoryWeights.DECAY) {
            float v = w * HistoryWeights.weight(types[e]);
            int c = catalog.category(items[e]);
            if (c >= 0) {
                affinity[c] += v;
                max = Math.max(max, affinity[c]);
            }
            int b = catalog.brand(items[e]);
            if (b >= 0) {
                brandAffinity[b] += v;
                maxBrand = Math.max(maxBrand, brandAffinity[b]);
            }
            if (w < 1e-3f) {
                break;
            }
        }
        for (int c = 0; c < cats && max > 0; c++) {
            affinity[c] /= max;
        }
        for (int b = 0; b < brands && maxBrand > 0; b++) {
            brandAffinity[b] /= maxBrand;
        }
        affinityReady = true;
    }
}
