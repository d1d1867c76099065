// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.domain;

import dev.tailor.core.error.ValidationException;
import java.util.Locale;

/** Self-declared gender, when a shop collects it. Absence is {@code null} on {@link Customer}, never a value here. */
public enum Gender {
    FEMALE, MALE, OTHER;

    /** Accepts F/M/O, female/male/other, and 女/男 as Chinese shops write them. */
    public static Gender parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "f", "female", "woman", "w", "女" -> FEMALE;
            case "m", "male", "man", "男" -> MALE;
            case "o", "other", "x", "non-binary", "nonbinary", "diverse" -> OTHER;
            default -> throw ValidationException.of("gender", "unknown gender '" + text + "'; expected F, M or O");
        };
    }

    public String code() {
        return switch (this) {
            case FEMALE -> "F";
            case MALE -> "M";
            case OTHER -> "O";
        };
    }
}
