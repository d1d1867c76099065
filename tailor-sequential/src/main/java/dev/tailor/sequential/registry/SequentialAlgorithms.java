// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.registry;

import dev.tailor.algorithms.common.Checks;
import dev.tailor.algorithms.common.Events;
import dev.tailor.algorithms.common.Param;
import dev.tailor.algorithms.common.ParamValues;
import dev.tailor.algorithms.registry.AlgorithmInfo;
import dev.tailor.algorithms.registry.Algorithms;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.model.Provenance;
import dev.tailor.sequential.SequentialModels;
import dev.tailor.sequential.gru.GruConfig;
import dev.tailor.sequential.gru.GruEncoder;
import dev.tailor.sequential.gru.GruTrainer;
import dev.tailor.sequential.model.SequentialModel;
import dev.tailor.sequential.sasrec.SasRecConfig;
import dev.tailor.sequential.sasrec.SasRecEncoder;
import dev.tailor.sequential.sasrec.SasRecTrainer;
import dev.tailor.sequential.train.TrainConfig;
import java.io.DataInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Registry entries of SASRec ({@code sasrec}) and GRU4Rec ({@code gru4rec}). The names are the models' own
 * {@code name()}, which is what a model file records to find its reader again. Defaults are the settings of the
 * sequential benchmarks (d = 64, 2 blocks, 1 head, dropout 0.3, lr 0.004, batch 128, 1024 sampled negatives,
 * N = 50). A spec-built trainer validates on its own: the last item of up to {@code vusers} sampled customers is
 * held out of training and ranked after every epoch; training stops after {@code patience} epochs without a
 * better validation NDCG@10 (at most {@code epochs}) and keeps the best epoch's weights. Its trainers are
 * {@link dev.tailor.algorithms.factor.ListenableTrainer}s: training loss and validation NDCG@10 per epoch become
 * learning curves.
 */
public final class SequentialAlgorithms {
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
            Param.integer("seed", 42, 0, 0, false, "seed for initialization, order, dropout and sampling").fixed());

    private SequentialAlgorithms() {
    }

    /** Self-attentive next-item model (Kang &amp; McAuley 2018). */
    public static AlgorithmInfo sasrec() {
        List<Param> params = new ArrayList<>(List.of(
                Param.integer("dim", 64, 16, 128, true, "hidden width (item embeddings, attention, feed-forward)"),
                Param.integer("blocks", 2, 1, 3, false, "transformer blocks"),
                // Not searched: a sampled width need not be divisible by it.
                Param.integer("heads", 1, 1, 1, false, "attention heads; must divide dim").fixed(),
                Param.real("dropout", 0.3, 0, 0.6, false, "dropout on embeddings, attention and feed-forward")));
        params.addAll(TRAINING);
        return new AlgorithmInfo(SasRecEncoder.KIND, "SASRec next-item self-attention over the customer's recent"
                + " sequence (sampled softmax, CPU)", params, p -> new SasRecTrainer(sasrecConfig(p)),
                SequentialAlgorithms::read);
    }

    /** Recurrent next-item model (Hidasi et al. 2016). */
    public static AlgorithmInfo gru() {
        List<Param> params = new ArrayList<>(List.of(
                Param.integer("dim", 64, 16, 128, true, "embedding and hidden width"),
                Param.real("dropout", 0.3, 0, 0.6, false, "dropout on input embeddings and hidden states")));
        params.addAll(TRAINING);
        return new AlgorithmInfo(GruEncoder.KIND, "GRU4Rec next-item recurrent model over the customer's recent"
                + " sequence (sampled softmax, CPU)", params, p -> new GruTrainer(gruConfig(p)),
                SequentialAlgorithms::read);
    }

    /** {@code base} with {@link #sasrec()} and {@link #gru()} added. */
    public static Algorithms register(Algorithms base) {
        return base.with(sasrec()).with(gru());
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
