// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

/** Id formats of the sample shop: "i000042" items, "u0000042" customers, "u0000042-s3" sessions. */
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

    static String session(String customerId, int ordinal) {
        return customerId + "-s" + ordinal;
    }
}
