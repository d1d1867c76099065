// SPDX-License-Identifier: Apache-2.0
/**
 * The serving pipeline and its seams: {@link dev.tailor.server.pipeline.CandidateSource} →
 * {@link dev.tailor.server.pipeline.Ranker} → {@link dev.tailor.server.pipeline.Rule} →
 * {@link dev.tailor.server.pipeline.Reranker} → explanations, run by {@link dev.tailor.server.pipeline.Pipeline}
 * over pooled primitive buffers ({@link dev.tailor.server.pipeline.Candidates},
 * {@link dev.tailor.server.pipeline.Accumulator}) in catalog index space. New models plug in as a source or a
 * ranker; nothing here knows HTTP.
 */
package dev.tailor.server.pipeline;
