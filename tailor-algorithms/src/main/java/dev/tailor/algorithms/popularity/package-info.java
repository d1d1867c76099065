// SPDX-License-Identifier: Apache-2.0
/**
 * Global popularity: the same list for everyone, ranked by how many distinct users interacted with each item
 * ({@code count=users}, the usual "most popular" baseline) or by the sum of event weights ({@code
 * count=weighted}, where a purchase counts more than a view and repeat views add up). A strong baseline on
 * full-ranking benchmarks and the fallback when nothing is known about a visitor.
 */
package dev.tailor.algorithms.popularity;
