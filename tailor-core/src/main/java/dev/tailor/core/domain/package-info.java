// SPDX-License-Identifier: Apache-2.0
/**
 * The shop's vocabulary as immutable, self-validating records: {@link dev.tailor.core.domain.Item},
 * {@link dev.tailor.core.domain.Customer}, {@link dev.tailor.core.domain.Event}. External ids are strings here;
 * algorithms see dense ints (see {@code dev.tailor.core.data}).
 */
package dev.tailor.core.domain;
