// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.model;

import dev.tailor.algorithms.itemknn.ItemKnnModel;
import dev.tailor.algorithms.popularity.PopularityModel;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.TrainerSpec;
import dev.tailor.algorithms.segment.SegmentPopularityModel;
import dev.tailor.algorithms.trending.TrendingModel;
import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.UserContext;
import dev.tailor.core.store.Store;
import dev.tailor.server.catalog.LiveCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link ModelSet} from a snapshot of the store: item-to-item tables (viewed together, bought
 * together), global popularity and trending, popularity, trending and promotions per segment, compact customer
 * histories, and any extra registry models. Everything is translated into catalog index space here, once.
 */
public final class ModelSetBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(ModelSetBuilder.class);
    /** A segment must like an item this much more than everyone does before it is worth promoting there. */
    static final float MIN_PROMOTION_LIFT = 1.2f;

    private final ModelsConfig config;
    private final Algorithms algorithms;
    private final TrainerSpec similarSpec;
    private final TrainerSpec boughtTogetherSpec;
    private final TrainerSpec popularSpec;
    private final TrainerSpec segmentSpec;
    private final TrainerSpec trendingSpec;
    private final List<TrainerSpec> extraSpecs;

    /**
     * Parses and checks every spec up front, so a bad configuration fails at start rather than at the first
     * retraining.
     *
     * @throws ValidationException naming the config field of each bad spec
     */
    public ModelSetBuilder(ModelsConfig config, Algorithms algorithms) {
        this.config = config;
        this.algorithms = algorithms;
        this.similarSpec = spec("models.similar", config.similar(), "item-knn");
        this.boughtTogetherSpec = spec("models.bought_together", config.boughtTogether(), "item-knn");
        this.popularSpec = spec("models.popular", config.popular(), "pop");
        this.segmentSpec = spec("models.segments", config.segments(), "segment-pop");
        this.trendingSpec = spec("models.trending", config.trending(), "trending");
        List<TrainerSpec> extras = new ArrayList<>();
        for (int i = 0; i < config.extraModels().size(); i++) {
            extras.add(spec("models.extra_models[" + i + "]", config.extraModels().get(i), null));
        }
        this.extraSpecs = List.copyOf(extras);
    }

    private TrainerSpec spec(String field, String text, String requiredAlgorithm) {
        TrainerSpec spec;
        try {
            spec = algorithms.trainer(text);
        } catch (ValidationException e) {
            throw ValidationException.of(field, e.getMessage());
        }
        if (requiredAlgorithm != null && !spec.algorithm().equals(requiredAlgorithm)) {
            throw ValidationException.of(field, "must be a " + requiredAlgorithm + " spec, was '" + text + "'");
        }
        return spec;
    }

    /** The registry the specs were resolved in (and that reads saved models back). */
    public Algorithms algorithms() {
        return algorithms;
    }

    public ModelsConfig config() {
        return config;
    }

    /**
     * Reads the whole store into a snapshot and trains the set. Items the snapshot names that the catalog lacks
     * (written to the store by another process) are added to the catalog first.
     *
     * @param version the new set's version
     * @param watermark the live-event sequence number read before the snapshot starts
     */
    public ModelSet build(Store store, LiveCatalog catalog, long version, long watermark) {
        long t0 = System.nanoTime();
        Snapshot snap = SnapshotBuilder.fromStore(store);
        LOG.info("snapshot {} read in {} ms", snap, (System.nanoTime() - t0) / 1_000_000);
        return build(snap, store, catalog, version, watermark, t0);
    }

    ModelSet build(Snapshot snap, Store store, LiveCatalog catalog, long version, long watermark, long t0) {
        int[] toCatalog = toCatalog(snap, store, catalog);
        int catalogSize = catalog.size();
        List<Provenance> provenance = new ArrayList<>();
        boolean hasEvents = snap.interactions().size() > 0 && snap.numItems() > 0;

        NeighbourTable similar = NeighbourTable.EMPTY;
        NeighbourTable together = NeighbourTable.EMPTY;
        float[] popularity = new float[catalogSize];
        RankedList popular = RankedList.EMPTY;
        RankedList trending = RankedList.EMPTY;
        int segCount = snap.userFeatures().segments().size();
        RankedList[] segPopular = filled(segCount);
        RankedList[] segTrending = filled(segCount);
        RankedList[] segPromotions = filled(segCount);
        float[][] segLift = new float[segCount][0];
        List<ServingModel> extras = new ArrayList<>();

        if (hasEvents) {
            ItemKnnModel knn = (ItemKnnModel) timed("similar", () -> similarSpec.train(snap));
            similar = NeighbourTable.remap(knn.neighbours(), toCatalog, catalogSize);
            provenance.add(knn.provenance());
            ItemKnnModel bought = (ItemKnnModel) timed("bought-together", () -> boughtTogetherSpec.train(snap));
            together = NeighbourTable.remap(bought.neighbours(), toCatalog, catalogSize);
            provenance.add(bought.provenance());

            PopularityModel pop = (PopularityModel) timed("popular", () -> popularSpec.train(snap));
            float[] counts = new float[snap.numItems()];
            for (int s = 0; s < counts.length; s++) {
                counts[s] = pop.count(s);
                if (toCatalog[s] >= 0) {
                    popularity[toCatalog[s]] = counts[s];
                }
            }
            popular = RankedList.top(counts, toCatalog, config.listLength());
            provenance.add(pop.provenance());

            TrendingModel trend = (TrendingModel) timed("trending", () -> trendingSpec.train(snap));
            float[] t = new float[snap.numItems()];
            for (int s = 0; s < t.length; s++) {
                t[s] = trend.score(s);
            }
            trending = RankedList.top(t, toCatalog, config.listLength());
            provenance.add(trend.provenance());

            SegmentPopularityModel seg = (SegmentPopularityModel) timed("segments", () -> segmentSpec.train(snap));
            provenance.add(seg.provenance());
            Snapshot recent = recentWindow(snap);
            SegmentPopularityModel segRecent = (SegmentPopularityModel) timed("segment-trending",
                    () -> segmentSpec.train(recent));
            double total = 0;
            for (float c : counts) {
                total += c;
            }
            float[] scores = new float[snap.numItems()];
            int[] fromCatalog = fromCatalog(toCatalog, catalogSize);
            for (int s = 0; s < segCount; s++) {
                UserContext only = new UserContext(-1, new int[0], new float[0], new int[] {s});
                seg.scoreAll(only, scores);
                segPopular[s] = RankedList.top(scores, toCatalog, config.listLength());
                promotions(scores, counts, total, toCatalog, fromCatalog, segPromotions, segLift, s);
                segRecent.scoreAll(only, scores);
                segTrending[s] = RankedList.top(scores, toCatalog, config.listLength());
            }
            for (TrainerSpec spec : extraSpecs) {
                RecommenderModel m = timed(spec.label(), () -> spec.train(snap));
                extras.add(new ServingModel(spec.label(), m, toCatalog, fromCatalog));
                provenance.add(m.provenance());
            }
        }
        UserHistories histories = UserHistories.build(snap, toCatalog, config.historyLength());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        ModelSet.Info info = new ModelSet.Info(version, Instant.now(), millis, snap.name(), snap.fingerprint(),
                snap.numUsers(), snap.numItems(), snap.interactions().size(), watermark, provenance);
        LOG.info("model set {} trained in {} ms: {} users, {} items, {} events, {} neighbours", info.label(),
                millis, info.users(), info.items(), info.events(), similar.size());
        return new ModelSet(info, catalogSize, similar, together, popular, trending, popularity,
                snap.userFeatures().segments(), segPopular, segTrending, segPromotions, segLift, histories, extras,
                categoryPopular(catalog, catalogSize, popularity));
    }

    /** Per leaf category, its items known at training time by popularity (ties: catalog order), truncated. */
    private int[][] categoryPopular(LiveCatalog catalog, int catalogSize, float[] popularity) {
        LiveCatalog.View view = catalog.view();
        int cats = catalog.categoryCount();
        int[][] out = new int[cats][];
        for (int c = 0; c < cats; c++) {
            int[] members = view.itemsInCategory(c);
            float[] score = new float[members.length];
            for (int j = 0; j < members.length; j++) {
                score[j] = members[j] < catalogSize ? popularity[members[j]] : Float.NEGATIVE_INFINITY;
            }
            int keep = Math.min(config.listLength(), members.length);
            int[] best = keep == 0 ? new int[0] : dev.tailor.core.model.TopK.select(score, keep, null);
            int[] items = new int[best.length];
            for (int j = 0; j < best.length; j++) {
                items[j] = members[best[j]];
            }
            out[c] = items;
        }
        return out;
    }

    private static RankedList[] filled(int n) {
        RankedList[] a = new RankedList[n];
        Arrays.fill(a, RankedList.EMPTY);
        return a;
    }

    /**
     * Items the segment likes distinctly more than everyone: score = p_s(i) ln(p_s(i) / g(i)), the item's
     * contribution to the KL divergence of the segment's taste from the global one, so that both share and
     * distinctiveness count (a high lift on a tiny share is noise; a large share with lift 1 is just popular).
     */
    private void promotions(float[] segmentShare, float[] counts, double total, int[] toCatalog,
            int[] fromCatalog, RankedList[] out, float[][] liftOut, int s) {
        float[] score = new float[segmentShare.length];
        float[] lift = new float[segmentShare.length];
        for (int i = 0; i < score.length; i++) {
            double g = total > 0 ? counts[i] / total : 0;
            double l = g > 0 ? segmentShare[i] / g : 0;
            lift[i] = (float) l;
            score[i] = l >= MIN_PROMOTION_LIFT ? (float) (segmentShare[i] * Math.log(l)) : 0f;
        }
        RankedList list = RankedList.top(score, toCatalog, config.listLength());
        // Lifts aligned with the list: look them up through the catalog -> snapshot mapping.
        float[] aligned = new float[list.size()];
        for (int r = 0; r < list.size(); r++) {
            aligned[r] = lift[fromCatalog[list.item(r)]];
        }
        out[s] = list;
        liftOut[s] = aligned;
    }

    /** The snapshot restricted to events within the trending window before its latest event. */
    private Snapshot recentWindow(Snapshot snap) {
        Interactions in = snap.interactions();
        long latest = Long.MIN_VALUE;
        for (int k = 0; k < in.size(); k++) {
            latest = Math.max(latest, in.time(k));
        }
        long cutoff = latest - config.trendingWindow().toMillis();
        return snap.withInteractions(snap.name() + ":recent", in.filter((u, k) -> in.time(k) >= cutoff));
    }

    private int[] toCatalog(Snapshot snap, Store store, LiveCatalog catalog) {
        int n = snap.numItems();
        int[] to = new int[n];
        List<Item> missing = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            to[s] = catalog.indexOf(snap.items().id(s));
            if (to[s] < 0) {
                String id = snap.items().id(s);
                String title = snap.itemFeatures().title(s);
                missing.add(store.findItem(id).orElseGet(() -> Item.builder(id, title).build()));
            }
        }
        if (!missing.isEmpty()) {
            LOG.info("adding {} items the store knows but the catalog did not", missing.size());
            catalog.upsert(missing);
            for (int s = 0; s < n; s++) {
                if (to[s] < 0) {
                    to[s] = catalog.indexOf(snap.items().id(s));
                }
            }
        }
        return to;
    }

    private static int[] fromCatalog(int[] toCatalog, int catalogSize) {
        int[] from = new int[catalogSize];
        Arrays.fill(from, -1);
        for (int s = 0; s < toCatalog.length; s++) {
            if (toCatalog[s] >= 0 && toCatalog[s] < catalogSize) {
                from[toCatalog[s]] = s;
            }
        }
        return from;
    }

    private static <T> T timed(String what, java.util.function.Supplier<T> work) {
        long t0 = System.nanoTime();
        T result = work.get();
        LOG.info("trained {} in {} ms", what, (System.nanoTime() - t0) / 1_000_000);
        return result;
    }
}
