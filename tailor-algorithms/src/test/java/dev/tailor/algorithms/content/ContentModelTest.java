// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.algorithms.common.ParamValues;
import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.UserContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentModelTest {
    private static final Snapshot SHOP = TinyShop.snapshot();

    /** category 1, brand 0.5, price 0.25; root, colour and terms off. */
    private static ContentModel handWeighted() {
        ContentConfig c = ContentConfig.from(ParamValues.of("content", ContentConfig.PARAMS,
                Map.of("weights", "category:1;brand:0.5;price:0.25", "attributes", "colour", "terms", "false")));
        return new ContentTrainer(c).train(SHOP);
    }

    private static int item(String id) {
        return SHOP.items().indexOf(id);
    }

    /** u: view i0 (1), purchase i2 (5): W = 6. */
    private static UserContext u() {
        return new UserContext(SHOP.users().indexOf("u"), new int[] {item("i0"), item("i2")}, new float[] {1, 5},
                new int[0]);
    }

    @Test
    void scoresAreTheWeightedSharesComputedByHand() {
        ContentModel m = handWeighted();
        float[] s = new float[4];
        m.scoreAll(u(), s);
        // category A>X 1/6, C>Y 5/6; brand B1 6/6; price band 20-50 1/6, 200-500 5/6.
        assertThat(s[item("i0")]).isCloseTo((float) (1.0 / 6 + 0.5 + 0.25 / 6), within(1e-6f));
        assertThat(s[item("i1")]).isCloseTo((float) (1.0 / 6 + 0.25 / 6), within(1e-6f));
        assertThat(s[item("i2")]).isCloseTo((float) (5.0 / 6 + 0.5 + 0.25 * 5 / 6), within(1e-6f));
        assertThat(s[item("i3")]).isCloseTo((float) (5.0 / 6 + 0.25 / 6), within(1e-6f));
    }

    @Test
    void anItemWithoutEventsIsScoredFromItsAttributes() {
        ContentModel m = handWeighted();
        float[] s = new float[4];
        m.scoreAll(u(), s);
        assertThat(s[item("i3")]).isGreaterThan(s[item("i1")]).isGreaterThan(0f);
    }

    @Test
    void explanationsNameTheMatchingAttributesStrongestFirst() {
        ContentModel m = handWeighted();
        assertThat(m.explain(u(), item("i2"))).contains("category C > Y, brand B1, price band 200-500");
        assertThat(m.explain(u(), item("i3"))).contains("category C > Y, price band 20-50");
        ContentExplanation e = m.explanation(u(), item("i3"));
        assertThat(e.matches()).extracting(ContentExplanation.Match::field).containsExactly("category", "price");
        assertThat(e.matches().get(0).contribution()).isCloseTo(5.0 / 6, within(1e-6));
    }

    @Test
    void aUserWithoutHistoryGetsTheCatalogWideProfile() {
        ContentModel m = handWeighted();
        float[] s = new float[4];
        m.scoreAll(UserContext.anonymous(), s);
        // All events: i0 1 (view), i1 2 (two views), i2 6 (purchase 5 + view 1): W = 9.
        assertThat(s[item("i2")]).isCloseTo((float) (6.0 / 9 + 0.5 * 7 / 9 + 0.25 * 6 / 9), within(1e-6f));
        assertThat(s[item("i1")]).isCloseTo((float) (3.0 / 9 + 0.5 * 2 / 9 + 0.25 * 3 / 9), within(1e-6f));
    }

    @Test
    void unknownHistoryItemsAndBadWeightsAreIgnored() {
        ContentModel m = handWeighted();
        float[] a = new float[4];
        float[] b = new float[4];
        m.scoreAll(u(), a);
        m.scoreAll(new UserContext(0, new int[] {item("i0"), 99, item("i2"), item("i1")},
                new float[] {1, 3, 5, Float.NaN}, new int[0]), b);
        assertThat(b).containsExactly(a);
    }

    @Test
    void priceBandsFollowTheOneTwoFiveSeries() {
        assertThat(PriceBands.band(0.5f)).isEqualTo("0-1");
        assertThat(PriceBands.band(1f)).isEqualTo("1-2");
        assertThat(PriceBands.band(30f)).isEqualTo("20-50");
        assertThat(PriceBands.band(50f)).isEqualTo("50-100");
        assertThat(PriceBands.band(999f)).isEqualTo("500-1000");
        assertThat(PriceBands.band(1000f)).isEqualTo("1000-2000");
        assertThat(PriceBands.band(Float.NaN)).isEmpty();
    }

    @Test
    void titleTermsSplitWordsAndHanBigrams() {
        assertThat(TitleTerms.of("Anker Nano 3 GaN Charger 65W, White")).containsExactly("anker", "nano", "gan",
                "charger", "65w", "white");
        assertThat(TitleTerms.of("安克 充电器")).containsExactly("安克", "充电", "电器");
    }

    @Test
    void badSettingsFailNamingTheParameter() {
        assertThatThrownBy(() -> ContentConfig.from(ParamValues.of("content", ContentConfig.PARAMS,
                Map.of("weights", "flavour:1")))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("unknown field 'flavour'");
        assertThatThrownBy(() -> ContentConfig.from(ParamValues.of("content", ContentConfig.PARAMS,
                Map.of("l2", "-1")))).isInstanceOf(ValidationException.class).hasMessageContaining("l2");
        assertThatThrownBy(() -> ContentConfig.from(ParamValues.of("content", ContentConfig.PARAMS,
                Map.of("weights", "brand")))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("field:weight");
    }

    @Test
    void learningNeedsHeldOutBehaviour() {
        // Every customer's later events repeat earlier items or there is only one: nothing to learn from.
        assertThatThrownBy(() -> new ContentTrainer(ContentConfig.defaults().withAttributes(List.of()))
                .train(SHOP.withInteractions("one-each", oneEventEach())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot learn");
    }

    private static Interactions oneEventEach() {
        SnapshotBuilder b = new SnapshotBuilder("x");
        for (int i = 0; i < SHOP.numItems(); i++) {
            b.upsertItems(List.of(Item.builder(SHOP.items().id(i), "t").build()));
        }
        for (int u = 0; u < SHOP.numUsers(); u++) {
            b.addEvent(SHOP.users().id(u), SHOP.items().id(0), EventType.VIEW.ordinal(), 1, 1);
        }
        return b.build().interactions();
    }
}
