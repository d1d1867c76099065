// SPDX-License-Identifier: Apache-2.0
/**
 * Business rules configured in JSON ({@link dev.tailor.server.rules.RuleSet}): exclude purchased and
 * unavailable items, boost and bury by attribute, pin items, cap items per category. Each is a
 * {@link dev.tailor.server.pipeline.Rule}.
 */
package dev.tailor.server.rules;
