// SPDX-License-Identifier: Apache-2.0
/** Test helpers shared by every module through the core test-jar. */
package dev.tailor.core.testing;
