// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import dev.tailor.core.domain.Item;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.Store;
import dev.tailor.core.text.EmbeddingStore;
import dev.tailor.store.jdbc.JdbcStores;
import dev.tailor.text.cache.CachingTextEncoder;
import dev.tailor.text.cache.StoreEmbeddingCache;
import dev.tailor.text.encoder.EncoderConfig;
import dev.tailor.text.encoder.Encoders;
import dev.tailor.text.twotower.ItemTexts;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tailor embed}: encodes every catalog item's text ("title. category path. brand") with an in-process
 * language model into the store's embedding cache, keyed by model id and text hash: a second run, or a run after
 * a few items changed, encodes only what is new.
 */
@Command(name = "embed",
        mixinStandardHelpOptions = true,
        header = "Encode the catalog's item texts with a language model.",
        description = {
            "Reads every item, builds its text (title. category path. brand) and stores its vector in the",
            "store's embedding cache, keyed by model and text hash. Items whose text is already cached",
            "for the model are not encoded again. Models ship inside Tailor; nothing is downloaded."},
        footerHeading = "%nExamples:%n",
        footer = {"  tailor embed", "  tailor embed --model all-minilm-l6-v2-q --batch 16"})
final class EmbedCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = Encoders.MULTILINGUAL,
            description = "multilingual (default: Chinese text to bge-small-zh-v1.5-q, other text to "
                    + "all-minilm-l6-v2-q), or one model for all text: bge-small-zh-v1.5-q, all-minilm-l6-v2-q, "
                    + "bge-small-en-v1.5-q.")
    String model;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "8",
            description = "Texts per model call (default ${DEFAULT-VALUE}, the fastest measured on 2 cores).")
    int batch;

    @Option(names = "--chunk", paramLabel = "N", defaultValue = "256", hidden = true,
            description = "Items per cache round trip.")
    int chunk;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (batch < 1) {
            throw ValidationException.of("--batch", "expected a positive number of texts, got " + batch);
        }
        if (chunk < 1) {
            throw ValidationException.of("--chunk", "expected a positive number of items, got " + chunk);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Store s = store.open()) {
            EmbeddingStore table = JdbcStores.embeddings(s).orElseThrow(() -> new TailorException(
                    "the store " + s.describe() + " has no embedding table"));
            List<String> texts = new ArrayList<>();
            s.forEachItem((Item item) -> texts.add(ItemTexts.of(item)));
            if (texts.isEmpty()) {
                out.println("No items in " + s.describe() + "; import a catalog first (tailor import).");
                out.flush();
                return 0;
            }
            EncoderConfig config = EncoderConfig.defaults().withBatchSize(batch);
            try (Encoders.Opened enc = Encoders.open(model, config)) {
                CachingTextEncoder caching = new CachingTextEncoder(enc.encoder(), enc.modelId(),
                        new StoreEmbeddingCache(table));
                long t0 = System.nanoTime();
                try (ProgressBar bar = Progress.bar("embed", texts.size(), " items", 1)) {
                    for (int from = 0; from < texts.size(); from += chunk) {
                        int to = Math.min(texts.size(), from + chunk);
                        caching.encode(texts.subList(from, to));
                        bar.stepTo(to);
                    }
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                long encoded = caching.misses();
                out.printf(Locale.ROOT, "Embedded %,d items with %s in %.1f s: %,d encoded (%.0f items/s), %,d already "
                        + "cached%n", texts.size(), enc.modelId(), secs, encoded, encoded / Math.max(secs, 1e-9),
                        caching.hits());
                out.printf(Locale.ROOT, "Embedding cache: %,d vectors for %s in %s%n", table.count(enc.modelId()),
                        enc.modelId(), s.describe());
            }
        }
        out.flush();
        return 0;
    }
}
