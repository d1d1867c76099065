// SPDX-License-Identifier: Apache-2.0
/** Benchmark mains behind the scripts in {@code bench/}; each prints a table. */
package dev.tailor.bench;
