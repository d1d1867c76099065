// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import java.util.List;

/**
 * Routes that another module mounts on the server (tailor-web's pages and the few endpoints they need). The
 * server knows only this interface, so the dependency runs one way: the module depends on tailor-server, never
 * the reverse.
 *
 * <p>Extension routes pass the same gate as the API's own: API keys and roles, admission control, problem
 * documents for every failure, metrics and the access log. They must not repeat a method and path the server
 * already has (Javalin refuses duplicates at creation).
 */
@FunctionalInterface
public interface RouteExtension {
    /**
     * The routes to add, called once while the server is created (before it listens).
     *
     * @param services what the server's own handlers use: models, rules, feedback, catalog, ...
     */
    List<Route> routes(Services services);
}
