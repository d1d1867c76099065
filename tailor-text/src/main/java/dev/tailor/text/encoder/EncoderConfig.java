// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * How an encoder runs (not what it computes: vectors do not depend on these settings beyond int8 rounding noise,
 * see {@link OnnxTextEncoder}).
 *
 * @param batchSize most texts per ONNX call; batches are padded to their longest text, and texts are sorted by
 *     token count first so that padding stays small. Fewer when that keeps every parallel batch thread busy.
 * @param intraOpThreads threads ONNX Runtime uses inside one call (matrix products split across cores)
 * @param parallelBatches how many calls run at once, each on its own thread; total cores used is about
 *     {@code parallelBatches * intraOpThreads}
 * @param maxTokens upper bound on tokens read per text, special tokens included; the model's own limit
 *     ({@link ModelSpec#maxTokens()}) applies when it is lower. Lowering it speeds up long descriptions.
 */
public record EncoderConfig(int batchSize, int intraOpThreads, int parallelBatches, int maxTokens) {
    /** Batches of 8 to 64 cost the same CPU time per product title (within noise); 1 cost about 1.4 times as much. */
    public static final int DEFAULT_BATCH_SIZE = 32;
    /** No model reads more than this; used as "the model's own limit". */
    public static final int DEFAULT_MAX_TOKENS = 512;

    public EncoderConfig {
        List<Problem> problems = new ArrayList<>();
        if (batchSize < 1) {
            problems.add(Problem.of("batchSize", "must be >= 1, was " + batchSize));
        }
        if (intraOpThreads < 1) {
            problems.add(Problem.of("intraOpThreads", "must be >= 1, was " + intraOpThreads));
        }
        if (parallelBatches < 1) {
            problems.add(Problem.of("parallelBatches", "must be >= 1, was " + parallelBatches));
        }
        if (maxTokens < ModelSpec.MIN_TOKENS) {
            problems.add(Problem.of("maxTokens", "must be >= " + ModelSpec.MIN_TOKENS + ", was " + maxTokens));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /**
     * Batches of up to 32, one single-threaded batch per available core, the model's own token limit. On the
     * 2-core sandbox every layout (1x1, 2 intra-op threads x 1, 1 x 2 parallel batches) cost the same CPU time per
     * title once ONNX Runtime's spin-waiting was off; independent batches are the default because they need no
     * synchronization inside a call, so a busy core slows one batch instead of every call.
     */
    public static EncoderConfig defaults() {
        return new EncoderConfig(DEFAULT_BATCH_SIZE, 1, Runtime.getRuntime().availableProcessors(),
                DEFAULT_MAX_TOKENS);
    }

    public EncoderConfig withBatchSize(int newBatchSize) {
        return new EncoderConfig(newBatchSize, intraOpThreads, parallelBatches, maxTokens);
    }

    public EncoderConfig withThreads(int newIntraOpThreads, int newParallelBatches) {
        return new EncoderConfig(batchSize, newIntraOpThreads, newParallelBatches, maxTokens);
    }

    public EncoderConfig withMaxTokens(int newMaxTokens) {
        return new EncoderConfig(batchSize, intraOpThreads, parallelBatches, newMaxTokens);
    }
}
