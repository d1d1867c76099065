// SPDX-License-Identifier: Apache-2.0
/** Command-line quality and latency runs (see bench/sequential.sh); not tests. */
package dev.tailor.sequential.bench;
