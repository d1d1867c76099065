// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.lang;

import dev.tailor.core.error.ValidationException;

/**
 * Decides between the Chinese and the English model from the share of CJK characters among a text's letters.
 *
 * <p>Counting code points, not words, is deliberate: a Chinese title with a Latin brand ("Apple iPhone 15 手机壳
 * 防摔") has few CJK characters next to many Latin letters, yet each CJK character carries about as much meaning
 * as a whole English word. The default threshold (0.2) therefore leans towards Chinese: the Chinese model reads
 * Latin words passably (its vocabulary holds 2,000 lower-case English word pieces), while the English model
 * turns every CJK character into {@code [UNK]}. Digits, punctuation and spaces are ignored; a text without any
 * letter is treated as English. Immutable and thread-safe.
 */
public final class ScriptDetector {
    /** CJK share at or above which a text goes to the Chinese model. */
    public static final double DEFAULT_CJK_THRESHOLD = 0.2;

    private final double cjkThreshold;

    /** A detector routing to Chinese when the CJK share is at least {@code cjkThreshold} (in (0, 1]). */
    public ScriptDetector(double cjkThreshold) {
        if (!(cjkThreshold > 0 && cjkThreshold <= 1)) {
            throw ValidationException.of("cjkThreshold", "must be in (0, 1], was " + cjkThreshold);
        }
        this.cjkThreshold = cjkThreshold;
    }

    /** A detector with {@link #DEFAULT_CJK_THRESHOLD}. */
    public static ScriptDetector defaults() {
        return new ScriptDetector(DEFAULT_CJK_THRESHOLD);
    }

    public double cjkThreshold() {
        return cjkThreshold;
    }

    /** The language whose model should read {@code text}. */
    public Language detect(CharSequence text) {
        return cjkShare(text) >= cjkThreshold ? Language.CHINESE : Language.ENGLISH;
    }

    /** CJK code points divided by all letter code points; 0 when the text has no letter. */
    public static double cjkShare(CharSequence text) {
        int cjk = 0;
        int letters = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                cjk++;
                letters++;
            } else if (Character.isLetter(cp)) {
                letters++;
            }
        }
        return letters == 0 ? 0 : (double) cjk / letters;
    }

    /**
     * Han ideographs (every CJK extension block, since {@link Character.UnicodeScript} covers them all), plus
     * the Japanese kana and Bopomofo that appear beside them; Hangul is not included, since neither model
     * reads Korean.
     */
    static boolean isCjk(int codePoint) {
        Character.UnicodeScript s = Character.UnicodeScript.of(codePoint);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.BOPOMOFO;
    }
}
