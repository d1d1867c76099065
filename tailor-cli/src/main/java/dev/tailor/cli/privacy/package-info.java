// SPDX-License-Identifier: Apache-2.0
/**
 * {@code tailor privacy}: the operator's data-protection commands around the store (docs/privacy.md). Key files
 * ({@link dev.tailor.cli.privacy.KeygenCommand}, {@link dev.tailor.cli.privacy.RotateKeyCommand}), retention
 * ({@link dev.tailor.cli.privacy.PurgeCommand}), and a customer's rights of access and erasure
 * ({@link dev.tailor.cli.privacy.ExportCommand}, {@link dev.tailor.cli.privacy.EraseCommand}). Each is a thin
 * shell around one store or key-file method; {@link dev.tailor.cli.privacy.KeyFiles} writes key files so that
 * a key is never left half written or readable by others.
 */
package dev.tailor.cli.privacy;
