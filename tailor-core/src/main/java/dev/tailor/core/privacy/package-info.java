// SPDX-License-Identifier: Apache-2.0
/**
 * Personal-data protection shared by stores and the server: {@link dev.tailor.core.privacy.Pseudonymizer}, the
 * seam through which every customer id passes before it is stored or used as a key, and its keyed-hash
 * implementation {@link dev.tailor.core.privacy.HmacPseudonymizer}. See {@code docs/privacy.md}.
 */
package dev.tailor.core.privacy;
