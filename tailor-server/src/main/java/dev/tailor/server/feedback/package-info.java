// SPDX-License-Identifier: Apache-2.0
/**
 * Feedback: which request served which items from which source ({@link dev.tailor.server.feedback.RequestLedger}),
 * and online CTR and conversion per scene and model ({@link dev.tailor.server.feedback.OnlineMetrics}).
 */
package dev.tailor.server.feedback;
