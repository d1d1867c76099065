// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.ModelIO;
import dev.tailor.core.data.IdDictionary;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.store.StoreWriter;
import dev.tailor.io.sampleshop.SampleShopConfig;
import dev.tailor.io.sampleshop.SampleShopGenerator;
import dev.tailor.server.catalog.LiveCatalog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelSetCodecTest {
    private static final ModelSetCodec CODEC = new ModelSetCodec(ModelIO.standard());
    private static ModelSet trained;

    @BeforeAll
    static void train() {
        SampleShopGenerator gen = new SampleShopGenerator(SampleShopConfig.builder().items(300).customers(250)
                .seed(5).meanSessionsPerCustomer(4).build());
        SnapshotBuilder b = new SnapshotBuilder("shop");
        List<Item> items = new ArrayList<>();
        gen.writeTo(new StoreWriter() {
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
        ModelSetBuilder builder = new ModelSetBuilder(
                ModelsConfig.defaults().withExtraModels(List.of("pop", "item-knn:k=20")), Algorithms.standard());
        trained = builder.build(b.build(), null, catalog, 7, 42, System.nanoTime());
    }

    static byte[] encode(ModelSet set) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CODEC.write(set, out);
        return out.toByteArray();
    }

    static ModelSet decode(byte[] blob) {
        return CODEC.read(new ByteArrayInputStream(blob), blob.length);
    }

    @Test
    void aTrainedSetRoundTripsInEveryPart() {
        assertThat(trained.extraModels()).hasSize(2);
        assertThat(trained.similar().size()).isPositive();
        byte[] blob = encode(trained);
        ModelSet back = decode(blob);
        assertSameSet(back, trained);
        // Extra models score as before, through their index maps.
        int[] history = {trained.histories().item(trained.histories().start(0))};
        for (int m = 0; m < 2; m++) {
            int[] a = new int[20];
            int[] b = new int[20];
            float[] sa = new float[20];
            float[] sb = new float[20];
            int na = trained.extraModels().get(m).recommend(0, history, new float[] {1f}, 1, new int[0], 20, a, sa);
            int nb = back.extraModels().get(m).recommend(0, history, new float[] {1f}, 1, new int[0], 20, b, sb);
            assertThat(nb).isEqualTo(na).isPositive();
            assertThat(b).isEqualTo(a);
            assertThat(sb).isEqualTo(sa);
        }
        // Deterministic: the same set always encodes to the same bytes.
        assertThat(encode(back)).isEqualTo(blob);
    }

    @Test
    void anEmptySetRoundTrips() {
        ModelSet empty = ModelSet.empty(3, 9);
        assertSameSet(decode(encode(empty)), empty);
    }

    @Property(tries = 40)
    void randomSetsRoundTrip(@ForAll @IntRange(min = 0, max = 40) int catalogSize,
            @ForAll @IntRange(min = 0, max = 4) int segments, @ForAll @IntRange(min = 0, max = 15) int users,
            @ForAll long seed) {
        ModelSet set = random(new Random(seed), catalogSize, segments, users);
        assertSameSet(decode(encode(set)), set);
    }

    @Test
    void aDamagedBlobIsRefusedClearly() {
        byte[] blob = encode(trained);
        // Every single flipped byte is caught: by a structural check, or at the latest by the checksum.
        Random r = new Random(1);
        for (int t = 0; t < 30; t++) {
            byte[] bad = blob.clone();
            int at = 8 + r.nextInt(bad.length - 8);
            bad[at] ^= (byte) (1 + r.nextInt(255));
            assertThatThrownBy(() -> decode(bad)).as("byte %d flipped", at).isInstanceOf(TailorException.class)
                    .hasMessageMatching("(?s)(model set is (corrupt|truncated)|.*model).*");
        }
        byte[] flippedLast = blob.clone();
        flippedLast[blob.length - 1] ^= 1;
        assertThatThrownBy(() -> decode(flippedLast)).hasMessage("model set is corrupt: checksum mismatch");
    }

    @Test
    void aTruncatedBlobIsRefused() {
        byte[] blob = encode(trained);
        byte[] cut = Arrays.copyOf(blob, blob.length / 2);
        assertThatThrownBy(() -> CODEC.read(new ByteArrayInputStream(cut), blob.length))
                .isInstanceOf(TailorException.class).hasMessageContaining("truncated");
    }

    @Test
    void aForeignBlobOrAnotherFormatIsRefused() {
        byte[] text = "{\"not\": \"a model\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> decode(text)).isInstanceOf(TailorException.class)
                .hasMessage("not a Tailor model set (it does not start with \"TLMS\")");
        byte[] blob = encode(ModelSet.empty(1, 0));
        ByteBuffer.wrap(blob).putInt(4, 99);
        assertThatThrownBy(() -> decode(blob)).isInstanceOf(TailorException.class)
                .hasMessage("model set format 99 is not supported; this build reads format " + ModelSetCodec.FORMAT);
    }

    @Test
    void aHugeClaimedLengthFailsBeforeAllocating() {
        byte[] blob = encode(ModelSet.empty(1, 0));
        // Right after magic and format comes the version; the data name's length follows 3 longs and an int.
        int nameLength = 4 + 4 + 8 + 12 + 8;
        ByteBuffer.wrap(blob).putInt(nameLength, Integer.MAX_VALUE);
        assertThatThrownBy(() -> decode(blob)).isInstanceOf(TailorException.class)
                .hasMessageContaining("data name claims 2147483647 entries");
    }

    /** Every part, compared through the codec's own view of the arrays (so nothing is skipped). */
    static void assertSameSet(ModelSet actual, ModelSet expected) {
        assertThat(actual.info()).isEqualTo(expected.info());
        assertThat(actual.catalogSize()).isEqualTo(expected.catalogSize());
        assertSameTable(actual.similar(), expected.similar());
        assertSameTable(actual.boughtTogether(), expected.boughtTogether());
        assertSameList(actual.popular(), expected.popular());
        assertSameList(actual.trending(), expected.trending());
        assertThat(actual.popularityArray()).isEqualTo(expected.popularityArray());
        assertThat(actual.segments().toArray()).isEqualTo(expected.segments().toArray());
        for (int s = 0; s < expected.segments().size(); s++) {
            assertSameList(actual.segmentPopular(s), expected.segmentPopular(s));
            assertSameList(actual.segmentTrending(s), expected.segmentTrending(s));
            assertSameList(actual.segmentPromotions(s), expected.segmentPromotions(s));
        }
        assertThat(actual.segmentLifts()).isDeepEqualTo(expected.segmentLifts());
        UserHistories a = actual.histories();
        UserHistories e = expected.histories();
        assertThat(a.userDictionary().toArray()).isEqualTo(e.userDictionary().toArray());
        assertThat(a.historyPointers()).isEqualTo(e.historyPointers());
        assertThat(a.historyItems()).isEqualTo(e.historyItems());
        assertThat(a.historyTypes()).isEqualTo(e.historyTypes());
        assertThat(a.purchasePointers()).isEqualTo(e.purchasePointers());
        assertThat(a.purchaseItems()).isEqualTo(e.purchaseItems());
        assertThat(a.segmentPointers()).isEqualTo(e.segmentPointers());
        assertThat(a.segmentArray()).isEqualTo(e.segmentArray());
        assertThat(actual.categoryPopularLists()).isDeepEqualTo(expected.categoryPopularLists());
        assertThat(actual.extraModels()).hasSameSizeAs(expected.extraModels());
        for (int m = 0; m < expected.extraModels().size(); m++) {
            ServingModel am = actual.extraModels().get(m);
            ServingModel em = expected.extraModels().get(m);
            assertThat(am.label()).isEqualTo(em.label());
            assertThat(am.name()).isEqualTo(em.name());
            assertThat(am.model().provenance()).isEqualTo(em.model().provenance());
            assertThat(am.model().itemCount()).isEqualTo(em.model().itemCount());
            assertThat(am.toCatalog()).isEqualTo(em.toCatalog());
            assertThat(am.fromCatalog()).isEqualTo(em.fromCatalog());
        }
    }

    private static void assertSameTable(NeighbourTable a, NeighbourTable e) {
        assertThat(a.pointerArray()).isEqualTo(e.pointerArray());
        assertThat(a.itemArray()).isEqualTo(e.itemArray());
        assertThat(a.similarityArray()).isEqualTo(e.similarityArray());
    }

    private static void assertSameList(RankedList a, RankedList e) {
        assertThat(a.itemArray()).isEqualTo(e.itemArray());
        assertThat(a.scoreArray()).isEqualTo(e.scoreArray());
    }

    /** A structurally valid set of random content (no extra models: those need training). */
    static ModelSet random(Random r, int catalogSize, int segments, int users) {
        List<Provenance> provenance = new ArrayList<>();
        for (int p = 0; p < r.nextInt(3); p++) {
            provenance.add(new Provenance("algo" + p, Map.of("k", "v" + r.nextInt(), "ü", "中文"), r.nextLong(),
                    "fp" + p, Instant.ofEpochSecond(r.nextInt(1 << 30), r.nextInt(1_000_000_000)), r.nextInt(1000)));
        }
        ModelSet.Info info = new ModelSet.Info(r.nextInt(100), Instant.ofEpochMilli(r.nextLong() >>> 24),
                r.nextInt(10_000), "data-" + r.nextInt(), Long.toHexString(r.nextLong()), users, catalogSize,
                r.nextInt(1000), r.nextInt(1000), provenance);
        List<String> segNames = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            segNames.add("seg-" + s);
        }
        RankedList[] pop = new RankedList[segments];
        RankedList[] trend = new RankedList[segments];
        RankedList[] promo = new RankedList[segments];
        float[][] lift = new float[segments][];
        for (int s = 0; s < segments; s++) {
            pop[s] = list(r, catalogSize);
            trend[s] = list(r, catalogSize);
            promo[s] = list(r, catalogSize);
            lift[s] = floats(r, promo[s].size());
        }
        List<String> userIds = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            userIds.add("user-" + u + "-" + r.nextInt(1000));
        }
        // Rows may only hold entries when there is something for them to point at.
        int[] ptr = pointers(r, users, catalogSize == 0 ? 0 : 5);
        int[] pptr = pointers(r, users, catalogSize == 0 ? 0 : 3);
        int[] sptr = pointers(r, users, segments == 0 ? 0 : 2);
        byte[] types = new byte[ptr[users]];
        r.nextBytes(types);
        UserHistories h = new UserHistories(IdDictionary.of(userIds), ptr, items(r, ptr[users], catalogSize),
                types, pptr, items(r, pptr[users], catalogSize), sptr,
                items(r, sptr[users], segments));
        int categories = r.nextInt(4);
        int[][] catPop = new int[categories][];
        for (int c = 0; c < categories; c++) {
            catPop[c] = items(r, r.nextInt(5), catalogSize);
        }
        int[] nptr = pointers(r, catalogSize, catalogSize == 0 ? 0 : 4);
        NeighbourTable table = new NeighbourTable(nptr, items(r, nptr[catalogSize], catalogSize),
                floats(r, nptr[catalogSize]));
        return new ModelSet(info, catalogSize, table, NeighbourTable.EMPTY, list(r, catalogSize), list(r, catalogSize),
                floats(r, catalogSize), IdDictionary.of(segNames), pop, trend, promo, lift, h, List.of(), catPop);
    }

    private static int[] pointers(Random r, int rows, int maxPerRow) {
        int[] p = new int[rows + 1];
        for (int i = 0; i < rows; i++) {
            p[i + 1] = p[i] + r.nextInt(maxPerRow + 1);
        }
        return p;
    }

    private static int[] items(Random r, int n, int bound) {
        if (bound == 0) {
            return new int[0];
        }
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(bound);
        }
        return a;
    }

    private static float[] floats(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            // Any finite float, tiny to huge (trained scores are never NaN).
            float f;
            do {
                f = Float.intBitsToFloat(r.nextInt());
            } while (!Float.isFinite(f));
            a[i] = f;
        }
        return a;
    }

    private static RankedList list(Random r, int catalogSize) {
        int n = catalogSize == 0 ? 0 : r.nextInt(6);
        return new RankedList(items(r, n, catalogSize), floats(r, n));
    }
}
