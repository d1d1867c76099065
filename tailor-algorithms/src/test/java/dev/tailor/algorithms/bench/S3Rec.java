// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.bench;

import dev.tailor.core.data.IdDictionary;
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
 * Reads the S3-Rec / ICLRec sequence files: one line per user, {@code user item1 item2 ...}, items in time
 * order (see shared/data/amazon-s3rec/SOURCE.md). Test-only stand-in until the io module's importer lands.
 *
 * @param name file name without extension
 * @param users user ids in file order
 * @param items item ids, dense index = first appearance in the file
 * @param sequences per user, dense item indices in time order
 */
record S3Rec(String name, List<String> users, IdDictionary items, int[][] sequences) {
    static S3Rec load(Path file) {
        IdDictionary.Builder items = new IdDictionary.Builder();
        List<String> users = new ArrayList<>();
        List<int[]> sequences = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String[] parts = line.trim().split("\\s+");
                if (parts.length < 2) {
                    throw new ValidationException(new Problem(file.toString(), lineNo, "",
                            "expected 'user item1 item2 ...', got '" + line + "'"));
                }
                users.add(parts[0]);
                int[] seq = new int[parts.length - 1];
                for (int j = 1; j < parts.length; j++) {
                    seq[j - 1] = items.add(parts[j]);
                }
                sequences.add(seq);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String n = file.getFileName().toString();
        return new S3Rec(n.substring(0, n.lastIndexOf('.')), List.copyOf(users), items.build(),
                sequences.toArray(new int[0][]));
    }

    int interactions() {
        int n = 0;
        for (int[] s : sequences) {
            n += s.length;
        }
        return n;
    }
}
