// SPDX-License-Identifier: Apache-2.0
/** SASRec-style self-attention next-item model: config, encoder, trainer. */
package dev.tailor.sequential.sasrec;
