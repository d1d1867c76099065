// SPDX-License-Identifier: Apache-2.0
/**
 * The evaluation harness: {@link dev.tailor.eval.harness.EvalData} prepares a split once,
 * {@link dev.tailor.eval.harness.Evaluator} scores every test user of one model in parallel and computes
 * per-user metrics, {@link dev.tailor.eval.harness.Experiment} trains and evaluates several models and compares
 * them pairwise. Protocol presets live in {@link dev.tailor.eval.harness.Protocols}.
 */
package dev.tailor.eval.harness;
