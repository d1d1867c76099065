// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.registry;

import dev.tailor.algorithms.als.AlsConfig;
import dev.tailor.algorithms.als.AlsModel;
import dev.tailor.algorithms.als.AlsTrainer;
import dev.tailor.algorithms.bpr.BprConfig;
import dev.tailor.algorithms.bpr.BprModel;
import dev.tailor.algorithms.bpr.BprTrainer;
import dev.tailor.algorithms.ease.EaseConfig;
import dev.tailor.algorithms.ease.EaseModel;
import dev.tailor.algorithms.ease.EaseTrainer;
import dev.tailor.algorithms.graph.Rp3Config;
import dev.tailor.algorithms.graph.Rp3Model;
import dev.tailor.algorithms.graph.Rp3Trainer;
import dev.tailor.algorithms.neumf.NeuMfConfig;
import dev.tailor.algorithms.neumf.NeuMfModel;
import dev.tailor.algorithms.neumf.NeuMfTrainer;
import dev.tailor.algorithms.pmf.PmfConfig;
import dev.tailor.algorithms.pmf.PmfModel;
import dev.tailor.algorithms.pmf.PmfTrainer;
import java.util.List;

/**
 * Registry entries of the learned collaborative models (latent factors, EASE, the RP3beta graph walk), kept apart
 * from the baselines' list.
 */
final class FactorizationAlgorithms {
    private FactorizationAlgorithms() {
    }

    static List<AlgorithmInfo> all() {
        return List.of(
                new AlgorithmInfo(AlsConfig.NAME, "implicit-feedback ALS (conjugate gradient), confidence 1 + alpha"
                        + " * weight", AlsConfig.PARAMS, p -> new AlsTrainer(AlsConfig.from(p)),
                        AlsModel::readPayload),
                new AlgorithmInfo(BprConfig.NAME, "BPR matrix factorization (pairwise SGD, uniform negatives)",
                        BprConfig.PARAMS, p -> new BprTrainer(BprConfig.from(p)), BprModel::readPayload),
                new AlgorithmInfo(EaseConfig.NAME, "EASE closed-form item x item autoencoder (catalogs up to"
                        + " max-items)", EaseConfig.PARAMS, p -> new EaseTrainer(EaseConfig.from(p)),
                        EaseModel::readPayload),
                new AlgorithmInfo(Rp3Config.NAME, "RP3beta item x item random walk with popularity penalty (top k"
                        + " per item)", Rp3Config.PARAMS, p -> new Rp3Trainer(Rp3Config.from(p)),
                        Rp3Model::readPayload),
                new AlgorithmInfo(PmfConfig.NAME, "probabilistic matrix factorization with biases (explicit"
                        + " ratings, SGD)", PmfConfig.PARAMS, p -> new PmfTrainer(PmfConfig.from(p)),
                        PmfModel::readPayload),
                new AlgorithmInfo(NeuMfConfig.NAME, "neural matrix factorization (GMF + MLP towers, BCE with"
                        + " sampled negatives)", NeuMfConfig.PARAMS, p -> new NeuMfTrainer(NeuMfConfig.from(p)),
                        NeuMfModel::readPayload));
    }
}
