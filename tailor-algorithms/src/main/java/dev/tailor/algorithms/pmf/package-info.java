// SPDX-License-Identifier: Apache-2.0
/**
 * Probabilistic matrix factorization for explicit ratings (Salakhutdinov and Mnih 2008) with user and item
 * biases, trained by SGD on squared error; the training RMSE is reported per epoch.
 */
package dev.tailor.algorithms.pmf;
