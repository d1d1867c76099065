// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tailor.core.error.TailorException;
import java.io.IOException;
import java.io.InputStream;
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

    /**
     * The OpenAPI description of {@link #routes}, merged into the server's {@code /openapi.json} and {@code /docs}
     * so that they describe every route the server answers. It is a fragment of an OpenAPI 3 document: its
     * {@code paths} describe the extension's operations, each with a tag that is the server's ({@code ingest},
     * {@code recommend}, {@code admin}, {@code operations}) or one of the fragment's {@code tags}; it may add
     * {@code components/schemas} and {@code x-problem-types} for the problem types its routes answer with. It must
     * not describe an operation, schema or problem type the server (or another extension) already describes: the
     * server refuses to start rather than publish a description that silently hides one.
     *
     * @return the fragment; the default, an empty object, leaves the extension's routes undescribed
     */
    default JsonNode openApi() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Reads an OpenAPI fragment kept as a resource next to {@code owner}, for {@link #openApi()}.
     *
     * @throws TailorException when the resource is missing or is not JSON
     */
    static JsonNode openApiResource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new TailorException("the OpenAPI description " + name + " of " + owner.getName()
                        + " is missing from the classpath");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new TailorException("cannot read the OpenAPI description " + name + " of " + owner.getName()
                    + ": " + e.getMessage(), e);
        }
    }
}
