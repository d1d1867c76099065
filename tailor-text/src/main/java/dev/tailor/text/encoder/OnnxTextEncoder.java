// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.text.TextEncoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pretrained BERT-style sentence encoder run in-process: Hugging Face tokenizer (DJL's binding of the Rust
 * library) → ONNX Runtime on the CPU → pooling as the model was trained ({@link Pooling}) → L2 normalization.
 *
 * <p>Contract, beyond {@link TextEncoder}'s:
 * <ul>
 *   <li>Every non-blank text gets a unit-length vector, so a dot product is a cosine similarity.</li>
 *   <li>A blank text (empty, whitespace or anything else the tokenizer drops entirely, such as control
 *       characters) gets the all-zero vector, without running the model: no text carries no meaning, and a zero
 *       vector has cosine 0 with everything, where the model's encoding of "" would make all text-less items
 *       look alike.</li>
 *   <li>Texts longer than the token limit ({@link EncoderConfig#maxTokens()}, at most the model's
 *       {@link ModelSpec#maxTokens()}) are cut there, end dropped, {@code [SEP]} kept; they never fail.</li>
 *   <li>{@code null} in the list is bad input: a {@link ValidationException} names its position.</li>
 * </ul>
 *
 * <p>Batching: texts are tokenized together, sorted by token count so that each batch of at most
 * {@link EncoderConfig#batchSize()} pads little, and each batch is padded to its longest text with attention
 * mask 0; with the full-precision model, batched and one-by-one vectors agree to 1e-5. The shipped models are
 * int8 with <em>dynamic</em> activation quantization (one scale per activation tensor, from its min/max over the
 * whole batch), so there a text's vector moves with its batch neighbours: cosine 0.989-0.995 to its one-by-one
 * vector in our tests, the same size as the int8 model's own distance to the full-precision model (0.988-0.994,
 * one by one or batched). The output is deterministic for a given list of texts. Callers who need a text's
 * vector to be independent of the other texts can use batch size 1, at about 1.4 times the CPU time per title.
 *
 * <p>Thread-safe: ONNX Runtime sessions and DJL tokenizers may be used from several threads at once. Close it
 * to release the native session, tokenizer and batch threads.
 */
public final class OnnxTextEncoder implements TextEncoder, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxTextEncoder.class);
    /** Texts tokenized and length-sorted together; bounds memory for very large inputs while keeping padding low. */
    private static final int CHUNK = 4096;
    /** [CLS] and [SEP]: what every encoding holds besides the text's own tokens. */
    private static final int SPECIAL_TOKENS = 2;

    private final ModelSpec spec;
    private final EncoderConfig config;
    private final int maxTokens;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean feedsTokenTypes;
    private final String outputName;
    private final ExecutorService batchThreads;
    private volatile boolean closed;

    private OnnxTextEncoder(ModelSpec spec, EncoderConfig config, OrtEnvironment environment, OrtSession session,
            HuggingFaceTokenizer tokenizer) {
        this.spec = spec;
        this.config = config;
        this.maxTokens = Math.min(config.maxTokens(), spec.maxTokens());
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.feedsTokenTypes = session.getInputNames().contains("token_type_ids");
        this.outputName = session.getOutputNames().iterator().next();
        this.batchThreads = config.parallelBatches() > 1
                ? Executors.newFixedThreadPool(config.parallelBatches(), daemonThreads(spec.id()))
                : null;
    }

    /** Loads the model with {@link EncoderConfig#defaults()}. */
    public static OnnxTextEncoder open(ModelSpec spec) {
        return open(spec, EncoderConfig.defaults());
    }

    /**
     * Loads the model and tokenizer from the classpath (a few hundred milliseconds for a 24 MB model).
     *
     * @throws TailorException when a file is missing (the message names the Maven artifact to add) or cannot be
     *     loaded by ONNX Runtime or the tokenizer, or when the model does not look like the spec says
     */
    public static OnnxTextEncoder open(ModelSpec spec, EncoderConfig config) {
        byte[] model = ModelResources.read(spec, spec.modelResource());
        byte[] tokenizerJson = ModelResources.read(spec, spec.tokenizerResource());
        OrtEnvironment environment = ortEnvironment();
        OrtSession session = createSession(spec, config, environment, model);
        try {
            checkShape(spec, session);
            HuggingFaceTokenizer tokenizer = loadTokenizer(spec, Math.min(config.maxTokens(), spec.maxTokens()),
                    tokenizerJson);
            LOG.debug("loaded text model {} ({}-d, {} pooling, {} tokens max, {})", spec.id(), spec.dimension(),
                    spec.pooling(), Math.min(config.maxTokens(), spec.maxTokens()), config);
            return new OnnxTextEncoder(spec, config, environment, session, tokenizer);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /** The model this encoder runs. */
    public ModelSpec spec() {
        return spec;
    }

    public EncoderConfig config() {
        return config;
    }

    /** Tokens read per text at most, special tokens included. */
    public int maxTokens() {
        return maxTokens;
    }

    /**
     * Names the model and every setting that changes its vectors (today: the token limit), e.g.
     * {@code bge-small-zh-v1.5-q@512}; embedding caches key on it.
     */
    public String modelId() {
        return spec.id() + "@" + maxTokens;
    }

    /** The {@link #modelId()} an encoder of this model and configuration has, without loading the model. */
    public static String modelId(ModelSpec spec, EncoderConfig config) {
        return spec.id() + "@" + Math.min(config.maxTokens(), spec.maxTokens());
    }

    @Override
    public int dimension() {
        return spec.dimension();
    }

    @Override
    public List<float[]> encode(List<String> texts) {
        if (closed) {
            throw new TailorException("text encoder " + modelId() + " is closed");
        }
        if (texts == null) {
            throw ValidationException.of("texts", "missing list of texts");
        }
        int n = texts.size();
        float[][] out = new float[n][];
        int[] live = new int[n];
        int liveCount = 0;
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String t = texts.get(i);
            if (t == null) {
                problems.add(Problem.of("texts[" + i + "]", "missing text (null); use \"\" for no text"));
            } else if (t.isBlank()) {
                out[i] = new float[spec.dimension()];
            } else {
                live[liveCount++] = i;
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        for (int from = 0; from < liveCount; from += CHUNK) {
            int to = Math.min(liveCount, from + CHUNK);
            encodeChunk(texts, Arrays.copyOfRange(live, from, to), out);
        }
        return List.of(out);
    }

    /** Tokenizes the texts at {@code positions}, sorts them by length and runs them batch by batch. */
    private void encodeChunk(List<String> texts, int[] positions, float[][] out) {
        String[] chunk = new String[positions.length];
        for (int k = 0; k < positions.length; k++) {
            chunk[k] = texts.get(positions[k]);
        }
        Encoding[] encodings = tokenizer.batchEncode(chunk);
        int[] order = byLength(encodings);
        // Texts the tokenizer reduces to [CLS] [SEP] alone (control characters only) carry no content, just like
        // blank text; being the shortest, they sort first.
        int first = 0;
        while (first < order.length && encodings[order[first]].getIds().length <= SPECIAL_TOKENS) {
            out[positions[order[first]]] = new float[spec.dimension()];
            first++;
        }
        // With parallel batches, smaller batches beat idle threads: 40 texts, batch size 32, 2 threads: 20 + 20.
        int batch = Math.min(config.batchSize(), ceilDiv(order.length - first, config.parallelBatches()));
        if (batchThreads == null) {
            for (int from = first; from < order.length; from += batch) {
                runBatch(encodings, order, from, Math.min(order.length, from + batch), positions, out);
            }
            return;
        }
        List<Future<?>> pending = new ArrayList<>();
        for (int from = first; from < order.length; from += batch) {
            int start = from;
            int end = Math.min(order.length, from + batch);
            pending.add(batchThreads.submit(() -> runBatch(encodings, order, start, end, positions, out)));
        }
        awaitAll(pending);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /**
     * Indices of {@code encodings} by ascending token count, ties by index. Packing (length, index) into one
     * long sorts primitives without a comparator and keeps the order deterministic.
     */
    static int[] byLength(Encoding[] encodings) {
        long[] keys = new long[encodings.length];
        for (int i = 0; i < encodings.length; i++) {
            keys[i] = ((long) encodings[i].getIds().length << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    /** Encodes {@code encodings[order[from..to)]} as one padded batch and stores each vector at its position. */
    private void runBatch(Encoding[] encodings, int[] order, int from, int to, int[] positions, float[][] out) {
        int rows = to - from;
        int seqLen = 0;
        for (int k = from; k < to; k++) {
            seqLen = Math.max(seqLen, encodings[order[k]].getIds().length);
        }
        long[] ids = new long[rows * seqLen];
        long[] mask = new long[rows * seqLen];
        for (int r = 0; r < rows; r++) {
            Encoding e = encodings[order[from + r]];
            long[] tokenIds = e.getIds();
            long[] tokenMask = e.getAttentionMask();
            System.arraycopy(tokenIds, 0, ids, r * seqLen, tokenIds.length);
            System.arraycopy(tokenMask, 0, mask, r * seqLen, tokenMask.length);
        }
        long[] shape = {rows, seqLen};
        int dim = spec.dimension();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (feedsTokenTypes) {
                // One segment per text: all type ids are 0.
                inputs.put("token_type_ids",
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * seqLen]), shape));
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(outputName))) {
                float[] hidden = toArray(((OnnxTensor) result.get(0)).getFloatBuffer());
                for (int r = 0; r < rows; r++) {
                    float[] v = new float[dim];
                    spec.pooling().pool(hidden, r, seqLen, dim, mask, v);
                    Vectors.l2NormalizeInPlace(v);
                    out[positions[order[from + r]]] = v;
                }
            }
        } catch (OrtException e) {
            throw new TailorException("text model " + spec.id() + " failed on a batch of " + rows + " texts of up to "
                    + seqLen + " tokens: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static float[] toArray(FloatBuffer buffer) {
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0
                && buffer.remaining() == buffer.array().length) {
            return buffer.array();
        }
        float[] copy = new float[buffer.remaining()];
        buffer.get(copy);
        return copy;
    }

    private static void awaitAll(List<Future<?>> pending) {
        try {
            for (Future<?> f : pending) {
                f.get();
            }
        } catch (InterruptedException e) {
            pending.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new TailorException("interrupted while encoding texts", e);
        } catch (ExecutionException e) {
            pending.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new TailorException("text encoding failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (batchThreads != null) {
            batchThreads.shutdownNow();
        }
        closeQuietly(session);
        tokenizer.close();
    }

    @Override
    public String toString() {
        return "OnnxTextEncoder[" + modelId() + ", " + config + "]";
    }

    private static OrtEnvironment ortEnvironment() {
        try {
            return OrtEnvironment.getEnvironment();
        } catch (LinkageError | IllegalStateException e) {
            throw new TailorException("ONNX Runtime's native library could not be loaded on "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                    + " (the com.microsoft.onnxruntime:onnxruntime jar ships Linux, macOS and Windows builds for"
                    + " x64 and arm64): " + e.getMessage(), e);
        }
    }

    private static OrtSession createSession(ModelSpec spec, EncoderConfig config, OrtEnvironment environment,
            byte[] model) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setIntraOpNumThreads(config.intraOpThreads());
            options.setInterOpNumThreads(1);
            // Idle ONNX Runtime workers otherwise spin-wait for the next parallel section. On a machine shared
            // with other work (a recommendation server, our 2-core sandbox) that burnt about 40% of the CPU: with
            // 2 intra-op threads, 300 vs 520 titles per CPU-second (bge-small-zh, batch 8-32, load average 10-15).
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            return environment.createSession(model, options);
        } catch (OrtException e) {
            throw new TailorException("cannot load ONNX model " + spec.id() + " from classpath resource '"
                    + spec.modelResource() + "' (" + spec.artifact() + "): " + e.getMessage(), e);
        }
    }

    /** Rejects a model whose inputs or output width do not match the spec, before it produces wrong vectors. */
    private static void checkShape(ModelSpec spec, OrtSession session) {
        Set<String> inputs = session.getInputNames();
        if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
            throw new TailorException("ONNX model " + spec.id() + " ('" + spec.modelResource()
                    + "') is not a BERT-style encoder: inputs are " + inputs
                    + ", expected input_ids and attention_mask");
        }
        try {
            NodeInfo output = session.getOutputInfo().values().iterator().next();
            if (output.getInfo() instanceof TensorInfo info) {
                long[] shape = info.getShape();
                long width = shape.length == 0 ? -1 : shape[shape.length - 1];
                if (shape.length != 3 || width != spec.dimension()) {
                    throw new TailorException("ONNX model " + spec.id() + " ('" + spec.modelResource()
                            + "') outputs shape " + Arrays.toString(shape) + ", expected [batch, tokens, "
                            + spec.dimension() + "]");
                }
            }
        } catch (OrtException e) {
            throw new TailorException("cannot read the outputs of ONNX model " + spec.id() + ": " + e.getMessage(), e);
        }
    }

    private static HuggingFaceTokenizer loadTokenizer(ModelSpec spec, int maxTokens, byte[] json) {
        DjlOffline.ensure();
        // Padding off: batches are padded here, to the longest text of each batch, not to a fixed length.
        Map<String, String> options = Map.of(
                "addSpecialTokens", "true",
                "truncation", "true",
                "maxLength", Integer.toString(maxTokens),
                "padding", "false");
        try (InputStream in = new ByteArrayInputStream(TokenizerJson.withLowercase(spec, json))) {
            return HuggingFaceTokenizer.newInstance(in, options);
        } catch (IOException | RuntimeException e) {
            throw new TailorException("cannot load the tokenizer of text model " + spec.id()
                    + " from classpath resource '" + spec.tokenizerResource() + "' (" + spec.artifact() + "): "
                    + e.getMessage(), e);
        }
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            LOG.warn("closing ONNX session failed: {}", e.getMessage());
        }
    }

    private static ThreadFactory daemonThreads(String modelId) {
        AtomicInteger counter = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "tailor-text-" + modelId + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
