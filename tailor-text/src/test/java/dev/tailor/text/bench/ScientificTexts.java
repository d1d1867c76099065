// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.bench;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code amazon-scientific/Scientific.text} (UniSRec preprocessing, see its SOURCE.md): a RecBole header
 * line, then {@code ASIN<TAB>title. categories. brand. } per item.
 */
public final class ScientificTexts {
    /** One item: its ASIN and its text. */
    public record Item(String asin, String text) {
    }

    private ScientificTexts() {
    }

    public static List<Item> read(Path file) {
        List<Item> items = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.startsWith("item_id:token")) {
                throw new ValidationException(new Problem(file.toString(), 1, "",
                        "expected the RecBole header 'item_id:token<TAB>text:token_seq', found '" + header + "'"));
            }
            String line;
            long lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new ValidationException(new Problem(file.toString(), lineNo, "item_id",
                            "expected 'ASIN<TAB>text'"));
                }
                items.add(new Item(line.substring(0, tab), line.substring(tab + 1).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return items;
    }

    /** Just the product title: the text up to the first ". " (the rest is categories and brand). */
    public static String title(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end);
    }
}
