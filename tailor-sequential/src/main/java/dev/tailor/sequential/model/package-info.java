// SPDX-License-Identifier: Apache-2.0
/**
 * The trained model ({@link dev.tailor.sequential.model.SequentialModel}, a
 * {@link dev.tailor.core.model.RecommenderModel}), the encoder seam it runs
 * ({@link dev.tailor.sequential.model.SequenceEncoder}: flat parameters, per-thread workspaces, forward and
 * backward), the input rules ({@link dev.tailor.sequential.model.Sequences}) and the shared dense kernels.
 */
package dev.tailor.sequential.model;
