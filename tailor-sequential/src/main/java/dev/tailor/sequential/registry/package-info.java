// SPDX-License-Identifier: Apache-2.0
/**
 * Registry entries of the sequential models, so spec strings ({@code sasrec:epochs=20}), the CLI, the server's
 * extra candidate sources and model archives reach them like any built-in algorithm.
 */
package dev.tailor.sequential.registry;
