// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RuleSet parse(String json) throws Exception {
        return RuleSet.parse(JSON.readTree(json), "rules.json");
    }

    private static Map<String, String> problems(String json) {
        try {
            parse(json);
        } catch (ValidationException e) {
            return e.problems().stream().collect(Collectors.toMap(Problem::field, Problem::reason, (a, b) -> a));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected problems in " + json);
    }

    @Test
    void aValidDocumentDescribesEachRule() throws Exception {
        RuleSet r = parse("""
                {"rules": [
                  {"type": "exclude-purchased", "scenes": ["home", "search"]},
                  {"type": "exclude-unavailable"},
                  {"type": "boost", "factor": 1.5, "when": {"brand": "Apple", "category": "Electronics"}},
                  {"type": "bury", "factor": 0.5, "when": {"tag": "clearance", "max_price": 10}},
                  {"type": "pin", "item": "i42", "position": 0, "reason": "Editor's pick"},
                  {"type": "pin", "when": {"attributes": {"colour": "Red"}}, "position": 3},
                  {"type": "category-cap", "max": 2, "level": "root", "scenes": ["similar"]}
                ]}""");
        assertThat(r.describe()).containsExactly(
                "exclude items the customer bought in home, search",
                "exclude unavailable items",
                "boost x1.5 where category under 'Electronics' and brand = Apple",
                "bury x0.5 where tag clearance and price <= 10.0",
                "pin item i42 at position 0",
                "pin the best item where colour = Red at position 3",
                "at most 2 items per root category in similar");
        assertThat(r.rules().get(0).appliesTo("home")).isTrue();
        assertThat(r.rules().get(0).appliesTo("similar")).isFalse();
        assertThat(r.rules().get(1).appliesTo("promotions")).isTrue();
        assertThat(r.source().path("rules").size()).isEqualTo(7);
        assertThat(RuleSet.defaults().describe()).hasSize(2);
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        Map<String, String> p = problems("""
                {"rules": [
                  {"type": "boost", "factor": 1},
                  {"type": "bury", "factor": 1.5, "when": {}},
                  {"type": "pin", "item": "x", "when": {"brand": "A"}, "position": 1.5},
                  {"type": "category-cap", "max": 3, "level": "galaxy", "colour": "red"},
                  {"type": "boost", "factor": "2", "when": {"shape": "round", "attributes": {"size": 3}}},
                  {"kind": "boost"},
                  7
                ], "extra": true}""");
        assertThat(p.get("rules[0].when")).startsWith("missing");
        assertThat(p.get("rules[0].factor")).contains("(1, 100]");
        assertThat(p.get("rules[1].factor")).contains("[0, 1)");
        assertThat(p.get("rules[1].when")).contains("at least one condition");
        assertThat(p.get("rules[2]")).contains("exactly one of");
        assertThat(p.get("rules[2].position")).contains("whole number");
        assertThat(p.get("rules[3].level")).contains("leaf or root");
        assertThat(p.get("rules[3].colour")).contains("unknown field");
        assertThat(p.get("rules[4].factor")).contains("expected a number");
        assertThat(p.get("rules[4].when.shape")).contains("unknown field");
        assertThat(p.get("rules[4].when.attributes.size")).contains("non-empty string");
        assertThat(p.get("rules[5].type")).isEqualTo("missing");
        assertThat(p.get("rules[6]")).contains("expected an object");
        assertThat(p.get("extra")).contains("unknown field");
    }

    @Test
    void aDocumentThatIsNotAnObjectOrHasNoListIsRejected() {
        assertThat(problems("[]")).containsKey("");
        assertThat(problems("{}").get("rules")).contains("array");
    }

    @Test
    void loadsFromAFileAndNamesAnUnreadableOne(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rules.json");
        Files.writeString(f, "{\"rules\": [{\"type\": \"category-cap\", \"max\": 1}]}");
        assertThat(RuleSet.load(f).describe()).containsExactly("at most 1 items per leaf category");
        assertThatThrownBy(() -> RuleSet.load(dir.resolve("missing.json"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("missing.json");
    }
}
