// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli.evaluate;

import dev.tailor.cli.PrivacyOptions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.Store;
import dev.tailor.eval.harness.EvalConfig;
import dev.tailor.eval.harness.Protocols;
import dev.tailor.eval.split.DataFilters;
import dev.tailor.eval.split.SplitSpec;
import dev.tailor.io.importer.Datasets;
import dev.tailor.store.jdbc.JdbcStores;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code evaluate} and {@code tune} share: which data, how it is split, and what is filtered away
 * first. Flags such as {@code --min-user} override what a protocol preset or split spec says.
 */
public final class SplitOptions {
    @Option(names = "--data", required = true, paramLabel = "DATASET",
            description = "A dataset name (ml-100k, amazon-sports, ...), a folder or file, or a store spec "
                    + "(store:h2:DIR, store:jdbc:postgresql://...).")
    String data;

    @Option(names = "--split", paramLabel = "SPEC",
            description = "loo[:valid=true], temporal:cut=0.8, holdout:ratio=0.8/0.1/0.1[,seed=N], kfold:k=5,fold=0.")
    String split;

    @Option(names = "--protocol", paramLabel = "NAME", description = "A preset instead of --split: loo or recbole.")
    String protocol;

    @Option(names = "--min-user", paramLabel = "N", description = "k-core: minimum events per user.")
    Integer minUser;

    @Option(names = "--min-item", paramLabel = "N", description = "k-core: minimum events per item.")
    Integer minItem;

    @Option(names = "--rating-min", paramLabel = "X", description = "Ratings below this are negatives.")
    Double ratingMin;

    @Option(names = "--keep-negatives", description = "Keep sub-threshold ratings as non-relevant interactions.")
    boolean keepNegatives;

    /** Applies to --data store:SPEC only: datasets and files are read as they are. */
    @Mixin
    PrivacyOptions privacy = new PrivacyOptions();

    /**
     * The resolved choices.
     *
     * @param split split and filters to apply to the data
     * @param config the preset's evaluation settings, or the defaults with the run's seed
     * @param description how reports name the split: the protocol and its spec, or the spec
     */
    public record Setup(SplitSpec split, EvalConfig config, String description) {
        public DataFilters filters() {
            return split.filters();
        }
    }

    /**
     * Resolves the preset or spec and applies the filter flags.
     *
     * @throws ValidationException when neither or both of --split and --protocol are given, or either is bad
     */
    public Setup setup(long seed) {
        if ((split == null) == (protocol == null)) {
            throw ValidationException.of("split", "give exactly one of --split SPEC or --protocol loo|recbole");
        }
        SplitSpec splitSpec;
        EvalConfig config;
        if (protocol != null) {
            Protocols p = Protocols.of(protocol, seed);
            splitSpec = p.split();
            config = p.config();
        } else {
            splitSpec = SplitSpec.parse(split, seed);
            config = EvalConfig.defaults().withSeed(seed);
        }
        DataFilters f = splitSpec.filters();
        if (minUser != null || minItem != null || ratingMin != null || keepNegatives) {
            f = new DataFilters(minUser != null ? minUser : f.minUser(), minItem != null ? minItem : f.minItem(),
                    ratingMin != null ? ratingMin : f.ratingMin(), keepNegatives || f.keepNegatives());
            splitSpec = splitSpec.withFilters(f);
        }
        String description = protocol != null ? protocol + " (" + splitSpec.spec() + ")" : splitSpec.spec();
        return new Setup(splitSpec, config, description);
    }

    /** The dataset as given to --data. */
    public String data() {
        return data;
    }

    /** {@code --protocol NAME} or {@code --split 'SPEC'}, to print a command line a user can run next. */
    public String asArguments() {
        StringBuilder sb = new StringBuilder(protocol != null ? "--protocol " + protocol : "--split '" + split + "'");
        if (minUser != null) {
            sb.append(" --min-user ").append(minUser);
        }
        if (minItem != null) {
            sb.append(" --min-item ").append(minItem);
        }
        if (ratingMin != null) {
            sb.append(" --rating-min ").append(ratingMin);
        }
        if (keepNegatives) {
            sb.append(" --keep-negatives");
        }
        return sb.toString();
    }

    /** Loads --data: a store (store:SPEC), a known dataset name, or a file or folder. */
    public Snapshot load() {
        if (data.startsWith("store:")) {
            try (Store store = JdbcStores.open(data.substring("store:".length()), privacy.privacy())) {
                return SnapshotBuilder.fromStore(store);
            }
        }
        return Datasets.load(data);
    }
}
