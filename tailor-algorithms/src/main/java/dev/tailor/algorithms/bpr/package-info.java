// SPDX-License-Identifier: Apache-2.0
/**
 * Bayesian personalized ranking with matrix factorization (Rendle et al. 2009): pairwise SGD on sampled
 * (user, positive, negative) triples with uniform negative sampling, deterministic on one thread and lock-free
 * (Hogwild) on several.
 */
package dev.tailor.algorithms.bpr;
