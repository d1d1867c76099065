// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.error.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainValidationTest {
    private static final Instant T = Instant.parse("2026-03-01T10:15:30.123456Z");

    @Test
    void eventTypesParseWireNamesAndDatasetAliases() {
        assertThat(EventType.parse("add-to-cart")).isEqualTo(EventType.ADD_TO_CART);
        assertThat(EventType.parse("ADD_TO_CART")).isEqualTo(EventType.ADD_TO_CART);
        assertThat(EventType.parse("pv")).isEqualTo(EventType.VIEW);
        assertThat(EventType.parse("buy")).isEqualTo(EventType.PURCHASE);
        assertThat(EventType.parse("fav")).isEqualTo(EventType.FAVORITE);
        assertThatThrownBy(() -> EventType.parse("teleport"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("field 'type'")
                .hasMessageContaining("unknown event type 'teleport'")
                .hasMessageContaining("add-to-cart");
    }

    @Test
    void eventsNormalizeAndValidate() {
        Event e = new Event(EventType.VIEW, " u1 ", "i1", 1, T, " ", null, null, null, null);
        assertThat(e.userId()).isEqualTo("u1");
        assertThat(e.sessionId()).isNull();
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123Z"));
        assertThatThrownBy(() -> Event.of(EventType.VIEW, "u1", null, T)).hasMessageContaining("item_id");
        assertThatThrownBy(() -> new Event(EventType.SEARCH, "u1", null, 1, T, null, null, null, " ", null))
                .hasMessageContaining("query");
        assertThatThrownBy(() -> new Event(EventType.RATING, "u1", "i", Double.NaN, T, null, null, null, null, null))
                .hasMessageContaining("value");
        assertThatThrownBy(() -> Event.of(EventType.VIEW, "u\u0001", "i", T)).hasMessageContaining("control");
    }

    @Test
    void itemsKeepChineseTitlesAndRejectMissingOnes() {
        Item item = Item.builder("sku-1", "  儿童安全座椅 ").categoryPath(List.of("Baby", " ", "Car seats"))
                .attribute("Colour", "red").localizedTitle("en", "Child car seat").language("zh").build();
        assertThat(item.title()).isEqualTo("儿童安全座椅");
        assertThat(item.categoryPath()).containsExactly("Baby", "Car seats");
        assertThat(item.attributes()).containsEntry("colour", "red");
        assertThat(item.title("en")).isEqualTo("Child car seat");
        assertThat(item.leafCategory()).isEqualTo("Car seats");
        assertThatThrownBy(() -> Item.builder("x", " ").build()).hasMessageContaining("title");
    }

    @Test
    void pricesAndCustomersValidate() {
        assertThat(Price.of("12.50", "cny")).isEqualTo(new Price(new BigDecimal("12.5"), "CNY"));
        assertThatThrownBy(() -> Price.of("-1", "USD")).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> Price.of("ten", "USD")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Price.of("1", "dollars")).hasMessageContaining("ISO-4217");
        assertThatThrownBy(() -> new Customer("c", 200, null, null, null, List.of(), Map.of()))
                .hasMessageContaining("age");
        assertThat(Gender.parse("女")).isEqualTo(Gender.FEMALE);
        assertThat(Customer.anonymous("c1").segments()).isEmpty();
    }
}
