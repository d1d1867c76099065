// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The training view of a shop: dense ids, per-user time-ordered interactions, and item/user feature columns.
 * Immutable and cheap to derive from: a split shares the dictionaries and features and swaps the
 * interactions ({@link #withInteractions}). Built by {@link SnapshotBuilder}.
 *
 * <p>Memory: {@link Interactions} take ~17 bytes per event; a weighted user x item matrix adds 8 bytes per
 * distinct pair (another 8 for its transpose). Dictionaries cost ~100 bytes per distinct id.
 */
public final class Snapshot {
    private final String name;
    private final IdDictionary users;
    private final IdDictionary items;
    private final Interactions interactions;
    private final ItemFeatures itemFeatures;
    private final UserFeatures userFeatures;
    private volatile String fingerprint;

    Snapshot(String name, IdDictionary users, IdDictionary items, Interactions interactions,
            ItemFeatures itemFeatures, UserFeatures userFeatures) {
        if (interactions.numUsers() != users.size() || interactions.numItems() != items.size()
                || itemFeatures.size() != items.size() || userFeatures.size() != users.size()) {
            throw new IllegalArgumentException("snapshot parts disagree on dimensions");
        }
        this.name = name;
        this.users = users;
        this.items = items;
        this.interactions = interactions;
        this.itemFeatures = itemFeatures;
        this.userFeatures = userFeatures;
    }

    /** Where the data came from, e.g. "ml-100k" or "store:h2:./tailor-data". */
    public String name() {
        return name;
    }

    public IdDictionary users() {
        return users;
    }

    public IdDictionary items() {
        return items;
    }

    public int numUsers() {
        return users.size();
    }

    public int numItems() {
        return items.size();
    }

    public Interactions interactions() {
        return interactions;
    }

    public ItemFeatures itemFeatures() {
        return itemFeatures;
    }

    public UserFeatures userFeatures() {
        return userFeatures;
    }

    /** User x item matrix of summed event weights (see {@link Interactions#toMatrix}). */
    public CsrMatrix matrix(EventWeights weights) {
        return interactions.toMatrix(weights);
    }

    /** Same users, items and features with other interactions (a split's train or test part). */
    public Snapshot withInteractions(String newName, Interactions other) {
        if (other.numUsers() != numUsers() || other.numItems() != numItems()) {
            throw new IllegalArgumentException("interactions have other dimensions than the snapshot");
        }
        return new Snapshot(newName, users, items, other, itemFeatures, userFeatures);
    }

    /**
     * Same items and item features, with {@code addedUsers} appended after the existing users (they get indices
     * {@code numUsers()} onwards and no demographics) and {@code other} as the interactions of the enlarged user
     * range. Real users keep their indices, so models trained on the result score them like the originals:
     * robustness evaluation adds synthetic (attack) profiles this way.
     *
     * @throws IllegalArgumentException when an added id already exists or the dimensions disagree
     */
    public Snapshot withAddedUsers(String newName, List<String> addedUsers, Interactions other) {
        List<String> all = new ArrayList<>(Arrays.asList(users.toArray()));
        for (String id : addedUsers) {
            if (users.contains(id)) {
                throw new IllegalArgumentException("added user '" + id + "' already exists");
            }
            all.add(id);
        }
        IdDictionary grown = IdDictionary.of(all);
        if (grown.size() != all.size()) {
            throw new IllegalArgumentException("added user ids repeat");
        }
        if (other.numUsers() != grown.size() || other.numItems() != numItems()) {
            throw new IllegalArgumentException("interactions have other dimensions than the grown snapshot");
        }
        return new Snapshot(newName, grown, items, other, itemFeatures, userFeatures.withAddedUsers(
                addedUsers.size()));
    }

    /**
     * SHA-256 (first 16 hex digits) over the ids and the interactions: two snapshots with equal fingerprints
     * hold the same data, which is what a model's provenance needs to name.
     */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            f = computeFingerprint();
            fingerprint = f;
        }
        return f;
    }

    private String computeFingerprint() {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        for (int i = 0; i < users.size(); i++) {
            md.update(users.id(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        md.update((byte) 1);
        for (int i = 0; i < items.size(); i++) {
            md.update(items.id(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (int u = 0; u < interactions.numUsers(); u++) {
            for (int k = interactions.start(u); k < interactions.end(u); k++) {
                if (buf.remaining() < 21) {
                    md.update(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putInt(u).putInt(interactions.item(k)).put((byte) interactions.typeOrdinal(k))
                        .putFloat(interactions.value(k)).putLong(interactions.time(k));
            }
        }
        md.update(buf.array(), 0, buf.position());
        return HexFormat.of().formatHex(md.digest(), 0, 8);
    }

    @Override
    public String toString() {
        return "Snapshot[" + name + ": " + numUsers() + " users, " + numItems() + " items, "
                + interactions.size() + " events]";
    }
}
