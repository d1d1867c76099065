// SPDX-License-Identifier: Apache-2.0
/**
 * Implicit-feedback alternating least squares (Hu, Koren and Volinsky 2008) solved with the conjugate-gradient
 * method (Takacs, Pilaszy and Tikk 2011): confidence {@code 1 + alpha * w} per observed user-item weight
 * {@code w}, so a purchase counts more than a view; rows with few events (most customers of a shop) solved
 * exactly and cheaply by the Woodbury identity instead; multi-threaded sweeps over flat float factor tables; the
 * exact objective reported per iteration; fold-in of fresh events at scoring time.
 */
package dev.tailor.algorithms.als;
