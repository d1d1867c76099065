// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.model;

import dev.tailor.core.data.IdDictionary;
import dev.tailor.core.model.Provenance;
import java.time.Instant;
import java.util.List;

/**
 * Everything trained from one snapshot of the store, in catalog index space, immutable. The server holds the
 * current set in an {@code AtomicReference} and swaps in a newly trained one whole: a request reads the
 * reference once and works on one consistent set however long it runs.
 */
public final class ModelSet {
    private final Info info;
    private final int catalogSize;
    private final NeighbourTable similar;
    private final NeighbourTable boughtTogether;
    private final RankedList popular;
    private final RankedList trending;
    private final float[] popularity;
    private final IdDictionary segments;
    private final RankedList[] segmentPopular;
    private final RankedList[] segmentTrending;
    private final RankedList[] segmentPromotions;
    private final float[][] segmentLift;
    private final UserHistories histories;
    private final List<ServingModel> extraModels;
    private final int[][] categoryPopular;

    ModelSet(Info info, int catalogSize, NeighbourTable similar, NeighbourTable boughtTogether, RankedList popular,
            RankedList trending, float[] popularity, IdDictionary segments, RankedList[] segmentPopular,
            RankedList[] segmentTrending, RankedList[] segmentPromotions, float[][] segmentLift,
            UserHistories histories, List<ServingModel> extraModels, int[][] categoryPopular) {
        this.info = info;
        this.catalogSize = catalogSize;
        this.similar = similar;
        this.boughtTogether = boughtTogether;
        this.popular = popular;
        this.trending = trending;
        this.popularity = popularity;
        this.segments = segments;
        this.segmentPopular = segmentPopular;
        this.segmentTrending = segmentTrending;
        this.segmentPromotions = segmentPromotions;
        this.segmentLift = segmentLift;
        this.histories = histories;
        this.extraModels = List.copyOf(extraModels);
        this.categoryPopular = categoryPopular;
    }

    /** A set with no data: every list empty, every customer unknown. What a server on an empty store starts with. */
    public static ModelSet empty(long version, long watermark) {
        Info info = new Info(version, Instant.now(), 0, "empty", "", 0, 0, 0, watermark, List.of());
        return new ModelSet(info, 0, NeighbourTable.EMPTY, NeighbourTable.EMPTY, RankedList.EMPTY,
                RankedList.EMPTY, new float[0], IdDictionary.of(List.of()), new RankedList[0], new RankedList[0],
                new RankedList[0], new float[0][], UserHistories.EMPTY, List.of(), new int[0][]);
    }

    public Info info() {
        return info;
    }

    /** Catalog size when trained; items at or beyond it are newer than the models. */
    public int catalogSize() {
        return catalogSize;
    }

    /** "Viewed together" neighbours (item-kNN over all preference events). */
    public NeighbourTable similar() {
        return similar;
    }

    /** "Bought together" neighbours (item-kNN over purchases, asymmetric). */
    public NeighbourTable boughtTogether() {
        return boughtTogether;
    }

    public RankedList popular() {
        return popular;
    }

    public RankedList trending() {
        return trending;
    }

    /** Popularity count of a catalog item; 0 for items newer than the models. */
    public float popularity(int item) {
        return item < popularity.length ? popularity[item] : 0f;
    }

    public IdDictionary segments() {
        return segments;
    }

    /** Segment index of a name, -1 when the models know no such segment. */
    public int segment(String name) {
        return segments.indexOf(name);
    }

    public RankedList segmentPopular(int segment) {
        return segmentPopular[segment];
    }

    public RankedList segmentTrending(int segment) {
        return segmentTrending[segment];
    }

    /** Items a segment likes distinctly more than the average customer, by share x log-lift. */
    public RankedList segmentPromotions(int segment) {
        return segmentPromotions[segment];
    }

    /** Lift of the promotion list's entry at {@code rank}: the segment's share over the global share. */
    public float segmentLift(int segment, int rank) {
        return segmentLift[segment][rank];
    }

    /**
     * The most popular items of a leaf category (catalog category index) when the set was trained, best first;
     * empty for a category the set did not know. Do not modify.
     */
    public int[] categoryPopular(int category) {
        return category >= 0 && category < categoryPopular.length ? categoryPopular[category] : NONE;
    }

    private static final int[] NONE = new int[0];

    /** Leaf categories the catalog had when the set was trained. */
    public int categoryCount() {
        return categoryPopular.length;
    }

    // The arrays themselves, for ModelSetCodec; not to be modified.
    float[] popularityArray() {
        return popularity;
    }

    RankedList[] segmentPopularLists() {
        return segmentPopular;
    }

    RankedList[] segmentTrendingLists() {
        return segmentTrending;
    }

    RankedList[] segmentPromotionLists() {
        return segmentPromotions;
    }

    float[][] segmentLifts() {
        return segmentLift;
    }

    int[][] categoryPopularLists() {
        return categoryPopular;
    }

    /** The same set under another version and live-event watermark: what a server that loads it serves. */
    public ModelSet restamped(long version, long watermark) {
        Info i = new Info(version, info.trainedAt(), info.trainMillis(), info.dataName(), info.dataFingerprint(),
                info.users(), info.items(), info.events(), watermark, info.provenance());
        return new ModelSet(i, catalogSize, similar, boughtTogether, popular, trending, popularity, segments,
                segmentPopular, segmentTrending, segmentPromotions, segmentLift, histories, extraModels,
                categoryPopular);
    }

    public UserHistories histories() {
        return histories;
    }

    public List<ServingModel> extraModels() {
        return extraModels;
    }

    /**
     * What a model set is: when and from what it was trained.
     *
     * @param version increases by one with each set a server trains
     * @param trainedAt when training finished
     * @param trainMillis how long building the set took, snapshot included
     * @param dataName the snapshot's name
     * @param dataFingerprint the snapshot's fingerprint
     * @param users customers in the snapshot
     * @param items items in the snapshot
     * @param events events in the snapshot
     * @param watermark the live-event sequence number when the snapshot was taken: live events from it on are
     *     newer than the models
     * @param provenance of each trained model
     */
    public record Info(long version, Instant trainedAt, long trainMillis, String dataName, String dataFingerprint,
            int users, int items, long events, long watermark, List<Provenance> provenance) {
        public Info {
            provenance = List.copyOf(provenance);
        }

        /** Short label for metrics and responses, e.g. "v3-1a2b3c4d". */
        public String label() {
            return "v" + version + (dataFingerprint.isEmpty() ? "" : "-" + dataFingerprint.substring(0,
                    Math.min(8, dataFingerprint.length())));
        }
    }
}
