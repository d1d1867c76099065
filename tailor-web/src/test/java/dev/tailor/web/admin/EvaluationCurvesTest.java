// SPDX-License-Identifier: Apache-2.0
package dev.tailor.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tailor.server.http.HttpProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading {@code curves.csv} as {@code tailor evaluate} writes it: quoting, grouping into series, bad rows. */
class EvaluationCurvesTest {
    @TempDir
    Path dir;

    @Test
    void quotedLabelsWithCommasAndQuotesAndComponentsOfAHybridComeApart() throws Exception {
        Path f = write("""
                model,component,epoch,epochs,metric,value,seconds
                "als:rank=8,iterations=2",als,1,2,loss,120.5,0.010000
                "als:rank=8,iterations=2",als,2,2,loss,60.25,0.020000
                "hy""brid",bpr,1,1,bpr-loss,0.69,0.5
                "hy""brid",als,1,1,loss,3.0,0.25
                """);
        JsonNode series = EvaluationCurves.read(f);
        assertThat(series).hasSize(3);
        JsonNode als = series.get(0);
        assertThat(als.get("model").asText()).isEqualTo("als:rank=8,iterations=2");
        assertThat(als.get("metric").asText()).isEqualTo("loss");
        assertThat(als.get("epochs").asInt()).isEqualTo(2);
        assertThat(als.get("seconds").asDouble()).isCloseTo(0.03, offset(1e-12));
        assertThat(als.get("points").toString()).isEqualTo("[[1,120.5],[2,60.25]]");
        assertThat(series.get(1).get("model").asText()).isEqualTo("hy\"brid");
        assertThat(series.get(1).get("component").asText()).isEqualTo("bpr");
        assertThat(series.get(2).get("component").asText()).isEqualTo("als");
        assertThat(series.get(2).get("points").toString()).isEqualTo("[[1,3.0]]");
    }

    @Test
    void aBadRowNamesTheFileLineAndField() throws Exception {
        Path f = write("""
                model,component,epoch,epochs,metric,value,seconds
                als,als,1,3,loss,1.5,0.1
                als,als,2,3,loss,NaN,0.1
                """);
        assertThatThrownBy(() -> EvaluationCurves.read(f)).isInstanceOf(HttpProblem.class)
                .hasMessageContaining("line 3").hasMessageContaining("value");
        Path g = write("model,component,epoch\nals,als,1\n");
        assertThatThrownBy(() -> EvaluationCurves.read(g)).isInstanceOf(HttpProblem.class)
                .hasMessageContaining("line 1").hasMessageContaining("header");
    }

    private Path write(String text) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "curves", ".csv"), text);
    }
}
