// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.pipeline;

import java.util.List;

/** The scene names the API serves; rules, metrics and configuration refer to scenes by these names. */
public final class Scenes {
    public static final String HOME = "home";
    public static final String SIMILAR = "similar";
    public static final String BOUGHT_TOGETHER = "bought-together";
    public static final String SEARCH = "search";
    public static final String PROMOTIONS = "promotions";
    public static final List<String> ALL = List.of(HOME, SIMILAR, BOUGHT_TOGETHER, SEARCH, PROMOTIONS);

    private Scenes() {
    }
}
