// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.algorithms.registry.TrainerSpec;
import dev.tailor.core.error.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
    private static final Algorithms REGISTRY = Algorithms.standard();

    @Test
    void registrySpaceLeavesOutFixedAndUntunableParameters() {
        SearchSpace s = SearchSpace.of(REGISTRY, "item-knn:sim=jaccard,k=50");
        assertThat(s.algorithm()).isEqualTo("item-knn");
        assertThat(s.fixed()).containsExactly(Map.entry("k", "50"), Map.entry("sim", "jaccard"));
        assertThat(s.searched()).extracting(Param::name).doesNotContain("k", "sim", "threads", "events")
                .contains("shrink", "normalize", "recency");
        List<String> specs = s.sample(5, 3);
        assertThat(specs.get(0)).isEqualTo("item-knn:k=50,sim=jaccard");
        assertThat(specs).hasSize(5).allMatch(x -> x.startsWith("item-knn:k=50,sim=jaccard"));
        assertThat(s.sample(5, 3)).isEqualTo(specs);
    }

    @Test
    void userSpaceDrawsOnlyWhatItLists() {
        SearchSpace s = SearchSpace.parse(REGISTRY, "item-knn:shrink=5",
                "k=10..1000:log, sim=cosine|asymmetric, normalize=true");
        assertThat(s.includeDefaults()).isFalse();
        assertThat(s.describe()).isEqualTo("k=10..1000:log, sim=cosine|asymmetric, normalize=true");
        for (String spec : s.sample(20, 7)) {
            TrainerSpec t = REGISTRY.trainer(spec);
            int k = Integer.parseInt(t.values().asMap().get("k"));
            assertThat(k).isBetween(10, 1000);
            assertThat(t.values().asMap().get("sim")).isIn("cosine", "asymmetric");
            assertThat(t.values().asMap().get("shrink")).isEqualTo("5");
            assertThat(t.values().asMap().get("normalize")).isEqualTo("true");
        }
    }

    @Test
    void smallDiscreteSpacesRunOutInsteadOfRepeating() {
        SearchSpace s = SearchSpace.parse(REGISTRY, "pop", "count=users|weighted");
        assertThat(s.sample(10, 1)).containsExactlyInAnyOrder("pop:count=users", "pop:count=weighted");
    }

    @Test
    void durationsAreDrawnBetweenTheirBounds() {
        SearchSpace s = SearchSpace.parse(REGISTRY, "trending", "half-life=1h..30d:log");
        for (String spec : s.sample(10, 2)) {
            Duration d = REGISTRY.trainer(spec).values().duration("half-life");
            assertThat(d).isBetween(Duration.ofHours(1), Duration.ofDays(30));
        }
    }

    @Property(tries = 50)
    void everyDrawIsAValidSpecInsideTheRegistryRanges(@ForAll @IntRange(min = 0, max = 10_000) int seed) {
        SearchSpace s = SearchSpace.of(REGISTRY, "user-knn");
        for (String spec : s.sample(4, seed)) {
            TrainerSpec t = REGISTRY.trainer(spec);
            assertThat(t.values().integer("k")).isBetween(5, 2000);
            assertThat(t.values().real("shrink")).isBetween(0.1, 1000.0);
        }
    }

    @Test
    void badSpacesNameTheParameterAndWhatWasExpected() {
        assertThatThrownBy(() -> SearchSpace.parse(REGISTRY, "item-knn", "kk=1..5"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("space: field 'kk': unknown parameter of item-knn; searchable parameters are k,");
        assertThatThrownBy(() -> SearchSpace.parse(REGISTRY, "item-knn", "k=100..10"))
                .hasMessageContaining("field 'k': empty range: 100 > 10");
        assertThatThrownBy(() -> SearchSpace.parse(REGISTRY, "item-knn", "k=0..10"))
                .hasMessageContaining("field 'k': must be >= 1, was 0");
        assertThatThrownBy(() -> SearchSpace.parse(REGISTRY, "item-knn", "shrink=0..10:log"))
                .hasMessageContaining("field 'shrink': a log-scale range needs LOW > 0, got 0");
        assertThatThrownBy(() -> SearchSpace.parse(REGISTRY, "item-knn", "k=ten..20"))
                .hasMessageContaining("field 'k': expected an integer, got 'ten'");
        assertThatThrownBy(() -> SearchSpace.parse(REGISTRY, "item-knn", "sim=cosine..jaccard"))
                .hasMessageContaining("field 'sim': a range needs a numeric parameter");
        assertThatThrownBy(() -> SearchSpace.parse(REGISTRY, "item-knn", "sim=cosine|euclid"))
                .hasMessageContaining("field 'sim': expected one of");
        assertThatThrownBy(() -> SearchSpace.parse(REGISTRY, "item-knn", "threads=1..2"))
                .hasMessageContaining("field 'threads': cannot be searched");
        assertThatThrownBy(() -> SearchSpace.parse(REGISTRY, "item-knn:k=5", "k=1..9"))
                .hasMessageContaining("field 'k': is fixed by the model spec 'item-knn:k=5'");
        assertThatThrownBy(() -> SearchSpace.parse(REGISTRY, "item-knn", "k=1..9,k=2..3"))
                .hasMessageContaining("field 'k': given twice");
        assertThatThrownBy(() -> SearchSpace.parse(REGISTRY, "item-knn", "k"))
                .hasMessageContaining("expected name=LOW..HIGH[:log] or name=A|B|C, got 'k'");
        assertThatThrownBy(() -> SearchSpace.parse(REGISTRY, "item-knn", "k=1..9:sqrt"))
                .hasMessageContaining("expected the scale ':log' or ':lin'");
        assertThatThrownBy(() -> SearchSpace.of(REGISTRY, "random"))
                .hasMessageContaining("field 'space': random has no parameter left to search");
        assertThatThrownBy(() -> SearchSpace.of(REGISTRY, "itemknn"))
                .hasMessageContaining("field 'model': unknown model 'itemknn' (did you mean item-knn?)");
    }

    @Test
    void everyBadEntryIsReportedAtOnce() {
        assertThatThrownBy(() -> SearchSpace.parse(REGISTRY, "item-knn", "k=0..5,shrink=x..1,foo=1"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("k", "shrink", "foo"));
    }
}
