// SPDX-License-Identifier: Apache-2.0
/** The serving catalog: stable dense catalog indices, flat attribute columns, pre-rendered JSON. */
package dev.tailor.server.catalog;
