// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.testing.TestData;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.UserContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelIOTest {
    /** Small but with every feature in use: segments, repeated items, several event weights. */
    static final Snapshot SHOP = TestData.snapshot(25, TestData.randomRows(new SplittableRandom(4), 30, 25, 9),
            segments(30));

    /**
     * The specs the frozen files were written with (see {@link #freezeWhenAsked}), spelled out in full so that
     * a change of defaults cannot make today's model differ from the frozen one.
     */
    static final List<String> FROZEN_SPECS = List.of("random:seed=7", "pop:count=weighted,events=default",
            "trending:half-life=2h,events=default", "segment-pop:count=users,prior=3,events=default",
            "item-knn:k=5,sim=asymmetric,shrink=2,alpha=0.7,weighting=bm25,bm25-k1=1.2,bm25-b=0.75,normalize=false,"
                    + "exponent=1,recency=0.9,events=default",
            "user-knn:k=4,sim=cosine,shrink=10,alpha=0.5,weighting=tfidf,bm25-k1=1.2,bm25-b=0.75,fold-in=false,"
                    + "events=default");

    static String[][] segments(int users) {
        String[][] s = new String[users][];
        for (int u = 0; u < users; u++) {
            s[u] = u % 3 == 0 ? new String[] {"a"} : u % 3 == 1 ? new String[] {"a", "b"} : null;
        }
        return s;
    }

    static byte[] bytes(RecommenderModel m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelIO.standard().write(m, out);
        return out.toByteArray();
    }

    /** Same data, config and scores: bit for bit after a round trip. */
    static void assertSameModel(RecommenderModel actual, RecommenderModel expected) {
        assertEquivalent(actual, expected, 0f);
        assertThat(actual.provenance().dataFingerprint()).isEqualTo(expected.provenance().dataFingerprint());
    }

    /**
     * Same algorithm, config and scores within {@code tolerance} (a model trained on another machine may differ
     * in the last bits where {@code Math.pow} is a CPU intrinsic).
     */
    static void assertEquivalent(RecommenderModel actual, RecommenderModel expected, float tolerance) {
        assertThat(actual.name()).isEqualTo(expected.name());
        assertThat(actual.itemCount()).isEqualTo(expected.itemCount());
        Provenance a = actual.provenance();
        Provenance e = expected.provenance();
        assertThat(a.algorithm()).isEqualTo(e.algorithm());
        assertThat(a.config()).isEqualTo(e.config());
        assertThat(a.seed()).isEqualTo(e.seed());
        for (int u = -1; u < SHOP.numUsers(); u++) {
            UserContext c = u < 0 ? UserContext.of(-1, new int[] {3, 1, 3}) : TestData.contextOf(SHOP, u);
            assertThat(TestData.scores(actual, c)).as("user %d", u)
                    .containsExactly(TestData.scores(expected, c), within(tolerance));
        }
    }

    @Test
    void everyAlgorithmRoundTrips() {
        for (String spec : FROZEN_SPECS) {
            RecommenderModel m = Algorithms.parse(spec).train(SHOP);
            SavableModel back = ModelIO.standard().read(new ByteArrayInputStream(bytes(m)));
            assertSameModel(back, m);
            assertThat(back.provenance()).isEqualTo(m.provenance());
        }
    }

    @Test
    void severalModelsCanFollowEachOtherInOneStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecommenderModel pop = Algorithms.parse("pop").train(SHOP);
        RecommenderModel knn = Algorithms.parse("item-knn").train(SHOP);
        ModelIO.standard().write(pop, out);
        ModelIO.standard().write(knn, out);
        InputStream in = new ByteArrayInputStream(out.toByteArray());
        assertSameModel(ModelIO.standard().read(in), pop);
        assertSameModel(ModelIO.standard().read(in), knn);
    }

    @Test
    void savesAndLoadsFiles(@TempDir Path dir) {
        RecommenderModel m = Algorithms.parse("user-knn:k=3").train(SHOP);
        Path file = dir.resolve("sub/user-knn.tlrm");
        ModelIO.standard().save(m, file);
        assertSameModel(ModelIO.standard().load(file), m);
    }

    @Test
    void rejectsWhatIsNotAModel() {
        assertThatThrownBy(() -> ModelIO.standard().read(new ByteArrayInputStream("hello world".getBytes())))
                .isInstanceOf(TailorException.class).hasMessageContaining("not a Tailor model");
    }

    @Test
    void detectsTruncationAndCorruption() {
        byte[] b = bytes(Algorithms.parse("item-knn").train(SHOP));
        assertThatThrownBy(() -> ModelIO.standard().read(new ByteArrayInputStream(Arrays.copyOf(b, b.length / 2))))
                .isInstanceOf(TailorException.class).hasMessageContaining("truncated");
        byte[] flipped = b.clone();
        flipped[b.length - 10] ^= 0x10; // a similarity's low mantissa bits: structurally still valid
        assertThatThrownBy(() -> ModelIO.standard().read(new ByteArrayInputStream(flipped)))
                .isInstanceOf(TailorException.class).hasMessageContaining("checksum");
    }

    @Test
    void rejectsNewerFormatsAndUnknownAlgorithms() {
        byte[] b = bytes(Algorithms.parse("pop").train(SHOP));
        byte[] newer = b.clone();
        newer[7] = 9; // format version int, big-endian, lives in bytes 4..7
        assertThatThrownBy(() -> ModelIO.standard().read(new ByteArrayInputStream(newer)))
                .hasMessageContaining("format 9 is not supported").hasMessageContaining("newer");
        byte[] renamed = b.clone();
        int at = indexOf(renamed, "pop".getBytes());
        renamed[at] = 'q';
        assertThatThrownBy(() -> ModelIO.standard().read(new ByteArrayInputStream(renamed)))
                .hasMessageContaining("'qop'").hasMessageContaining("known: random, pop");
    }

    @Test
    void refusesToSaveModelsItCannotReadBack() {
        RecommenderModel alien = new RecommenderModel() {
            @Override
            public String name() {
                return "alien";
            }

            @Override
            public int itemCount() {
                return 0;
            }

            @Override
            public void scoreAll(UserContext user, float[] out) {
            }

            @Override
            public Provenance provenance() {
                return null;
            }
        };
        assertThatThrownBy(() -> ModelIO.standard().write(alien, new ByteArrayOutputStream()))
                .isInstanceOf(TailorException.class).hasMessageContaining("does not support saving");
    }

    /**
     * Files written by format 1 must stay readable: each frozen model must load and score exactly like a model
     * trained now with the same spec on the same data. Regenerate only for a deliberate format change, with
     * {@code -Dtailor.freeze=true}, and keep the old files' readers.
     */
    @Test
    void frozenFormatOneFilesStillLoad() throws IOException {
        for (String spec : FROZEN_SPECS) {
            RecommenderModel fresh = Algorithms.parse(spec).train(SHOP);
            String resource = "/models/v1/" + fresh.name() + ".tlrm";
            try (InputStream in = ModelIOTest.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                SavableModel frozen = ModelIO.standard().read(in);
                assertEquivalent(frozen, fresh, 1e-5f);
                // The fingerprint is core's business and may change with it; here it only has to survive.
                assertThat(frozen.provenance().dataFingerprint()).matches("[0-9a-f]{16}");
                assertThat(frozen.provenance().trainMillis()).isNotNegative();
            }
        }
    }

    @Test
    void freezeWhenAsked() throws IOException {
        // Regenerates the files read by frozenFormatOneFilesStillLoad; run from the module folder.
        assumeTrue(Boolean.getBoolean("tailor.freeze"), "writes the frozen files only with -Dtailor.freeze=true");
        Path dir = Path.of("src/test/resources/models/v1");
        Files.createDirectories(dir);
        for (String spec : FROZEN_SPECS) {
            RecommenderModel m = Algorithms.parse(spec).train(SHOP);
            ModelIO.standard().save(m, dir.resolve(m.name() + ".tlrm"));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
