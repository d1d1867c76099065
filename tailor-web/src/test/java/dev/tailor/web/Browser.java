// SPDX-License-Identifier: Apache-2.0
package dev.tailor.web;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright, headless, never downloading a browser. Skips the calling tests with a
 * visible reason when the browser is not installed (the build machine of another module, say).
 */
final class Browser implements AutoCloseable {
    static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Browser launch() {
        Path chromium = Path.of(System.getProperty("tailor.web.chromium", "/usr/bin/chromium"));
        Assumptions.assumeTrue(Files.isExecutable(chromium), "no Chromium at " + chromium
                + ": install it (apt-get install chromium) or set -Dtailor.web.chromium=PATH");
        Playwright p = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            com.microsoft.playwright.Browser b = p.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium).setHeadless(true).setArgs(ARGS));
            return new Browser(p, b);
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /**
     * A fresh tab (its own storage) that records console errors and uncaught exceptions.
     *
     * @param sessionStorage entries to put in sessionStorage before any page script runs (API keys)
     */
    Tab open(Map<String, String> sessionStorage) {
        BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(1280, 900)
                .setLocale("en-US").setTimezoneId("UTC"));
        StringBuilder init = new StringBuilder();
        sessionStorage.forEach((k, v) -> init.append("sessionStorage.setItem(").append(js(k)).append(", ")
                .append(js(v)).append(");"));
        if (init.length() > 0) {
            context.addInitScript(init.toString());
        }
        Page page = context.newPage();
        page.setDefaultTimeout(30_000);
        Tab tab = new Tab(context, page);
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                tab.errors.add("console: " + m.text() + " at " + m.location());
            }
        });
        page.onPageError(e -> tab.errors.add("uncaught: " + e));
        return tab;
    }

    private static String js(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }

    /** A page with what went wrong in it. */
    static final class Tab implements AutoCloseable {
        final BrowserContext context;
        final Page page;
        final List<String> errors = new CopyOnWriteArrayList<>();

        Tab(BrowserContext context, Page page) {
            this.context = context;
            this.page = page;
        }

        /** Console errors and uncaught exceptions, except those {@code expected} accepts. */
        List<String> unexpectedErrors(Predicate<String> expected) {
            List<String> out = new ArrayList<>();
            for (String e : errors) {
                if (!expected.test(e)) {
                    out.add(e);
                }
            }
            return out;
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
