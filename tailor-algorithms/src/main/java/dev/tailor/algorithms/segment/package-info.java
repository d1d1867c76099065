// SPDX-License-Identifier: Apache-2.0
/**
 * Popularity per customer segment ("popular with people like you"), smoothed towards global popularity so
 * that a small segment does not recommend whatever its three members happened to buy. A user in several
 * segments gets the average of their segments' distributions; a user in none gets global popularity.
 */
package dev.tailor.algorithms.segment;
