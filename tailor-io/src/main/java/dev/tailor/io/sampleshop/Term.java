// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

/** A word or phrase in English and Chinese; the vocabulary unit titles, descriptions and queries are built from. */
record Term(String en, String zh) {
    Term {
        if (en == null || en.isBlank() || zh == null || zh.isBlank()) {
            throw new IllegalArgumentException("a term needs both an English and a Chinese form: " + en + "|" + zh);
        }
    }

    /** "English|中文", or one form used in both languages ("128GB", "OPPO"). */
    static Term parse(String spec) {
        int bar = spec.indexOf('|');
        return bar < 0 ? new Term(spec, spec) : new Term(spec.substring(0, bar), spec.substring(bar + 1));
    }

    String in(boolean chinese) {
        return chinese ? zh : en;
    }
}
