// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

/**
 * Random-stream kinds: each entity kind has its own family of streams, so adding a draw to items never shifts
 * the draws of customers. Append new kinds; changing a value changes every generated shop.
 */
final class Kinds {
    static final int CATALOG_LAYOUT = 1;
    static final int CATALOG_RANK = 2;
    static final int ITEM = 3;
    static final int CUSTOMER = 4;
    static final int BEHAVIOUR = 5;
    static final int SESSION = 6;

    private Kinds() {
    }
}
