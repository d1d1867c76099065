// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.similarity.NeighbourSearch;
import dev.tailor.algorithms.similarity.Neighbours;
import dev.tailor.algorithms.similarity.Similarity;
import dev.tailor.algorithms.similarity.SimilarityMeasure;
import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.EventWeights;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.ValidationException;
import dev.tailor.io.sampleshop.SampleShopConfig;
import dev.tailor.io.sampleshop.SampleShopGenerator;
import dev.tailor.io.sampleshop.PlantedStructure;
import dev.tailor.server.catalog.LiveCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ModelSetTest {
    @Property(tries = 50)
    void remappingNeighboursKeepsEveryMappedPairInOrder(@ForAll @IntRange(min = 2, max = 30) int items,
            @ForAll long seed) {
        Random r = new Random(seed);
        // A random user x item matrix and its item neighbours.
        int users = 20;
        SnapshotBuilder b = new SnapshotBuilder("t");
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                if (r.nextInt(3) == 0) {
                    b.addEvent("u" + u, "i" + i, EventType.VIEW.ordinal(), 1f, 1L);
                }
            }
        }
        Snapshot s = b.build();
        CsrMatrix itemUser = s.matrix(EventWeights.BINARY).transpose();
        Neighbours n = NeighbourSearch.topK(itemUser, new SimilarityMeasure(Similarity.COSINE, 0, 0.5), 5, 1);
        int[] toCatalog = new int[s.numItems()];
        for (int i = 0; i < toCatalog.length; i++) {
            toCatalog[i] = r.nextInt(4) == 0 ? -1 : i * 2;
        }
        int catalogSize = 2 * s.numItems() + 1;
        NeighbourTable t = NeighbourTable.remap(n, toCatalog, catalogSize);
        assertThat(t.rows()).isEqualTo(catalogSize);
        for (int i = 0; i < s.numItems(); i++) {
            List<Integer> expected = new ArrayList<>();
            List<Float> sims = new ArrayList<>();
            if (toCatalog[i] >= 0) {
                for (int p = n.start(i); p < n.end(i); p++) {
                    if (toCatalog[n.neighbour(p)] >= 0) {
                        expected.add(toCatalog[n.neighbour(p)]);
                        sims.add(n.similarity(p));
                    }
                }
            }
            int row = toCatalog[i] >= 0 ? toCatalog[i] : catalogSize - 1;
            List<Integer> actual = new ArrayList<>();
            List<Float> actualSims = new ArrayList<>();
            for (int p = t.start(row); p < t.end(row); p++) {
                actual.add(t.item(p));
                actualSims.add(t.similarity(p));
            }
            assertThat(actual).isEqualTo(toCatalog[i] >= 0 ? expected : List.of());
            assertThat(actualSims).isEqualTo(toCatalog[i] >= 0 ? sims : List.of());
        }
        assertThat(t.count(catalogSize + 10)).isZero();
    }

    @Test
    void rankedListsDropUnmappedAndNonPositiveEntries() {
        RankedList l = RankedList.top(new float[] {3, 0, 5, 4, -1}, new int[] {10, 11, -1, 13, 14}, 10);
        assertThat(l.items()).containsExactly(13, 10);
        assertThat(l.score(0)).isEqualTo(4f);
        assertThat(l.maxScore()).isEqualTo(4f);
        assertThat(RankedList.top(new float[0], new int[0], 5).size()).isZero();
    }

    @Test
    void historiesKeepTheLastPreferenceEventsAndEveryPurchaseOnce() {
        SnapshotBuilder b = new SnapshotBuilder("h");
        b.upsertItems(List.of(Item.builder("a", "A").build(), Item.builder("b", "B").build(),
                Item.builder("c", "C").build()));
        b.upsertCustomers(List.of(new Customer("u", null, null, null, null, List.of("parents"), null)));
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        b.appendEvents(List.of(Event.of(EventType.PURCHASE, "u", "c", t), Event.of(EventType.VIEW, "u", "a", t.plusSeconds(1)),
                Event.of(EventType.IMPRESSION, "u", "b", t.plusSeconds(2)), Event.of(EventType.CLICK, "u", "b", t.plusSeconds(3)),
                Event.of(EventType.PURCHASE, "u", "c", t.plusSeconds(4)), Event.of(EventType.VIEW, "u", "a", t.plusSeconds(5))));
        Snapshot s = b.build();
        int[] toCatalog = {0, 1, 2};
        UserHistories h = UserHistories.build(s, toCatalog, 3);
        int u = h.user("u");
        List<Integer> kept = new ArrayList<>();
        for (int e = h.start(u); e < h.end(u); e++) {
            kept.add(h.item(e));
        }
        assertThat(kept).containsExactly(1, 2, 0);
        assertThat(h.typeOrdinal(h.end(u) - 1)).isEqualTo(EventType.VIEW.ordinal());
        assertThat(h.purchased(u, 2)).isTrue();
        assertThat(h.purchased(u, 0)).isFalse();
        assertThat(h.purchaseCount(u)).isEqualTo(1);
        assertThat(h.segments(u)).hasSize(1);
        assertThat(h.user("stranger")).isEqualTo(-1);
    }

    @Test
    void badSpecsAreRejectedNamingTheirField() {
        assertThatThrownBy(() -> new ModelSetBuilder(ModelsConfig.defaults().withExtraModels(List.of("als-x")),
                Algorithms.standard())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("models.extra_models[0]").hasMessageContaining("unknown model");
        ModelsConfig d = ModelsConfig.defaults();
        assertThatThrownBy(() -> new ModelSetBuilder(new ModelsConfig("pop", d.boughtTogether(), d.popular(),
                d.segments(), d.trending(), d.trendingWindow(), 50, 100, List.of()), Algorithms.standard()))
                .hasMessageContaining("models.similar").hasMessageContaining("must be a item-knn spec");
        assertThatThrownBy(() -> new ModelsConfig(d.similar(), d.boughtTogether(), d.popular(), d.segments(),
                d.trending(), java.time.Duration.ZERO, 0, 5, List.of())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("trending_window").hasMessageContaining("history_length")
                .hasMessageContaining("list_length");
    }

    @Test
    void aTrainedSetRecoversThePlantedSegmentTastesAndServesExtraModels() {
        SampleShopConfig config = SampleShopConfig.builder().items(300).customers(250).seed(5)
                .meanSessionsPerCustomer(4).build();
        SampleShopGenerator gen = new SampleShopGenerator(config);
        SnapshotBuilder b = new SnapshotBuilder("shop");
        List<Item> items = new ArrayList<>();
        gen.writeTo(new dev.tailor.core.store.StoreWriter() {
            @Override
            public void upsertItems(List<Item> batch) {
                items.addAll(batch);
                b.upsertItems(batch);
            }

            @Override
            public void upsertCustomers(List<Customer> batch) {
                b.upsertCustomers(batch);
            }

            @Override
            public int appendEvents(List<Event> batch) {
                return b.appendEvents(batch);
            }
        });
        LiveCatalog catalog = new LiveCatalog();
        catalog.upsert(items);
        ModelSetBuilder builder = new ModelSetBuilder(ModelsConfig.defaults().withExtraModels(List.of("pop")),
                Algorithms.standard());
        ModelSet m = builder.build(b.build(), null, catalog, 7, 0, System.nanoTime());
        assertThat(m.info().version()).isEqualTo(7);
        assertThat(m.catalogSize()).isEqualTo(300);
        assertThat(m.similar().size()).isGreaterThan(1_000);
        assertThat(m.extraModels()).hasSize(1);
        PlantedStructure planted = gen.plantedStructure();
        int parents = m.segment("parents");
        RankedList promo = m.segmentPromotions(parents);
        assertThat(promo.size()).isGreaterThan(10);
        String favourite = planted.segment("parents").orElseThrow().favouriteRootCategories().get(0);
        int inFavourite = 0;
        for (int r = 0; r < 10; r++) {
            assertThat(m.segmentLift(parents, r)).isGreaterThanOrEqualTo(ModelSetBuilder.MIN_PROMOTION_LIFT);
            inFavourite += catalog.view().item(promo.item(r)).categoryPath().get(0).equals(favourite) ? 1 : 0;
        }
        assertThat(inFavourite).as("top promotions for parents in %s", favourite).isGreaterThanOrEqualTo(3);
        int[] popularPhones = m.categoryPopular(catalog.categoryIndex("Electronics > Phones"));
        for (int j = 1; j < popularPhones.length; j++) {
            assertThat(m.popularity(popularPhones[j - 1])).isGreaterThanOrEqualTo(m.popularity(popularPhones[j]));
        }
    }
}
