// SPDX-License-Identifier: Apache-2.0
package dev.tailor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storefront and the dashboard in a real browser against a real server: every page action goes through the
 * HTTP API, every event is stored and changes what the server answers next.
 */
class WebPageIT {
    private static final Map<String, String> STOREFRONT = Map.of("tailor.storefront.key", WebFixture.STOREFRONT_KEY);
    private static final Map<String, String> ADMIN = Map.of("tailor.admin.key", WebFixture.ADMIN_KEY);

    @TempDir
    static Path work;
    static WebFixture fx;
    static Browser browser;
    static Path screenshots;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.launch();
        fx = WebFixture.start(work);
        screenshots = Path.of(System.getProperty("tailor.web.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void parentsSeeFamilyItemsAndTheHomepageFollowsWhatTheyView() {
        try (Browser.Tab tab = browser.open(STOREFRONT)) {
            Page page = tab.page;
            page.navigate(fx.base() + "/");
            String parents = page.locator("#segment option").filter(new Locator.FilterOptions()
                    .setHasText("parents")).first().getAttribute("value");
            page.selectOption("#segment", new SelectOption().setValue(parents));
            assertThat(page.locator("#customer-info").innerText()).contains("Segment: parents");
            String customer = page.locator("#customer").inputValue();
            page.locator("h1", new Page.LocatorOptions().setHasText("Hello, " + customer)).waitFor();

            List<String> categories = cardAttribute(page, "data-category");
            long family = categories.stream().filter(WebPageIT::family).count();
            // Parents spend about half of their sessions on baby and children's items; the catalog has ~10% of them.
            assertThat(family).as("family items on the homepage of a parent: %s", categories)
                    .isGreaterThanOrEqualTo(categories.size() / 4);
            List<String> before = cardAttribute(page, "data-item-id");

            // Three electronics items, found by search and opened: each open posts a click and a view.
            page.fill("#q", "手机");
            page.press("#q", "Enter");
            page.locator("h1", new Page.LocatorOptions().setHasText("Results for")).waitFor();
            List<String> viewed = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Locator electronics = page.locator(".card[data-category^='Electronics']");
                electronics.first().waitFor();
                assertThat(electronics.count()).as("electronics in the results").isGreaterThan(i);
                electronics.nth(i).locator(".card-link").click();
                String title = page.locator("#item-title").innerText();
                page.locator("#similar-h").waitFor();
                viewed.add(title);
                page.goBack();
                page.locator("h1", new Page.LocatorOptions().setHasText("Results for")).waitFor();
            }

            page.locator("a", new Page.LocatorOptions().setHasText("← Homepage")).click();
            Locator because = page.locator(".row[data-kind='because-you-viewed'] h2");
            because.waitFor();
            String heading = because.innerText();
            assertThat(heading).startsWith("Because you viewed");
            assertThat(viewed).anySatisfy(t -> assertThat(heading).contains(t));
            List<String> after = cardAttribute(page, "data-item-id");
            assertThat(after).isNotEqualTo(before);
            assertThat(page.locator(".row.fresh").count()).as("rows marked as updated").isPositive();
            assertThat(page.locator("#status").innerText()).contains("Your homepage changed");

            // English titles for the picture: the build machine may lack CJK fonts.
            page.selectOption("#lang", "en");
            page.locator("#main:not([aria-busy]) .row[data-kind='because-you-viewed'] h2").waitFor();
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("storefront.png"))
                    .setFullPage(true));
            assertThat(tab.unexpectedErrors(e -> false)).isEmpty();
        }
    }

    @Test
    void cartAndPurchaseArePostedWithTheRequestIdAndShowInOnlineMetrics() {
        try (Browser.Tab tab = browser.open(STOREFRONT)) {
            Page page = tab.page;
            page.navigate(fx.base() + "/");
            page.locator(".row .card").first().waitFor();
            String customer = page.locator("#customer").inputValue();
            Locator first = page.locator(".row[data-kind='for-you'] .card").first();
            String item = first.getAttribute("data-item-id");
            first.locator("button", new Locator.LocatorOptions().setHasText("Buy")).click();
            page.locator("#status", new Page.LocatorOptions().setHasText("Bought")).waitFor();
            // The bought item leaves the homepage at once (exclude-purchased) and the answer names the purchase.
            page.locator(".row .card").first().waitFor();
            assertThat(cardAttribute(page, "data-item-id")).doesNotContain(item);
            assertThat(page.locator(".row[data-kind='because-you-viewed'] h2").innerText())
                    .startsWith("Because you bought");
            assertThat(customer).isNotBlank();
            assertThat(tab.unexpectedErrors(e -> false)).isEmpty();
        }
        try (Browser.Tab tab = browser.open(ADMIN)) {
            Page page = tab.page;
            page.navigate(fx.base() + "/admin#online");
            Locator homeRow = page.locator("#online-body table").last().locator("tr", new Locator.LocatorOptions()
                    .setHasText("home"));
            homeRow.first().waitFor();
            // served, impressions, clicks, conversions: the purchase above is a conversion of the home scene.
            List<String> cells = homeRow.first().locator("td").allInnerTexts();
            assertThat(Long.parseLong(cells.get(3).replace(",", ""))).as("impressions").isPositive();
            assertThat(Long.parseLong(cells.get(5).replace(",", ""))).as("conversions").isPositive();
            assertThat(tab.unexpectedErrors(e -> false)).isEmpty();
        }
    }

    @Test
    void dashboardPlotsTheEvaluationAndTheData() {
        try (Browser.Tab tab = browser.open(ADMIN)) {
            Page page = tab.page;
            page.navigate(fx.base() + "/admin");
            Locator lines = page.locator("#eval-k-chart svg .series path.line");
            lines.first().waitFor();
            assertThat(lines.count()).as("one line per evaluated model").isEqualTo(3);
            assertThat(lines.first().getAttribute("d")).contains("L");
            Locator bars = page.locator("#eval-group-chart svg rect.bar");
            bars.first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
            // A bar of height 0 is a mean of 0 (a segment the popularity model serves badly), so not every bar shows.
            @SuppressWarnings("unchecked")
            List<String> heights = (List<String>) bars.evaluateAll("bars => bars.map(b => b.getAttribute('height'))");
            assertThat(heights).anySatisfy(h -> assertThat(Double.parseDouble(h)).isPositive());
            assertThat(page.locator("#eval-group-chart svg .tick").allTextContents()).contains("parents");
            // The fixture's report has one iterative model (ALS, one component): one curve with a point per epoch.
            Locator curves = page.locator("#eval-curves svg .series path.line");
            curves.first().waitFor();
            assertThat(curves.count()).as("a line per curve series").isEqualTo(1);
            assertThat(page.locator("#eval-curves svg .series").first().getAttribute("data-series"))
                    .startsWith("als");
            assertThat(curves.first().getAttribute("d")).matches("M[^L]+(L[^L]+){2}");
            assertThat(page.locator("#eval-curves svg").getAttribute("aria-label")).contains("of als");
            page.locator("#data-body svg .series path.line").first().waitFor();
            page.locator("#models-body .stat").first().waitFor();
            page.locator("#rules-body li").first().waitFor();
            page.locator("#segments-body table tbody tr").first().waitFor();
            page.selectOption("#eval-metric", "RECALL");
            assertThat(page.locator("#eval-k-chart svg").getAttribute("aria-label")).startsWith("RECALL");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("dashboard.png"))
                    .setFullPage(true));
            assertThat(tab.unexpectedErrors(e -> false)).isEmpty();
        }
    }

    /**
     * First paint under a second on loopback, as the browser itself measures it (Paint Timing API), for both
     * pages after one warm-up load (the first load of a fresh JVM also pays for class loading and JIT).
     */
    @Test
    void bothPagesPaintWithinASecond() {
        for (String path : List.of("/", "/admin")) {
            try (Browser.Tab tab = browser.open(path.equals("/") ? STOREFRONT : ADMIN)) {
                Page page = tab.page;
                page.navigate(fx.base() + path);
                page.reload();
                Object paint = page.evaluate("() => new Promise(resolve => { const find = () => {"
                        + " const e = performance.getEntriesByName('first-contentful-paint')[0];"
                        + " if (e) { resolve(e.startTime); } else { setTimeout(find, 20); } }; find(); })");
                double millis = ((Number) paint).doubleValue();
                assertThat(millis).as("first contentful paint of %s in ms", path).isPositive().isLessThan(1000);
                System.out.printf("first contentful paint of %s: %.0f ms%n", path, millis);
                assertThat(tab.unexpectedErrors(e -> false)).isEmpty();
            }
        }
    }

    @Test
    void apiFailuresAreShownAsReadableMessages() {
        try (Browser.Tab tab = browser.open(Map.of())) {
            Page page = tab.page;
            page.navigate(fx.base() + "/");
            Locator error = page.locator("#error");
            error.waitFor();
            assertThat(error.innerText()).contains("needs an API key with the read and ingest roles");
            // With the key, the same page recovers without a reload.
            page.fill("#key", WebFixture.STOREFRONT_KEY);
            page.press("#key", "Enter");
            page.locator(".row .card").first().waitFor();
            assertThat(error.isHidden()).isTrue();

            page.navigate(fx.base() + "/#/item/no-such-item");
            page.locator("#error", new Page.LocatorOptions().setHasText("unknown item 'no-such-item'")).waitFor();
            // The browser logs every failed request itself; nothing else may fail.
            assertThat(tab.unexpectedErrors(e -> e.contains("Failed to load resource")
                    && (e.contains("401") || e.contains("404")))).isEmpty();
        }
        try (Browser.Tab tab = browser.open(Map.of("tailor.admin.key", WebFixture.STOREFRONT_KEY))) {
            Page page = tab.page;
            page.navigate(fx.base() + "/admin");
            page.locator("#models-body .error").waitFor(new Locator.WaitForOptions()
                    .setState(WaitForSelectorState.VISIBLE));
            assertThat(page.locator("#models-body .error").innerText()).contains("lacks a role");
            assertThat(tab.unexpectedErrors(e -> e.contains("Failed to load resource") && e.contains("403")))
                    .isEmpty();
        }
    }

    private static boolean family(String category) {
        return category.startsWith("Baby & Kids") || category.equals("Books > Children's books");
    }

    private static List<String> cardAttribute(Page page, String attribute) {
        List<String> out = new ArrayList<>();
        Locator cards = page.locator(".row .card");
        for (int i = 0; i < cards.count(); i++) {
            out.add(cards.nth(i).getAttribute(attribute));
        }
        return out;
    }
}
