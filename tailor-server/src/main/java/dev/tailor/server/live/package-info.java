// SPDX-License-Identifier: Apache-2.0
/**
 * Real-time state: the last events of recently active customers ({@link dev.tailor.server.live.LiveEvents}) and
 * profiles written since the models were trained ({@link dev.tailor.server.live.LiveCustomers}), both bounded.
 */
package dev.tailor.server.live;
