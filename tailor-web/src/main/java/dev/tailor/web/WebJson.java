// SPDX-License-Identifier: Apache-2.0
package dev.tailor.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/** JSON answers of the web endpoints, in the API's style (snake_case members, {@code application/json}). */
public final class WebJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private WebJson() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static void send(Context ctx, Object body) {
        try {
            ctx.status(200).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
