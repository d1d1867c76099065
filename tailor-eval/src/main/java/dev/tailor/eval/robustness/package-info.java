// SPDX-License-Identifier: Apache-2.0
/**
 * Robustness of recommenders to poisoned training data. {@link dev.tailor.eval.robustness.Poisoning} injects
 * random-click noise or a shilling attack (fake profiles pushing one target item, with the random, average and
 * bandwagon attack models of Lam and Riedl 2004 and Mobasher et al. 2007) into a split's training part;
 * {@link dev.tailor.eval.robustness.ProfileDetector} flags anomalous profiles for a defence; {@link
 * dev.tailor.eval.robustness.AttackEvaluation} measures the accuracy drop and the target's rank lift without
 * and with that defence, and the detector's precision and recall.
 */
package dev.tailor.eval.robustness;
