// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.random;

import dev.tailor.algorithms.common.BinaryIO;
import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.common.Scoring;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.UserContext;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Scores are a hash of (seed, user, item) mapped to [0, 1): no state, no allocation, and the same user always
 * sees the same order. A visitor unknown at training time (user -1) is keyed by a hash of their history, so
 * two visitors with different histories see different orders.
 */
public final class RandomModel implements SavableModel {
    static final int PAYLOAD_VERSION = 1;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final int itemCount;
    private final long seed;
    private final Provenance provenance;

    public RandomModel(int itemCount, long seed, Provenance provenance) {
        if (itemCount < 0) {
            throw new IllegalArgumentException("itemCount must be >= 0, was " + itemCount);
        }
        this.itemCount = itemCount;
        this.seed = seed;
        this.provenance = provenance;
    }

    @Override
    public String name() {
        return RandomConfig.NAME;
    }

    @Override
    public int itemCount() {
        return itemCount;
    }

    public long seed() {
        return seed;
    }

    @Override
    public void scoreAll(UserContext user, float[] out) {
        Scoring.checkOutput(out, itemCount, name());
        long key = mix(seed ^ mix(userKey(user)));
        for (int i = 0; i < itemCount; i++) {
            // Top 24 bits: every float in [0, 1) with a 2^-24 grid is exact, so the order is platform-proof.
            out[i] = (mix(key + (i + 1L) * GOLDEN) >>> 40) * 0x1.0p-24f;
        }
    }

    private static long userKey(UserContext user) {
        if (user.user() >= 0) {
            return user.user();
        }
        long h = -1;
        for (int item : user.items()) {
            h = h * 31 + item;
        }
        return h ^ 0x5DEECE66DL;
    }

    /** MurmurHash3's 64-bit finalizer: a bijection with full avalanche. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public int payloadVersion() {
        return PAYLOAD_VERSION;
    }

    @Override
    public void writePayload(DataOutput out) throws IOException {
        out.writeInt(itemCount);
        out.writeLong(seed);
    }

    /** Reads what {@link #writePayload} wrote. */
    public static RandomModel readPayload(DataInput in, int version, Provenance provenance) throws IOException {
        BinaryIO.checkPayloadVersion(RandomConfig.NAME, version, PAYLOAD_VERSION);
        int items = in.readInt();
        if (items < 0) {
            throw new TailorException("corrupt model data: random model with " + items + " items");
        }
        return new RandomModel(items, in.readLong(), provenance);
    }
}
