// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.data.UserFeatures;
import dev.tailor.core.domain.Item;
import dev.tailor.core.store.Store;
import dev.tailor.io.sampleshop.FileFormat;
import dev.tailor.io.sampleshop.GenerationSummary;
import dev.tailor.io.sampleshop.SampleShopConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tailor demo}: a guided tour on the sample shop. Each capability that lands extends it, so a newcomer
 * sees the whole product from one command.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Generate the sample shop into a fresh embedded store (./tailor-data/demo), then show what is in it:",
            "store statistics, the training snapshot, and a few customers of different segments with their",
            "recent behaviour."},
        footerHeading = "%nExamples:%n",
        footer = {"  tailor demo", "  tailor demo --customers 20000 --seed 1"})
final class DemoCommand implements Callable<Integer> {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SampleShopConfig.DEFAULT_ZONE);
    private static final List<String> TOUR_SEGMENTS = List.of("young-adults", "parents", "retirees");
    private static final int RECENT = 6;

    @Option(names = "--items", paramLabel = "N", defaultValue = "2000", description = "Catalog size (default ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--customers", paramLabel = "M", defaultValue = "5000",
            description = "Customers (default ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "./tailor-data/demo",
            description = "Folder of the demo's embedded store; recreated on each run (default ${DEFAULT-VALUE}).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        wipe(dir);
        StoreOptions storeOptions = new StoreOptions();
        storeOptions.spec = "h2:" + dir;

        heading(out, "1. Generate the sample shop");
        SampleShopConfig config = SampleShopCommand.config(items, customers, seed,
                SampleShopConfig.defaults().meanSessionsPerCustomer(), false);
        GenerationSummary summary = SampleShopCommand.generate(config, null, storeOptions, null, FileFormat.CSV);
        SampleShopCommand.print(summary, storeOptions.spec(), out);

        try (Store store = storeOptions.open()) {
            heading(out, "2. What is in the store (tailor stats --store " + storeOptions.spec() + ")");
            StatsCommand.print(store.describe(), store.stats(), out);

            heading(out, "3. The training snapshot: dense ids, time-ordered sequences, weighted matrix");
            long t0 = System.nanoTime();
            Snapshot snapshot = SnapshotBuilder.fromStore(store);
            Interactions in = snapshot.interactions();
            out.printf(Locale.ROOT, "%s built in %.2f s; interactions take %,d bytes (%.1f bytes/event), "
                    + "fingerprint %s%n", snapshot, (System.nanoTime() - t0) / 1e9, in.bytes(),
                    (double) in.bytes() / Math.max(1, in.size()), snapshot.fingerprint());

            heading(out, "4. Customers of three segments and what they did last");
            for (String segment : TOUR_SEGMENTS) {
                tour(out, store, snapshot, segment);
            }
        }
        out.println();
        out.println("Next: './tailor stats --store h2:" + dir + "', './tailor --help', and the README.");
        out.flush();
        return 0;
    }

    private static void tour(PrintWriter out, Store store, Snapshot snapshot, String segment) {
        UserFeatures uf = snapshot.userFeatures();
        int seg = uf.segments().indexOf(segment);
        Interactions in = snapshot.interactions();
        int chosen = -1;
        for (int u = 0; u < snapshot.numUsers() && seg >= 0; u++) {
            if (uf.inSegment(u, seg) && in.count(u) >= 2 * RECENT) {
                chosen = u;
                break;
            }
        }
        if (chosen < 0) {
            out.printf("(no active customer in segment %s)%n", segment);
            return;
        }
        int u = chosen;
        out.printf(Locale.ROOT, "%n%s — customer %s, %s, age %d, %d events%n", segment, snapshot.users().id(u),
                uf.gender(u) == null ? "gender not given" : uf.gender(u).name().toLowerCase(Locale.ROOT),
                uf.age(u), in.count(u));
        for (int k = Math.max(in.start(u), in.end(u) - RECENT); k < in.end(u); k++) {
            String itemId = snapshot.items().id(in.item(k));
            Item item = store.findItem(itemId).orElseThrow();
            String other = item.localizedTitles().values().stream().findFirst().map(t -> " / " + t).orElse("");
            out.printf(Locale.ROOT, "  %s  %-11s %s%s  [%s]%s%n", DAY.format(Instant.ofEpochMilli(in.time(k))),
                    in.type(k).wireName(), item.title(), other, String.join(" > ", item.categoryPath()),
                    item.price() == null ? "" : String.format(Locale.ROOT, "  %s %s",
                            item.price().amount().toPlainString(), item.price().currency()));
        }
    }

    private static void heading(PrintWriter out, String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }

    /** Deletes the demo's own store files, and only those, so a rerun starts from the same state. */
    private static void wipe(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".db")).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the demo store in " + dir, e);
        }
    }
}
