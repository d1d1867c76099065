// SPDX-License-Identifier: Apache-2.0
/**
 * Learning curves: {@link dev.tailor.eval.curves.LearningCurves} records the epochs iterative trainers report
 * (ALS, BPR, PMF, NeuMF, the content model's logistic regression, hybrids through their components) per
 * evaluated model; {@link dev.tailor.eval.report.CurveReport} turns them into {@code curves.csv}, plots and a
 * table.
 */
package dev.tailor.eval.curves;
