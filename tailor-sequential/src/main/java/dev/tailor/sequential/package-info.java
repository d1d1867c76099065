// SPDX-License-Identifier: Apache-2.0
/**
 * Next-item (sequential) recommendation: models that score what a shopper does next from the order of what
 * they did last. {@link dev.tailor.sequential.SequentialModels} saves and loads trained models; the models
 * themselves are {@link dev.tailor.sequential.model.SequentialModel}s trained by
 * {@link dev.tailor.sequential.sasrec.SasRecTrainer} or {@link dev.tailor.sequential.gru.GruTrainer}.
 */
package dev.tailor.sequential;
