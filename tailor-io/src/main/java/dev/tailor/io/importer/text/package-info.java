// SPDX-License-Identifier: Apache-2.0
/**
 * Streaming text input for importers: {@link dev.tailor.io.importer.text.LineReader} (strict per-line decoding
 * with exact line numbers, transparent gzip, byte counts for progress), an RFC 4180
 * {@link dev.tailor.io.importer.text.CsvParser} and its inverse {@link dev.tailor.io.importer.text.CsvWriter}.
 * Malformed text is reported as {@link dev.tailor.io.importer.text.MalformedTextException}, located by line.
 */
package dev.tailor.io.importer.text;
