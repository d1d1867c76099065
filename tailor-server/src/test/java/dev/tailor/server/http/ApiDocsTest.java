// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailor.core.error.TailorException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Extensions' OpenAPI fragments merge into the served description, and collisions are refused. */
class ApiDocsTest {
    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text.replace('\'', '"'));
    }

    private static final String WIDGETS = "{'tags': [{'name': 'widgets', 'description': 'Widget things'}],"
            + " 'paths': {'/v1/widgets/{id}': {'get': {'tags': ['widgets'], 'summary': 'One widget',"
            + "   'operationId': 'widget', 'responses': {'404': {'description': 'No such widget'}}}},"
            + "  '/v1/admin/rules': {'delete': {'tags': ['admin'], 'summary': 'Drop the rules',"
            + "   'operationId': 'dropRules', 'responses': {}}}},"
            + " 'components': {'schemas': {'Widget': {'type': 'object'}}},"
            + " 'x-problem-types': {'widget-jammed': 'The widget is jammed.'}}";

    @Test
    void fragmentOperationsTagsSchemasAndProblemTypesAreServedAndRendered() throws Exception {
        ApiDocs docs = ApiDocs.load(List.of(json(WIDGETS)));
        JsonNode spec = Json.MAPPER.readTree(docs.spec());
        assertThat(spec.at("/paths/~1v1~1widgets~1{id}/get/summary").asText()).isEqualTo("One widget");
        // A new method on a path the server has joins the server's operations there.
        assertThat(spec.at("/paths/~1v1~1admin~1rules").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("get", "put", "delete");
        assertThat(spec.at("/components/schemas/Widget").isObject()).isTrue();
        assertThat(spec.at("/components/schemas/Problem").isObject()).isTrue();
        assertThat(spec.at("/x-problem-types/widget-jammed").asText()).isEqualTo("The widget is jammed.");
        assertThat(spec.at("/x-problem-types/validation").isTextual()).isTrue();
        String html = new String(docs.html(), StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"tag-widgets\"", "<code>/v1/widgets/{id}</code>", "id=\"widget-jammed\"",
                "id=\"dropRules\"");
    }

    @Test
    void withoutFragmentsTheMaintainedResourceIsServedAsWritten() throws Exception {
        ApiDocs plain = ApiDocs.load();
        assertThat(ApiDocs.load(List.of(Json.object())).spec()).isNotEqualTo(plain.spec());
        assertThat(Json.MAPPER.readTree(ApiDocs.load(List.of(Json.object())).spec()))
                .isEqualTo(Json.MAPPER.readTree(plain.spec()));
    }

    @Test
    void anOperationTheServerAlreadyDescribesIsRefused() throws Exception {
        JsonNode health = json("{'paths': {'/health': {'get': {'tags': ['operations'], 'summary': 'Mine'}}}}");
        assertThatThrownBy(() -> ApiDocs.load(List.of(health))).isInstanceOf(TailorException.class)
                .hasMessageContaining("GET /health").hasMessageContaining("already described");
        JsonNode widgets = json(WIDGETS);
        assertThatThrownBy(() -> ApiDocs.load(List.of(widgets, widgets))).isInstanceOf(TailorException.class)
                .hasMessageContaining("GET /v1/widgets/{id}");
    }

    @Test
    void schemasAndProblemTypesTheServerHasAreRefused() throws Exception {
        assertThatThrownBy(() -> ApiDocs.load(List.of(json("{'components': {'schemas': {'Item': {}}}}"))))
                .isInstanceOf(TailorException.class).hasMessageContaining("schema 'Item'");
        assertThatThrownBy(() -> ApiDocs.load(List.of(json("{'x-problem-types': {'timeout': 'Slow.'}}"))))
                .isInstanceOf(TailorException.class).hasMessageContaining("problem type 'timeout'");
    }

    @Test
    void anOperationWithoutAKnownTagIsRefusedBecauseDocsListByTag() throws Exception {
        JsonNode untagged = json("{'paths': {'/x': {'get': {'summary': 'X'}}}}");
        assertThatThrownBy(() -> ApiDocs.load(List.of(untagged))).isInstanceOf(TailorException.class)
                .hasMessageContaining("GET /x without a known tag").hasMessageContaining("operations");
        JsonNode unknown = json("{'paths': {'/x': {'get': {'tags': ['nope'], 'summary': 'X'}}}}");
        assertThatThrownBy(() -> ApiDocs.load(List.of(unknown))).isInstanceOf(TailorException.class)
                .hasMessageContaining("without a known tag");
        assertThatThrownBy(() -> ApiDocs.load(List.of(json("[]")))).isInstanceOf(TailorException.class)
                .hasMessageContaining("must be a JSON object");
    }
}
