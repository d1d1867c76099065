// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.registry;

import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.common.ParamValues;
import dev.tailor.algorithms.itemknn.ItemKnnConfig;
import dev.tailor.algorithms.itemknn.ItemKnnModel;
import dev.tailor.algorithms.itemknn.ItemKnnTrainer;
import dev.tailor.algorithms.popularity.PopularityConfig;
import dev.tailor.algorithms.popularity.PopularityModel;
import dev.tailor.algorithms.popularity.PopularityTrainer;
import dev.tailor.algorithms.random.RandomConfig;
import dev.tailor.algorithms.random.RandomModel;
import dev.tailor.algorithms.random.RandomTrainer;
import dev.tailor.algorithms.segment.SegmentPopularityConfig;
import dev.tailor.algorithms.segment.SegmentPopularityModel;
import dev.tailor.algorithms.segment.SegmentPopularityTrainer;
import dev.tailor.algorithms.trending.TrendingConfig;
import dev.tailor.algorithms.trending.TrendingModel;
import dev.tailor.algorithms.trending.TrendingTrainer;
import dev.tailor.algorithms.userknn.UserKnnConfig;
import dev.tailor.algorithms.userknn.UserKnnModel;
import dev.tailor.algorithms.userknn.UserKnnTrainer;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The algorithms Tailor can train, by name, and the spec-string syntax that configures them:
 * {@code name} or {@code name:param=value,param=value}, e.g. {@code item-knn:k=100,sim=cosine,shrink=10},
 * {@code trending:half-life=7d}, {@code random:seed=1}; hybrids take their components in parentheses,
 * {@code blend(0.7*ease,0.3*content)}, {@code switch(content,ease):min-user-events=3} (see
 * {@link HybridAlgorithms}). Immutable; {@link #with} derives a registry with
 * extra algorithms (a plug-in, a test double) without touching the standard one.
 */
public final class Algorithms {
    private static final Algorithms STANDARD = new Algorithms(builtIns());

    private final Map<String, AlgorithmInfo> byName;

    private Algorithms(Map<String, AlgorithmInfo> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * The built-in algorithms: random, pop, trending, segment-pop, item-knn, user-knn, als, bpr, ease, rp3beta, pmf,
     * neumf, content, and the hybrids blend and switch.
     */
    public static Algorithms standard() {
        return STANDARD;
    }

    /** Shorthand for {@code standard().trainer(spec)}. */
    public static TrainerSpec parse(String spec) {
        return STANDARD.trainer(spec);
    }

    /** A registry with one more algorithm; its name must be new. */
    public Algorithms with(AlgorithmInfo extra) {
        if (byName.containsKey(extra.name())) {
            throw new IllegalArgumentException("algorithm '" + extra.name() + "' is already registered");
        }
        Map<String, AlgorithmInfo> m = new LinkedHashMap<>(byName);
        m.put(extra.name(), extra);
        return new Algorithms(m);
    }

    /** Registered names, in registration order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public Optional<AlgorithmInfo> find(String name) {
        return Optional.ofNullable(byName.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /**
     * The algorithm called {@code name}.
     *
     * @throws ValidationException naming the unknown model and listing the known ones
     */
    public AlgorithmInfo info(String name) {
        return find(name).orElseThrow(() -> ValidationException.of("model", "unknown model '" + name + "'"
                + suggestion(name) + "; known models are " + String.join(", ", byName.keySet())));
    }

    /** The parameters of {@code name} worth searching over, with their ranges and scales. */
    public List<Param> searchSpace(String name) {
        return info(name).searchSpace();
    }

    /**
     * Parses one spec into a configured trainer.
     *
     * @throws ValidationException for an unknown model, an unknown parameter (listing the valid ones), a value
     *     of the wrong type or out of range (saying what was expected), a malformed or repeated parameter
     */
    public TrainerSpec trainer(String spec) {
        String s = spec == null ? "" : spec.trim();
        if (s.isEmpty()) {
            throw ValidationException.of("model", "empty model spec; known models are "
                    + String.join(", ", byName.keySet()));
        }
        if (HybridAlgorithms.isComposite(s)) {
            return HybridAlgorithms.parse(this, s);
        }
        int colon = s.indexOf(':');
        AlgorithmInfo info = info(colon < 0 ? s : s.substring(0, colon));
        Map<String, String> given = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        if (colon >= 0) {
            for (String part : s.substring(colon + 1).split(",", -1)) {
                int eq = part.indexOf('=');
                String key = eq < 0 ? part.trim() : part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                String value = eq < 0 ? "" : part.substring(eq + 1).trim();
                if (eq < 0 || key.isEmpty() || value.isEmpty()) {
                    problems.add(new Problem(info.name(), 0, key, "expected param=value, got '" + part.trim()
                            + "' in '" + s + "'"));
                } else if (given.putIfAbsent(key, value) != null) {
                    problems.add(new Problem(info.name(), 0, key, "given twice in '" + s + "'"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        ParamValues values = ParamValues.of(info.name(), info.params(), given);
        Map<String, String> canonicalGiven = new LinkedHashMap<>();
        values.asMap().forEach((k, v) -> {
            if (given.containsKey(k)) {
                canonicalGiven.put(k, v);
            }
        });
        return new TrainerSpec(info.name(), values, canonicalGiven, info.trainers().apply(values));
    }

    /**
     * Parses a list of specs as the CLI's {@code --models} takes it: separated by whitespace, or by commas
     * where the next piece starts a new model (it has no '=' or a ':' or '(' before its first '='), so
     * {@code pop,item-knn:k=100,shrink=10,user-knn} is three models; separators inside parentheses belong to a
     * hybrid's components ({@code blend(0.7*ease, 0.3*content)} is one model).
     */
    public List<TrainerSpec> trainers(String specs) {
        List<TrainerSpec> out = new ArrayList<>();
        for (String word : HybridAlgorithms.splitTopLevel(specs.trim(), ' ')) {
            for (String model : HybridAlgorithms.groupModels(word)) {
                if (!model.isEmpty()) {
                    out.add(trainer(model));
                }
            }
        }
        if (out.isEmpty()) {
            throw ValidationException.of("models", "no model given; known models are "
                    + String.join(", ", byName.keySet()));
        }
        return out;
    }

    private String suggestion(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = 3;
        for (String known : byName.keySet()) {
            int d = editDistance(n, known);
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return best == null ? "" : " (did you mean " + best + "?)";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Map<String, AlgorithmInfo> builtIns() {
        Map<String, AlgorithmInfo> m = new LinkedHashMap<>();
        List<AlgorithmInfo> all = List.of(
                new AlgorithmInfo(RandomConfig.NAME, "seeded random order; the floor every model must clear",
                        RandomConfig.PARAMS, p -> new RandomTrainer(RandomConfig.from(p)), RandomModel::readPayload),
                new AlgorithmInfo(PopularityConfig.NAME, "most popular items (distinct users or event weight)",
                        PopularityConfig.PARAMS, p -> new PopularityTrainer(PopularityConfig.from(p)),
                        PopularityModel::readPayload),
                new AlgorithmInfo(TrendingConfig.NAME, "popularity with exponential time decay (half-life)",
                        TrendingConfig.PARAMS, p -> new TrendingTrainer(TrendingConfig.from(p)),
                        TrendingModel::readPayload),
                new AlgorithmInfo(SegmentPopularityConfig.NAME, "popularity within the customer's segments,"
                        + " smoothed towards global popularity", SegmentPopularityConfig.PARAMS,
                        p -> new SegmentPopularityTrainer(SegmentPopularityConfig.from(p)),
                        SegmentPopularityModel::readPayload),
                new AlgorithmInfo(ItemKnnConfig.NAME, "item-based k nearest neighbours over the live history",
                        ItemKnnConfig.PARAMS, p -> new ItemKnnTrainer(ItemKnnConfig.from(p)),
                        ItemKnnModel::readPayload),
                new AlgorithmInfo(UserKnnConfig.NAME, "user-based k nearest neighbours", UserKnnConfig.PARAMS,
                        p -> new UserKnnTrainer(UserKnnConfig.from(p)), UserKnnModel::readPayload));
        all.forEach(a -> m.put(a.name(), a));
        FactorizationAlgorithms.all().forEach(a -> m.put(a.name(), a));
        HybridAlgorithms.all().forEach(a -> m.put(a.name(), a));
        return m;
    }
}
