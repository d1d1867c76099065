// SPDX-License-Identifier: Apache-2.0
/** See the module README. */
package dev.tailor.algorithms;
