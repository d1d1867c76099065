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
    /**
     * Fastest measured, with 2 intra-op threads: per CPU-second, bge-small-zh read 540 titles in batches of 8 vs
     * 510 in 32; MiniLM read 193 Amazon item texts (183 characters) in batches of 8 vs 172 in 32. Batch size 1
     * cost about 1.4 times the CPU of 8 to 64.
     */
    public static final int DEFAULT_BATCH_SIZE = 8;
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
     * Batches of up to 8, one at a time, each using every available core, and the model's own token limit. On
     * the 2-core sandbox, 1x1, 2x1 (intra-op threads x parallel batches) and 1x2 cost the same CPU time per title
     * once ONNX Runtime's spin-waiting was off (bge-small-zh: 520-560 titles per CPU-second), but under load from
     * other processes 2x1 got about twice the wall-clock throughput of 1x2 (e.g. 474 vs 199 titles/s, load 15):
     * presumably because the scheduler favours ORT's frequently waking pool threads over two long-running ones.
     * One call at a time with intra-op threads also gives the lowest latency for a single text.
     */
    public static EncoderConfig defaults() {
        return new EncoderConfig(DEFAULT_BATCH_SIZE, Runtime.getRuntime().availableProcessors(), 1,
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
