// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

/** Id formats of the sample shop: "i000042" items, "u0000042" customers, "s" and 16 hex digits sessions. */
final class ShopIds {
    private ShopIds() {
    }

    /** {@code prefix} then {@code index} zero-padded to at least {@code width} digits. */
    static String pad(char prefix, long index, int width) {
        String digits = Long.toString(index);
        StringBuilder sb = new StringBuilder(1 + Math.max(width, digits.length()));
        sb.append(prefix);
        for (int k = digits.length(); k < width; k++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    static String customer(int index) {
        return pad('u', index, 7);
    }

    /**
     * An opaque session id, a hash of the customer's index and the session's ordinal under the shop's seed. It must
     * not contain the customer id: a store that pseudonymizes customer ids keeps session ids as sent, so a session
     * id built from the customer id would put every raw id back into the store. Deterministic for a seed like the
     * rest of the shop; distinct within a customer because {@link ShopRandom#mix64} is a bijection, and across
     * customers with the odds of a 64-bit collision.
     *
     * @param ordinal 1-based session number of the customer
     */
    static String session(long seed, int customerIndex, int ordinal) {
        long base = ShopRandom.entitySeed(seed, Kinds.SESSION, customerIndex);
        String hex = Long.toHexString(ShopRandom.mix64(base + ordinal * 0x9E3779B97F4A7C15L));
        StringBuilder sb = new StringBuilder(17).append('s');
        for (int k = hex.length(); k < 16; k++) {
            sb.append('0');
        }
        return sb.append(hex).toString();
    }
}
