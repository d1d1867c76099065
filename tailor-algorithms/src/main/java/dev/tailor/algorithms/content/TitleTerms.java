// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a title into match terms without a language model: runs of letters and digits are lower-cased words
 * (kept when at least two characters long and not an English stop word), and runs of Han characters become
 * overlapping character bigrams, the usual dictionary-free indexing of Chinese text (a single Han character
 * is kept as is). Good enough to say "title words lego, blocks"; real analysis lives in tailor-text.
 */
public final class TitleTerms {
    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "of", "in", "on", "to", "by",
            "an", "or", "at", "from", "is", "it", "as", "vs", "pcs", "pc", "set", "size", "new");

    private TitleTerms() {
    }

    /** Distinct terms of {@code title}, in order of first appearance. */
    public static List<String> of(String title) {
        List<String> out = new ArrayList<>();
        String t = title.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length()) {
            int cp = t.codePointAt(i);
            if (isHan(cp)) {
                int start = i;
                while (i < t.length() && isHan(t.codePointAt(i))) {
                    i += Character.charCount(t.codePointAt(i));
                }
                addHan(t.substring(start, i), out);
            } else if (Character.isLetterOrDigit(cp)) {
                int start = i;
                while (i < t.length() && Character.isLetterOrDigit(t.codePointAt(i))
                        && !isHan(t.codePointAt(i))) {
                    i += Character.charCount(t.codePointAt(i));
                }
                String w = t.substring(start, i);
                if (w.codePointCount(0, w.length()) >= 2 && !STOP.contains(w) && hasLetter(w)) {
                    addDistinct(w, out);
                }
            } else {
                i += Character.charCount(cp);
            }
        }
        return out;
    }

    private static void addHan(String run, List<String> out) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1) {
            addDistinct(run, out);
            return;
        }
        for (int k = 0; k + 1 < cps.length; k++) {
            addDistinct(new String(cps, k, 2), out);
        }
    }

    private static boolean hasLetter(String w) {
        for (int k = 0; k < w.length(); k++) {
            if (Character.isLetter(w.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static void addDistinct(String term, List<String> out) {
        if (!out.contains(term)) {
            out.add(term);
        }
    }
}
