// SPDX-License-Identifier: Apache-2.0
/**
 * Run outputs: split and recommendation files, metrics.json, a self-contained report.html with XChart plots
 * ({@link dev.tailor.eval.report.ReportWriter}, {@link dev.tailor.eval.report.HtmlReport}) and the console
 * table the CLI prints ({@link dev.tailor.eval.report.ConsoleTable}).
 */
package dev.tailor.eval.report;
