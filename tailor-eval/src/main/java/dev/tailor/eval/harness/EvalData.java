// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.harness;

import dev.tailor.core.data.EventWeights;
import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.ItemFeatures;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.UserContext;
import dev.tailor.eval.metric.BeyondAccuracy;
import dev.tailor.eval.split.DataFilters;
import dev.tailor.eval.split.Split;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Everything about a split that every model's evaluation shares, computed once: the test users (those with at
 * least one positive test event), their distinct relevant items, their history (context handed to the model
 * and the items masked from its ranking), the items that can be ranked at all (those with an event anywhere in
 * the filtered data), item statistics for the beyond-accuracy metrics and the user groups. Flat arrays,
 * indexed by test-user slot. Immutable.
 */
public final class EvalData {
    private final Split split;
    private final EvalConfig config;
    private final int[] users;
    private final int[] relPtr;
    private final int[] relItems;
    private final int[] ctxPtr;
    private final int[] ctxItems;
    private final float[] ctxWeights;
    private final int[] maskPtr;
    private final int[] maskItems;
    private final BitSet unrankable;
    private final int rankable;
    private final BeyondAccuracy items;
    private final List<Groups> groups;
    private final int maxRelevant;

    private EvalData(Split split, EvalConfig config, int[] users, int[] relPtr, int[] relItems, int[] ctxPtr,
            int[] ctxItems, float[] ctxWeights, int[] maskPtr, int[] maskItems, BitSet unrankable,
            BeyondAccuracy items, List<Groups> groups) {
        this.split = split;
        this.config = config;
        this.users = users;
        this.relPtr = relPtr;
        this.relItems = relItems;
        this.ctxPtr = ctxPtr;
        this.ctxItems = ctxItems;
        this.ctxWeights = ctxWeights;
        this.maskPtr = maskPtr;
        this.maskItems = maskItems;
        this.unrankable = unrankable;
        this.rankable = split.train().numItems() - unrankable.cardinality();
        this.items = items;
        this.groups = List.copyOf(groups);
        int m = 0;
        for (int s = 0; s < users.length; s++) {
            m = Math.max(m, relPtr[s + 1] - relPtr[s]);
        }
        this.maxRelevant = m;
    }

    /**
     * Prepares a split's test part for evaluation.
     *
     * @param relevance which test events count as relevant ({@link DataFilters#isPositive})
     * @throws ValidationException when no user has a relevant test event
     */
    public static EvalData prepare(Split split, DataFilters relevance, EvalConfig config) {
        return prepare(split, split.test(), relevance, config);
    }

    /**
     * Prepares evaluation on {@code target} (the test part, or the validation part when tuning) with
     * {@code split.train()} as what the models learned from. When the target is validation, validation is not
     * history.
     */
    public static EvalData prepare(Split split, Snapshot target, DataFilters relevance, EvalConfig config) {
        Snapshot train = split.train();
        boolean targetIsValidation = split.validation().isPresent() && split.validation().get() == target;
        Interactions valid = targetIsValidation || split.validation().isEmpty() ? null
                : split.validation().get().interactions();
        Interactions tr = train.interactions();
        Interactions te = target.interactions();
        int nu = train.numUsers();
        int ni = train.numItems();

        // Rankable items: any event in the filtered data (train, validation, test).
        BitSet active = new BitSet(ni);
        markItems(active, tr);
        markItems(active, te);
        split.validation().ifPresent(v -> markItems(active, v.interactions()));
        BitSet unrankable = new BitSet(ni);
        unrankable.set(0, ni);
        unrankable.andNot(active);

        int[] userList = new int[nu];
        int nTest = 0;
        IntList rel = new IntList();
        int[] relPtr = new int[nu + 1];
        BitSet seen = new BitSet(ni);
        for (int u = 0; u < nu; u++) {
            int before = rel.size;
            for (int k = te.start(u); k < te.end(u); k++) {
                int item = te.item(k);
                if (relevance.isPositive(te, k) && !seen.get(item)) {
                    seen.set(item);
                    rel.add(item);
                }
            }
            for (int j = before; j < rel.size; j++) {
                seen.clear(rel.data[j]);
            }
            if (rel.size > before) {
                Arrays.sort(rel.data, before, rel.size);
                userList[nTest++] = u;
                relPtr[nTest] = rel.size;
            }
        }
        if (nTest == 0) {
            throw ValidationException.of("split", "no test users: after filtering and splitting, no user has a"
                    + " relevant " + (targetIsValidation ? "validation" : "test") + " event (" + te.size()
                    + " events in the evaluated part); loosen the filters (--min-user, --min-item, --rating-min)"
                    + " or choose another split");
        }
        int[] users = Arrays.copyOf(userList, nTest);
        relPtr = Arrays.copyOf(relPtr, nTest + 1);

        EventWeights w = config.contextWeights();
        boolean ctxValid = valid != null && config.contextIncludesValidation();
        boolean maskValid = valid != null && config.maskValidation();
        int[] ctxPtr = new int[nTest + 1];
        IntList ctxItems = new IntList();
        FloatList ctxWeights = new FloatList();
        int[] maskPtr = new int[nTest + 1];
        IntList mask = new IntList();
        for (int s = 0; s < nTest; s++) {
            int u = users[s];
            // Merge train and validation events by time: both are time-ordered per user.
            int a = tr.start(u);
            int b = ctxValid ? valid.start(u) : 0;
            int bEnd = ctxValid ? valid.end(u) : 0;
            while (a < tr.end(u) || b < bEnd) {
                boolean takeTrain = b >= bEnd || (a < tr.end(u) && tr.time(a) <= valid.time(b));
                if (takeTrain) {
                    ctxItems.add(tr.item(a));
                    ctxWeights.add(w.weight(tr.typeOrdinal(a), tr.value(a)));
                    a++;
                } else {
                    ctxItems.add(valid.item(b));
                    ctxWeights.add(w.weight(valid.typeOrdinal(b), valid.value(b)));
                    b++;
                }
            }
            ctxPtr[s + 1] = ctxItems.size;
            if (config.maskHistory()) {
                int before = mask.size;
                addDistinct(mask, seen, tr, u);
                if (maskValid) {
                    addDistinct(mask, seen, valid, u);
                }
                for (int j = before; j < mask.size; j++) {
                    seen.clear(mask.data[j]);
                }
            }
            maskPtr[s + 1] = mask.size;
        }

        ItemFeatures f = train.itemFeatures();
        int[] category = new int[ni];
        boolean anyCategory = false;
        for (int i = 0; i < ni; i++) {
            category[i] = config.topCategory() ? f.topCategory(i) : f.category(i);
            anyCategory |= category[i] >= 0;
        }
        BeyondAccuracy items = BeyondAccuracy.fromTraining(train.matrix(EventWeights.BINARY),
                anyCategory ? category : new int[0]);

        Snapshot all = train;
        List<Groups> groups = new ArrayList<>();
        for (UserGrouping g : config.groupings()) {
            groups.add(g.assign(all, train));
        }
        return new EvalData(split, config, users, relPtr, rel.toArray(), ctxPtr, ctxItems.toArray(),
                ctxWeights.toArray(), maskPtr, mask.toArray(), unrankable, items, groups);
    }

    /**
     * The same evaluation with ranking restricted to {@code candidates}: every other item becomes unrankable (never
     * recommended, not counted by coverage or AUC). Used by the cold-start protocol to rank new items among new
     * items only.
     */
    public EvalData restrictTo(BitSet candidates) {
        BitSet un = (BitSet) unrankable.clone();
        BitSet outside = (BitSet) candidates.clone();
        outside.flip(0, itemCount());
        un.or(outside);
        // Masks list only rankable items: the evaluator counts them against the candidates (AUC) and un-masks
        // them after each user, which must not make an item outside the candidates rankable again.
        int[] ptr = new int[maskPtr.length];
        IntList kept = new IntList();
        for (int s = 0; s < users.length; s++) {
            for (int k = maskPtr[s]; k < maskPtr[s + 1]; k++) {
                if (!un.get(maskItems[k])) {
                    kept.add(maskItems[k]);
                }
            }
            ptr[s + 1] = kept.size;
        }
        return new EvalData(split, config, users, relPtr, relItems, ctxPtr, ctxItems, ctxWeights, ptr,
                kept.toArray(), un, items, groups);
    }

    private static void markItems(BitSet set, Interactions in) {
        for (int k = 0; k < in.size(); k++) {
            set.set(in.item(k));
        }
    }

    private static void addDistinct(IntList out, BitSet seen, Interactions in, int u) {
        for (int k = in.start(u); k < in.end(u); k++) {
            int item = in.item(k);
            if (!seen.get(item)) {
                seen.set(item);
                out.add(item);
            }
        }
    }

    public Split split() {
        return split;
    }

    public EvalConfig config() {
        return config;
    }

    /** Number of test users (slots). */
    public int userCount() {
        return users.length;
    }

    /** Dense user index of slot s. */
    public int user(int slot) {
        return users[slot];
    }

    public int itemCount() {
        return split.train().numItems();
    }

    public int relevantStart(int slot) {
        return relPtr[slot];
    }

    public int relevantEnd(int slot) {
        return relPtr[slot + 1];
    }

    public int relevantItem(int k) {
        return relItems[k];
    }

    public int maxRelevant() {
        return maxRelevant;
    }

    public int maskStart(int slot) {
        return maskPtr[slot];
    }

    public int maskEnd(int slot) {
        return maskPtr[slot + 1];
    }

    public int maskItem(int k) {
        return maskItems[k];
    }

    /** Items without any event in the filtered data: never ranked. */
    public BitSet unrankable() {
        return (BitSet) unrankable.clone();
    }

    /** Number of items that can be ranked. */
    public int rankableCount() {
        return rankable;
    }

    /** A fresh scoring context for slot s (history items and weights, time order, plus segments). */
    public UserContext context(int slot) {
        int u = users[slot];
        int from = ctxPtr[slot];
        int to = ctxPtr[slot + 1];
        return new UserContext(u, Arrays.copyOfRange(ctxItems, from, to), Arrays.copyOfRange(ctxWeights, from, to),
                split.train().userFeatures().segments(u));
    }

    public BeyondAccuracy items() {
        return items;
    }

    public List<Groups> groups() {
        return groups;
    }

    /** Growable int array (no boxing). */
    private static final class IntList {
        int[] data = new int[1024];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    private static final class FloatList {
        float[] data = new float[1024];
        int size;

        void add(float v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        float[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
