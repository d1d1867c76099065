// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Gender;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.Problem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RecordJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2024-06-18T12:00:00Z");

    @Test
    void anItemWithEveryField() throws Exception {
        List<Problem> problems = new ArrayList<>();
        Item i = RecordJson.item(JSON.readTree("""
                {"id": " i1 ", "title": "手机壳", "description": "d", "category": "Electronics > Phone cases",
                 "brand": "Spigen", "price": "49.90", "currency": "cny", "attributes": {"Colour": "Black", "n": 2},
                 "tags": ["deal"], "available": false, "created_at": 1704067200000, "language": "zh",
                 "titles": {"en": "Phone case"}}"""), "", problems).orElseThrow();
        assertThat(problems).isEmpty();
        assertThat(i.id()).isEqualTo("i1");
        assertThat(i.categoryPath()).containsExactly("Electronics", "Phone cases");
        assertThat(i.price().amount()).isEqualTo(new BigDecimal("49.9"));
        assertThat(i.price().currency()).isEqualTo("CNY");
        assertThat(i.attributes()).containsEntry("colour", "Black").containsEntry("n", "2");
        assertThat(i.available()).isFalse();
        assertThat(i.createdAt()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(i.title("en")).isEqualTo("Phone case");
    }

    @Test
    void problemsCarryTheRecordPathAndEveryBadFieldIsReported() throws Exception {
        List<Problem> problems = new ArrayList<>();
        assertThat(RecordJson.item(JSON.readTree("""
                {"id": 7, "price": -1, "tags": ["a", 3], "available": "yes", "created_at": "soon", "extra": 1}"""),
                "items[4]", problems)).isEmpty();
        Map<String, String> byField = problems.stream().collect(Collectors.toMap(Problem::field, Problem::reason));
        assertThat(byField.keySet()).containsExactlyInAnyOrder("items[4].id", "items[4].title", "items[4].tags[1]",
                "items[4].available", "items[4].created_at", "items[4].extra");
        assertThat(byField.get("items[4].id")).isEqualTo("expected a string, got a number");
        problems.clear();
        // Field checks pass, the record's own validation fails: still located.
        assertThat(RecordJson.item(JSON.readTree("{\"id\": \"x\", \"title\": \"t\", \"price\": -1}"), "", problems))
                .isEmpty();
        assertThat(problems).extracting(Problem::field).containsExactly("price");
        problems.clear();
        assertThat(RecordJson.item(JSON.readTree("[1]"), "", problems)).isEmpty();
        assertThat(problems).extracting(Problem::field).containsExactly("body");
    }

    @Test
    void customersAndEvents() throws Exception {
        List<Problem> problems = new ArrayList<>();
        Customer c = RecordJson.customer(JSON.readTree("""
                {"id": "u1", "age": 34, "gender": "女", "segments": ["parents"], "signup_at": "2023-05-01T08:00:00Z"}"""),
                "", problems).orElseThrow();
        assertThat(c.gender()).isEqualTo(Gender.FEMALE);
        assertThat(c.segments()).containsExactly("parents");
        Event e = RecordJson.event(JSON.readTree("{\"type\": \"cart\", \"user_id\": \"u1\", \"item_id\": \"i1\"}"),
                "", problems, NOW).orElseThrow();
        assertThat(e.type()).isEqualTo(EventType.ADD_TO_CART);
        assertThat(e.timestamp()).isEqualTo(NOW);
        assertThat(e.value()).isEqualTo(1.0);
        Event s = RecordJson.event(JSON.readTree("{\"type\": \"search\", \"user_id\": \"u1\", \"query\": \"手机壳\","
                + " \"timestamp\": \"2024-01-01T00:00:00Z\", \"position\": 2, \"value\": 1.5}"), "", problems, NOW)
                .orElseThrow();
        assertThat(s.itemId()).isNull();
        assertThat(s.query()).isEqualTo("手机壳");
        assertThat(problems).isEmpty();
        assertThat(RecordJson.event(JSON.readTree("{\"type\": \"view\", \"user_id\": \"u1\", \"position\": -1, "
                + "\"item_id\": \"i\"}"), "events[0]", problems, NOW)).isEmpty();
        assertThat(problems).extracting(Problem::field).containsExactly("events[0].position");
        problems.clear();
        RecordJson.customer(JSON.readTree("{\"id\": \"u\", \"gender\": \"robot\", \"age\": 1.5}"), "", problems);
        assertThat(problems).extracting(Problem::field).containsExactlyInAnyOrder("gender", "age");
    }
}
