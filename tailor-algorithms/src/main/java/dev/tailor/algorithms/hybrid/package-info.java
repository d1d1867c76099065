// SPDX-License-Identifier: Apache-2.0
/**
 * Hybrid recommenders built from other models: a weighted blend of normalized scores
 * ({@link dev.tailor.algorithms.hybrid.BlendModel}) and a switch that serves cold users and cold items with one
 * model and warm ones with another ({@link dev.tailor.algorithms.hybrid.SwitchModel}). Both are ordinary
 * models, so they nest, save and load like any other; the registry builds them from specs such as
 * {@code blend(0.7*ease,0.3*content)} and {@code switch(content,ease):min-user-events=3}.
 */
package dev.tailor.algorithms.hybrid;
