// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.tune;

import dev.tailor.core.error.TailorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a search: every trial and the best configuration (highest score on the full budget).
 *
 * @param metric the target, e.g. "NDCG@10" on validation
 * @param trials in the order they ran
 * @param best the winning spec
 * @param bestScore its score
 */
public record TuneResult(String metric, List<Trial> trials, String best, double bestScore) {
    public TuneResult {
        trials = List.copyOf(trials);
    }

    /** {@code id, rung, fraction, score, millis, spec} as TSV with a header. */
    public String toTsv() {
        StringBuilder sb = new StringBuilder("id\trung\tfraction\t").append(metric).append("\tmillis\tspec\n");
        for (Trial t : trials) {
            sb.append(t.id()).append('\t').append(t.rung()).append('\t')
                    .append(String.format(Locale.ROOT, "%.4f", t.fraction())).append('\t')
                    .append(String.format(Locale.ROOT, "%.6f", t.score())).append('\t').append(t.millis())
                    .append('\t').append(t.spec()).append('\n');
        }
        return sb.toString();
    }

    public void writeTsv(Path file) {
        try {
            Files.writeString(file, toTsv(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TailorException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
