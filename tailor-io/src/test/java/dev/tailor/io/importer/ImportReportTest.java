// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.Problem;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportReportTest {
    @Test
    void summaryListsCountsRejectionsProblemsAndWarnings() {
        Map<String, Long> rejected = new LinkedHashMap<>();
        rejected.put("type", 3L);
        rejected.put("encoding", 1L);
        ImportReport r = new ImportReport("events.csv", 1_204, 0, 0, 1_195, 5, rejected,
                List.of(new Problem("events.csv", 7, "type", "unknown event type 'clik'"),
                        new Problem("events.csv", 9, "", "not valid UTF-8")),
                List.of("ignored columns extra"), Duration.ofMillis(1_500));
        assertThat(r.rejectedRows()).isEqualTo(4);
        assertThat(r.summary()).isEqualTo("""
                events.csv: read 1,204 rows, imported 0 items, 0 customers, 1,195 events in 1.5 s.
                Skipped 5 duplicate events.
                Rejected 4 rows (type: 3, encoding: 1)
                  events.csv:7: field 'type': unknown event type 'clik'
                  events.csv:9: not valid UTF-8
                  ... and 2 more rejected rows
                Note: ignored columns extra""");
    }

    @Test
    void aCleanImportIsOneLine() {
        ImportReport r = new ImportReport("u.data", 1, 0, 0, 1, 0, Map.of(), List.of(), List.of(), Duration.ZERO);
        assertThat(r.summary()).isEqualTo("u.data: read 1 row, imported 0 items, 0 customers, 1 event in 0.0 s.");
        assertThat(r.details()).isEmpty();
    }

    @Test
    void optionsRejectNonsense() {
        assertThatThrownBy(() -> ImportOptions.defaults().withBatchSize(0)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> ImportOptions.defaults().withMaxErrors(-1)).hasMessageContaining("maxErrors");
        assertThat(ImportOptions.defaults()).isEqualTo(new ImportOptions(0, 10_000, 20));
    }
}
