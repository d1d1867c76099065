// SPDX-License-Identifier: Apache-2.0
/**
 * Differential privacy for aggregates a shop publishes (popularity and trending counts exported to other
 * systems): each customer's contribution is clipped ({@link dev.tailor.core.privacy.dp.ContributionBound}), noise
 * is added by the {@link dev.tailor.core.privacy.dp.LaplaceMechanism} (pure ε-DP, L1 sensitivity) or the
 * {@link dev.tailor.core.privacy.dp.GaussianMechanism} ((ε, δ)-DP, L2 sensitivity), and every release is charged
 * to a {@link dev.tailor.core.privacy.dp.PrivacyBudget}.
 *
 * <p><b>Budget accounting.</b> The budget uses basic sequential composition (Dwork and Roth, "The Algorithmic
 * Foundations of Differential Privacy", Theorem 3.16): releasing results of mechanisms that are (ε_i, δ_i)-DP
 * about the same customers is (Σε_i, Σδ_i)-DP. It is simple and always valid, but loose for many Gaussian
 * releases (advanced composition or Rényi accounting would allow more releases for the same guarantee); a shop
 * that releases daily should size the budget per period, e.g. ε = 1 per day, and document that period.
 * Releases over disjoint sets of customers compose in parallel (the maximum, not the sum); the accountant does
 * not detect that, so callers split such budgets themselves.
 *
 * <p><b>What is protected.</b> Neighbouring datasets differ in one customer's whole (clipped) history, so the
 * guarantee is per customer, not per event. Clipping is what makes the sensitivity finite: without it a single
 * heavy customer could move a count arbitrarily.
 *
 * <p><b>Known limitation.</b> Noise is drawn with double-precision arithmetic; Mironov (CCS 2012) showed that
 * the low-order bits of naive floating-point Laplace samples can leak the input. Published counts are rounded to
 * integers here, which removes most of that channel but is not a proof; a snapping mechanism would be needed for
 * a formal guarantee against an adversary who sees raw doubles.
 */
package dev.tailor.core.privacy.dp;
