// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.metric;

import dev.tailor.core.error.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every per-user metric the evaluator reports. All but {@link #AUC} are cut at K; all are averaged over test
 * users with equal weight (RecBole, LensKit and Microsoft Recommenders do the same), which is also what the
 * paired significance tests compare. Definitions, with rel the user's relevant test items and hit(j) whether
 * the j-th recommendation (1-based) is relevant:
 * <ul>
 *   <li>precision@K = hits@K / K (K, not the list length: a short list is not rewarded);</li>
 *   <li>recall@K = hits@K / |rel|;</li>
 *   <li>F1@K = 2 P R / (P + R), 0 when both are 0 (per user, then averaged, as RecBole);</li>
 *   <li>NDCG@K = DCG / IDCG with binary gains, DCG = sum hit(j) / log2(j + 1), IDCG over the first
 *       min(|rel|, K) positions;</li>
 *   <li>MAP@K = sum_j hit(j) * precision@j / min(|rel|, K): RecBole's normalization, which does not punish a
 *       user with more relevant items than K can hold (the textbook AP divides by |rel|);</li>
 *   <li>MRR@K = 1 / position of the first hit within K, else 0;</li>
 *   <li>hit@K = 1 when any of the first K is relevant (HR@K of SASRec and ICLRec);</li>
 *   <li>AUC = fraction of (relevant, non-relevant) pairs over all rankable items in which the relevant item
 *       scores higher, ties counting 1/2 (RecBole's GAUC per user, here unweighted);</li>
 *   <li>novelty@K = mean self-information -log2 p(i) of the list, p(i) = training users of i / training
 *       user-item pairs (Microsoft Recommenders' historical item novelty); an item never seen in training counts
 *       as seen once;</li>
 *   <li>popularity@K = mean number of training users of the recommended items (RecBole's AveragePopularity);</li>
 *   <li>diversity@K = intra-list diversity: share of pairs of the list in different categories, over pairs where
 *       both items have one (undefined, and left out of the mean, when there is no such pair).</li>
 * </ul>
 * Catalog coverage and the Gini index of exposure are properties of all lists together, not per user: see
 * {@link Exposure}.
 */
public enum Metric {
    PRECISION("precision", true),
    RECALL("recall", true),
    F1("f1", true),
    NDCG("ndcg", true),
    MAP("map", true),
    MRR("mrr", true),
    HIT("hit", true),
    AUC("auc", false),
    NOVELTY("novelty", true),
    POPULARITY("popularity", true),
    DIVERSITY("diversity", true);

    /** The accuracy metrics at K computed from the hit vector, in the order {@link RankingMetrics} fills them. */
    public static final Metric[] ACCURACY = {PRECISION, RECALL, F1, NDCG, MAP, MRR, HIT};

    private final String key;
    private final boolean atK;

    Metric(String key, boolean atK) {
        this.key = key;
        this.atK = atK;
    }

    /** Name in reports and metrics.json, e.g. "ndcg". */
    public String key() {
        return key;
    }

    /** Whether the metric is cut at K. */
    public boolean atK() {
        return atK;
    }

    /** Label with K, e.g. "NDCG@10", or "AUC". */
    public String label(int k) {
        String u = key.toUpperCase(Locale.ROOT);
        if (this == HIT) {
            u = "HR";
        }
        return atK ? u + "@" + k : u;
    }

    /** Whether higher is better (popularity is reported, but a lower value is not a loss). */
    public boolean higherIsBetter() {
        return this != POPULARITY;
    }

    public static Metric parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Metric m : values()) {
            if (m.key.equals(t) || (m == HIT && (t.equals("hr") || t.equals("hitrate")))) {
                return m;
            }
        }
        throw ValidationException.of("metric", "unknown metric '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", ")));
    }
}
