// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import dev.tailor.core.domain.Item;
import dev.tailor.core.domain.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The generated catalog as flat columns (what the behaviour simulation reads in its hot loop) plus the sampling
 * tables for Zipf popularity within a leaf and within a (leaf, brand) group. {@link Item} records, with their
 * bilingual text, are rendered on demand from the same per-item random stream, so a 100,000-item catalog costs
 * a few megabytes rather than a few hundred. Immutable after construction; shared by all worker threads.
 */
final class Catalog {
    static final String CURRENCY = "CNY";
    /** Price multiplier by brand tier (index 1..3). */
    private static final double[] TIER_PRICE = {0, 0.7, 1.0, 1.6};
    private static final double DEAL_RATE = 0.08;
    private static final double GIFT_TAG_RATE = 0.5;
    private static final long NEW_TAG_DAYS = 45;
    private static final long HISTORY_DAYS = 730;
    private static final double FREE_SHIPPING_FROM = 99;

    private final long seed;
    private final long end;
    private final int size;
    private final String[] ids;
    private final int[] leaf;
    private final byte[] brand;
    private final double[] price;
    private final long[] created;
    private final boolean[] available;
    private final boolean[] deal;
    private final int[] rank;
    private final int[] leafStart;
    private final int[] byRank;
    private final double[] rankCumulative;
    private final int[] groupOffset;
    private final int[] groupStart;
    private final int[] byBrand;
    private final double[] brandCumulative;

    Catalog(SampleShopConfig config) {
        seed = config.seed();
        end = config.end().toEpochMilli();
        size = config.items();
        int leaves = Taxonomy.LEAVES.size();
        ids = new String[size];
        leaf = new int[size];
        brand = new byte[size];
        price = new double[size];
        created = new long[size];
        available = new boolean[size];
        deal = new boolean[size];
        rank = new int[size];

        int[] counts = allocate(size);
        leafStart = new int[leaves + 1];
        for (int l = 0; l < leaves; l++) {
            leafStart[l + 1] = leafStart[l] + counts[l];
        }
        // Leaves are dealt to item indices in a shuffled order so that ids say nothing about categories.
        int pos = 0;
        for (int l = 0; l < leaves; l++) {
            for (int k = 0; k < counts[l]; k++) {
                leaf[pos++] = l;
            }
        }
        shuffle(leaf, size, ShopRandom.forEntity(seed, Kinds.CATALOG_LAYOUT, 0));

        ItemDraw scratch = new ItemDraw();
        for (int i = 0; i < size; i++) {
            ids[i] = itemId(i);
            draw(i, config, scratch);
            brand[i] = (byte) scratch.brand;
            price[i] = scratch.priceCents / 100.0;
            created[i] = scratch.created;
            available[i] = scratch.available;
            deal[i] = scratch.deal;
        }

        // Popularity rank within each leaf: a seeded shuffle, so popularity is independent of id, brand and price.
        byRank = new int[size];
        int[] fill = leafStart.clone();
        for (int i = 0; i < size; i++) {
            byRank[fill[leaf[i]]++] = i;
        }
        rankCumulative = new double[size];
        for (int l = 0; l < leaves; l++) {
            int from = leafStart[l];
            int n = leafStart[l + 1] - from;
            shuffleRange(byRank, from, n, ShopRandom.forEntity(seed, Kinds.CATALOG_RANK, l));
            double cumulative = 0;
            for (int r = 0; r < n; r++) {
                rank[byRank[from + r]] = r;
                cumulative += zipf(r, config.zipfExponent());
                rankCumulative[from + r] = cumulative;
            }
        }

        // Groups per (leaf, brand), items in rank order, cumulative over the same Zipf weights.
        groupOffset = new int[leaves + 1];
        for (int l = 0; l < leaves; l++) {
            groupOffset[l + 1] = groupOffset[l] + Taxonomy.LEAVES.get(l).brands().size();
        }
        int groups = groupOffset[leaves];
        int[] groupCount = new int[groups];
        for (int i = 0; i < size; i++) {
            groupCount[groupOffset[leaf[i]] + brand[i]]++;
        }
        groupStart = new int[groups + 1];
        for (int g = 0; g < groups; g++) {
            groupStart[g + 1] = groupStart[g] + groupCount[g];
        }
        byBrand = new int[size];
        brandCumulative = new double[size];
        int[] next = groupStart.clone();
        for (int r = 0; r < size; r++) {
            int i = byRank[r];
            int g = groupOffset[leaf[i]] + brand[i];
            byBrand[next[g]++] = i;
        }
        for (int g = 0; g < groups; g++) {
            double cumulative = 0;
            for (int k = groupStart[g]; k < groupStart[g + 1]; k++) {
                cumulative += zipf(rank[byBrand[k]], config.zipfExponent());
                brandCumulative[k] = cumulative;
            }
        }
    }

    static String itemId(int index) {
        return ShopIds.pad('i', index, 6);
    }

    static double zipf(int rank, double exponent) {
        return 1.0 / StrictMath.pow(rank + 1, exponent);
    }

    int size() {
        return size;
    }

    String id(int item) {
        return ids[item];
    }

    int leaf(int item) {
        return leaf[item];
    }

    int brand(int item) {
        return brand[item];
    }

    double price(int item) {
        return price[item];
    }

    long created(int item) {
        return created[item];
    }

    boolean available(int item) {
        return available[item];
    }

    boolean deal(int item) {
        return deal[item];
    }

    /** 0 = most popular item of its leaf. */
    int rank(int item) {
        return rank[item];
    }

    int leafSize(int l) {
        return leafStart[l + 1] - leafStart[l];
    }

    int brandSize(int l, int b) {
        int g = groupOffset[l] + b;
        return groupStart[g + 1] - groupStart[g];
    }

    /** An item of the leaf drawn by Zipf popularity. The leaf must not be empty. */
    int popularInLeaf(ShopRandom random, int l) {
        int from = leafStart[l];
        return byRank[from + random.pickCumulative(rankCumulative, from, leafStart[l + 1] - from)];
    }

    /** An item of one brand within a leaf, drawn by Zipf popularity. The group must not be empty. */
    int popularInBrand(ShopRandom random, int l, int b) {
        int g = groupOffset[l] + b;
        int from = groupStart[g];
        return byBrand[from + random.pickCumulative(brandCumulative, from, groupStart[g + 1] - from)];
    }

    /** The item as a domain record, with titles in both languages. */
    Item item(int i, SampleShopConfig config) {
        ItemDraw d = new ItemDraw();
        draw(i, config, d);
        LeafCategory lc = Taxonomy.LEAVES.get(leaf[i]);
        String titleEn = title(lc, d, false);
        String titleZh = title(lc, d, true);
        Item.Builder b = Item.builder(ids[i], d.chinese ? titleZh : titleEn)
                .description(description(lc, d, d.chinese))
                .categoryPath(List.of(lc.top().en(), lc.name().en()))
                .brand(lc.brands().get(d.brand).name().en())
                .price(new Price(BigDecimal.valueOf(d.priceCents, 2), CURRENCY))
                .tags(tags(i, lc, d))
                .available(d.available)
                .createdAt(Instant.ofEpochMilli(d.created))
                .language(d.chinese ? "zh" : "en")
                .localizedTitle(d.chinese ? "en" : "zh", d.chinese ? titleEn : titleZh);
        if (d.colour >= 0) {
            b.attribute("colour", lc.colours().get(d.colour).en());
        }
        if (d.size >= 0) {
            b.attribute("size", lc.sizes().get(d.size).en());
        }
        if (d.material >= 0) {
            b.attribute("material", lc.materials().get(d.material).en());
        }
        return b.build();
    }

    /**
     * Every random choice for item {@code i}, always in the same order from the item's own stream; both the
     * catalog columns and the rendered record come from here, so they cannot disagree.
     */
    private void draw(int i, SampleShopConfig config, ItemDraw d) {
        ShopRandom r = ShopRandom.forEntity(seed, Kinds.ITEM, i);
        LeafCategory lc = Taxonomy.LEAVES.get(leaf[i]);
        d.brand = r.nextInt(lc.brands().size());
        d.product = r.nextInt(lc.products().size());
        d.feature = lc.features().isEmpty() || r.chance(0.25) ? -1 : r.nextInt(lc.features().size());
        d.spec = lc.specs().isEmpty() ? -1 : r.nextInt(lc.specs().size());
        d.colour = lc.colours().isEmpty() ? -1 : r.nextInt(lc.colours().size());
        d.size = lc.sizes().isEmpty() ? -1 : r.nextInt(lc.sizes().size());
        d.material = lc.materials().isEmpty() ? -1 : r.nextInt(lc.materials().size());
        d.series = lc.modelNames() && r.chance(0.6) ? r.nextInt(Taxonomy.SERIES.size()) : -1;
        d.seriesNumber = r.chance(0.5) ? r.nextInt(2, 15) : 0;
        int tier = lc.brands().get(d.brand).tier();
        double p = lc.medianPrice() * lc.products().get(d.product).priceFactor() * TIER_PRICE[tier]
                * StrictMath.exp(lc.priceSpread() * r.nextGaussian());
        if (d.spec > 0) {
            // Bigger capacities and later stages cost more: 12% per step along the spec list.
            p *= 1.0 + 0.12 * d.spec;
        }
        d.priceCents = roundPriceCents(p);
        d.available = !r.chance(config.outOfStockRate());
        d.deal = r.chance(DEAL_RATE);
        d.gift = lc.giftable() && r.chance(GIFT_TAG_RATE);
        long start = config.start().toEpochMilli();
        if (r.chance(config.newItemRate())) {
            long span = Math.max(1, end - start - ShopCalendar.DAY_MS);
            d.created = start + (long) (r.nextDouble() * span);
        } else {
            d.created = start - (long) (r.nextDouble() * HISTORY_DAYS * ShopCalendar.DAY_MS) - 1;
        }
        d.chinese = r.chance(config.chineseTitleRate());
        List<Term> points = Taxonomy.TOP_POINTS.get(lc.topIndex());
        d.point = r.nextInt(points.size());
        d.genericPoint = r.nextInt(Taxonomy.GENERIC_POINTS.size());
    }

    /**
     * Shop-style price points: 9.9 below 10, 39.9 below 100, 399 below 1000, 2999 above; never below 1.9.
     */
    static long roundPriceCents(double p) {
        double rounded;
        if (p < 10) {
            rounded = Math.max(1.9, Math.floor(p) + 0.9);
        } else if (p < 100) {
            rounded = Math.floor(p) + 0.9;
        } else if (p < 1000) {
            rounded = Math.max(99, Math.round(p / 10.0) * 10 - 1);
        } else {
            rounded = Math.round(p / 100.0) * 100 - 1;
        }
        return Math.round(rounded * 100);
    }

    private static String title(LeafCategory lc, ItemDraw d, boolean zh) {
        StringBuilder sb = new StringBuilder(64);
        sb.append(lc.brands().get(d.brand).name().in(zh));
        if (d.series >= 0) {
            sb.append(' ').append(Taxonomy.SERIES.get(d.series));
            if (d.seriesNumber > 0) {
                sb.append(' ').append(d.seriesNumber);
            }
        }
        sb.append(' ');
        if (d.feature >= 0) {
            sb.append(lc.features().get(d.feature).in(zh));
            if (!zh) {
                sb.append(' ');
            }
        }
        sb.append(lc.products().get(d.product).name().in(zh));
        if (d.spec >= 0) {
            sb.append(' ').append(lc.specs().get(d.spec).in(zh));
        }
        if (d.colour >= 0) {
            sb.append(zh ? " " : ", ").append(lc.colours().get(d.colour).in(zh));
        }
        if (d.size >= 0) {
            sb.append(zh ? " " : ", Size ").append(lc.sizes().get(d.size).in(zh));
        }
        return sb.toString();
    }

    private static String description(LeafCategory lc, ItemDraw d, boolean zh) {
        Term brandName = lc.brands().get(d.brand).name();
        Term product = lc.products().get(d.product).name();
        Term point = Taxonomy.TOP_POINTS.get(lc.topIndex()).get(d.point);
        Term generic = Taxonomy.GENERIC_POINTS.get(d.genericPoint);
        StringBuilder sb = new StringBuilder(160);
        if (zh) {
            sb.append(brandName.zh());
            if (d.feature >= 0) {
                sb.append(lc.features().get(d.feature).zh());
            }
            sb.append(product.zh());
            if (d.colour >= 0) {
                sb.append("，颜色：").append(lc.colours().get(d.colour).zh());
            }
            if (d.size >= 0) {
                sb.append("，尺码：").append(lc.sizes().get(d.size).zh());
            }
            if (d.material >= 0) {
                sb.append("，材质：").append(lc.materials().get(d.material).zh());
            }
            sb.append("。").append(point.zh()).append("，").append(generic.zh()).append("。分类：")
                    .append(lc.top().zh()).append(" > ").append(lc.name().zh()).append("。");
        } else {
            if (d.feature >= 0) {
                sb.append(lc.features().get(d.feature).en()).append(' ');
            }
            sb.append(product.en()).append(" by ").append(brandName.en()).append('.');
            if (d.colour >= 0) {
                sb.append(" Colour: ").append(lc.colours().get(d.colour).en()).append('.');
            }
            if (d.size >= 0) {
                sb.append(" Size: ").append(lc.sizes().get(d.size).en()).append('.');
            }
            if (d.material >= 0) {
                sb.append(" Material: ").append(lc.materials().get(d.material).en()).append('.');
            }
            sb.append(' ').append(point.en()).append(". ").append(generic.en()).append(". Category: ")
                    .append(lc.path()).append('.');
        }
        return sb.toString();
    }

    private List<String> tags(int i, LeafCategory lc, ItemDraw d) {
        List<String> tags = new ArrayList<>(4);
        if (d.created >= end - NEW_TAG_DAYS * ShopCalendar.DAY_MS) {
            tags.add("new");
        }
        if (d.deal) {
            tags.add("deal");
        }
        if (rank[i] < 3 && leafSize(lc.index()) >= 10) {
            tags.add("bestseller");
        }
        if (d.gift) {
            tags.add("gift");
        }
        if (d.priceCents >= FREE_SHIPPING_FROM * 100) {
            tags.add("free-shipping");
        }
        return tags;
    }

    /** Items per leaf: one each while there are enough, the rest by catalog weight (largest remainder). */
    static int[] allocate(int items) {
        List<LeafCategory> leaves = Taxonomy.LEAVES;
        int n = leaves.size();
        int[] counts = new int[n];
        int rest = items;
        if (items >= n) {
            Arrays.fill(counts, 1);
            rest -= n;
        }
        double totalWeight = 0;
        for (LeafCategory l : leaves) {
            totalWeight += l.catalogWeight();
        }
        double[] fraction = new double[n];
        int given = 0;
        for (int l = 0; l < n; l++) {
            double exact = rest * leaves.get(l).catalogWeight() / totalWeight;
            int whole = (int) Math.floor(exact);
            counts[l] += whole;
            given += whole;
            fraction[l] = exact - whole;
        }
        for (int k = given; k < rest; k++) {
            int best = 0;
            for (int l = 1; l < n; l++) {
                if (fraction[l] > fraction[best]) {
                    best = l;
                }
            }
            counts[best]++;
            fraction[best] = -1;
        }
        return counts;
    }

    private static void shuffle(int[] a, int n, ShopRandom r) {
        shuffleRange(a, 0, n, r);
    }

    private static void shuffleRange(int[] a, int from, int n, ShopRandom r) {
        for (int k = n - 1; k > 0; k--) {
            int j = r.nextInt(k + 1);
            int t = a[from + k];
            a[from + k] = a[from + j];
            a[from + j] = t;
        }
    }

    /** Scratch for one item's random choices; indices into the leaf's vocabulary lists, -1 for "none". */
    private static final class ItemDraw {
        int brand;
        int product;
        int feature;
        int spec;
        int colour;
        int size;
        int material;
        int series;
        int seriesNumber;
        long priceCents;
        boolean available;
        boolean deal;
        boolean gift;
        long created;
        boolean chinese;
        int point;
        int genericPoint;
    }
}
