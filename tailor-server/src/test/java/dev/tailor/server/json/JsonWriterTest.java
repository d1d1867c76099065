// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesNestedStructuresWithSeparators() {
        JsonWriter w = new JsonWriter(4);
        w.beginObject().name("a").value(1).name("b").beginArray().value("x").value(true).nullValue()
                .beginObject().endObject().endArray().name("c").value(2.5).endObject();
        assertThat(w.toString()).isEqualTo("{\"a\":1,\"b\":[\"x\",true,null,{}],\"c\":2.5}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        JsonWriter w = new JsonWriter();
        w.value("a\"b\\c\nd\te\u0001\u001f");
        assertThat(w.toString()).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\\u001f\"");
    }

    @Test
    void encodesChineseAndSupplementaryCharactersAsUtf8AndReplacesLoneSurrogates() throws IOException {
        JsonWriter w = new JsonWriter();
        w.beginArray().value("手机壳").value("\uD83D\uDE00").value("x\uD800y").endArray();
        JsonNode n = JSON.readTree(w.toByteArray());
        assertThat(n.get(0).asText()).isEqualTo("手机壳");
        assertThat(n.get(1).asText()).isEqualTo("\uD83D\uDE00");
        assertThat(n.get(2).asText()).isEqualTo("x\uFFFDy");
        assertThat(w.toByteArray()).hasSize(1 + (2 + 9) + 1 + (2 + 4) + 1 + (2 + 5) + 1);
    }

    @Test
    void scoresAreRoundedToFourDecimalsWithoutTrailingZeros() {
        assertThat(score(0.87314f)).isEqualTo("0.8731");
        assertThat(score(0.87315f)).isIn("0.8731", "0.8732");
        assertThat(score(1.2f)).isEqualTo("1.2");
        assertThat(score(1f)).isEqualTo("1");
        assertThat(score(0.0001f)).isEqualTo("0.0001");
        assertThat(score(0.00004f)).isEqualTo("0");
        assertThat(score(-0.5f)).isEqualTo("-0.5");
        assertThat(score(12.05f)).isEqualTo("12.05");
        assertThat(score(Float.NaN)).isEqualTo("null");
    }

    private static String score(float v) {
        return new JsonWriter().score(v).toString();
    }

    @Test
    void doublesUseTheShortestFormAndNonFiniteBecomesNull() {
        assertThat(new JsonWriter().value(2999.0).toString()).isEqualTo("2999");
        assertThat(new JsonWriter().value(39.9).toString()).isEqualTo("39.9");
        assertThat(new JsonWriter().value(Double.POSITIVE_INFINITY).toString()).isEqualTo("null");
    }

    @Test
    void preEncodedNamesAndRawMembersSpliceIn() {
        byte[] key = JsonWriter.key("score");
        JsonWriter w = new JsonWriter();
        w.beginObject().rawMembers("\"id\":\"a\",\"n\":1".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .name(key).value(3).rawMembers(new byte[0]).endObject();
        assertThat(w.toString()).isEqualTo("{\"id\":\"a\",\"n\":1,\"score\":3}");
    }

    @Test
    void aRepeatedStringInstanceIsCopiedNotReencoded() throws IOException {
        String reason = "Because you viewed \"雪峰\" chair";
        JsonWriter w = new JsonWriter();
        w.beginArray().value(reason).value("other").value(reason).value(reason).endArray();
        JsonNode n = JSON.readTree(w.toByteArray());
        assertThat(n.get(0).asText()).isEqualTo(reason);
        assertThat(n.get(2).asText()).isEqualTo(reason);
        assertThat(n.get(3).asText()).isEqualTo(reason);
        assertThat(w.reset().length()).isZero();
    }

    @Property(tries = 300)
    void anyWellFormedStringRoundTripsThroughJackson(@ForAll String s) throws IOException {
        String clean = s.codePoints().filter(cp -> !Character.isSurrogate((char) cp) || cp > 0xFFFF)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        JsonWriter w = new JsonWriter(1);
        w.beginObject().name(clean).value(clean).endObject();
        JsonNode n = JSON.readTree(w.toByteArray());
        assertThat(n.get(clean).asText()).isEqualTo(clean);
    }
}
