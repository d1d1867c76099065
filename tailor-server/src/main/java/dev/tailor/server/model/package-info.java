// SPDX-License-Identifier: Apache-2.0
/**
 * Model sets: everything trained from one store snapshot ({@link dev.tailor.server.model.ModelSet}), built by
 * {@link dev.tailor.server.model.ModelSetBuilder} in catalog index space, swapped whole by the server.
 */
package dev.tailor.server.model;
