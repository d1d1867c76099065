// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.hybrid;

import dev.tailor.algorithms.common.BinaryIO;
import dev.tailor.algorithms.common.Explainable;
import dev.tailor.algorithms.common.NestedModels;
import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.common.Scoring;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.UserContext;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Switching hybrid: the cold model (typically content) serves where collaborative evidence is thin, the warm
 * model (typically EASE or ALS) once it is there.
 * <ul>
 * <li>A user with fewer than {@code minUserEvents} usable history entries is cold: the cold model scores every
 * item.</li>
 * <li>Otherwise the warm model scores the warm items, those with at least {@code minItemEvents} training users;
 * the cold model scores the remaining cold items (new listings). Both score vectors are normalized
 * ({@link ScoreNormalization}) first, so a cold item competes with warm ones on how far it stands above its
 * model's average rather than in the other model's units. With no cold item the warm scores pass unchanged.</li>
 * </ul>
 */
public final class SwitchModel implements SavableModel, Explainable {
    public static final String NAME = "switch";
    static final int PAYLOAD_VERSION = 1;

    private final RecommenderModel cold;
    private final RecommenderModel warm;
    private final int minUserEvents;
    private final int minItemEvents;
    private final int[] itemUsers;
    private final int coldItems;
    private final ScoreNormalization normalization;
    private final Provenance provenance;

    /**
     * @param itemUsers training users per item (taken over)
     */
    public SwitchModel(RecommenderModel cold, RecommenderModel warm, int minUserEvents, int minItemEvents,
            int[] itemUsers, ScoreNormalization normalization, Provenance provenance) {
        if (cold.itemCount() != warm.itemCount() || itemUsers.length != warm.itemCount()) {
            throw new IllegalArgumentException("cold model scores " + cold.itemCount() + " items, warm model "
                    + warm.itemCount() + ", item counts cover " + itemUsers.length);
        }
        if (minUserEvents < 0 || minItemEvents < 0) {
            throw new IllegalArgumentException("thresholds must be >= 0");
        }
        this.cold = cold;
        this.warm = warm;
        this.minUserEvents = minUserEvents;
        this.minItemEvents = minItemEvents;
        this.itemUsers = itemUsers;
        int c = 0;
        for (int n : itemUsers) {
            if (n < minItemEvents) {
                c++;
            }
        }
        this.coldItems = c;
        this.normalization = normalization;
        this.provenance = provenance;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int itemCount() {
        return warm.itemCount();
    }

    public RecommenderModel cold() {
        return cold;
    }

    public RecommenderModel warm() {
        return warm;
    }

    /** Whether the user is served by the cold model alone. */
    public boolean isColdUser(UserContext user) {
        int usable = 0;
        for (int h = 0; h < user.historyLength() && usable < minUserEvents; h++) {
            if (Scoring.usable(user.items()[h], user.weights()[h], itemCount())) {
                usable++;
            }
        }
        return usable < minUserEvents;
    }

    /** Whether the item has too few training users for the warm model. */
    public boolean isColdItem(int item) {
        return itemUsers[item] < minItemEvents;
    }

    @Override
    public void scoreAll(UserContext user, float[] out) {
        Scoring.checkOutput(out, itemCount(), NAME);
        if (isColdUser(user)) {
            cold.scoreAll(user, out);
            return;
        }
        warm.scoreAll(user, out);
        if (coldItems == 0) {
            return;
        }
        normalization.apply(out);
        float[] buf = new float[out.length];
        cold.scoreAll(user, buf);
        normalization.apply(buf);
        for (int i = 0; i < out.length; i++) {
            if (itemUsers[i] < minItemEvents) {
                out[i] = buf[i];
            }
        }
    }

    /** The explanation of whichever model scored the item. */
    @Override
    public Optional<String> explain(UserContext user, int item) {
        RecommenderModel active = isColdUser(user) || isColdItem(item) ? cold : warm;
        return active instanceof Explainable e ? e.explain(user, item) : Optional.empty();
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
        out.writeUTF(normalization.spec());
        out.writeInt(minUserEvents);
        out.writeInt(minItemEvents);
        BinaryIO.writeInts(out, itemUsers);
        NestedModels.write(out, cold);
        NestedModels.write(out, warm);
    }

    public static SwitchModel readPayload(DataInput in, int version, Provenance provenance,
            Function<String, Optional<NestedModels.PayloadReader>> readers) throws IOException {
        BinaryIO.checkPayloadVersion(NAME, version, PAYLOAD_VERSION);
        ScoreNormalization norm;
        try {
            norm = ScoreNormalization.parse(in.readUTF());
        } catch (IllegalArgumentException e) {
            throw new TailorException("corrupt model data: unknown switch normalization", e);
        }
        int minUser = in.readInt();
        int minItem = in.readInt();
        int[] itemUsers = BinaryIO.readInts(in, -1);
        RecommenderModel cold = NestedModels.read(in, readers);
        RecommenderModel warm = NestedModels.read(in, readers);
        return new SwitchModel(cold, warm, minUser, minItem, itemUsers, norm, provenance);
    }
}
