// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.ValidationException;
import dev.tailor.io.sampleshop.ProgressListener.Phase;
import dev.tailor.io.sampleshop.ProgressListener.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleShopGeneratorTest {
    private static final SampleShopConfig SMALL = SampleShopConfig.builder().items(300).customers(400).seed(7).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sameConfigGivesByteIdenticalFilesWhateverTheThreadCount(@TempDir Path dir) throws Exception {
        new SampleShopGenerator(SMALL).withThreads(1).writeFiles(dir.resolve("a"));
        new SampleShopGenerator(SMALL).withThreads(3).writeFiles(dir.resolve("b"));
        for (String f : List.of("items.csv", "customers.csv", "events.csv", "manifest.json")) {
            assertThat(sha256(dir.resolve("b").resolve(f))).as(f).isEqualTo(sha256(dir.resolve("a").resolve(f)));
        }
    }

    @Test
    void anotherSeedGivesAnotherShop(@TempDir Path dir) throws Exception {
        new SampleShopGenerator(SMALL).writeFiles(dir.resolve("a"));
        new SampleShopGenerator(SMALL.toBuilder().seed(8).build()).writeFiles(dir.resolve("b"));
        for (String f : List.of("items.csv", "customers.csv", "events.csv")) {
            assertThat(sha256(dir.resolve("b").resolve(f))).as(f).isNotEqualTo(sha256(dir.resolve("a").resolve(f)));
        }
    }

    @Test
    void storeWriterAndCsvFilesCarryTheSameRecords(@TempDir Path dir) throws Exception {
        CollectingWriter w = new CollectingWriter();
        SampleShopGenerator generator = new SampleShopGenerator(SMALL);
        generator.writeTo(w);
        generator.writeFiles(dir);
        assertThat(ShopFiles.items(dir.resolve("items.csv"))).isEqualTo(w.items);
        assertThat(ShopFiles.customers(dir.resolve("customers.csv"))).isEqualTo(w.customers);
        assertThat(ShopFiles.events(dir.resolve("events.csv"))).isEqualTo(w.events);
    }

    @Test
    void jsonLinesCarryTheSameRecords(@TempDir Path dir) throws Exception {
        CollectingWriter w = new CollectingWriter();
        SampleShopGenerator generator = new SampleShopGenerator(SMALL.toBuilder().impressions(true).build());
        generator.writeTo(w);
        generator.writeFiles(dir, FileFormat.JSONL, ProgressListener.NONE);

        List<String> itemLines = Files.readAllLines(dir.resolve("items.jsonl"));
        assertThat(itemLines).hasSameSizeAs(w.items);
        for (int k = 0; k < itemLines.size(); k++) {
            JsonNode n = JSON.readTree(itemLines.get(k));
            Item item = w.items.get(k);
            assertThat(n.get("id").asText()).isEqualTo(item.id());
            assertThat(n.get("title").asText()).isEqualTo(item.title());
            assertThat(n.get("price").decimalValue()).isEqualByComparingTo(item.price().amount());
            assertThat(n.get("available").booleanValue()).isEqualTo(item.available());
            String other = item.language().equals("zh") ? "en" : "zh";
            assertThat(n.get("title." + other).asText()).isEqualTo(item.localizedTitles().get(other));
            assertThat(n.has("title." + item.language())).isFalse();
        }
        List<String> eventLines = Files.readAllLines(dir.resolve("events.jsonl"));
        assertThat(eventLines).hasSameSizeAs(w.events);
        for (int k = 0; k < eventLines.size(); k++) {
            JsonNode n = JSON.readTree(eventLines.get(k));
            Event e = w.events.get(k);
            assertThat(n.get("type").asText()).isEqualTo(e.type().wireName());
            assertThat(n.get("timestamp").asText()).isEqualTo(IsoTime.format(e.timestamp().toEpochMilli()));
            assertThat(n.path("item_id").asText(null)).isEqualTo(e.itemId());
            assertThat(n.path("query").asText(null)).isEqualTo(e.query());
            assertThat(n.path("request_id").asText(null)).isEqualTo(e.requestId());
            assertThat(n.has("position") ? n.get("position").intValue() : null).isEqualTo(e.position());
            assertThat(n.get("value").doubleValue()).isEqualTo(e.value());
        }
        assertThat(Files.readAllLines(dir.resolve("customers.jsonl"))).hasSameSizeAs(w.customers);
    }

    @Test
    void writesExactlyTheConfiguredCountsInPhaseOrderAndBatches() {
        CollectingWriter w = new CollectingWriter();
        GenerationSummary s = new SampleShopGenerator(SMALL).withBatchSize(100).writeTo(w);
        assertThat(w.items).hasSize(300);
        assertThat(w.customers).hasSize(400);
        assertThat(s.items()).isEqualTo(300);
        assertThat(s.customers()).isEqualTo(400);
        assertThat(s.events()).isEqualTo(w.events.size()).isPositive();
        long byType = 0;
        for (EventType t : EventType.values()) {
            long n = w.events.stream().filter(e -> e.type() == t).count();
            assertThat(s.eventsByType().get(t)).as(t.wireName()).isEqualTo(n);
            byType += n;
        }
        assertThat(byType).isEqualTo(s.events());
        // Items, then customers, then events; full batches except each phase's last.
        assertThat(w.calls.toString()).matches("I{3}C{4}E+");
        assertThat(w.largestBatch).isEqualTo(100);
        assertThat(w.items.stream().map(Item::id).distinct().count()).isEqualTo(300);
        assertThat(w.items.get(0).id()).isEqualTo("i000000");
        assertThat(w.customers.get(399).id()).isEqualTo("u0000399");
    }

    /** The core's in-memory snapshot is a StoreWriter too: the shop feeds training without a database. */
    @Test
    void fillsASnapshotDirectly() {
        SnapshotBuilder builder = new SnapshotBuilder("sample-shop");
        GenerationSummary s = new SampleShopGenerator(SMALL).writeTo(builder);
        Snapshot snapshot = builder.build();
        assertThat(snapshot.numItems()).isEqualTo(300);
        assertThat(snapshot.numUsers()).isEqualTo(400);
        // Search events name no item and carry no user-item signal; the snapshot keeps everything else.
        assertThat((long) snapshot.interactions().size())
                .isEqualTo(s.events() - s.eventsByType().get(EventType.SEARCH));
        assertThat(snapshot.userFeatures().segments().size()).isEqualTo(Segments.ALL.size());
        assertThat(snapshot.itemFeatures().categories().size()).isGreaterThan(Taxonomy.LEAVES.size());
    }

    @Test
    void reportsProgressOnTheCallingThread() {
        List<Progress> seen = new ArrayList<>();
        Thread caller = Thread.currentThread();
        GenerationSummary s = new SampleShopGenerator(SMALL).withThreads(2).writeTo(new CollectingWriter(), p -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            seen.add(p);
        });
        assertThat(seen).extracting(Progress::phase).containsSubsequence(Phase.ITEMS, Phase.CUSTOMERS, Phase.EVENTS);
        for (int k = 1; k < seen.size(); k++) {
            Progress a = seen.get(k - 1);
            Progress b = seen.get(k);
            if (a.phase() == b.phase()) {
                assertThat(b.done()).isGreaterThan(a.done());
            }
            assertThat(b.events()).isGreaterThanOrEqualTo(a.events());
        }
        Progress last = seen.get(seen.size() - 1);
        assertThat(last).isEqualTo(new Progress(Phase.EVENTS, 400, 400, s.events()));
    }

    @Test
    void manifestRecordsConfigAndCounts(@TempDir Path dir) throws Exception {
        GenerationSummary s = new SampleShopGenerator(SMALL).writeFiles(dir);
        JsonNode m = JSON.readTree(dir.resolve("manifest.json").toFile());
        assertThat(m.get("algorithmVersion").intValue()).isEqualTo(SampleShopGenerator.ALGORITHM_VERSION);
        assertThat(m.get("config").get("seed").asText()).isEqualTo("7");
        assertThat(m.get("config").get("items").asText()).isEqualTo("300");
        assertThat(m.get("counts").get("events").longValue()).isEqualTo(s.events());
        assertThat(m.get("counts").get("events.purchase").longValue())
                .isEqualTo(s.eventsByType().get(EventType.PURCHASE));
        assertThat(m.get("files").get("events").asText()).isEqualTo("events.csv");
    }

    @Test
    void generatesTinyShops() {
        for (int items : new int[] {1, 5, 42, 43}) {
            CollectingWriter w = new CollectingWriter();
            new SampleShopGenerator(SampleShopConfig.builder().items(items).customers(3).build()).writeTo(w);
            assertThat(w.items).hasSize(items);
            assertThat(w.customers).hasSize(3);
            for (Event e : w.events) {
                assertThat(e.itemId() == null || w.items.stream().anyMatch(i -> i.id().equals(e.itemId()))).isTrue();
            }
        }
    }

    @Test
    void writerFailuresPropagateAndStopTheWorkers() throws InterruptedException {
        CollectingWriter failing = new CollectingWriter() {
            @Override
            public int appendEvents(List<Event> batch) {
                throw new IllegalStateException("disk full");
            }
        };
        assertThatThrownBy(() -> new SampleShopGenerator(SMALL).withThreads(3).withBatchSize(10).writeTo(failing))
                .isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        assertThat(failing.customers).hasSize(400);
        for (int k = 0; k < 100 && workersAlive(); k++) {
            Thread.sleep(20);
        }
        assertThat(workersAlive()).isFalse();
    }

    private static boolean workersAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("sample-shop-") && t.isAlive());
    }

    @Test
    void rejectsBadExecutionSettings() {
        SampleShopGenerator g = new SampleShopGenerator(SMALL);
        assertThatThrownBy(() -> g.withThreads(0)).isInstanceOf(ValidationException.class).hasMessageContaining("threads");
        assertThatThrownBy(() -> g.withBatchSize(0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("batchSize");
    }

    @Test
    void explainsUnwritableOutput(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> new SampleShopGenerator(SMALL).writeFiles(file.resolve("out")))
                .hasMessageContaining("cannot create output directory").hasMessageContaining("not-a-dir");
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
