// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.text;

import java.util.List;

/** Turns text into fixed-size vectors (language-model encoders plug in here). Thread-safe. */
public interface TextEncoder {
    /** Vector length of every output. */
    int dimension();

    /** One vector per text, in order; each of length {@link #dimension()}. */
    List<float[]> encode(List<String> texts);
}
