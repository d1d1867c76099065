// SPDX-License-Identifier: Apache-2.0
package dev.tailor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.ArchivedModel;
import dev.tailor.core.store.ModelArchive;
import dev.tailor.core.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ModelArchive} must do, run per backend by a subclass. */
abstract class ModelArchiveContractTest {
    /** Crosses two chunk boundaries and ends inside the third chunk. */
    static final int LARGE = 2 * JdbcModelArchive.CHUNK_BYTES + 12_345;

    protected String spec;
    protected Store store;
    protected ModelArchive archive;

    protected abstract String newSpec();

    @BeforeEach
    void open() {
        spec = newSpec();
        store = JdbcStores.open(spec);
        archive = store.modelArchive().orElseThrow();
    }

    @AfterEach
    void close() {
        store.close();
    }

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static ArchivedModel save(ModelArchive archive, String kind, Map<String, String> meta, byte[] blob) {
        return archive.save(kind, meta, out -> {
            try {
                // Odd-sized writes, so that writes straddle chunk boundaries.
                for (int at = 0; at < blob.length; at += 100_003) {
                    out.write(blob, at, Math.min(100_003, blob.length - at));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static byte[] readAll(ModelArchive archive, ArchivedModel entry) {
        return archive.read(entry, in -> {
            try {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void anEmptyArchiveHasNoEntries() {
        assertThat(archive.latest("model-set")).isEmpty();
        assertThat(archive.list("model-set")).isEmpty();
        assertThat(archive.prune("model-set", 0)).isZero();
    }

    @Test
    void aLargeBlobRoundTripsWithItsMetadata() {
        byte[] blob = bytes(LARGE, 1);
        ArchivedModel saved = save(archive, "model-set", Map.of("catalog", "abc", "format", "1"), blob);
        assertThat(saved.bytes()).isEqualTo(LARGE);
        assertThat(saved.kind()).isEqualTo("model-set");

        ArchivedModel latest = archive.latest("model-set").orElseThrow();
        assertThat(latest.id()).isEqualTo(saved.id());
        assertThat(latest.bytes()).isEqualTo(LARGE);
        assertThat(latest.metadata()).isEqualTo(Map.of("catalog", "abc", "format", "1"));
        assertThat(latest.savedAt()).isEqualTo(saved.savedAt());
        assertThat(readAll(archive, latest)).isEqualTo(blob);
    }

    @Test
    void byteAtATimeReadsAndEmptyBlobsWork() {
        byte[] small = {1, 2, (byte) 0xff};
        ArchivedModel e = save(archive, "m", Map.of(), small);
        int[] read = archive.read(e, in -> {
            try {
                return new int[] {in.read(), in.read(), in.read(), in.read()};
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        });
        assertThat(read).containsExactly(1, 2, 255, -1);
        ArchivedModel empty = save(archive, "m", Map.of(), new byte[0]);
        assertThat(empty.bytes()).isZero();
        assertThat(readAll(archive, empty)).isEmpty();
    }

    @Test
    void latestIsTheNewestAndListIsNewestFirstPerKind() {
        ArchivedModel a = save(archive, "model-set", Map.of("n", "1"), bytes(10, 1));
        ArchivedModel other = save(archive, "other", Map.of(), bytes(10, 2));
        ArchivedModel b = save(archive, "model-set", Map.of("n", "2"), bytes(20, 3));
        assertThat(b.id()).isGreaterThan(a.id());
        assertThat(archive.latest("model-set").orElseThrow().metadata()).containsEntry("n", "2");
        assertThat(archive.list("model-set")).extracting(ArchivedModel::id).containsExactly(b.id(), a.id());
        assertThat(archive.list("other")).extracting(ArchivedModel::id).containsExactly(other.id());
        assertThat(readAll(archive, a)).isEqualTo(bytes(10, 1));
    }

    @Test
    void aFailedSaveLeavesThePreviousLatestIntact() {
        byte[] first = bytes(1000, 7);
        ArchivedModel kept = save(archive, "model-set", Map.of("n", "1"), first);
        // The writer fails after more than a chunk has gone to the database.
        assertThatThrownBy(() -> archive.save("model-set", Map.of("n", "2"), out -> {
            try {
                out.write(bytes(JdbcModelArchive.CHUNK_BYTES + 10, 8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("encoder failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("encoder failed");

        assertThat(archive.list("model-set")).extracting(ArchivedModel::id).containsExactly(kept.id());
        ArchivedModel latest = archive.latest("model-set").orElseThrow();
        assertThat(latest.metadata()).containsEntry("n", "1");
        assertThat(readAll(archive, latest)).isEqualTo(first);
        // And the archive still takes new entries.
        assertThat(save(archive, "model-set", Map.of("n", "3"), bytes(5, 9)).id()).isGreaterThan(kept.id());
    }

    @Test
    void pruneKeepsTheNewestEntries() {
        long[] ids = new long[4];
        for (int i = 0; i < 4; i++) {
            ids[i] = save(archive, "model-set", Map.of(), bytes(100 + i, i)).id();
        }
        save(archive, "other", Map.of(), bytes(5, 5));
        List<ArchivedModel> before = archive.list("model-set");

        assertThat(archive.prune("model-set", 2)).isEqualTo(2);
        assertThat(archive.list("model-set")).extracting(ArchivedModel::id).containsExactly(ids[3], ids[2]);
        assertThat(archive.list("other")).hasSize(1);
        assertThat(archive.prune("model-set", 2)).isZero();
        ArchivedModel gone = before.get(3);
        assertThatThrownBy(() -> readAll(archive, gone)).isInstanceOf(TailorException.class)
                .hasMessageContaining("no longer in");
        assertThat(readAll(archive, archive.latest("model-set").orElseThrow())).isEqualTo(bytes(103, 3));
        assertThatThrownBy(() -> archive.prune("model-set", -1)).isInstanceOf(ValidationException.class);
    }

    @Test
    void aReaderMayStopEarly() {
        ArchivedModel e = save(archive, "m", Map.of(), bytes(LARGE, 4));
        int first = archive.read(e, (InputStream in) -> {
            try {
                return in.read();
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        });
        assertThat((byte) first).isEqualTo(bytes(1, 4)[0]);
    }

    @Test
    void badKindsAreRejected() {
        assertThatThrownBy(() -> archive.latest("")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> save(archive, "no spaces", Map.of(), new byte[0]))
                .isInstanceOf(ValidationException.class).hasMessageContaining("kind");
    }

    @Test
    void writerOutputStreamFlushAndCloseAreHarmless() {
        ArchivedModel e = archive.save("m", Map.of(), (OutputStream out) -> {
            try {
                out.write(42);
                out.flush();
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        });
        assertThat(readAll(archive, e)).containsExactly(42);
    }
}
