// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.content;

import dev.tailor.algorithms.common.BinaryIO;
import dev.tailor.algorithms.common.Explainable;
import dev.tailor.algorithms.common.SavableModel;
import dev.tailor.algorithms.common.Scoring;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.model.Provenance;
import dev.tailor.core.model.UserContext;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attribute-weighted item scoring: score(u, i) = sum_f w_f x_f(u, i), where x_f is the item's match on field f
 * with the customer's profile (see {@link AttributeField} and {@link Profile}) and w_f the field's weight.
 * Items are described by the catalog alone, so an item listed a minute before training, with no event at all,
 * scores like any other. A customer with no usable history gets the catalog-wide profile (the attribute mix
 * of all training events), so a visitor still sees items of the shop's popular kinds.
 *
 * <p>Scoring walks the postings of the profile's values only: O(history x values + matched postings), one
 * catalog pass to clear the output, no per-item allocation.
 */
public final class ContentModel implements SavableModel, Explainable {
    static final int PAYLOAD_VERSION = 1;

    private final List<AttributeField> fields;
    private final float[] weights;
    private final Profile global;
    private final Provenance provenance;

    /**
     * @param fields the catalog's fields, each over the same items
     * @param weights one per field
     * @param global the profile used for users without usable history
     */
    public ContentModel(List<AttributeField> fields, float[] weights, Profile global, Provenance provenance) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("the content model needs at least one field");
        }
        if (weights.length != fields.size() || global.fieldCount() != fields.size()) {
            throw new IllegalArgumentException(fields.size() + " fields but " + weights.length + " weights and "
                    + global.fieldCount() + " profile fields");
        }
        for (AttributeField f : fields) {
            if (f.itemCount() != fields.get(0).itemCount()) {
                throw new IllegalArgumentException("field " + f.name() + " covers " + f.itemCount() + " items, "
                        + fields.get(0).name() + " " + fields.get(0).itemCount());
            }
        }
        for (float w : weights) {
            if (!Float.isFinite(w)) {
                throw new IllegalArgumentException("non-finite field weight " + w);
            }
        }
        this.fields = List.copyOf(fields);
        this.weights = weights.clone();
        this.global = global;
        this.provenance = provenance;
    }

    @Override
    public String name() {
        return ContentConfig.NAME;
    }

    @Override
    public int itemCount() {
        return fields.get(0).itemCount();
    }

    /** Field names in order. */
    public List<String> fieldNames() {
        return fields.stream().map(AttributeField::name).toList();
    }

    /** The weight of each field, by name, in field order. */
    public Map<String, Double> weights() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int f = 0; f < fields.size(); f++) {
            m.put(fields.get(f).name(), (double) weights[f]);
        }
        return m;
    }

    public AttributeField field(String name) {
        for (AttributeField f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no field '" + name + "'; fields are " + fieldNames());
    }

    /** The customer's profile, or the catalog-wide one when the history has nothing usable. */
    public Profile profile(UserContext user) {
        Profile p = Profile.of(fields, user.items(), user.weights(), 0, user.historyLength());
        return p.isEmpty() ? global : p;
    }

    @Override
    public void scoreAll(UserContext user, float[] out) {
        Scoring.checkOutput(out, itemCount(), name());
        Arrays.fill(out, 0f);
        Profile p = profile(user);
        for (int f = 0; f < fields.size(); f++) {
            float w = weights[f];
            if (w == 0f) {
                continue;
            }
            AttributeField field = fields.get(f);
            for (int k = 0; k < p.size(f); k++) {
                int v = p.value(f, k);
                float s = w * p.shareAt(f, k);
                for (int q = field.postingStart(v); q < field.postingEnd(v); q++) {
                    int item = field.postingItem(q);
                    int values = field.itemEnd(item) - field.itemStart(item);
                    out[item] += values == 1 ? s : s / values;
                }
            }
        }
    }

    /** The per-field matches behind the item's score, strongest first. */
    public ContentExplanation explanation(UserContext user, int item) {
        if (item < 0 || item >= itemCount()) {
            throw new IllegalArgumentException("item " + item + " outside [0, " + itemCount() + ")");
        }
        Profile p = profile(user);
        List<ContentExplanation.Match> matches = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            AttributeField field = fields.get(f);
            double match = p.match(f, field, item);
            double contribution = weights[f] * match;
            if (contribution > 0) {
                List<String> values = new ArrayList<>();
                for (int k = field.itemStart(item); k < field.itemEnd(item); k++) {
                    if (p.share(f, field.value(k)) > 0) {
                        values.add(field.valueName(field.value(k)));
                    }
                }
                matches.add(new ContentExplanation.Match(field.name(), values, match, contribution));
            }
        }
        matches.sort(Comparator.comparingDouble(ContentExplanation.Match::contribution).reversed());
        return new ContentExplanation(matches);
    }

    @Override
    public Optional<String> explain(UserContext user, int item) {
        ContentExplanation e = explanation(user, item);
        return e.matches().isEmpty() ? Optional.empty() : Optional.of(e.text());
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public int payloadVersion() {
        return PAYLOAD_VERSION;
    }

    @Override
    public void writePayload(DataOutput out) throws IOException {
        out.writeInt(itemCount());
        out.writeInt(fields.size());
        for (int f = 0; f < fields.size(); f++) {
            out.writeFloat(weights[f]);
            fields.get(f).write(out);
        }
        global.write(out);
    }

    public static ContentModel readPayload(DataInput in, int version, Provenance provenance) throws IOException {
        BinaryIO.checkPayloadVersion(ContentConfig.NAME, version, PAYLOAD_VERSION);
        int items = in.readInt();
        int n = in.readInt();
        if (items < 0 || n <= 0 || n > 1_000) {
            throw new TailorException("corrupt model data: content model of " + items + " items, " + n + " fields");
        }
        float[] weights = new float[n];
        List<AttributeField> fields = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            weights[f] = in.readFloat();
            fields.add(AttributeField.read(in, items));
        }
        Profile global = Profile.read(in, fields);
        return new ContentModel(fields, weights, global, provenance);
    }
}
