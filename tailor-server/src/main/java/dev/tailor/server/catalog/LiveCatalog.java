// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.catalog;

import dev.tailor.core.data.ItemFeatures;
import dev.tailor.core.domain.Item;
import dev.tailor.server.json.JsonWriter;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog as the serving path sees it: every item under a dense <em>catalog index</em> that never changes
 * while the process runs (items are only ever added or replaced, never renumbered), with flat columns for the
 * hot loops (leaf category, root category, brand, price, availability, deal flag) and each item's fixed JSON
 * members pre-rendered. Models trained on a snapshot are remapped into this index space once, when they are
 * built, so requests never translate ids.
 *
 * <p>Thread safety: writers are serialized by a lock; each write batch ends by publishing a new immutable
 * {@link View} through a volatile field, so a reader that takes {@link #view()} once sees a consistent size and
 * every write made before it. Attribute updates of existing items become visible with the next view.
 */
public final class LiveCatalog {
    /** The tag that marks an item as on sale ("Deals for you"). */
    public static final String DEFAULT_DEAL_TAG = "deal";

    private final Object lock = new Object();
    private final Map<String, Integer> index = new ConcurrentHashMap<>();
    private final Dictionary categories = new Dictionary();
    private final Dictionary roots = new Dictionary();
    private final Dictionary brands = new Dictionary();
    private final String dealTag;
    private volatile View view = new View(0, new Columns(64), new int[0][], 0, index);

    public LiveCatalog() {
        this(DEFAULT_DEAL_TAG);
    }

    public LiveCatalog(String dealTag) {
        this.dealTag = dealTag.toLowerCase(Locale.ROOT);
    }

    /** A consistent read-only view; take it once per request. */
    public View view() {
        return view;
    }

    public int size() {
        return view.size;
    }

    /** Catalog index of {@code id}, or -1 when unknown. */
    public int indexOf(String id) {
        return view.indexOf(id);
    }

    /** Index of a leaf category path (joined with {@value ItemFeatures#PATH_SEPARATOR}), or -1. */
    public int categoryIndex(String path) {
        return categories.indexOf(path);
    }

    public String categoryName(int category) {
        return categories.name(category);
    }

    /** Number of distinct leaf category paths seen so far. */
    public int categoryCount() {
        return categories.size();
    }

    /** Root (top-level) category name of a root index. */
    public String rootName(int root) {
        return roots.name(root);
    }

    public int rootCount() {
        return roots.size();
    }

    public String brandName(int brand) {
        return brands.name(brand);
    }

    /**
     * Inserts or replaces items by id and publishes the result.
     *
     * @return the catalog index of each item, in input order
     */
    public int[] upsert(Collection<Item> items) {
        synchronized (lock) {
            View v = view;
            Columns c = v.columns;
            int size = v.size;
            int[][] byCategory = v.byCategory.clone();
            int dealCount = v.dealCount;
            int[] out = new int[items.size()];
            int k = 0;
            for (Item item : items) {
                Integer existing = index.get(item.id());
                int i;
                if (existing == null) {
                    i = size++;
                    if (i == c.items.length) {
                        c = c.grow();
                    }
                } else {
                    i = existing;
                    if (c.items[i] != null) {
                        byCategory = remove(byCategory, c.category[i], i);
                        dealCount -= c.deal[i] ? 1 : 0;
                    }
                }
                int cat = item.categoryPath().isEmpty() ? -1
                        : categories.add(String.join(ItemFeatures.PATH_SEPARATOR, item.categoryPath()));
                c.items[i] = item;
                c.category[i] = cat;
                c.root[i] = item.categoryPath().isEmpty() ? -1 : roots.add(item.categoryPath().get(0));
                c.brand[i] = item.brand() == null ? -1 : brands.add(item.brand());
                c.price[i] = item.price() == null ? Float.NaN : (float) item.price().doubleValue();
                c.logPrice[i] = c.price[i] > 0f ? (float) Math.log(c.price[i]) : Float.NaN;
                c.available[i] = item.available();
                c.deal[i] = hasTag(item, dealTag);
                c.json[i] = render(item);
                c.titleJson[i] = renderTitle(item);
                dealCount += c.deal[i] ? 1 : 0;
                byCategory = add(byCategory, cat, i);
                if (existing == null) {
                    index.put(item.id(), i);
                }
                out[k++] = i;
            }
            view = new View(size, c, byCategory, dealCount, index);
            return out;
        }
    }

    private static boolean hasTag(Item item, String tag) {
        for (String t : item.tags()) {
            if (t.equalsIgnoreCase(tag)) {
                return true;
            }
        }
        return false;
    }

    // Copy-on-write per category: a reader holding an old array keeps a consistent list.
    private static int[][] add(int[][] byCategory, int cat, int item) {
        if (cat < 0) {
            return byCategory;
        }
        int[][] b = byCategory;
        if (cat >= b.length) {
            b = Arrays.copyOf(b, Math.max(cat + 1, b.length * 2));
        }
        int[] old = b[cat] == null ? new int[0] : b[cat];
        int[] list = Arrays.copyOf(old, old.length + 1);
        list[old.length] = item;
        b[cat] = list;
        return b;
    }

    private static int[][] remove(int[][] byCategory, int cat, int item) {
        if (cat < 0 || cat >= byCategory.length || byCategory[cat] == null) {
            return byCategory;
        }
        int[] old = byCategory[cat];
        int[] list = new int[old.length];
        int n = 0;
        for (int x : old) {
            if (x != item) {
                list[n++] = x;
            }
        }
        byCategory[cat] = Arrays.copyOf(list, n);
        return byCategory;
    }

    /** {@code "title":"..."} with the primary title. */
    static byte[] renderTitle(Item item) {
        JsonWriter w = new JsonWriter(128);
        w.beginObject();
        w.name("title").value(item.title());
        w.endObject();
        byte[] all = w.toByteArray();
        return Arrays.copyOfRange(all, 1, all.length - 1);
    }

    /** The members every response shows for an item, except the title (which depends on the language asked). */
    static byte[] render(Item item) {
        JsonWriter w = new JsonWriter(256);
        w.beginObject();
        w.name("id").value(item.id());
        if (!item.categoryPath().isEmpty()) {
            w.name("category").value(String.join(ItemFeatures.PATH_SEPARATOR, item.categoryPath()));
        }
        if (item.brand() != null) {
            w.name("brand").value(item.brand());
        }
        if (item.price() != null) {
            w.name("price").value(item.price().doubleValue());
            w.name("currency").value(item.price().currency());
        }
        w.name("available").value(item.available());
        w.endObject();
        byte[] all = w.toByteArray();
        // Strip the braces: the fragment is spliced into the response's item object.
        return Arrays.copyOfRange(all, 1, all.length - 1);
    }

    /** Per-item columns; arrays are replaced (copied) only when the catalog outgrows them. */
    static final class Columns {
        final Item[] items;
        final int[] category;
        final int[] root;
        final int[] brand;
        final float[] price;
        final float[] logPrice;
        final boolean[] available;
        final boolean[] deal;
        final byte[][] json;
        final byte[][] titleJson;

        Columns(int capacity) {
            items = new Item[capacity];
            category = new int[capacity];
            root = new int[capacity];
            brand = new int[capacity];
            price = new float[capacity];
            logPrice = new float[capacity];
            available = new boolean[capacity];
            deal = new boolean[capacity];
            json = new byte[capacity][];
            titleJson = new byte[capacity][];
        }

        private Columns(Columns c, int capacity) {
            items = Arrays.copyOf(c.items, capacity);
            category = Arrays.copyOf(c.category, capacity);
            root = Arrays.copyOf(c.root, capacity);
            brand = Arrays.copyOf(c.brand, capacity);
            price = Arrays.copyOf(c.price, capacity);
            logPrice = Arrays.copyOf(c.logPrice, capacity);
            available = Arrays.copyOf(c.available, capacity);
            deal = Arrays.copyOf(c.deal, capacity);
            json = Arrays.copyOf(c.json, capacity);
            titleJson = Arrays.copyOf(c.titleJson, capacity);
        }

        Columns grow() {
            return new Columns(this, items.length * 2);
        }
    }

    /** An immutable view of the catalog at one moment. Indices in [0, size()) are valid. */
    public static final class View {
        private final int size;
        private final Columns columns;
        private final int[][] byCategory;
        private final int dealCount;
        private final Map<String, Integer> index;

        View(int size, Columns columns, int[][] byCategory, int dealCount, Map<String, Integer> index) {
            this.index = index;
            this.size = size;
            this.columns = columns;
            this.byCategory = byCategory;
            this.dealCount = dealCount;
        }

        public int size() {
            return size;
        }

        /** Catalog index of {@code id}, or -1 when unknown to this view (an item added after it is unknown). */
        public int indexOf(String id) {
            Integer i = index.get(id);
            return i == null || i >= size ? -1 : i;
        }

        public Item item(int i) {
            return columns.items[i];
        }

        public String id(int i) {
            return columns.items[i].id();
        }

        /** Title in {@code lang} when the item has one, else its primary title. */
        public String title(int i, String lang) {
            return columns.items[i].title(lang);
        }

        /** Leaf category index, -1 when uncategorized. */
        public int category(int i) {
            return columns.category[i];
        }

        /** Root category index, -1 when uncategorized. */
        public int root(int i) {
            return columns.root[i];
        }

        public int brand(int i) {
            return columns.brand[i];
        }

        /** Price, NaN when unknown. */
        public float price(int i) {
            return columns.price[i];
        }

        /** Natural log of a positive price, NaN otherwise (price closeness without a log per comparison). */
        public float logPrice(int i) {
            return columns.logPrice[i];
        }

        public boolean available(int i) {
            return columns.available[i];
        }

        public boolean deal(int i) {
            return columns.deal[i];
        }

        public int dealCount() {
            return dealCount;
        }

        /** Pre-rendered JSON members of the item (id, category, brand, price, currency, available). */
        public byte[] json(int i) {
            return columns.json[i];
        }

        /** Pre-rendered {@code "title":"..."} member with the primary title. */
        public byte[] titleJson(int i) {
            return columns.titleJson[i];
        }

        /** Whether {@link #title(int, String)} for {@code lang} is the primary title. */
        public boolean primaryTitle(int i, String lang) {
            Item item = columns.items[i];
            return lang == null || lang.equals(item.language()) || !item.localizedTitles().containsKey(lang);
        }

        /** Items of a leaf category in catalog order; empty for an unknown category. Do not modify. */
        public int[] itemsInCategory(int category) {
            if (category < 0 || category >= byCategory.length || byCategory[category] == null) {
                return EMPTY;
            }
            return byCategory[category];
        }

        private static final int[] EMPTY = new int[0];
    }

    /** Append-only string dictionary safe for concurrent reads. */
    private static final class Dictionary {
        private final Map<String, Integer> index = new ConcurrentHashMap<>();
        private volatile String[] names = new String[16];
        private volatile int size;

        int add(String name) {
            Integer i = index.get(name);
            if (i != null) {
                return i;
            }
            int n = size;
            String[] a = names;
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n] = name;
            names = a;
            size = n + 1;
            index.put(name, n);
            return n;
        }

        int indexOf(String name) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }

        String name(int i) {
            return names[i];
        }

        int size() {
            return size;
        }
    }

    /** For tests and reports: all items in catalog order. */
    public List<Item> items() {
        View v = view;
        return Arrays.asList(Arrays.copyOf(v.columns.items, v.size));
    }
}
