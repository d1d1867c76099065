// SPDX-License-Identifier: Apache-2.0
/**
 * The content model: items described by their catalog attributes (category, department, brand, price band,
 * attributes such as colour and size, title terms), customers by the share of their weighted events on each
 * attribute value, and a score that is a weighted sum of per-field matches. Weights are given or learned by
 * logistic regression on held-out behaviour. It serves items that have no events yet and explains each score
 * by the attributes that matched. Entry points: {@link dev.tailor.algorithms.content.ContentTrainer},
 * {@link dev.tailor.algorithms.content.ContentModel}.
 */
package dev.tailor.algorithms.content;
