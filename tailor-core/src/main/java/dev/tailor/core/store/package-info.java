// SPDX-License-Identifier: Apache-2.0
/**
 * The storage seam: {@link dev.tailor.core.store.Store} (transactional writes through
 * {@link dev.tailor.core.store.StoreWriter}, streaming reads, stats). Adapters live in their own modules.
 */
package dev.tailor.core.store;
