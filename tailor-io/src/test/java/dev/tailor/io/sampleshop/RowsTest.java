// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RowsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void csvQuotesOnlyWhenNeeded() {
        Rows rows = new Rows(FileFormat.CSV, "a", "b", "c", "d", "e", "f");
        StringBuilder sb = new StringBuilder();
        rows.begin(sb);
        rows.text(sb, "plain 中文");
        rows.text(sb, "Size M, Black");
        rows.text(sb, "say \"hi\"");
        rows.text(sb, null);
        rows.list(sb, List.of("new", "deal"));
        rows.number(sb, 2.0);
        rows.end(sb);
        assertThat(rows.header()).isEqualTo("a,b,c,d,e,f\n");
        assertThat(sb).hasToString("plain 中文,\"Size M, Black\",\"say \"\"hi\"\"\",,new|deal,2\n");
    }

    @Test
    void jsonOmitsAbsentValuesAndWritesTypes() throws Exception {
        Rows rows = new Rows(FileFormat.JSONL, "id", "missing", "price", "ok", "tags", "value", "at");
        StringBuilder sb = new StringBuilder();
        rows.begin(sb);
        rows.text(sb, "i\"1\\\n");
        rows.text(sb, null);
        rows.literal(sb, "39.9");
        rows.literal(sb, "true");
        rows.list(sb, List.of("a", "b"));
        rows.number(sb, 1.5);
        rows.timestamp(sb, 0);
        rows.end(sb);
        assertThat(rows.header()).isEmpty();
        JsonNode node = JSON.readTree(sb.toString());
        assertThat(node.get("id").asText()).isEqualTo("i\"1\\\n");
        assertThat(node.has("missing")).isFalse();
        assertThat(node.get("price").decimalValue()).isEqualByComparingTo("39.9");
        assertThat(node.get("ok").booleanValue()).isTrue();
        assertThat(node.get("tags").get(1).asText()).isEqualTo("b");
        assertThat(node.get("value").doubleValue()).isEqualTo(1.5);
        assertThat(node.get("at").asText()).isEqualTo("1970-01-01T00:00:00.000Z");
    }

    @Test
    void refusesRowsWithMissingColumns() {
        Rows rows = new Rows(FileFormat.CSV, "a", "b");
        StringBuilder sb = new StringBuilder();
        rows.begin(sb);
        rows.text(sb, "x");
        assertThatThrownBy(() -> rows.end(sb)).isInstanceOf(IllegalStateException.class);
    }

    @Property
    void csvFieldsRoundTrip(@ForAll String a, @ForAll String b) {
        Rows rows = new Rows(FileFormat.CSV, "a", "b");
        StringBuilder sb = new StringBuilder();
        rows.begin(sb);
        rows.text(sb, a);
        rows.text(sb, b);
        rows.end(sb);
        List<List<String>> parsed = Csv.parse(sb.toString());
        assertThat(parsed).hasSize(1);
        assertThat(parsed.get(0)).containsExactly(a, b);
    }

    @Property
    void jsonStringsRoundTrip(@ForAll String s) throws Exception {
        StringBuilder sb = new StringBuilder();
        Rows.json(sb, s);
        assertThat(JSON.readTree(sb.toString()).asText()).isEqualTo(s);
    }
}
