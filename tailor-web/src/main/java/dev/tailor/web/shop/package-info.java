// SPDX-License-Identifier: Apache-2.0
/** What the storefront needs beyond the public API: customers to shop as, and one item's details. */
package dev.tailor.web.shop;
