// SPDX-License-Identifier: Apache-2.0
/**
 * The recommender seam on dense indices: a {@link dev.tailor.core.model.Trainer} turns a snapshot into an
 * immutable {@link dev.tailor.core.model.RecommenderModel} that scores items for a
 * {@link dev.tailor.core.model.UserContext}; {@link dev.tailor.core.model.TopK} selects the best.
 */
package dev.tailor.core.model;
