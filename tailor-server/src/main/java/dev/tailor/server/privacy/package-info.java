// SPDX-License-Identifier: Apache-2.0
/**
 * Data-protection duties of the server: the right of access and erasure
 * ({@link dev.tailor.server.privacy.CustomerDataEndpoints}, in the format of
 * {@link dev.tailor.server.privacy.CustomerExport}), hiding erased customers from model sets trained
 * before their erasure ({@link dev.tailor.server.privacy.Erasures}), and the retention job
 * ({@link dev.tailor.server.privacy.RetentionJob}). See {@code docs/privacy.md}.
 */
package dev.tailor.server.privacy;
