// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import dev.tailor.server.ingest.Ingest;
import dev.tailor.server.ingest.RecordJson;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POST /v1/items, /v1/customers, /v1/events (one record) and their /batch forms ({@code {"items": [...]}}):
 * parse, validate every record, write all or nothing, answer with counts.
 */
final class IngestEndpoints {
    private final Services s;

    IngestEndpoints(Services s) {
        this.s = s;
    }

    void item(Context ctx) {
        JsonNode body = s.bodies().read(ctx);
        List<Problem> problems = new ArrayList<>();
        Optional<Item> item = RecordJson.item(body, "", problems);
        check(problems);
        answer(ctx, s.ingest().upsertItems(List.of(item.orElseThrow())));
    }

    void items(Context ctx) {
        List<JsonNode> records = batch(ctx, "items");
        List<Problem> problems = new ArrayList<>();
        List<Item> items = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            RecordJson.item(records.get(i), "items[" + i + "]", problems).ifPresent(items::add);
        }
        check(problems);
        answer(ctx, s.ingest().upsertItems(items));
    }

    void customer(Context ctx) {
        JsonNode body = s.bodies().read(ctx);
        List<Problem> problems = new ArrayList<>();
        Optional<Customer> c = RecordJson.customer(body, "", problems);
        check(problems);
        answer(ctx, s.ingest().upsertCustomers(List.of(c.orElseThrow())));
    }

    void customers(Context ctx) {
        List<JsonNode> records = batch(ctx, "customers");
        List<Problem> problems = new ArrayList<>();
        List<Customer> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            RecordJson.customer(records.get(i), "customers[" + i + "]", problems).ifPresent(out::add);
        }
        check(problems);
        answer(ctx, s.ingest().upsertCustomers(out));
    }

    void event(Context ctx) {
        JsonNode body = s.bodies().read(ctx);
        List<Problem> problems = new ArrayList<>();
        Optional<Event> e = RecordJson.event(body, "", problems, Instant.now());
        check(problems);
        answer(ctx, s.ingest().appendEvents(List.of(e.orElseThrow()), ""));
    }

    void events(Context ctx) {
        List<JsonNode> records = batch(ctx, "events");
        List<Problem> problems = new ArrayList<>();
        List<Event> out = new ArrayList<>(records.size());
        Instant now = Instant.now();
        for (int i = 0; i < records.size(); i++) {
            RecordJson.event(records.get(i), "events[" + i + "]", problems, now).ifPresent(out::add);
        }
        check(problems);
        answer(ctx, s.ingest().appendEvents(out, "events"));
    }

    /** The records of a batch body {@code {"<field>": [...]}}, at most maxBatch of them. */
    private List<JsonNode> batch(Context ctx, String field) {
        JsonNode body = s.bodies().read(ctx);
        if (!body.isObject()) {
            throw HttpProblem.badRequest("body", "expected an object {\"" + field + "\": [...]}");
        }
        List<Problem> problems = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals(field)) {
                problems.add(Problem.of(name, "unknown field; expected only \"" + field + "\""));
            }
        });
        JsonNode list = body.get(field);
        if (list == null || !list.isArray()) {
            problems.add(Problem.of(field, "expected an array of records"));
        } else if (list.isEmpty()) {
            problems.add(Problem.of(field, "empty; send at least one record"));
        }
        check(problems);
        if (list.size() > s.maxBatch()) {
            throw new HttpProblem(413, "batch-too-large", "Batch too large", field + " has " + list.size()
                    + " records; the limit is " + s.maxBatch() + " per request (split the batch)",
                    List.of(Problem.of(field, "at most " + s.maxBatch() + " records, was " + list.size())),
                    Map.of());
        }
        List<JsonNode> out = new ArrayList<>(list.size());
        list.forEach(out::add);
        return out;
    }

    private static void check(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static void answer(Context ctx, Ingest.Written w) {
        ObjectNode o = Json.object();
        o.put("accepted", w.accepted());
        o.put("added", w.added());
        Json.send(ctx, 200, o);
    }
}
