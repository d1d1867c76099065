// SPDX-License-Identifier: Apache-2.0
/**
 * The storage seam: {@link dev.tailor.core.store.Store} (transactional writes through
 * {@link dev.tailor.core.store.StoreWriter}, streaming reads, stats) and {@link dev.tailor.core.store.ModelArchive}
 * (trained models saved next to the data). Adapters live in their own modules.
 */
package dev.tailor.core.store;
