// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.registry;

import dev.tailor.algorithms.common.Checks;
import dev.tailor.algorithms.common.Events;
import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.common.ParamValues;
import dev.tailor.algorithms.factor.ListenableTrainer;
import dev.tailor.algorithms.registry.AlgorithmInfo;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.model.Provenance;
import dev.tailor.sequential.SequentialModels;
import dev.tailor.sequential.gru.GruConfig;
import dev.tailor.sequential.gru.GruEncoder;
import dev.tailor.sequential.gru.GruTrainer;
import dev.tailor.sequential.model.SequentialModel;
import dev.tailor.sequential.sasrec.SasRecConfig;
import dev.tailor.sequential.sasrec.SasRecEncoder;
import dev.tailor.sequential.sasrec.SasRecTrainer;
import dev.tailor.sequential.train.SequenceTrainer;
import dev.tailor.sequential.train.TrainConfig;
import java.io.DataInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Registry entries of SASRec ({@code sasrec}) and GRU4Rec ({@code gru4rec}). The names are the models' own
 * {@code name()}, which is what a model file records to find its reader again. Defaults are the settings of the
 * sequential benchmarks (d = 64, 2 blocks, 1 head, dropout 0.3, lr 0.004, batch 128, 1024 sampled negatives,
 * N = 50). A spec-built trainer validates on its own: the last item of up to {@code vusers} sampled customers is
 * held out of training and ranked after every epoch; training stops after {@code patience} epochs without a
 * better validation NDCG@10 (at most {@code epochs}) and keeps the best epoch's weights. Its trainers are
 * {@link dev.tailor.algorithms.factor.ListenableTrainer}s: training loss and validation NDCG@10 per epoch become
 * learning curves.
 *
 * <p>{@code textinit=MODEL} starts the item embeddings from the principal components of a text model's vectors
 * of the item texts ({@link dev.tailor.sequential.train.ItemInit}). This module cannot reach the text models, so
 * only a registry made with {@link #register(Algorithms, ItemVectorSource)} accepts it; elsewhere any value but
 * {@code none} fails when the spec is read.
 */
public final class SequentialAlgorithms {
    /** The parameter naming the text model of the item-embedding init. */
    public static final String TEXTINIT = "textinit";
    /** Its default: random item embeddings. */
    public static final String NONE = "none";

    private static final List<Param> TRAINING = List.of(
            Param.real("lr", 0.004, 0.0005, 0.02, true, "Adam learning rate"),
            Param.integer("batch", 128, 32, 512, true, "sequences per Adam step"),
            Param.integer("negatives", 1024, 64, 4096, true,
                    "uniform negatives shared by a mini-batch (0 = full softmax over all items)"),
            Param.integer("epochs", 20, 3, 60, true, "most epochs to train (fewer when early stopping ends it)"),
            Param.integer("patience", 5, 2, 10, false,
                    "epochs without a better validation NDCG@10 before training stops (the best epoch is kept)"),
            Param.integer("vusers", 5_000, 0, 0, false, "customers whose last item is held out to validate each"
                    + " epoch (seeded sample of those with 2+ items); 0 = no validation, train exactly epochs")
                    .fixed(),
            Param.integer("maxlen", 50, 10, 200, true, "only the newest maxlen items of a sequence are input"),
            Events.param("binary"),
            Param.integer("threads", 0, 0, 0, false, "training threads, 0 = all processors").fixed(),
            Param.integer("seed", 42, 0, 0, false, "seed for initialization, order, dropout and sampling").fixed(),
            // Not searched: which text model describes the catalog is a deployment choice, like events.
            new Param(TEXTINIT, Param.Kind.TEXT, NONE, 0, 0, false, List.of(), false, "item embeddings start from"
                    + " the PCA of this text model's vectors of the item texts (e.g. all-minilm-l6-v2-q,"
                    + " multilingual); none = random"));

    private SequentialAlgorithms() {
    }

    /** Self-attentive next-item model (Kang &amp; McAuley 2018); {@code textinit} must be {@code none}. */
    public static AlgorithmInfo sasrec() {
        return sasrec(Optional.empty());
    }

    /** Self-attentive next-item model whose {@code textinit} vectors come from {@code source}. */
    public static AlgorithmInfo sasrec(ItemVectorSource source) {
        return sasrec(Optional.of(Objects.requireNonNull(source, "source")));
    }

    private static AlgorithmInfo sasrec(Optional<ItemVectorSource> source) {
        List<Param> params = new ArrayList<>(List.of(
                Param.integer("dim", 64, 16, 128, true, "hidden width (item embeddings, attention, feed-forward)"),
                Param.integer("blocks", 2, 1, 3, false, "transformer blocks"),
                // Not searched: a sampled width need not be divisible by it.
                Param.integer("heads", 1, 1, 1, false, "attention heads; must divide dim").fixed(),
                Param.real("dropout", 0.3, 0, 0.6, false, "dropout on embeddings, attention and feed-forward")));
        params.addAll(TRAINING);
        return new AlgorithmInfo(SasRecEncoder.KIND, "SASRec next-item self-attention over the customer's recent"
                + " sequence (sampled softmax, CPU)", params, p -> withTextInit(SasRecEncoder.KIND, p, source,
                new SasRecTrainer(sasrecConfig(p))),
                SequentialAlgorithms::read);
    }

    /** Recurrent next-item model (Hidasi et al. 2016); {@code textinit} must be {@code none}. */
    public static AlgorithmInfo gru() {
        return gru(Optional.empty());
    }

    /** Recurrent next-item model whose {@code textinit} vectors come from {@code source}. */
    public static AlgorithmInfo gru(ItemVectorSource source) {
        return gru(Optional.of(Objects.requireNonNull(source, "source")));
    }

    private static AlgorithmInfo gru(Optional<ItemVectorSource> source) {
        List<Param> params = new ArrayList<>(List.of(
                Param.integer("dim", 64, 16, 128, true, "embedding and hidden width"),
                Param.real("dropout", 0.3, 0, 0.6, false, "dropout on input embeddings and hidden states")));
        params.addAll(TRAINING);
        return new AlgorithmInfo(GruEncoder.KIND, "GRU4Rec next-item recurrent model over the customer's recent"
                + " sequence (sampled softmax, CPU)", params, p -> withTextInit(GruEncoder.KIND, p, source,
                new GruTrainer(gruConfig(p))),
                SequentialAlgorithms::read);
    }

    /** {@code base} with {@link #sasrec()} and {@link #gru()} added; {@code textinit} must be {@code none}. */
    public static Algorithms register(Algorithms base) {
        return base.with(sasrec()).with(gru());
    }

    /** {@code base} with both models added, their {@code textinit} vectors coming from {@code source}. */
    public static Algorithms register(Algorithms base, ItemVectorSource source) {
        return base.with(sasrec(source)).with(gru(source));
    }

    /**
     * The trainer as it is when {@code textinit} is {@code none}, else one that fetches the item vectors from the
     * source when it trains. Checked here, when the spec is read, so a bad value fails before any training.
     */
    private static ListenableTrainer<SequentialModel> withTextInit(String kind, ParamValues p,
            Optional<ItemVectorSource> source, SequenceTrainer<?> trainer) {
        String model = p.text(TEXTINIT).trim();
        if (model.isEmpty()) {
            throw new ValidationException(new Problem(kind, 0, TEXTINIT,
                    "expected a text model name or " + NONE + ", got an empty value"));
        }
        if (model.toLowerCase(Locale.ROOT).equals(NONE)) {
            return trainer;
        }
        if (source.isEmpty()) {
            throw new ValidationException(new Problem(kind, 0, TEXTINIT, "'" + model + "' needs the item texts'"
                    + " language models, which only the tailor commands (evaluate, tune, train, serve --extra-model)"
                    + " provide; this registry (SequentialAlgorithms.register(base) without an ItemVectorSource)"
                    + " accepts only " + NONE));
        }
        try {
            source.get().check(model);
        } catch (ValidationException e) {
            // The source names its own field ("model"); the spec's reader knows the parameter as textinit.
            List<Problem> named = new ArrayList<>();
            for (Problem problem : e.problems()) {
                named.add(new Problem(kind, 0, TEXTINIT, problem.reason()));
            }
            throw new ValidationException(named);
        }
        return new TextInitTrainer(trainer, model, source.get());
    }

    static SasRecConfig sasrecConfig(ParamValues p) {
        int dim = p.integer("dim");
        int heads = p.integer("heads");
        Checks checks = Checks.of(SasRecEncoder.KIND)
                .atLeast("dim", dim, 1)
                .atLeast("blocks", p.integer("blocks"), 1)
                .atLeast("heads", heads, 1)
                .between("dropout", p.real("dropout"), 0, 0.95);
        if (heads >= 1 && dim % heads != 0) {
            checks.fail("heads", "must divide dim " + dim + ", got " + heads);
        }
        checks.done();
        return new SasRecConfig(dim, p.integer("blocks"), heads, (float) p.real("dropout"),
                trainConfig(SasRecEncoder.KIND, p));
    }

    static GruConfig gruConfig(ParamValues p) {
        Checks.of(GruEncoder.KIND)
                .atLeast("dim", p.integer("dim"), 1)
                .between("dropout", p.real("dropout"), 0, 0.95)
                .done();
        return new GruConfig(p.integer("dim"), (float) p.real("dropout"), trainConfig(GruEncoder.KIND, p));
    }

    private static TrainConfig trainConfig(String source, ParamValues p) {
        // Checked here so errors name the spec's parameters ("maxlen", "batch"), not TrainConfig's fields.
        Checks.of(source)
                .atLeast("maxlen", p.integer("maxlen"), 1)
                .atLeast("batch", p.integer("batch"), 1)
                .atLeast("epochs", p.integer("epochs"), 1)
                .atLeast("patience", p.integer("patience"), 1)
                .atLeast("vusers", p.integer("vusers"), 0)
                .aboveAtMost("lr", p.real("lr"), 0, 10)
                .atLeast("negatives", p.integer("negatives"), 0)
                .atLeast("threads", p.integer("threads"), 0)
                .done();
        TrainConfig d = TrainConfig.defaults();
        return new TrainConfig(p.integer("maxlen"), p.integer("batch"), p.integer("epochs"), p.integer("patience"),
                (float) p.real("lr"), p.integer("negatives"), p.integer("vusers"), p.integer("threads"),
                p.integer("seed"), d.collapseRepeats(), Events.parse(source, p.text(Events.NAME)));
    }

    private static SequentialModel read(DataInput in, int payloadVersion, Provenance provenance)
            throws IOException {
        if (payloadVersion != SequentialModels.PAYLOAD_VERSION) {
            throw new TailorException("sequential model payload version " + payloadVersion
                    + " is not supported; this build reads " + SequentialModels.PAYLOAD_VERSION);
        }
        return SequentialModels.readPayload(in, "sequential model");
    }
}
