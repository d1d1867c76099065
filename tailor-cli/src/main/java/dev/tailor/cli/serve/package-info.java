// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code tailor serve} command and what the demo shares with it: API keys from the command line and the
 * environment ({@link dev.tailor.cli.serve.ApiKeySpecs}), running a server in the foreground until Ctrl-C or an
 * interrupt with a graceful stop ({@link dev.tailor.cli.serve.Foreground}), and a smoke check of a running server
 * over real HTTP ({@link dev.tailor.cli.serve.SmokeCheck}).
 */
package dev.tailor.cli.serve;
