// SPDX-License-Identifier: Apache-2.0
package dev.tailor.web;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the web page.
 *
 * @param evaluationReport the {@code metrics.json} written by {@code tailor evaluate} (or the folder holding it),
 *     shown on the dashboard's evaluation panel; empty: the panel says that no report is configured
 */
public record WebConfig(Optional<Path> evaluationReport) {
    public WebConfig {
        Objects.requireNonNull(evaluationReport, "evaluationReport");
    }

    public static WebConfig defaults() {
        return new WebConfig(Optional.empty());
    }

    public WebConfig withEvaluationReport(Path metricsJsonOrFolder) {
        return new WebConfig(Optional.of(metricsJsonOrFolder));
    }
}
