// SPDX-License-Identifier: Apache-2.0
/** GRU4Rec-style recurrent next-item model: config, encoder, trainer. */
package dev.tailor.sequential.gru;
