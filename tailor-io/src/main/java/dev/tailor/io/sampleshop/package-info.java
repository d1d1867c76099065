// SPDX-License-Identifier: Apache-2.0
/**
 * A deterministic, bilingual (Chinese and English) sample shop: a catalog in a category tree, customers in
 * segments with distinct tastes, and a year of sessions with funnels, search, seasonality, festivals,
 * complementary purchases, brand loyalty and re-orders. Entry point: {@link
 * dev.tailor.io.sampleshop.SampleShopGenerator}; configuration: {@link dev.tailor.io.sampleshop.SampleShopConfig};
 * the planted ground truth: {@link dev.tailor.io.sampleshop.PlantedStructure}. Documented in
 * {@code docs/sample-shop.md}.
 */
package dev.tailor.io.sampleshop;
