// SPDX-License-Identifier: Apache-2.0
/**
 * The Tailor server: {@link dev.tailor.server.TailorServer#create} wires the HTTP API, the serving pipeline and
 * the live state over a store from a {@link dev.tailor.server.ServerConfig}; {@code start()} and {@code stop()}
 * run it.
 */
package dev.tailor.server;
