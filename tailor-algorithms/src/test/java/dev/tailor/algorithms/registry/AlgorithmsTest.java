// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.itemknn.ItemKnnConfig;
import dev.tailor.algorithms.itemknn.ItemKnnTrainer;
import dev.tailor.algorithms.similarity.Similarity;
import dev.tailor.algorithms.testing.TestData;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.RecommenderModel;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AlgorithmsTest {
    static final Snapshot SHOP = TestData.snapshot(30, TestData.randomRows(new SplittableRandom(9), 40, 30, 8),
            null);

    @Test
    void everyBuiltInTrainsFromItsBareName() {
        assertThat(Algorithms.standard().names())
                .containsExactly("random", "pop", "trending", "segment-pop", "item-knn", "user-knn", "als", "bpr",
                        "ease", "rp3beta", "pmf", "neumf", "content", "blend", "switch");
        for (String name : plainNames()) {
            if (name.equals("pmf")) {
                // Explicit ratings only; SHOP holds views. PmfTrainerTest covers it.
                assertThatThrownBy(() -> Algorithms.parse(name).train(SHOP)).hasMessageContaining("ratings");
                continue;
            }
            RecommenderModel m = Algorithms.parse(name).train(SHOP);
            assertThat(m.name()).isEqualTo(name);
            assertThat(m.itemCount()).isEqualTo(30);
            assertThat(m.provenance().algorithm()).isEqualTo(name);
        }
    }

    @Test
    void parsesParametersIntoTheConfig() {
        TrainerSpec spec = Algorithms.parse(" Item-KNN : k = 100 , sim=Jaccard,shrink=10 ");
        ItemKnnConfig c = ((ItemKnnTrainer) spec.trainer()).config();
        assertThat(c.k()).isEqualTo(100);
        assertThat(c.similarity()).isEqualTo(Similarity.JACCARD);
        assertThat(c.shrink()).isEqualTo(10);
        assertThat(spec.label()).isEqualTo("item-knn:k=100,sim=jaccard,shrink=10");
        assertThat(spec.spec()).startsWith("item-knn:k=100,sim=jaccard,shrink=10,alpha=0.7,");
        assertThat(Algorithms.parse("pop").label()).isEqualTo("pop");
    }

    @Test
    void canonicalSpecRoundTrips() {
        for (String name : plainNames()) {
            TrainerSpec spec = Algorithms.parse(name);
            assertThat(Algorithms.parse(spec.spec()).spec()).isEqualTo(spec.spec());
        }
    }

    @Test
    void unknownModelListsTheKnownOnesAndSuggests() {
        assertThatThrownBy(() -> Algorithms.parse("item-kn:k=3")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("unknown model 'item-kn'").hasMessageContaining("did you mean item-knn")
                .hasMessageContaining("random, pop, trending, segment-pop, item-knn, user-knn");
        assertThatThrownBy(() -> Algorithms.parse("  ")).hasMessageContaining("empty model spec");
    }

    @Test
    void unknownParameterIsNamedWithTheValidOnes() {
        assertThatThrownBy(() -> Algorithms.parse("user-knn:neighbours=5")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'neighbours'").hasMessageContaining("unknown parameter")
                .hasMessageContaining("k, sim, shrink");
        assertThatThrownBy(() -> Algorithms.parse("pop:k=5")).hasMessageContaining("count, events");
    }

    @Test
    void badValuesSayWhatWasExpected() {
        assertThatThrownBy(() -> Algorithms.parse("item-knn:k=many")).hasMessageContaining("'k'")
                .hasMessageContaining("expected an integer, got 'many'");
        assertThatThrownBy(() -> Algorithms.parse("item-knn:sim=pearson")).hasMessageContaining("'sim'")
                .hasMessageContaining("cosine, jaccard, asymmetric");
        assertThatThrownBy(() -> Algorithms.parse("item-knn:shrink=NaN")).hasMessageContaining("a number");
        assertThatThrownBy(() -> Algorithms.parse("pop:events=view:lots")).hasMessageContaining("'events'")
                .hasMessageContaining("finite number");
        assertThatThrownBy(() -> Algorithms.parse("pop:events=teleport:1")).hasMessageContaining("'events'")
                .hasMessageContaining("teleport");
    }

    @Test
    void malformedAndRepeatedParametersAreReported() {
        assertThatThrownBy(() -> Algorithms.parse("item-knn:k")).hasMessageContaining("expected param=value");
        assertThatThrownBy(() -> Algorithms.parse("item-knn:k=1,k=2")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> Algorithms.parse("item-knn:k=")).hasMessageContaining("expected param=value");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> Algorithms.parse("item-knn:k=0,shrink=-1,alpha=3"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactlyInAnyOrder("k", "shrink", "alpha"));
    }

    @Test
    void listsOfModelsSplitOnCommasWhereANewModelStarts() {
        List<TrainerSpec> specs = Algorithms.standard()
                .trainers("pop,item-knn:k=100,shrink=10,user-knn  trending:half-life=3d,events=view:1;purchase:4");
        assertThat(specs).extracting(TrainerSpec::label).containsExactly("pop", "item-knn:k=100,shrink=10",
                "user-knn", "trending:half-life=3d,events=view:1;purchase:4");
        assertThatThrownBy(() -> Algorithms.standard().trainers(" ")).hasMessageContaining("no model given");
    }

    @Test
    void searchSpacesCoverTheTunableParameters() {
        Map<String, Param> space = Algorithms.standard().searchSpace("item-knn").stream()
                .collect(Collectors.toMap(Param::name, p -> p));
        assertThat(space).containsKeys("k", "sim", "shrink", "alpha", "weighting", "normalize", "recency")
                .doesNotContainKeys("threads", "events");
        assertThat(space.get("k").logScale()).isTrue();
        assertThat(space.get("sim").choices()).containsExactly("cosine", "jaccard", "asymmetric");
        assertThat(Algorithms.standard().searchSpace("random")).isEmpty();
    }

    /** Whatever a random search draws from a space is a valid configuration. */
    @Property(tries = 60)
    void sampledConfigurationsAreValid(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (String name : plainNames()) {
            String spec = Algorithms.standard().searchSpace(name).stream()
                    .map(p -> p.name() + "=" + p.sample(random)).collect(Collectors.joining(","));
            TrainerSpec parsed = Algorithms.parse(spec.isEmpty() ? name : name + ":" + spec);
            assertThat(parsed.algorithm()).isEqualTo(name);
        }
    }

    /** Registered names except the hybrids, which need components to parse (HybridTest covers them). */
    private static List<String> plainNames() {
        return Algorithms.standard().names().stream().filter(n -> !n.equals("blend") && !n.equals("switch")).toList();
    }

    @Test
    void registriesCanBeExtendedWithoutTouchingTheStandardOne() {
        AlgorithmInfo pop = Algorithms.standard().info("pop");
        AlgorithmInfo alias = new AlgorithmInfo("most-popular", "alias", pop.params(), pop.trainers(), pop.reader());
        Algorithms extended = Algorithms.standard().with(alias);
        assertThat(extended.names()).contains("most-popular");
        assertThat(Algorithms.standard().names()).doesNotContain("most-popular");
        assertThatThrownBy(() -> extended.with(alias)).isInstanceOf(IllegalArgumentException.class);
    }
}
