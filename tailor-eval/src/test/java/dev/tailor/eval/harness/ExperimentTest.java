// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import dev.tailor.eval.metric.Metric;
import dev.tailor.eval.report.ReportWriter;
import dev.tailor.eval.report.RunInfo;
import dev.tailor.eval.split.DataFilters;
import dev.tailor.eval.split.Split;
import dev.tailor.eval.split.SplitSpec;
import dev.tailor.eval.testing.Synthetic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentTest {
    private static final Snapshot SHOP = Synthetic.shop(11, 120, 60, 15);

    private static List<ModelSpec> models(String specs) {
        return Algorithms.standard().trainers(specs).stream().map(ModelSpec::of).toList();
    }

    private static ExperimentResult run(EvalConfig config) {
        SplitSpec spec = SplitSpec.parse("holdout:ratio=0.8/0.1/0.1,seed=3,rating-min=3,negatives=keep", 3);
        Split split = spec.apply(SHOP);
        return Experiment.run(split, spec.filters(), models("pop item-knn:k=20 random:seed=1"), config,
                ProgressListener.NONE);
    }

    @Test
    void learnsTheTasteGroupsAndBeatsRandom() {
        ExperimentResult r = run(EvalConfig.defaults().withKs(5, 10));
        ModelResult knn = r.model("item-knn:k=20").orElseThrow();
        ModelResult random = r.model("random:seed=1").orElseThrow();
        assertThat(r.summary(knn, Metric.NDCG, 1).mean()).isGreaterThan(r.summary(random, Metric.NDCG, 1).mean());
        assertThat(r.summary(knn, Metric.AUC, 0).mean()).isGreaterThan(0.6);
        assertThat(r.comparisons()).hasSize(3 * (4 * 2 + 1));
    }

    @Test
    void resultsDoNotDependOnThreads() {
        ExperimentResult one = run(EvalConfig.defaults().withThreads(1));
        ExperimentResult three = run(EvalConfig.defaults().withThreads(3));
        for (int m = 0; m < one.models().size(); m++) {
            ModelResult a = one.models().get(m);
            ModelResult b = three.models().get(m);
            for (Metric metric : Metric.values()) {
                assertThat(b.perUser(metric, 1)).containsExactly(a.perUser(metric, 1));
            }
            assertThat(b.recItems()).containsExactly(a.recItems());
            assertThat(b.gini()).containsExactly(a.gini());
        }
    }

    /** Recomputes NDCG@10 and masking for every test user straight from the model, independent of the harness. */
    @Test
    void perUserValuesMatchADirectComputation() {
        SplitSpec spec = SplitSpec.parse("loo:valid=true", 1);
        Split split = spec.apply(SHOP);
        EvalConfig config = EvalConfig.defaults().withKs(10);
        ExperimentResult r = Experiment.run(split, DataFilters.NONE, models("item-knn:k=20"), config,
                ProgressListener.NONE);
        var model = Algorithms.parse("item-knn:k=20").train(split.train());
        EvalData data = r.data();
        ModelResult m = r.models().get(0);
        Interactions train = split.train().interactions();
        Interactions valid = split.validation().orElseThrow().interactions();
        Interactions test = split.test().interactions();
        for (int s = 0; s < data.userCount(); s++) {
            int u = data.user(s);
            float[] scores = new float[model.itemCount()];
            model.scoreAll(data.context(s), scores);
            Set<Integer> history = new HashSet<>();
            for (int k = train.start(u); k < train.end(u); k++) {
                history.add(train.item(k));
            }
            for (int k = valid.start(u); k < valid.end(u); k++) {
                history.add(valid.item(k));
            }
            int target = test.item(test.start(u));
            // Rank of the target among unmasked items: items scoring higher, or equal with a smaller index.
            int rank = 0;
            boolean masked = history.contains(target);
            for (int i = 0; i < scores.length && !masked; i++) {
                if (!history.contains(i) && i != target
                        && (scores[i] > scores[target] || (scores[i] == scores[target] && i < target))) {
                    rank++;
                }
            }
            double ndcg = !masked && rank < 10 ? 1 / (Math.log(rank + 2) / Math.log(2)) : 0;
            assertThat(m.perUser(Metric.NDCG, 0)[s]).isCloseTo(ndcg, within(1e-12));
            for (int j = 0; j < m.recLength()[s]; j++) {
                assertThat(history).doesNotContain(m.recItems()[s * 10 + j]);
            }
        }
    }

    @Test
    void sampledProtocolRanksAgainstNegatives() {
        ExperimentResult r = run(EvalConfig.defaults().withKs(10)
                .withSampling(Optional.of(new Sampling(20, true, 5))));
        ModelResult pop = r.model("pop").orElseThrow();
        // Ranking among ~21 candidates is far easier than among all 60 items.
        ExperimentResult full = run(EvalConfig.defaults().withKs(10));
        assertThat(r.summary(pop, Metric.HIT, 0).mean())
                .isGreaterThanOrEqualTo(full.summary(full.model("pop").orElseThrow(), Metric.HIT, 0).mean());
    }

    @Test
    void groupsAndProgress() {
        AtomicLong calls = new AtomicLong();
        SplitSpec spec = SplitSpec.parse("holdout:ratio=0.8/0.2,seed=3", 3);
        EvalConfig config = EvalConfig.defaults().withGroupings(UserGrouping.parse("gender,age:30/50,segment,activity:5/10"));
        ExperimentResult r = Experiment.run(spec.apply(SHOP), spec.filters(), models("pop"), config,
                (stage, done, total) -> calls.incrementAndGet());
        assertThat(calls.get()).isGreaterThan(2);
        assertThat(r.data().groups()).extracting(Groups::name).containsExactly("gender", "age", "segment", "activity");
        Groups gender = r.data().groups().get(0);
        int f = gender.labels().indexOf("F");
        int male = gender.labels().indexOf("M");
        ModelResult pop = r.models().get(0);
        int n = r.summary(pop, Metric.NDCG, 0, gender, f).n() + r.summary(pop, Metric.NDCG, 0, gender, male).n();
        assertThat(n).isEqualTo(r.data().userCount());
        assertThat(r.data().groups().get(1).labels()).containsExactly("<30", "30-49", "50+");
    }

    @Test
    void noTestUsersIsAClearError() {
        SplitSpec spec = SplitSpec.parse("loo:min-user=1000", 3);
        Split split = spec.apply(SHOP);
        assertThatThrownBy(() -> Experiment.run(split, spec.filters(), models("pop"), EvalConfig.defaults(),
                ProgressListener.NONE)).isInstanceOf(ValidationException.class).hasMessageContaining("no test users");
    }

    @Test
    void writesEveryOutput(@TempDir Path dir) throws IOException {
        ExperimentResult r = run(EvalConfig.defaults().withKs(5, 10).withGroupings(UserGrouping.parse("gender")));
        ReportWriter.write(r, new RunInfo("synthetic", "holdout", 3, RunInfo.version(), Map.of("command", "test")),
                dir);
        assertThat(Files.readAllLines(dir.resolve("train.tsv")).get(0)).isEqualTo("user_id\titem_id\ttimestamp");
        assertThat(Files.exists(dir.resolve("valid.tsv"))).isTrue();
        List<String> recs = Files.readAllLines(dir.resolve("item-knn_k=20/recommendations.tsv"));
        assertThat(recs.get(0)).isEqualTo("user_id\trank\titem_id\tscore");
        assertThat(recs).hasSize(1 + r.data().userCount() * 10);
        assertThat(recs.get(1)).startsWith(SHOP.users().id(r.data().user(0)) + "\t1\ti");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        assertThat(json.at("/run/seed").asLong()).isEqualTo(3);
        assertThat(json.at("/models/1/metrics/NDCG@10/mean").asDouble())
                .isCloseTo(r.summary(r.models().get(1), Metric.NDCG, 1).mean(), within(1e-12));
        assertThat(json.at("/models/0/groups/gender/F/NDCG@5/n").asInt()).isPositive();
        assertThat(json.get("comparisons").size()).isEqualTo(r.comparisons().size());
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("data:image/png;base64,").contains("Pairwise comparisons");
        assertThat(Files.readString(dir.resolve("summary.txt"))).contains("NDCG@10");
    }
}
