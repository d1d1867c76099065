// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tailor.algorithms.content.ContentModel;
import dev.tailor.algorithms.content.TinyShop;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.ModelIO;
import dev.tailor.algorithms.registry.TrainerSpec;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.UserContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class HybridTest {
    private static final Snapshot SHOP = TinyShop.snapshot();
    private static final String CONTENT = "content:weights=category:1;brand:0.5;price:0.25,terms=false";

    private static int item(String id) {
        return SHOP.items().indexOf(id);
    }

    private static UserContext user(String... items) {
        int[] idx = new int[items.length];
        for (int k = 0; k < items.length; k++) {
            idx[k] = item(items[k]);
        }
        return UserContext.of(SHOP.users().indexOf("u"), idx);
    }

    private static float[] scores(RecommenderModel m, UserContext u) {
        float[] s = new float[m.itemCount()];
        m.scoreAll(u, s);
        return s;
    }

    @Test
    void normalizationsComputedByHand() {
        float[] z = {1, 2, 3, 4, Float.NaN};
        ScoreNormalization.ZSCORE.apply(z);
        double sd = Math.sqrt(1.25);
        assertThat(z[0]).isCloseTo((float) (-1.5 / sd), within(1e-6f));
        assertThat(z[3]).isCloseTo((float) (1.5 / sd), within(1e-6f));
        assertThat(z[4]).isEqualTo(Float.NEGATIVE_INFINITY);
        float[] m = {1, 2, 3, 4, Float.NEGATIVE_INFINITY};
        ScoreNormalization.MINMAX.apply(m);
        assertThat(m).containsExactly(0f, 1f / 3, 2f / 3, 1f, Float.NEGATIVE_INFINITY);
        float[] flat = {5, 5};
        ScoreNormalization.ZSCORE.apply(flat);
        assertThat(flat).containsExactly(0f, 0f);
    }

    @Test
    void blendIsTheWeightedSumOfNormalizedComponentScores() {
        BlendModel blend = (BlendModel) Algorithms.parse("blend(0.7*pop, 0.3*" + CONTENT + "):norm=minmax")
                .train(SHOP);
        UserContext u = user("i0", "i2");
        float[] pop = scores(blend.components().get(0), u);
        float[] content = scores(blend.components().get(1), u);
        ScoreNormalization.MINMAX.apply(pop);
        ScoreNormalization.MINMAX.apply(content);
        float[] s = scores(blend, u);
        for (int i = 0; i < s.length; i++) {
            assertThat(s[i]).isCloseTo(0.7f * pop[i] + 0.3f * content[i], within(1e-6f));
        }
        assertThat(blend.weight(0)).isEqualTo(0.7f);
        assertThat(blend.explain(u, item("i3"))).contains("category C > Y, price band 20-50");
    }

    @Test
    void switchServesColdUsersWithTheColdModel() {
        SwitchModel sw = (SwitchModel) Algorithms.parse("switch(" + CONTENT
                + ", pop):min-user-events=2,min-item-events=1").train(SHOP);
        UserContext cold = user("i2");
        assertThat(sw.isColdUser(cold)).isTrue();
        assertThat(scores(sw, cold)).containsExactly(scores(sw.cold(), cold));
        assertThat(sw.isColdUser(user("i0", "i2"))).isFalse();
    }

    @Test
    void switchServesColdItemsWithTheColdModelAndWarmOnesWithTheWarmModel() {
        SwitchModel sw = (SwitchModel) Algorithms.parse("switch(" + CONTENT
                + ", pop):min-user-events=2,min-item-events=1").train(SHOP);
        UserContext warmUser = user("i2", "i2");
        assertThat(sw.isColdItem(item("i3"))).isTrue();
        assertThat(sw.isColdItem(item("i1"))).isFalse();
        float[] warm = scores(sw.warm(), warmUser);
        float[] cold = scores(sw.cold(), warmUser);
        ScoreNormalization.ZSCORE.apply(warm);
        ScoreNormalization.ZSCORE.apply(cold);
        float[] s = scores(sw, warmUser);
        for (int i = 0; i < s.length; i++) {
            assertThat(s[i]).isEqualTo(i == item("i3") ? cold[i] : warm[i]);
        }
        // The new item shares i2's category: content z = 0.29, above i0's popularity z = -0.30.
        assertThat(s[item("i3")]).isGreaterThan(s[item("i0")]);
        assertThat(sw.explain(warmUser, item("i3"))).isPresent();
    }

    @Test
    void switchWithoutColdItemsPassesWarmScoresThrough() {
        SwitchModel sw = (SwitchModel) Algorithms.parse("switch(" + CONTENT
                + ", pop):min-user-events=1,min-item-events=0").train(SHOP);
        UserContext u = user("i0");
        assertThat(scores(sw, u)).containsExactly(scores(sw.warm(), u));
    }

    @Test
    void specsParseNestAndLabelCanonically() {
        TrainerSpec t = Algorithms.parse("blend( 0.7*item-knn:k=10,shrink=5 , content ) :norm=minmax");
        assertThat(t.label()).isEqualTo("blend(0.7*item-knn:k=10,shrink=5,1*content):norm=minmax");
        assertThat(Algorithms.parse(t.label()).label()).isEqualTo(t.label());
        List<TrainerSpec> list = Algorithms.standard().trainers(
                "pop,blend(0.5*pop, 0.5*switch(content,pop):min-user-events=3),item-knn:k=5 switch(content, ease)");
        assertThat(list).extracting(TrainerSpec::label).containsExactly("pop",
                "blend(0.5*pop,0.5*switch(content,pop):min-user-events=3)", "item-knn:k=5", "switch(content,ease)");
    }

    @Test
    void badHybridSpecsFailClearly() {
        assertThatThrownBy(() -> Algorithms.parse("blend")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("blend(0.7*ease,0.3*content)");
        assertThatThrownBy(() -> Algorithms.parse("switch(content)")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("exactly two");
        assertThatThrownBy(() -> Algorithms.parse("blend(-1*pop)")).isInstanceOf(ValidationException.class)
                .hasMessageContaining(">= 0");
        assertThatThrownBy(() -> Algorithms.parse("blend(pop, content")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> Algorithms.parse("blend(pop):norm=rank")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("zscore");
        assertThatThrownBy(() -> Algorithms.parse("blend(pop, nope)")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("unknown model 'nope'");
    }

    @Test
    void hybridsAndTheContentModelSaveAndLoad() {
        UserContext u = user("i0", "i2");
        for (String spec : List.of(CONTENT, "content:attributes=colour", "blend(0.7*pop,0.3*" + CONTENT + ")",
                "switch(" + CONTENT + ",blend(pop,content)):min-user-events=2,min-item-events=1")) {
            RecommenderModel m = Algorithms.parse(spec).train(SHOP);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ModelIO.standard().write(m, out);
            RecommenderModel back = ModelIO.standard().read(new ByteArrayInputStream(out.toByteArray()));
            assertThat(back.name()).isEqualTo(m.name());
            assertThat(back.provenance()).isEqualTo(m.provenance());
            assertThat(scores(back, u)).as(spec).containsExactly(scores(m, u));
            if (m instanceof ContentModel c) {
                assertThat(((ContentModel) back).weights()).isEqualTo(c.weights());
            }
        }
    }
}
