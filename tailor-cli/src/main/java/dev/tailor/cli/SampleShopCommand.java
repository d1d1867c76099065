// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import dev.tailor.core.domain.EventType;
import dev.tailor.core.store.Store;
import dev.tailor.io.sampleshop.FileFormat;
import dev.tailor.io.sampleshop.GenerationSummary;
import dev.tailor.io.sampleshop.ProgressListener;
import dev.tailor.io.sampleshop.SampleShopConfig;
import dev.tailor.io.sampleshop.SampleShopGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tailor sample-shop}: the deterministic bilingual sample shop, into the store or into files. */
@Command(name = "sample-shop",
        mixinStandardHelpOptions = true,
        header = "Generate a deterministic bilingual sample shop.",
        description = {
            "Generate a deterministic sample shop: a bilingual (Chinese/English) catalog in a category tree,",
            "customers in segments (young adults, parents, retirees, ...) with distinct tastes, and a year of",
            "sessions with view -> cart -> purchase funnels, searches, seasonality and co-purchases.",
            "The same options always produce the same shop. The planted structure is in docs/sample-shop.md.",
            "Without --out the shop is written into the store in one transaction."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tailor sample-shop                                         demo size into ./tailor-data",
            "  tailor sample-shop --items 100000 --customers 1000000 --out shop/ --format csv",
            "  tailor sample-shop --seed 42 --store jdbc:postgresql://localhost:5432/shop"})
final class SampleShopCommand implements Callable<Integer> {
    @Option(names = "--items", paramLabel = "N", description = "Catalog size (default ${DEFAULT-VALUE}).",
            defaultValue = "2000")
    int items;

    @Option(names = "--customers", paramLabel = "M", description = "Number of customers (default ${DEFAULT-VALUE}).",
            defaultValue = "5000")
    int customers;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).",
            defaultValue = "42")
    long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write items, customers and events files into DIR instead of the store.")
    Path out;

    @Option(names = "--format", paramLabel = "FMT", description = "File format with --out: ${COMPLETION-CANDIDATES} "
            + "(default ${DEFAULT-VALUE}).", defaultValue = "CSV")
    FileFormat format;

    @Option(names = "--sessions", paramLabel = "X", description = "Mean sessions per customer over the simulated "
            + "year, about 7.5 events each (default ${DEFAULT-VALUE}; 1.46 gives ~10 events per customer).",
            defaultValue = "8")
    double sessions;

    @Option(names = "--impressions", description = "Also log recommendation slates (impression events with request "
            + "ids and positions) at the start of home-page sessions.")
    boolean impressions;

    @Option(names = "--threads", paramLabel = "T", description = "Generator threads; the output does not depend "
            + "on it (default: all cores).")
    Integer threads;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter outWriter = spec.commandLine().getOut();
        GenerationSummary summary = generate(config(items, customers, seed, sessions, impressions), threads, store, out, format);
        print(summary, out == null ? store.spec() : out.toString(), outWriter);
        return 0;
    }

    static SampleShopConfig config(int items, int customers, long seed, double sessions, boolean impressions) {
        return SampleShopConfig.builder().items(items).customers(customers).seed(seed)
                .meanSessionsPerCustomer(sessions).impressions(impressions).build();
    }

    static GenerationSummary generate(SampleShopConfig config, Integer threads, StoreOptions store, Path out,
            FileFormat format) {
        SampleShopGenerator gen = new SampleShopGenerator(config);
        if (threads != null) {
            gen = gen.withThreads(threads);
        }
        long total = (long) config.items() + 2L * config.customers();
        try (ProgressBar bar = Progress.bar("sample-shop", total, "", 1)) {
            ProgressListener listener = p -> {
                long base = switch (p.phase()) {
                    case ITEMS -> 0;
                    case CUSTOMERS -> config.items();
                    case EVENTS -> (long) config.items() + config.customers();
                };
                bar.stepTo(base + p.done());
                bar.setExtraMessage(String.format(Locale.ROOT, " %,d events", p.events()));
            };
            if (out != null) {
                return gen.writeFiles(out, format, listener);
            }
            SampleShopGenerator g = gen;
            try (Store s = store.open()) {
                return s.write(w -> g.writeTo(w, listener));
            }
        }
    }

    static void print(GenerationSummary s, String where, PrintWriter out) {
        out.printf(Locale.ROOT, "Wrote %,d items, %,d customers and %,d events to %s in %.1f s (%,.0f events/s)%n",
                s.items(), s.customers(), s.events(), where, s.elapsed().toMillis() / 1000.0, s.eventsPerSecond());
        StringBuilder types = new StringBuilder("  ");
        for (EventType t : EventType.values()) {
            long n = s.eventsByType().get(t);
            if (n > 0) {
                types.append(String.format(Locale.ROOT, "%s %,d  ", t.wireName(), n));
            }
        }
        out.println(types.toString().stripTrailing());
        out.flush();
    }
}
