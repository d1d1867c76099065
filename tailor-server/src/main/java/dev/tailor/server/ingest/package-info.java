// SPDX-License-Identifier: Apache-2.0
/**
 * Ingest: API JSON to domain records with per-field problems ({@link dev.tailor.server.ingest.RecordJson}), and
 * all-or-nothing writes to the store followed by the live serving state ({@link dev.tailor.server.ingest.Ingest}).
 */
package dev.tailor.server.ingest;
