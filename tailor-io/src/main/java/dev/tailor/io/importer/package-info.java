// SPDX-License-Identifier: Apache-2.0
/**
 * Streaming importers that validate files row by row into domain records and write them in batches to a
 * {@link dev.tailor.core.store.StoreWriter} (a store transaction or an in-memory
 * {@link dev.tailor.core.data.SnapshotBuilder}).
 *
 * <p>Entry points: {@link dev.tailor.io.importer.CsvImporter} and {@link dev.tailor.io.importer.JsonLinesImporter}
 * for a shop's own items, customers and events; {@link dev.tailor.io.importer.DatasetImporters} for public
 * datasets by name; {@link dev.tailor.io.importer.Datasets#load} for a one-line snapshot in evaluation code.
 * Every import returns an {@link dev.tailor.io.importer.ImportReport}; bad rows are located by file, line and
 * field, and an exhausted error budget ends the import with an
 * {@link dev.tailor.io.importer.ImportFailedException} so the caller's transaction rolls back. Formats are
 * documented in docs/import-formats.md.
 */
package dev.tailor.io.importer;
