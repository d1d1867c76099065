// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Gender;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImporterTest {
    @TempDir
    Path tmp;

    private static Problem firstProblem(ImportFailedException e) {
        return e.report().problems().get(0);
    }

    private static ImportFailedException failure(Importer importer, Path file) {
        try {
            importer.importInto(file, new RecordingWriter());
        } catch (ImportFailedException e) {
            return e;
        }
        throw new AssertionError("expected the import of " + file + " to fail");
    }

    @Test
    void readsEveryEventColumnIncludingQuotedMultiLineFields() {
        RecordingWriter w = new RecordingWriter();
        ImportReport report = CsvImporter.of(RecordKind.EVENTS).importInto(TestFiles.resource("csv/events.csv"), w);

        assertThat(report.rowsRead()).isEqualTo(7);
        assertThat(report.eventsImported()).isEqualTo(7);
        List<Event> e = w.events;
        assertThat(e.get(0)).isEqualTo(new Event(EventType.VIEW, "u1", "i1", 1.0,
                Instant.ofEpochSecond(1_700_000_000), "s1", "home", "r1", null, 0));
        assertThat(e.get(1).timestamp()).as("13 digits are epoch millis").isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(e.get(1).value()).isEqualTo(2.0);
        assertThat(e.get(2).timestamp()).isEqualTo(Instant.parse("2023-11-14T22:15:00Z"));
        assertThat(e.get(3).type()).isEqualTo(EventType.SEARCH);
        assertThat(e.get(3).itemId()).isNull();
        assertThat(e.get(3).query()).isEqualTo("red shoes, size 42");
        assertThat(e.get(3).timestamp()).as("space for T, no zone = UTC").isEqualTo(Instant.parse("2023-11-14T22:20:00Z"));
        assertThat(e.get(4).timestamp()).isEqualTo(Instant.parse("2023-11-15T00:00:00Z"));
        assertThat(e.get(4).value()).isEqualTo(4.5);
        assertThat(e.get(5).position()).isEqualTo(3);
        assertThat(e.get(6).type()).as("alias pv").isEqualTo(EventType.VIEW);
        assertThat(e.get(6).query()).isEqualTo("a \"quoted\"\nmulti-line query");
    }

    @Test
    void crlfLineEndingsAndAliasesWork() {
        RecordingWriter w = new RecordingWriter();
        CsvImporter.of(RecordKind.EVENTS).importInto(TestFiles.resource("csv/events-crlf.csv"), w);
        assertThat(w.events).extracting(Event::type).containsExactly(EventType.VIEW, EventType.PURCHASE);
        assertThat(w.events.get(1).itemId()).isEqualTo("i2");
    }

    @Test
    void unknownEventTypeNamesLineFieldAndAllowedTypes() {
        ImportFailedException e = failure(CsvImporter.of(RecordKind.EVENTS),
                TestFiles.resource("csv/events-bad-type.csv"));
        assertThat(firstProblem(e)).isEqualTo(new Problem("events-bad-type.csv", 3, "type",
                firstProblem(e).reason()));
        assertThat(firstProblem(e).reason()).contains("'clik'", "view, click, add-to-cart, purchase, rating");
    }

    @Test
    void unparsableTimestampSaysWhichFormatsAreAccepted() {
        ImportFailedException e = failure(CsvImporter.of(RecordKind.EVENTS),
                TestFiles.resource("csv/events-bad-timestamp.csv"));
        Problem p = firstProblem(e);
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.field()).isEqualTo("timestamp");
        assertThat(p.reason()).contains("'14/11/2023 10:00'", "epoch seconds", "epoch milliseconds", "ISO-8601");
        assertThat(e.report().eventsImported()).as("the good rows were still in the unflushed batch")
                .isZero();
    }

    @Test
    void missingRequiredColumnNamesItAndListsTheHeaderFound() {
        ImportFailedException e = failure(CsvImporter.of(RecordKind.EVENTS),
                TestFiles.resource("csv/events-missing-column.csv"));
        Problem p = firstProblem(e);
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.field()).isEqualTo("user_id");
        assertThat(p.reason()).contains("missing required column user_id",
                "header found: user, item_id, type, timestamp");
    }

    @Test
    void duplicateHeaderNamesAreRefusedCaseInsensitively() {
        ImportFailedException e = failure(CsvImporter.of(RecordKind.EVENTS),
                TestFiles.resource("csv/events-duplicate-header.csv"));
        assertThat(firstProblem(e).reason()).contains("duplicate column name 'Item_ID' (columns 2 and 5)");
    }

    @Test
    void wrongNumberOfFieldsIsARejectedRow() {
        RecordingWriter w = new RecordingWriter();
        ImportReport r = CsvImporter.of(RecordKind.EVENTS).importInto(TestFiles.resource("csv/events-field-count.csv"),
                w, ImportOptions.defaults().withMaxErrors(5), ImportProgress.NONE);
        assertThat(r.eventsImported()).isEqualTo(2);
        assertThat(r.rejectedByReason()).containsExactly(Map.entry("field count", 1L));
        assertThat(r.problems().get(0).line()).isEqualTo(3);
        assertThat(r.problems().get(0).reason()).contains("expected 4 fields", "found 3");
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheLineWhereItOpened() {
        ImportFailedException e = failure(CsvImporter.of(RecordKind.EVENTS),
                TestFiles.resource("csv/events-unclosed-quote.csv"));
        Problem p = firstProblem(e);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.field()).isEqualTo("item_id");
        assertThat(e.report().rejectedByReason()).containsKey("csv quoting");
    }

    @Test
    void malformedUtf8NamesFileAndLineAndTheRestStillImports() {
        Path file = TestFiles.resource("csv/events-bad-encoding.csv");
        ImportFailedException e = failure(CsvImporter.of(RecordKind.EVENTS), file);
        assertThat(firstProblem(e).toString()).startsWith("events-bad-encoding.csv:3: not valid UTF-8: byte 0xE9");
        assertThat(firstProblem(e).reason()).contains("ISO-8859-1");

        RecordingWriter w = new RecordingWriter();
        ImportReport lenient = CsvImporter.of(RecordKind.EVENTS).importInto(file, w,
                ImportOptions.defaults().withMaxErrors(1), ImportProgress.NONE);
        assertThat(lenient.eventsImported()).isEqualTo(2);
        assertThat(lenient.rejectedByReason()).containsExactly(Map.entry("encoding", 1L));

        RecordingWriter latin1 = new RecordingWriter();
        CsvImporter.of(RecordKind.EVENTS).withCharset(StandardCharsets.ISO_8859_1).importInto(file, latin1);
        assertThat(latin1.events.get(1).userId()).isEqualTo("ué");
    }

    @Test
    void aMappingRenamesColumnsAndProblemsNameTheFilesColumn() {
        ColumnMapping m = ColumnMapping.parse(List.of("user_id=customer", "item_id=sku", "type=action",
                "timestamp=when"));
        RecordingWriter w = new RecordingWriter();
        ImportReport r = CsvImporter.of(RecordKind.EVENTS).withMapping(m)
                .importInto(TestFiles.resource("csv/events-mapped.csv"), w);
        assertThat(w.events).extracting(Event::itemId).containsExactly("A-1", "A-2");
        assertThat(r.warnings()).singleElement().asString().contains("ignored columns extra");

        Path bad = TestFiles.write(tmp, "bad.csv", "customer,sku,action,when\nc1,A-1,fly,1\n", StandardCharsets.UTF_8);
        ImportFailedException e = failure(CsvImporter.of(RecordKind.EVENTS).withMapping(m), bad);
        assertThat(firstProblem(e).field()).isEqualTo("action");
    }

    @Test
    void mappingsAreCheckedAgainstTheKindAndTheHeader() {
        assertThatThrownBy(() -> CsvImporter.of(RecordKind.EVENTS).withMapping(ColumnMapping.parse(List.of(
                "user=customer")))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'user' is not a field of events; expected one of user_id, type, timestamp");
        assertThatThrownBy(() -> ColumnMapping.parse(List.of("user_id"))).hasMessageContaining("field=column");

        ImportFailedException e = failure(CsvImporter.of(RecordKind.EVENTS).withMapping(
                ColumnMapping.parse(List.of("user_id=uid"))), TestFiles.resource("csv/events-mapped.csv"));
        assertThat(firstProblem(e).reason()).contains("column 'uid' (mapped to user_id) is not in the header",
                "header found: customer, sku, action, when, extra");
    }

    @Test
    void readsItemsWithPathsTagsAttributesAndLocalizedTitles() {
        RecordingWriter w = new RecordingWriter();
        CsvImporter.of(RecordKind.ITEMS).importInto(TestFiles.resource("csv/items.csv"), w);
        Item shoe = w.items.get(0);
        assertThat(shoe.description()).isEqualTo("Light, breathable.\nGood for daily runs.");
        assertThat(shoe.categoryPath()).containsExactly("Shoes", "Running");
        assertThat(shoe.price().amount()).isEqualByComparingTo(new BigDecimal("59.9"));
        assertThat(shoe.price().currency()).isEqualTo("EUR");
        assertThat(shoe.tags()).containsExactly("new", "eco");
        assertThat(shoe.attributes()).isEqualTo(Map.of("colour", "red", "size", "42", "material", "mesh"));
        assertThat(shoe.title("zh")).isEqualTo("红色跑鞋");
        assertThat(shoe.createdAt()).isEqualTo(Instant.parse("2024-01-05T00:00:00Z"));
        Item phoneCase = w.items.get(1);
        assertThat(phoneCase.categoryPath()).containsExactly("Electronics", "Phones", "Cases");
        assertThat(phoneCase.available()).isFalse();
        assertThat(phoneCase.price().currency()).isEqualTo("USD");
    }

    @Test
    void nonNumericPriceIsRejectedWithItsField() {
        RecordingWriter w = new RecordingWriter();
        ImportReport r = CsvImporter.of(RecordKind.ITEMS).importInto(TestFiles.resource("csv/items-bad-price.csv"), w,
                ImportOptions.defaults().withMaxErrors(10), ImportProgress.NONE);
        assertThat(w.items).extracting(Item::id).containsExactly("sku-1");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.field()).isEqualTo("price");
            assertThat(p.reason()).contains("'$9.00'", "no currency symbol");
        });
    }

    @Test
    void readsCustomers() {
        RecordingWriter w = new RecordingWriter();
        CsvImporter.of(RecordKind.CUSTOMERS).importInto(TestFiles.resource("csv/customers.csv"), w);
        Customer c1 = w.customers.get(0);
        assertThat(c1.age()).isEqualTo(34);
        assertThat(c1.gender()).isEqualTo(Gender.FEMALE);
        assertThat(c1.signupAt()).isEqualTo(Instant.parse("2023-05-01T08:00:00Z"));
        assertThat(c1.segments()).containsExactly("young-adults", "runners");
        assertThat(c1.attributes()).containsEntry("tier", "gold");
        assertThat(w.customers.get(1)).isEqualTo(Customer.anonymous("c2"));
        assertThat(w.customers.get(2).gender()).isEqualTo(Gender.MALE);
    }

    @Test
    void nonNumericAgeIsRejected() {
        ImportFailedException e = failure(CsvImporter.of(RecordKind.CUSTOMERS),
                TestFiles.resource("csv/customers-bad-age.csv"));
        assertThat(firstProblem(e)).satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.field()).isEqualTo("age");
        });
    }

    @Test
    void writesInBatchesAndCountsDuplicates() {
        StringBuilder csv = new StringBuilder("user_id,item_id,type,timestamp\n");
        for (int i = 0; i < 25; i++) {
            csv.append("u,i").append(i % 20).append(",view,").append(1_700_000_000 + i % 20).append('\n');
        }
        Path file = TestFiles.write(tmp, "dups.csv", csv.toString(), StandardCharsets.UTF_8);
        RecordingWriter w = new RecordingWriter();
        List<long[]> progress = new ArrayList<>();
        ImportReport r = CsvImporter.of(RecordKind.EVENTS).importInto(file, w,
                ImportOptions.defaults().withBatchSize(10), new ImportProgress() {
                    @Override
                    public void begin(long totalBytes) {
                        progress.add(new long[] {totalBytes, -1});
                    }

                    @Override
                    public void advance(long bytesRead, long rowsRead) {
                        progress.add(new long[] {bytesRead, rowsRead});
                    }
                });
        assertThat(w.batchSizes).containsExactly(10, 10, 5);
        assertThat(r.eventsImported()).isEqualTo(20);
        assertThat(r.duplicateEvents()).isEqualTo(5);
        assertThat(r.summary()).contains("Skipped 5 duplicate events");
        long size = file.toFile().length();
        assertThat(progress.get(0)).containsExactly(size, -1);
        assertThat(progress.get(progress.size() - 1)).containsExactly(size, 25);
    }

    @Test
    void aTruncatedGzipFailsWithTheLineWhereReadingStopped() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write("user_id,item_id,type,timestamp\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 50_000; i++) {
                gz.write(("u" + i + ",i" + i + ",view," + (1_700_000_000 + i) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] whole = buf.toByteArray();
        Path file = TestFiles.write(tmp, "events.csv.gz", Arrays.copyOf(whole, whole.length / 2));
        ImportFailedException e = failure(CsvImporter.of(RecordKind.EVENTS), file);
        assertThat(e.reason()).isEqualTo("cannot read the input");
        assertThat(firstProblem(e).source()).isEqualTo("events.csv.gz");
        assertThat(firstProblem(e).line()).isGreaterThan(1);
        assertThat(firstProblem(e).reason()).contains("Unexpected end of ZLIB input stream");
    }

    @Test
    void emptyFileAndMissingFileFailClearly() {
        Path empty = TestFiles.write(tmp, "empty.csv", "", StandardCharsets.UTF_8);
        assertThat(failure(CsvImporter.of(RecordKind.ITEMS), empty).getMessage())
                .contains("the file is empty; expected a header row", "id,title");
        assertThat(failure(CsvImporter.of(RecordKind.ITEMS), tmp.resolve("nope.csv")).getMessage())
                .contains("no such file");
    }
}
