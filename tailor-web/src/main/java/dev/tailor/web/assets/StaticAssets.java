// SPDX-License-Identifier: Apache-2.0
package dev.tailor.web.assets;

import dev.tailor.core.error.TailorException;
import dev.tailor.server.http.HttpProblem;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The pages ({@code web/*.html}) and assets ({@code web/assets/*}) from the classpath, read once at start.
 *
 * <p>Only the files named here are served: a request names a key of a map, never a path, so nothing else on the
 * classpath can be reached. Answers carry an ETag and {@code Cache-Control: no-cache}, so a browser revalidates
 * (a 304 without a body) and never runs a stale script after an upgrade. Pages get a content security policy that
 * allows nothing from elsewhere: every script, style and image comes from this server (placeholder images are
 * drawn in the page).
 */
public final class StaticAssets {
    /** What esbuild writes ({@code build.mjs}) and what {@code src/main/web} holds. */
    static final List<String> PAGES = List.of("index.html", "admin.html");
    static final List<String> ASSETS = List.of("storefront.js", "admin.js", "tailor.css", "favicon.svg");
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final Map<String, Asset> pages;
    private final Map<String, Asset> assets;

    private StaticAssets(Map<String, Asset> pages, Map<String, Asset> assets) {
        this.pages = Map.copyOf(pages);
        this.assets = Map.copyOf(assets);
    }

    /**
     * Reads every page and asset.
     *
     * @throws TailorException naming the missing file when the module was built without its front-end bundle
     */
    public static StaticAssets fromClasspath() {
        ClassLoader loader = StaticAssets.class.getClassLoader();
        Map<String, Asset> pages = new HashMap<>();
        for (String name : PAGES) {
            pages.put(name, read(loader, "web/" + name));
        }
        Map<String, Asset> assets = new HashMap<>();
        for (String name : ASSETS) {
            assets.put(name, read(loader, "web/assets/" + name));
        }
        return new StaticAssets(pages, assets);
    }

    private static Asset read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new TailorException("the web page's file " + resource + " is not on the classpath; "
                        + "build tailor-web with Maven (it runs npm to bundle the scripts)");
            }
            byte[] bytes = in.readAllBytes();
            return new Asset(bytes, contentType(resource), etag(bytes));
        } catch (IOException e) {
            throw new TailorException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    static String contentType(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "svg" -> "image/svg+xml";
            default -> throw new IllegalArgumentException("no content type for " + name);
        };
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Answers with a page ({@code index.html}, {@code admin.html}). */
    public void page(Context ctx, String name) {
        Asset a = pages.get(name);
        if (a == null) {
            throw new IllegalArgumentException("not a page: " + name);
        }
        ctx.header("Content-Security-Policy", CSP);
        send(ctx, a);
    }

    /** Answers {@code GET /assets/{file}}: one of {@link #ASSETS}, else a 404 problem. */
    public void asset(Context ctx) {
        String name = ctx.pathParam("file");
        Asset a = assets.get(name);
        if (a == null) {
            throw new HttpProblem(404, "not-found", "Not found", "no asset named '" + name + "'");
        }
        send(ctx, a);
    }

    private static void send(Context ctx, Asset a) {
        ctx.header("ETag", a.etag());
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        if (a.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.status(200).contentType(a.contentType()).result(a.bytes());
    }

    private record Asset(byte[] bytes, String contentType, String etag) {
    }
}
