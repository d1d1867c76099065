// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import dev.tailor.core.domain.EventType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Simulates one customer at a time over the period: sessions at traffic-weighted times, each with an intent
 * (a leaf category from the customer's taste and the season, a complement of a recent purchase, or a re-order
 * of a consumable), optional search, views drawn by Zipf popularity, brand loyalty and price sensitivity, and
 * the click, cart and checkout funnel. Every draw comes from the customer's own stream. One instance per
 * worker task; it reuses its scratch arrays across customers and allocates nothing per event except search
 * query strings.
 */
final class BehaviourSimulator {
    private static final byte VIEW = (byte) EventType.VIEW.ordinal();
    private static final byte CLICK = (byte) EventType.CLICK.ordinal();
    private static final byte CART = (byte) EventType.ADD_TO_CART.ordinal();
    private static final byte PURCHASE = (byte) EventType.PURCHASE.ordinal();
    private static final byte SEARCH = (byte) EventType.SEARCH.ordinal();
    private static final byte IMPRESSION = (byte) EventType.IMPRESSION.ordinal();
    private static final byte FAVORITE = (byte) EventType.FAVORITE.ordinal();

    /** Personal taste = segment taste x exp(N(0, sigma^2)) per leaf: no two parents shop alike. */
    private static final double PERSONAL_TASTE_SIGMA = 0.6;
    private static final double FAVOURITE_BRAND_CLICK = 1.4;
    private static final double FAVOURITE_BRAND_CART = 1.3;
    private static final double DEAL_CLICK = 1.3;
    /** Browsing a complement of something just bought is shopping with a need: clicks and carts x this. */
    private static final double COMPLEMENT_INTENT = 2.0;
    /** Re-orders replace the funnel rates: the customer came back for this very item. */
    private static final double REORDER_CLICK = 0.9;
    private static final double REORDER_CART = 0.8;
    /** After a brand search, the results are that brand this often. */
    private static final double BRAND_QUERY_FOCUS = 0.85;
    /** Sessions after a purchase in which the complement may be the intent. */
    private static final int COMPLEMENT_SESSIONS = 3;
    static final int SLATE_SIZE = 8;
    /** Click-through of slate position k is SLATE_CTR / (1 + k / 2): the position bias IPW methods undo. */
    private static final double SLATE_CTR = 0.12;
    private static final double HOME_SCENE = 0.6;
    private static final double QUERY_IN_OWN_LANGUAGE = 0.9;
    private static final double CAP = 0.95;
    private static final double PURCHASE_CAP = 0.98;
    private static final int PICK_ATTEMPTS = 10;
    private static final long MIN_SESSION_GAP = 10 * 60_000L;

    private final SampleShopConfig config;
    private final Catalog catalog;
    private final ShopCalendar calendar;
    private final long end;
    private final int leaves;
    private final double[][] hourCumulative;

    private final double[] taste;
    /** Scratch weights for leaf, complement and brand draws (never more than one leaf's worth). */
    private final double[] weights;
    private final int[] favourite;
    private final int[] slate = new int[SLATE_SIZE];
    private long[] starts = new long[64];
    private int[] cartItem = new int[16];
    private int[] cartQuantity = new int[16];

    // Per customer.
    private ShopRandom random;
    private CustomerProfile profile;
    private SegmentProfile segment;
    private EventBuffer out;
    private int pendingLeaf;
    private long pendingUntil;
    private int pendingSessions;
    private int consumableItem;
    private long consumableDue;

    // Per session.
    private int session;
    private long now;
    private int currentLeaf;
    private byte currentScene;
    private int currentBrand;
    private double currentFocus;
    private double currentIntent;
    private int cartSize;

    BehaviourSimulator(SampleShopConfig config, Catalog catalog, ShopCalendar calendar) {
        this.config = config;
        this.catalog = catalog;
        this.calendar = calendar;
        this.end = calendar.end();
        this.leaves = Taxonomy.LEAVES.size();
        taste = new double[leaves];
        weights = new double[leaves];
        favourite = new int[leaves];
        hourCumulative = new double[Segments.ALL.size()][24];
        for (int s = 0; s < hourCumulative.length; s++) {
            double c = 0;
            for (int h = 0; h < 24; h++) {
                c += Segments.ALL.get(s).hourWeights()[h];
                hourCumulative[s][h] = c;
            }
        }
    }

    /** Appends the customer's events, in time order, to {@code sink}. */
    void simulate(CustomerProfile customer, EventBuffer sink) {
        int n = customer.sessions();
        if (n == 0) {
            return;
        }
        profile = customer;
        segment = Segments.ALL.get(customer.segment());
        out = sink;
        random = ShopRandom.forEntity(config.seed(), Kinds.BEHAVIOUR, customer.index());
        double[] segmentTaste = segment.leafTaste();
        for (int l = 0; l < leaves; l++) {
            double personal = StrictMath.exp(PERSONAL_TASTE_SIGMA * random.nextGaussian());
            taste[l] = catalog.leafSize(l) == 0 ? 0 : segmentTaste[l] * personal;
        }
        Arrays.fill(favourite, -1);
        pendingLeaf = -1;
        consumableItem = -1;

        if (starts.length < n) {
            starts = new long[Math.max(n, starts.length * 2)];
        }
        double[] hours = hourCumulative[customer.segment()];
        for (int k = 0; k < n; k++) {
            starts[k] = calendar.sampleTime(random, customer.signupAt(), hours);
        }
        Arrays.sort(starts, 0, n);
        long last = Long.MIN_VALUE;
        for (int k = 0; k < n; k++) {
            long t = starts[k];
            // Sessions never overlap, which keeps every customer's timestamps strictly increasing (and so every
            // event unique under the store's (user, item, type, timestamp) de-duplication).
            if (last != Long.MIN_VALUE && t < last + MIN_SESSION_GAP) {
                t = last + MIN_SESSION_GAP + random.nextInt(3_600_000);
            }
            if (t >= end) {
                break;
            }
            session = k + 1;
            now = t;
            boolean inPeriod = runSession();
            last = now;
            if (!inPeriod) {
                break;
            }
        }
    }

    /** One session from {@link #now}; false when it ran into the end of the period. */
    private boolean runSession() {
        int day = calendar.dayOf(now);
        int intent = -1;
        int reorder = -1;
        currentScene = EventBuffer.HOME;
        currentIntent = 1.0;
        if (pendingLeaf >= 0 && now < pendingUntil && pendingSessions > 0) {
            pendingSessions--;
            if (random.chance(config.complementRate())) {
                intent = pendingLeaf;
                currentIntent = COMPLEMENT_INTENT;
            }
        }
        if (intent < 0 && consumableItem >= 0 && now >= consumableDue && random.chance(config.repurchaseRate())) {
            reorder = consumableItem;
            intent = catalog.leaf(reorder);
            currentScene = EventBuffer.ORDERS;
            consumableDue = now + repurchaseInterval(intent);
        }
        if (intent < 0) {
            intent = pickLeaf(day);
            if (intent < 0) {
                return true;
            }
            currentScene = random.chance(HOME_SCENE) ? EventBuffer.HOME : EventBuffer.CATEGORY;
        }
        currentLeaf = intent;
        currentBrand = -1;
        currentFocus = profile.loyalty();
        cartSize = 0;

        if (reorder < 0 && random.chance(Math.min(1.0, config.searchRate() * segment.searchTaste()))) {
            String query = query(intent);
            out.add(profile.index(), session, SEARCH, -1, 1f, now, EventBuffer.SEARCH, -1, query);
            currentScene = EventBuffer.SEARCH;
        }
        if (config.impressions() && currentScene == EventBuffer.HOME && !slate(day)) {
            return false;
        }
        int views = 1 + random.nextGeometric(config.meanViewsPerSession() - 1);
        int previous = -1;
        for (int v = 0; v < views; v++) {
            int item;
            if (v == 0 && reorder >= 0) {
                item = reorder;
            } else {
                int brand = currentBrand >= 0 ? currentBrand : favourite(currentLeaf);
                double focus = currentBrand >= 0 ? BRAND_QUERY_FOCUS : currentFocus;
                item = pickItem(currentLeaf, brand, focus);
                if (item == previous) {
                    // Popular items come up again and again; one redraw keeps lists from showing them twice in a row.
                    item = pickItem(currentLeaf, brand, focus);
                }
            }
            if (item < 0) {
                continue;
            }
            previous = item;
            if (!tick(2_000 + (long) random.nextExponential(30_000))) {
                return false;
            }
            out.add(profile.index(), session, VIEW, item, 1f, now, currentScene, -1, null);
            double click = config.funnel().click() * currentIntent;
            if (catalog.brand(item) == favourite[catalog.leaf(item)]) {
                click *= FAVOURITE_BRAND_CLICK;
            }
            if (catalog.deal(item)) {
                click *= DEAL_CLICK;
            }
            if (item == reorder) {
                click = REORDER_CLICK;
            }
            if (random.chance(Math.min(CAP, click)) && !engage(item, currentScene, -1, item == reorder)) {
                return false;
            }
        }
        return checkout(day);
    }

    /**
     * A logged recommendation slate at the top of a home session: impressions at positions 0..7 (popular items
     * from the customer's tastes), then clicks with a position-biased probability.
     */
    private boolean slate(int day) {
        int shown = 0;
        for (int k = 0; k < SLATE_SIZE; k++) {
            int l = k == 0 ? currentLeaf : pickLeaf(day);
            int item = l < 0 ? -1 : pickItem(l, -1, 0);
            if (item < 0) {
                continue;
            }
            if (!tick(50 + random.nextInt(200))) {
                return false;
            }
            out.add(profile.index(), session, IMPRESSION, item, 1f, now, EventBuffer.HOME, shown, null);
            slate[shown++] = item;
        }
        for (int k = 0; k < shown; k++) {
            if (random.chance(SLATE_CTR / (1.0 + 0.5 * k)) && !engage(slate[k], EventBuffer.HOME, k, false)) {
                return false;
            }
        }
        return true;
    }

    /** Click, then maybe favourite and add to cart; an add-to-cart may turn the session to a complement. */
    private boolean engage(int item, byte scene, int position, boolean reorder) {
        if (!tick(3_000 + random.nextInt(12_000))) {
            return false;
        }
        out.add(profile.index(), session, CLICK, item, 1f, now, scene, position, null);
        if (random.chance(config.funnel().favorite())) {
            if (!tick(5_000 + random.nextInt(15_000))) {
                return false;
            }
            out.add(profile.index(), session, FAVORITE, item, 1f, now, EventBuffer.ITEM, -1, null);
        }
        if (!catalog.available(item)) {
            return true;
        }
        int l = catalog.leaf(item);
        double cart = config.funnel().cart() * (l == currentLeaf ? currentIntent : 1.0);
        if (catalog.brand(item) == favourite[l]) {
            cart *= FAVOURITE_BRAND_CART;
        }
        if (reorder) {
            cart = REORDER_CART;
        }
        if (!random.chance(Math.min(CAP, cart))) {
            return true;
        }
        if (!tick(5_000 + (long) random.nextExponential(60_000))) {
            return false;
        }
        int quantity = quantity(l);
        out.add(profile.index(), session, CART, item, quantity, now, EventBuffer.ITEM, -1, null);
        if (cartSize == cartItem.length) {
            cartItem = Arrays.copyOf(cartItem, cartSize * 2);
            cartQuantity = Arrays.copyOf(cartQuantity, cartSize * 2);
        }
        cartItem[cartSize] = item;
        cartQuantity[cartSize] = quantity;
        cartSize++;
        if (Taxonomy.COMPLEMENTS[l].length > 0 && random.chance(config.sameSessionComplementRate())) {
            int c = pickComplement(l);
            if (c >= 0) {
                currentLeaf = c;
                currentScene = EventBuffer.ITEM;
                currentBrand = -1;
                currentIntent = COMPLEMENT_INTENT;
            }
        }
        return true;
    }

    private boolean checkout(int day) {
        if (cartSize == 0) {
            return true;
        }
        if (!tick(20_000 + (long) random.nextExponential(90_000))) {
            return false;
        }
        double p = Math.min(PURCHASE_CAP, config.funnel().purchase() * calendar.conversion(day));
        for (int k = 0; k < cartSize; k++) {
            if (random.chance(p)) {
                if (!tick(1_000 + random.nextInt(1_000))) {
                    return false;
                }
                out.add(profile.index(), session, PURCHASE, cartItem[k], cartQuantity[k], now, EventBuffer.CHECKOUT,
                        -1, null);
                afterPurchase(cartItem[k]);
            }
        }
        return true;
    }

    private void afterPurchase(int item) {
        int l = catalog.leaf(item);
        // Loyalty is learned: what one bought is what one looks for first next time.
        favourite[l] = catalog.brand(item);
        if (l == pendingLeaf) {
            pendingLeaf = -1;
        }
        if (Taxonomy.COMPLEMENTS[l].length > 0) {
            int c = pickComplement(l);
            if (c >= 0) {
                pendingLeaf = c;
                pendingUntil = now + config.complementWindowDays() * ShopCalendar.DAY_MS;
                pendingSessions = COMPLEMENT_SESSIONS;
            }
        }
        if (Taxonomy.LEAVES.get(l).consumable()) {
            consumableItem = item;
            consumableDue = now + repurchaseInterval(l);
        }
    }

    private long repurchaseInterval(int l) {
        return (long) (Taxonomy.LEAVES.get(l).repurchaseDays() * (0.8 + 0.4 * random.nextDouble())
                * ShopCalendar.DAY_MS);
    }

    private boolean tick(long gapMillis) {
        now += Math.max(1, gapMillis);
        return now < end;
    }

    private int pickLeaf(int day) {
        double total = 0;
        for (int l = 0; l < leaves; l++) {
            weights[l] = taste[l] * calendar.demand(l, day);
            total += weights[l];
        }
        return random.pick(weights, leaves, total);
    }

    private int pickComplement(int l) {
        int[] to = Taxonomy.COMPLEMENTS[l];
        double[] w = Taxonomy.COMPLEMENT_WEIGHTS[l];
        double total = 0;
        for (int k = 0; k < to.length; k++) {
            weights[k] = catalog.leafSize(to[k]) == 0 ? 0 : w[k];
            total += weights[k];
        }
        int k = random.pick(weights, to.length, total);
        return k < 0 ? -1 : to[k];
    }

    /** The customer's favourite brand in a leaf, chosen on first need by brand-tier taste; -1 if none. */
    private int favourite(int l) {
        if (favourite[l] == -1) {
            List<LeafCategory.Brand> brands = Taxonomy.LEAVES.get(l).brands();
            double total = 0;
            for (int b = 0; b < brands.size(); b++) {
                weights[b] = catalog.brandSize(l, b) == 0 ? 0 : segment.tierTaste()[brands.get(b).tier() - 1];
                total += weights[b];
            }
            int b = random.pick(weights, brands.size(), total);
            favourite[l] = b < 0 ? -2 : b;
        }
        return Math.max(-1, favourite[l]);
    }

    /**
     * An item of the leaf that exists at {@link #now}: from {@code brand} with probability {@code focus}, else
     * from the whole leaf, by popularity, accepted with probability min(1, (median / price)^sensitivity).
     * Gives up after a few attempts and returns the last existing candidate, or -1.
     */
    private int pickItem(int l, int brand, double focus) {
        double median = Taxonomy.LEAVES.get(l).medianPrice();
        int fallback = -1;
        for (int attempt = 0; attempt < PICK_ATTEMPTS; attempt++) {
            int item = brand >= 0 && random.chance(focus)
                    ? catalog.popularInBrand(random, l, brand) : catalog.popularInLeaf(random, l);
            if (catalog.created(item) > now) {
                continue;
            }
            fallback = item;
            double ratio = median / catalog.price(item);
            if (ratio >= 1 || random.chance(StrictMath.pow(ratio, profile.priceSensitivity()))) {
                return item;
            }
        }
        return fallback;
    }

    /** Consumables are often bought two or three at a time; other things almost always one. */
    private int quantity(int l) {
        if (Taxonomy.LEAVES.get(l).consumable()) {
            return random.chance(0.35) ? (random.chance(0.3) ? 3 : 2) : 1;
        }
        return random.chance(0.03) ? 2 : 1;
    }

    /** A query as people type them: "phone case", "anker fast charger", "防摔手机壳". */
    private String query(int l) {
        LeafCategory lc = Taxonomy.LEAVES.get(l);
        boolean zh = profile.chinese() == random.chance(QUERY_IN_OWN_LANGUAGE);
        Term product = lc.products().get(random.nextInt(lc.products().size())).name();
        int form = random.nextInt(10);
        String q;
        if (form < 4 || (form >= 7 && lc.features().isEmpty())) {
            q = product.in(zh);
        } else if (form < 7) {
            int fav = favourite(l);
            int b = fav >= 0 ? fav : random.nextInt(lc.brands().size());
            if (catalog.brandSize(l, b) > 0) {
                currentBrand = b;
            }
            q = lc.brands().get(b).name().in(zh) + " " + product.in(zh);
        } else {
            Term feature = lc.features().get(random.nextInt(lc.features().size()));
            q = zh ? feature.zh() + product.zh() : feature.en() + " " + product.en();
        }
        return zh ? q : q.toLowerCase(Locale.ROOT);
    }
}
