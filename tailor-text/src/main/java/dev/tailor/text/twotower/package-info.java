// SPDX-License-Identifier: Apache-2.0
/**
 * A two-tower recommender on frozen text-encoder vectors, fine-tuned parameter-efficiently on the shop's own
 * behaviour: the encoder never changes and every item is encoded once ({@link dev.tailor.text.twotower.ItemVectors});
 * a small residual {@link dev.tailor.text.twotower.Adapter} on top of those vectors is trained with an in-batch
 * softmax on "customer history → next item" ({@link dev.tailor.text.twotower.TwoTowerTrainer}). Because every item
 * is scored from its text, items nobody has interacted with yet are ranked like any other.
 */
package dev.tailor.text.twotower;
