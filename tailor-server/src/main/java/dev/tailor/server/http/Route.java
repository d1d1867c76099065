// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One endpoint: method, path (Javalin syntax, {@code {id}} for path parameters), the role it needs (null for
 * public), whether it goes through admission control (everything but health and metrics, which must answer
 * under overload), a one-line summary, and its handler.
 */
public record Route(HandlerType method, String path, Role role, boolean admitted, String summary,
        Handler handler) {

    /** "GET /v1/items/{id}/similar": the label of metrics and logs, and the key the OpenAPI test matches. */
    public String label() {
        return method.name() + " " + path;
    }
}
