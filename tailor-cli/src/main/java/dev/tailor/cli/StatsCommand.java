// SPDX-License-Identifier: Apache-2.0
package dev.tailor.cli;

import dev.tailor.core.domain.EventType;
import dev.tailor.core.store.Store;
import dev.tailor.core.store.StoreStats;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tailor stats}: what is in the store. */
@Command(name = "stats",
        mixinStandardHelpOptions = true,
        header = "Show what is in the store.",
        description = {"Print the store's counts, time span, sparsity, events per type and top categories."},
        footerHeading = "%nExamples:%n",
        footer = {"  tailor stats", "  tailor stats --store jdbc:postgresql://localhost:5432/shop"})
final class StatsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Store s = store.open()) {
            print(s.describe(), s.stats(), spec.commandLine().getOut());
        }
        return 0;
    }

    static void print(String where, StoreStats st, PrintWriter out) {
        out.printf(Locale.ROOT, "Store        %s%n", where);
        out.printf(Locale.ROOT, "Items        %,d%n", st.items());
        out.printf(Locale.ROOT, "Customers    %,d%n", st.customers());
        out.printf(Locale.ROOT, "Events       %,d%n", st.events());
        if (st.events() > 0) {
            out.printf(Locale.ROOT, "Active       %,d users, %,d items, %,d distinct user-item pairs%n",
                    st.activeUsers(), st.activeItems(), st.userItemPairs());
            out.printf(Locale.ROOT, "Sparsity     %.4f%% of the active user x item matrix is empty%n",
                    100 * st.sparsity());
            st.firstEvent().ifPresent(first -> st.lastEvent().ifPresent(last -> out.printf(Locale.ROOT,
                    "Time span    %s .. %s (%d days)%n", TIME.format(first), TIME.format(last),
                    Duration.between(first, last).toDays())));
            out.println("Events by type");
            for (EventType t : EventType.values()) {
                long n = st.eventsByType().get(t);
                if (n > 0) {
                    out.printf(Locale.ROOT, "  %-12s %,12d  %5.1f%%%n", t.wireName(), n, 100.0 * n / st.events());
                }
            }
        }
        if (!st.topCategories().isEmpty()) {
            out.println("Top categories (items)");
            for (StoreStats.CategoryCount c : st.topCategories()) {
                out.printf(Locale.ROOT, "  %-40s %,8d%n", c.category(), c.items());
            }
        }
        out.flush();
    }
}
