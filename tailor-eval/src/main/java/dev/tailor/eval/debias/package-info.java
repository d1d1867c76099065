// SPDX-License-Identifier: Apache-2.0
/**
 * Debiased offline evaluation from logged impressions. What a shop logs is what its old policy chose to show, so
 * the plain click-through rate of logged items that a new model would also recommend measures the old policy's
 * preferences as much as the new model. {@link dev.tailor.eval.debias.OffPolicy} reweights each logged impression
 * by how much more (or less) likely the new policy is to show it than the logging policy was: inverse propensity
 * scoring (IPS, Horvitz and Thompson 1952; for recommenders Schnabel et al., ICML 2016) and its self-normalized
 * form (SNIPS, Swaminathan and Joachims, NeurIPS 2015), which trades a small bias for much lower variance.
 * Propensities come from the logging policy when it recorded them, or are estimated ({@link
 * dev.tailor.eval.debias.Propensities}).
 */
package dev.tailor.eval.debias;
