// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.training;

import dev.tailor.algorithms.registry.ModelIO;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.store.ArchivedModel;
import dev.tailor.core.store.ModelArchive;
import dev.tailor.server.catalog.LiveCatalog;
import dev.tailor.server.model.ModelSet;
import dev.tailor.server.model.ModelSetBuilder;
import dev.tailor.server.model.ModelSetCodec;
import dev.tailor.server.model.ModelsConfig;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model sets saved in the store's {@link ModelArchive}, so that a server starts serving without retraining.
 * A set is in catalog index space, so a saved one is only served by a server whose catalog starts with the
 * same items (and leaf categories) in the same order, trained under the same models configuration and codec
 * format; the metadata of each entry records exactly that, and is checked before the blob is read.
 * Thread-safe.
 */
public final class SavedModelSets {
    /** The archive kind of model sets. */
    public static final String KIND = "model-set";
    /** Saved sets kept after each save: the newest serves, the older ones are there for a rollback by hand. */
    public static final int KEEP = 3;

    static final String FORMAT = "format";
    static final String CATALOG = "catalog";
    static final String CATALOG_SIZE = "catalog_size";
    static final String CATEGORIES = "categories";
    static final String MODELS = "models";
    static final String VERSION = "version";
    static final String LABEL = "label";

    private static final Logger LOG = LoggerFactory.getLogger(SavedModelSets.class);

    private final ModelArchive archive;
    private final ModelSetCodec codec;
    private final String modelsHash;

    public SavedModelSets(ModelArchive archive, ModelSetBuilder builder) {
        this.archive = archive;
        this.codec = new ModelSetCodec(new ModelIO(builder.algorithms()));
        this.modelsHash = modelsHash(builder.config());
    }

    /**
     * Saves the set and prunes all but the newest {@value #KEEP}.
     *
     * @throws dev.tailor.core.error.TailorException when the set cannot be saved (e.g. an extra model that does
     *     not support saving, or a store failure); nothing of it is kept then
     */
    public ArchivedModel save(ModelSet set, LiveCatalog catalog) {
        long t0 = System.nanoTime();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(FORMAT, Integer.toString(ModelSetCodec.FORMAT));
        meta.put(MODELS, modelsHash);
        meta.put(CATALOG_SIZE, Integer.toString(set.catalogSize()));
        int categories = set.categoryCount();
        meta.put(CATALOG, catalogHash(catalog, set.catalogSize(), categories));
        meta.put(CATEGORIES, Integer.toString(categories));
        meta.put(VERSION, Long.toString(set.info().version()));
        meta.put(LABEL, set.info().label());
        ArchivedModel saved = archive.save(KIND, meta, out -> codec.write(set, out));
        int pruned = archive.prune(KIND, KEEP);
        LOG.info("model set {} saved as archive entry {} ({} MB) in {} ms{}", set.info().label(), saved.id(),
                saved.bytes() >> 20, (System.nanoTime() - t0) / 1_000_000,
                pruned > 0 ? "; pruned " + pruned + " older" : "");
        return saved;
    }

    /**
     * The latest saved set when it fits this catalog and configuration; empty (with the reason logged) when
     * there is none, it does not fit, or it cannot be read.
     */
    public Optional<ModelSet> loadLatest(LiveCatalog catalog) {
        long t0 = System.nanoTime();
        Optional<ArchivedModel> latest = archive.latest(KIND);
        if (latest.isEmpty()) {
            LOG.info("no saved model set in the store");
            return Optional.empty();
        }
        ArchivedModel entry = latest.get();
        Optional<String> misfit = misfit(entry.metadata(), catalog);
        if (misfit.isPresent()) {
            LOG.info("saved model set {} (archive entry {}) is not used: {}", entry.metadata().get(LABEL),
                    entry.id(), misfit.get());
            return Optional.empty();
        }
        try {
            ModelSet set = archive.read(entry, in -> codec.read(in, entry.bytes()));
            LOG.info("loaded saved model set {} (archive entry {}, {} MB) in {} ms", set.info().label(), entry.id(),
                    entry.bytes() >> 20, (System.nanoTime() - t0) / 1_000_000);
            return Optional.of(set);
        } catch (TailorException | UncheckedIOException e) {
            LOG.warn("saved model set {} (archive entry {}) cannot be read, training instead: {}",
                    entry.metadata().get(LABEL), entry.id(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The highest version saved, 0 when none: versions continue from it across restarts. */
    public long latestVersion() {
        return archive.latest(KIND).map(e -> parseLong(e.metadata().get(VERSION))).orElse(0L);
    }

    /** Why a saved set cannot serve this catalog and configuration, empty when it can. */
    Optional<String> misfit(Map<String, String> meta, LiveCatalog catalog) {
        if (!Integer.toString(ModelSetCodec.FORMAT).equals(meta.get(FORMAT))) {
            return Optional.of("it has format " + meta.get(FORMAT) + ", this build reads " + ModelSetCodec.FORMAT);
        }
        if (!modelsHash.equals(meta.get(MODELS))) {
            return Optional.of("the models configuration changed since it was trained");
        }
        long size = parseLong(meta.get(CATALOG_SIZE));
        if (size > catalog.size()) {
            return Optional.of("it was trained on " + size + " items, the catalog now has " + catalog.size());
        }
        long categories = parseLong(meta.get(CATEGORIES));
        if (categories > catalog.categoryCount()) {
            return Optional.of("it knows " + categories + " categories, the catalog now has "
                    + catalog.categoryCount());
        }
        if (!catalogHash(catalog, (int) size, (int) categories).equals(meta.get(CATALOG))) {
            return Optional.of("the catalog's items or categories differ from those it was trained on");
        }
        return Optional.empty();
    }

    private static long parseLong(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * SHA-256 of the first {@code size} item ids in index order and the first {@code categories} category
     * names: what decides whether catalog indices in a saved set still mean the same items and categories.
     */
    static String catalogHash(LiveCatalog catalog, int size, int categories) {
        MessageDigest digest = sha256();
        LiveCatalog.View view = catalog.view();
        for (int i = 0; i < size; i++) {
            update(digest, view.id(i));
        }
        digest.update((byte) 0);
        for (int c = 0; c < categories; c++) {
            update(digest, catalog.categoryName(c));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String modelsHash(ModelsConfig config) {
        MessageDigest digest = sha256();
        update(digest, config.toString());
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Length-prefixed, so that no two id sequences hash the same input. */
    private static void update(MessageDigest digest, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) (b.length >>> 24));
        digest.update((byte) (b.length >>> 16));
        digest.update((byte) (b.length >>> 8));
        digest.update((byte) b.length);
        digest.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
