// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import dev.tailor.core.domain.Customer;
import dev.tailor.core.domain.Event;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.domain.Item;
import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import dev.tailor.core.store.StoreWriter;
import dev.tailor.io.sampleshop.ProgressListener.Phase;
import dev.tailor.io.sampleshop.ProgressListener.Progress;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Generates the sample shop: the catalog, then customers, then each customer's events in time order
 * (customer by customer: a global time order would need all events in memory). Only the catalog is held in
 * memory; customers and events are generated in parallel chunks and streamed out in a fixed order, so the
 * output depends on the {@link SampleShopConfig} alone, never on the thread count, and memory stays bounded
 * (10 million events generate in a 512 MB heap).
 *
 * <pre>{@code
 * SampleShopGenerator shop = new SampleShopGenerator(SampleShopConfig.builder().items(2_000).customers(5_000).seed(42).build());
 * store.write(w -> shop.writeTo(w, progress));   // or
 * shop.writeFiles(Path.of("sample-shop"), FileFormat.CSV, progress);
 * }</pre>
 *
 * <p>Immutable and thread-safe; one generator may run several times and always produces the same shop. The
 * constructor builds the catalog (about a second per 100,000 items).
 */
public final class SampleShopGenerator {
    /** Bumped whenever a change alters generated content for an unchanged config. */
    public static final int ALGORITHM_VERSION = 1;
    public static final int DEFAULT_BATCH_SIZE = 10_000;
    public static final String ITEMS = "items";
    public static final String CUSTOMERS = "customers";
    public static final String EVENTS = "events";
    public static final String MANIFEST = "manifest.json";

    static final String[] ITEM_COLUMNS = {"id", "title", "description", "category", "brand", "price", "currency",
        "available", "created_at", "language", "tags", "title.en", "title.zh", "attr.colour", "attr.size",
        "attr.material"};
    static final String[] CUSTOMER_COLUMNS = {"id", "age", "gender", "region", "signup_at", "segments",
        "attr.language"};
    static final String[] EVENT_COLUMNS = {"user_id", "item_id", "type", "timestamp", "value", "session_id", "scene",
        "query", "request_id", "position"};

    private static final int ITEM_CHUNK = 2_048;
    private static final int CUSTOMER_CHUNK = 2_048;
    /** Small enough that a chunk's events stay a few MB even for heavy customers, large enough to amortize. */
    private static final int EVENT_CHUNK = 256;

    private final SampleShopConfig config;
    private final Catalog catalog;
    private final ShopCalendar calendar;
    private final CustomerProfile.Factory profiles;
    private final int threads;
    private final int batchSize;

    public SampleShopGenerator(SampleShopConfig config) {
        this(config, new Catalog(config), new ShopCalendar(config), Runtime.getRuntime().availableProcessors(),
                DEFAULT_BATCH_SIZE);
    }

    private SampleShopGenerator(SampleShopConfig config, Catalog catalog, ShopCalendar calendar, int threads,
            int batchSize) {
        this.config = config;
        this.catalog = catalog;
        this.calendar = calendar;
        this.profiles = new CustomerProfile.Factory(config);
        this.threads = threads;
        this.batchSize = batchSize;
    }

    /** The same generator on {@code n} worker threads (output is identical for every n). */
    public SampleShopGenerator withThreads(int n) {
        if (n < 1) {
            throw ValidationException.of("threads", "expected >= 1, was " + n);
        }
        return new SampleShopGenerator(config, catalog, calendar, n, batchSize);
    }

    /** The same generator passing at most {@code n} records per {@link StoreWriter} call. */
    public SampleShopGenerator withBatchSize(int n) {
        if (n < 1) {
            throw ValidationException.of("batchSize", "expected >= 1, was " + n);
        }
        return new SampleShopGenerator(config, catalog, calendar, threads, n);
    }

    public SampleShopConfig config() {
        return config;
    }

    public int threads() {
        return threads;
    }

    /**
     * The id of the customer with this 0-based index, as every generated shop names it. A store that pseudonymizes
     * gives back only pseudonyms; this lets a caller that generated the shop (the demo) show the shop's ids again.
     */
    public static String customerId(int index) {
        if (index < 0) {
            throw ValidationException.of("index", "expected >= 0, was " + index);
        }
        return ShopIds.customer(index);
    }

    /** The structure this generator plants, for documentation and for tests that check models recover it. */
    public PlantedStructure plantedStructure() {
        return PlantedStructure.of(config);
    }

    public GenerationSummary writeTo(StoreWriter writer) {
        return writeTo(writer, ProgressListener.NONE);
    }

    /**
     * Streams the shop into {@code writer}: all items, then all customers, then events, in batches of at most
     * the batch size. All calls on {@code writer} happen on the calling thread.
     */
    public GenerationSummary writeTo(StoreWriter writer, ProgressListener listener) {
        return run(new StoreTarget(writer, batchSize), listener);
    }

    public GenerationSummary writeFiles(Path dir) {
        return writeFiles(dir, FileFormat.CSV, ProgressListener.NONE);
    }

    /**
     * Writes {@code items.<ext>}, {@code customers.<ext>}, {@code events.<ext>} and {@code manifest.json} into
     * {@code dir} (created if missing; existing files of those names are replaced). UTF-8, '\n' line ends.
     */
    public GenerationSummary writeFiles(Path dir, FileFormat format, ProgressListener listener) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new TailorException("cannot create output directory " + dir + ": " + e.getMessage(), e);
        }
        GenerationSummary summary;
        try (FileTarget target = new FileTarget(dir, format)) {
            summary = run(target, listener);
        }
        writeManifest(dir.resolve(MANIFEST), format, summary);
        return summary;
    }

    private GenerationSummary run(Target target, ProgressListener listener) {
        long startNanos = System.nanoTime();
        long[] byType = new long[EventType.values().length];
        long[] done = new long[1];
        try (OrderedParallel parallel = new OrderedParallel(threads)) {
            int items = config.items();
            target.begin(Phase.ITEMS);
            parallel.run(chunks(items, ITEM_CHUNK), c -> {
                List<Item> chunk = new ArrayList<>(ITEM_CHUNK);
                for (int i = c * ITEM_CHUNK, to = Math.min(items, i + ITEM_CHUNK); i < to; i++) {
                    chunk.add(catalog.item(i, config));
                }
                return new Chunk(target.items(chunk), chunk.size(), null);
            }, progress(Phase.ITEMS, items, done, byType, listener));
            target.end(Phase.ITEMS);

            int customers = config.customers();
            done[0] = 0;
            target.begin(Phase.CUSTOMERS);
            parallel.run(chunks(customers, CUSTOMER_CHUNK), c -> {
                List<Customer> chunk = new ArrayList<>(CUSTOMER_CHUNK);
                for (int i = c * CUSTOMER_CHUNK, to = Math.min(customers, i + CUSTOMER_CHUNK); i < to; i++) {
                    chunk.add(profiles.profile(i).toCustomer());
                }
                return new Chunk(target.customers(chunk), chunk.size(), null);
            }, progress(Phase.CUSTOMERS, customers, done, byType, listener));
            target.end(Phase.CUSTOMERS);

            done[0] = 0;
            target.begin(Phase.EVENTS);
            parallel.run(chunks(customers, EVENT_CHUNK), c -> eventChunk(c, target),
                    progress(Phase.EVENTS, customers, done, byType, listener));
            target.end(Phase.EVENTS);
        }
        return GenerationSummary.of(config.items(), config.customers(), byType,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private Chunk eventChunk(int c, Target target) {
        int from = c * EVENT_CHUNK;
        int to = Math.min(config.customers(), from + EVENT_CHUNK);
        BehaviourSimulator simulator = new BehaviourSimulator(config, catalog, calendar);
        EventBuffer buffer = new EventBuffer();
        String[] ids = new String[to - from];
        for (int i = from; i < to; i++) {
            CustomerProfile p = profiles.profile(i);
            ids[i - from] = p.id();
            simulator.simulate(p, buffer);
        }
        long[] byType = new long[EventType.values().length];
        List<Event> events = new ArrayList<>(buffer.size());
        int lastCustomer = -1;
        int lastSession = -1;
        String sessionId = null;
        String requestId = null;
        for (int e = 0; e < buffer.size(); e++) {
            int customer = buffer.customer(e);
            String user = ids[customer - from];
            if (customer != lastCustomer || buffer.session(e) != lastSession) {
                lastCustomer = customer;
                lastSession = buffer.session(e);
                sessionId = ShopIds.session(config.seed(), customer, lastSession);
                requestId = null;
            }
            int position = buffer.position(e);
            if (position >= 0 && requestId == null) {
                requestId = sessionId + "-r1";
            }
            int item = buffer.item(e);
            int type = buffer.type(e);
            byType[type]++;
            events.add(new Event(EventType.byOrdinal(type), user, item < 0 ? null : catalog.id(item), buffer.value(e),
                    Instant.ofEpochMilli(buffer.time(e)), sessionId, EventBuffer.SCENES[buffer.scene(e)],
                    position >= 0 ? requestId : null, buffer.query(e), position >= 0 ? position : null));
        }
        return new Chunk(target.events(events), to - from, byType);
    }

    private static Consumer<Chunk> progress(Phase phase, long total, long[] done, long[] byType,
            ProgressListener listener) {
        return chunk -> {
            chunk.write().run();
            done[0] += chunk.entities();
            if (chunk.byType() != null) {
                for (int t = 0; t < byType.length; t++) {
                    byType[t] += chunk.byType()[t];
                }
            }
            long events = 0;
            for (long n : byType) {
                events += n;
            }
            listener.onProgress(new Progress(phase, done[0], total, events));
        };
    }

    private static int chunks(int n, int chunk) {
        return (n + chunk - 1) / chunk;
    }

    private void writeManifest(Path path, FileFormat format, GenerationSummary summary) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("{\n  \"generator\": \"tailor sample-shop\",\n  \"algorithmVersion\": ").append(ALGORITHM_VERSION)
                .append(",\n  \"format\": ");
        Rows.json(sb, format.extension());
        sb.append(",\n  \"files\": {");
        String[] names = {ITEMS, CUSTOMERS, EVENTS};
        for (int k = 0; k < names.length; k++) {
            sb.append(k == 0 ? "" : ",").append("\n    ");
            Rows.json(sb, names[k]);
            sb.append(": ");
            Rows.json(sb, names[k] + "." + format.extension());
        }
        sb.append("\n  },\n  \"config\": {");
        boolean first = true;
        for (Map.Entry<String, String> e : config.describe().entrySet()) {
            sb.append(first ? "" : ",").append("\n    ");
            first = false;
            Rows.json(sb, e.getKey());
            sb.append(": ");
            Rows.json(sb, e.getValue());
        }
        sb.append("\n  },\n  \"counts\": {\n    \"items\": ").append(summary.items())
                .append(",\n    \"customers\": ").append(summary.customers())
                .append(",\n    \"events\": ").append(summary.events());
        for (EventType t : EventType.values()) {
            sb.append(",\n    ");
            Rows.json(sb, "events." + t.wireName());
            sb.append(": ").append(summary.eventsByType().get(t));
        }
        sb.append("\n  }\n}\n");
        try {
            Files.writeString(path, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TailorException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * One chunk's output, prepared on a worker thread; {@code write} runs on the calling thread, in order.
     *
     * @param byType events per type ordinal; null for items and customers
     */
    private record Chunk(Runnable write, int entities, long[] byType) {
    }

    /** Where chunks go. Preparation ({@code items}, ...) runs on workers; everything else on the caller. */
    private interface Target {
        void begin(Phase phase);

        Runnable items(List<Item> chunk);

        Runnable customers(List<Customer> chunk);

        Runnable events(List<Event> chunk);

        void end(Phase phase);
    }

    /** Re-batches chunks into StoreWriter calls of exactly {@code batchSize} records (the last one smaller). */
    private static final class StoreTarget implements Target {
        private final StoreWriter writer;
        private final int batchSize;
        private final List<Item> items = new ArrayList<>();
        private final List<Customer> customers = new ArrayList<>();
        private final List<Event> events = new ArrayList<>();

        StoreTarget(StoreWriter writer, int batchSize) {
            this.writer = writer;
            this.batchSize = batchSize;
        }

        @Override
        public void begin(Phase phase) {
            // Nothing to open: the writer's transaction belongs to the caller.
        }

        @Override
        public Runnable items(List<Item> chunk) {
            return () -> add(chunk, items, writer::upsertItems);
        }

        @Override
        public Runnable customers(List<Customer> chunk) {
            return () -> add(chunk, customers, writer::upsertCustomers);
        }

        @Override
        public Runnable events(List<Event> chunk) {
            return () -> add(chunk, events, writer::appendEvents);
        }

        @Override
        public void end(Phase phase) {
            switch (phase) {
                case ITEMS -> flush(items, writer::upsertItems);
                case CUSTOMERS -> flush(customers, writer::upsertCustomers);
                case EVENTS -> flush(events, writer::appendEvents);
                default -> throw new IllegalStateException("unknown phase " + phase);
            }
        }

        private <T> void add(List<T> chunk, List<T> pending, Consumer<List<T>> sink) {
            for (T record : chunk) {
                pending.add(record);
                if (pending.size() == batchSize) {
                    flush(pending, sink);
                }
            }
        }

        private static <T> void flush(List<T> pending, Consumer<List<T>> sink) {
            if (!pending.isEmpty()) {
                // A copy, because a writer may keep the list and we reuse ours.
                sink.accept(List.copyOf(pending));
                pending.clear();
            }
        }
    }

    /** Renders chunks to text on the workers; the caller only copies bytes to the current file. */
    private static final class FileTarget implements Target, AutoCloseable {
        private final Path dir;
        private final FileFormat format;
        private OutputStream out;
        private Path current;

        FileTarget(Path dir, FileFormat format) {
            this.dir = dir;
            this.format = format;
        }

        @Override
        public void begin(Phase phase) {
            String[] columns = switch (phase) {
                case ITEMS -> ITEM_COLUMNS;
                case CUSTOMERS -> CUSTOMER_COLUMNS;
                case EVENTS -> EVENT_COLUMNS;
            };
            String name = switch (phase) {
                case ITEMS -> ITEMS;
                case CUSTOMERS -> CUSTOMERS;
                case EVENTS -> EVENTS;
            };
            current = dir.resolve(name + "." + format.extension());
            try {
                out = new BufferedOutputStream(Files.newOutputStream(current), 1 << 20);
            } catch (IOException e) {
                throw new TailorException("cannot write " + current + ": " + e.getMessage(), e);
            }
            write(new Rows(format, columns).header().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Runnable items(List<Item> chunk) {
            Rows rows = new Rows(format, ITEM_COLUMNS);
            StringBuilder sb = new StringBuilder(chunk.size() * 400);
            for (Item item : chunk) {
                RecordRows.item(rows, sb, item);
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            return () -> write(bytes);
        }

        @Override
        public Runnable customers(List<Customer> chunk) {
            Rows rows = new Rows(format, CUSTOMER_COLUMNS);
            StringBuilder sb = new StringBuilder(chunk.size() * 100);
            for (Customer customer : chunk) {
                RecordRows.customer(rows, sb, customer);
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            return () -> write(bytes);
        }

        @Override
        public Runnable events(List<Event> chunk) {
            Rows rows = new Rows(format, EVENT_COLUMNS);
            StringBuilder sb = new StringBuilder(chunk.size() * 110);
            for (Event event : chunk) {
                RecordRows.event(rows, sb, event);
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            return () -> write(bytes);
        }

        @Override
        public void end(Phase phase) {
            closeCurrent();
        }

        @Override
        public void close() {
            closeCurrent();
        }

        private void write(byte[] bytes) {
            try {
                out.write(bytes);
            } catch (IOException e) {
                throw new TailorException("cannot write " + current + ": " + e.getMessage(), e);
            }
        }

        private void closeCurrent() {
            if (out == null) {
                return;
            }
            try {
                out.close();
            } catch (IOException e) {
                throw new TailorException("cannot write " + current + ": " + e.getMessage(), e);
            } finally {
                out = null;
            }
        }
    }
}
