// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.content;

import dev.tailor.algorithms.common.Training;
import dev.tailor.algorithms.factor.EpochListener;
import dev.tailor.algorithms.factor.ListenableTrainer;
import dev.tailor.core.data.CsrMatrix;
import dev.tailor.core.data.EventWeights;
import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link ContentModel}: indexes the catalog's attributes, takes the catalog-wide profile from all
 * events, and either uses the configured field weights or learns them.
 *
 * <p>Learning asks the question the model answers at serving time: given what a customer did so far, which
 * item do they touch next? For a seeded sample of customers, the profile is built from their earlier events
 * (all but the latest {@code holdout} share); the items of the later events that are new to them are
 * positives, and uniformly drawn items they never touched are negatives. Each example's features are the
 * item's per-field matches with that earlier profile, and an L2-regularized logistic regression
 * ({@link LogisticRegression}) fits the weights. Its objective per Newton iteration goes to the listener.
 */
public final class ContentTrainer implements ListenableTrainer<ContentModel> {
    private static final Logger LOG = LoggerFactory.getLogger(ContentTrainer.class);

    private final ContentConfig config;
    private final EpochListener listener;

    public ContentTrainer(ContentConfig config) {
        this(config, EpochListener.NONE);
    }

    public ContentTrainer(ContentConfig config, EpochListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public ContentConfig config() {
        return config;
    }

    @Override
    public ContentTrainer withListener(EpochListener newListener) {
        return new ContentTrainer(config, newListener);
    }

    @Override
    public ContentModel train(Snapshot training) {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        CsrMatrix m = Training.matrix(training, config.events(), ContentConfig.NAME);
        List<AttributeField> fields = AttributeFields.build(training.itemFeatures(), config);
        float[] itemWeight = new float[training.numItems()];
        for (int p = 0; p < m.nnz(); p++) {
            itemWeight[m.col(p)] += m.value(p);
        }
        int[] all = new int[training.numItems()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Profile global = Profile.of(fields, all, itemWeight, 0, all.length);
        float[] weights = new float[fields.size()];
        if (config.learn()) {
            Examples ex = examples(training, fields);
            LogisticRegression.Fit fit = LogisticRegression.fit(ex.x, ex.y, fields.size(), config.l2(),
                    config.iterations(), ContentConfig.NAME, listener);
            for (int f = 0; f < weights.length; f++) {
                weights[f] = (float) fit.weights()[f];
            }
            LOG.info("content: learned weights {} from {} examples in {} iterations (log-loss {})",
                    Arrays.toString(weights), ex.y.length, fit.iterations(), fit.loss());
        } else {
            for (int f = 0; f < weights.length; f++) {
                weights[f] = config.weights().getOrDefault(fields.get(f).name(), 0.0).floatValue();
            }
        }
        return new ContentModel(fields, weights, global, Training.provenance(ContentConfig.NAME, config.toParams(),
                config.seed(), training, start, t0));
    }

    /** Training rows: features n x fields, labels. */
    record Examples(float[] x, byte[] y) {
    }

    Examples examples(Snapshot training, List<AttributeField> fields) {
        Interactions in = training.interactions();
        EventWeights events = config.events();
        int numItems = training.numItems();
        int d = fields.size();
        int[] candidates = usersWithHistory(in, events);
        SplittableRandom random = new SplittableRandom(config.seed());
        int[] users = sample(candidates, config.maxUsers(), random);
        FloatBuffer x = new FloatBuffer();
        ByteBuffer y = new ByteBuffer();
        BitSet touched = new BitSet(numItems);
        int[] items = new int[16];
        float[] weights = new float[16];
        int[] positives = new int[config.maxPositives()];
        for (int u : users) {
            int n = 0;
            for (int k = in.start(u); k < in.end(u); k++) {
                float w = events.weight(in.typeOrdinal(k), in.value(k));
                if (w > 0) {
                    if (n == items.length) {
                        items = Arrays.copyOf(items, n * 2);
                        weights = Arrays.copyOf(weights, n * 2);
                    }
                    items[n] = in.item(k);
                    weights[n++] = w;
                }
            }
            int cut = Math.max(1, (int) Math.floor(n * (1 - config.holdout())));
            touched.clear();
            for (int h = 0; h < cut; h++) {
                touched.set(items[h]);
            }
            int pos = 0;
            for (int h = cut; h < n && pos < positives.length; h++) {
                if (!touched.get(items[h]) && !contains(positives, pos, items[h])) {
                    positives[pos++] = items[h];
                }
            }
            if (pos == 0) {
                continue;
            }
            for (int h = cut; h < n; h++) {
                touched.set(items[h]);
            }
            Profile profile = Profile.of(fields, items, weights, 0, cut);
            for (int p = 0; p < pos; p++) {
                addRow(x, y, profile, fields, positives[p], (byte) 1);
                for (int q = 0; q < config.negatives(); q++) {
                    int neg = -1;
                    // Rejection sampling: customers touch a tiny part of the catalog, so this rarely loops.
                    for (int attempt = 0; attempt < 20 && neg < 0; attempt++) {
                        int c = random.nextInt(numItems);
                        if (!touched.get(c)) {
                            neg = c;
                        }
                    }
                    if (neg >= 0) {
                        addRow(x, y, profile, fields, neg, (byte) 0);
                    }
                }
            }
        }
        if (y.size == 0 || y.positives == 0 || y.positives == y.size) {
            throw new ValidationException(new Problem(training.name(), 0, "weights", "content cannot learn"
                    + " weights: no customer has a new item among their latest " + Math.round(config.holdout() * 100)
                    + "% events (" + candidates.length + " customers with 2+ events); give fixed weights, e.g."
                    + " weights=category:1;brand:0.5;price:0.3"));
        }
        return new Examples(x.toArray(), y.toArray());
    }

    private static void addRow(FloatBuffer x, ByteBuffer y, Profile profile, List<AttributeField> fields, int item,
            byte label) {
        for (int f = 0; f < fields.size(); f++) {
            x.add((float) profile.match(f, fields.get(f), item));
        }
        y.add(label);
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    /** Users with at least two events of positive weight: one to profile, one to predict. */
    private static int[] usersWithHistory(Interactions in, EventWeights events) {
        int[] out = new int[in.numUsers()];
        int n = 0;
        for (int u = 0; u < in.numUsers(); u++) {
            int count = 0;
            for (int k = in.start(u); k < in.end(u) && count < 2; k++) {
                if (events.weight(in.typeOrdinal(k), in.value(k)) > 0) {
                    count++;
                }
            }
            if (count >= 2) {
                out[n++] = u;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** At most {@code max} of the users, drawn without replacement, in ascending order. */
    private static int[] sample(int[] users, int max, SplittableRandom random) {
        if (users.length <= max) {
            return users;
        }
        int[] a = users.clone();
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(a.length - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        int[] out = Arrays.copyOf(a, max);
        Arrays.sort(out);
        return out;
    }

    private static final class FloatBuffer {
        private float[] data = new float[1024];
        private int size;

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

    private static final class ByteBuffer {
        private byte[] data = new byte[1024];
        private int size;
        private int positives;

        void add(byte v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            positives += v;
            data[size++] = v;
        }

        byte[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
