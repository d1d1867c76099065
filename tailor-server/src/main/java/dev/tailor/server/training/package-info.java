// SPDX-License-Identifier: Apache-2.0
/** Training and hot swap of model sets ({@link dev.tailor.server.training.ModelHolder}). */
package dev.tailor.server.training;
