// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.lang;

import dev.tailor.core.error.ValidationException;
import java.util.Locale;

/** The languages Tailor ships a pretrained text encoder for, with their BCP-47 codes (as in {@code Item.language}). */
public enum Language {
    CHINESE("zh"),
    ENGLISH("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The BCP-47 primary language subtag, {@code "zh"} or {@code "en"}. */
    public String code() {
        return code;
    }

    /**
     * The language for a BCP-47 tag such as {@code "zh"}, {@code "zh-CN"}, {@code "en-US"} (case-insensitive;
     * only the primary subtag counts).
     *
     * @throws ValidationException naming the tag and the supported codes when it is neither Chinese nor English
     */
    public static Language fromCode(String tag) {
        String primary = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        for (Language l : values()) {
            if (l.code.equals(primary)) {
                return l;
            }
        }
        throw ValidationException.of("language", "unsupported language tag '" + tag + "'; expected zh or en");
    }
}
