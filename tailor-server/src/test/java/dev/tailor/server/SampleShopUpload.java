// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.Item;
import dev.tailor.core.store.StoreWriter;
import dev.tailor.io.sampleshop.SampleShopConfig;
import dev.tailor.io.sampleshop.SampleShopGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Generates a small sample shop and posts it through the ingest API in batches, as a shop would. */
final class SampleShopUpload {
    final List<Item> items = new ArrayList<>();
    final List<Customer> customers = new ArrayList<>();
    final List<Event> events = new ArrayList<>();

    static SampleShopUpload generate(int items, int customers, double sessions, long seed) {
        SampleShopUpload u = new SampleShopUpload();
        SampleShopConfig config = SampleShopConfig.builder().items(items).customers(customers).seed(seed)
                .meanSessionsPerCustomer(sessions).build();
        new SampleShopGenerator(config).writeTo(new StoreWriter() {
            @Override
            public void upsertItems(List<Item> batch) {
                u.items.addAll(batch);
            }

            @Override
            public void upsertCustomers(List<Customer> batch) {
                u.customers.addAll(batch);
            }

            @Override
            public int appendEvents(List<Event> batch) {
                u.events.addAll(batch);
                return batch.size();
            }
        });
        return u;
    }

    /** Posts everything in batches of {@code batch}; fails the test on any non-200 answer. */
    void post(ApiClient client, String key, int batch) {
        postAll(client, key, "/v1/items/batch", "items", items.stream().map(SampleShopUpload::item).toList(), batch);
        postAll(client, key, "/v1/customers/batch", "customers",
                customers.stream().map(SampleShopUpload::customer).toList(), batch);
        postAll(client, key, "/v1/events/batch", "events", events.stream().map(SampleShopUpload::event).toList(),
                batch);
    }

    private static void postAll(ApiClient client, String key, String path, String field,
            List<Map<String, Object>> records, int batch) {
        for (int from = 0; from < records.size(); from += batch) {
            List<Map<String, Object>> part = records.subList(from, Math.min(records.size(), from + batch));
            ApiClient.Answer a = client.post(path, key, Map.of(field, part));
            assertThat(a.status()).as("%s %s", path, a.body()).isEqualTo(200);
            assertThat(a.json().path("accepted").asInt()).isEqualTo(part.size());
        }
    }

    static Map<String, Object> item(Item i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("title", i.title());
        m.put("description", i.description());
        m.put("category", i.categoryPath());
        if (i.brand() != null) {
            m.put("brand", i.brand());
        }
        if (i.price() != null) {
            m.put("price", i.price().amount());
            m.put("currency", i.price().currency());
        }
        m.put("attributes", i.attributes());
        m.put("tags", i.tags());
        m.put("available", i.available());
        if (i.createdAt() != null) {
            m.put("created_at", i.createdAt().toString());
        }
        if (i.language() != null) {
            m.put("language", i.language());
        }
        m.put("titles", i.localizedTitles());
        return m;
    }

    static Map<String, Object> customer(Customer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        if (c.age() != null) {
            m.put("age", c.age());
        }
        if (c.gender() != null) {
            m.put("gender", c.gender().code());
        }
        if (c.region() != null) {
            m.put("region", c.region());
        }
        if (c.signupAt() != null) {
            m.put("signup_at", c.signupAt().toString());
        }
        m.put("segments", c.segments());
        m.put("attributes", c.attributes());
        return m;
    }

    static Map<String, Object> event(Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", e.type().wireName());
        m.put("user_id", e.userId());
        if (e.itemId() != null) {
            m.put("item_id", e.itemId());
        }
        m.put("value", e.value());
        m.put("timestamp", e.timestamp().toString());
        if (e.sessionId() != null) {
            m.put("session_id", e.sessionId());
        }
        if (e.scene() != null) {
            m.put("scene", e.scene());
        }
        if (e.requestId() != null) {
            m.put("request_id", e.requestId());
        }
        if (e.query() != null) {
            m.put("query", e.query());
        }
        if (e.position() != null) {
            m.put("position", e.position());
        }
        return m;
    }
}
