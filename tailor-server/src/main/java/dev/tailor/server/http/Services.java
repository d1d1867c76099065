// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import dev.tailor.server.catalog.LiveCatalog;
import dev.tailor.server.feedback.OnlineMetrics;
import dev.tailor.server.ingest.Ingest;
import dev.tailor.server.live.LiveCustomers;
import dev.tailor.server.live.LiveEvents;
import dev.tailor.server.rules.RuleSet;
import dev.tailor.server.scene.Recommender;
import dev.tailor.server.training.ModelHolder;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the endpoint handlers call: one object so that handlers stay thin (parse, validate, call one service,
 * write the answer) and tests can see what an endpoint depends on.
 *
 * @param ingest writes items, customers, events
 * @param recommender the scenes
 * @param models the current model set and training
 * @param rules the rules in force
 * @param feedback online CTR and conversion
 * @param catalog the serving catalog
 * @param liveEvents live per-customer events (for health and metrics)
 * @param liveCustomers live profiles (for health and metrics)
 * @param bodies request body reader
 * @param maxBatch records per batch request
 * @param started when the server started
 */
public record Services(Ingest ingest, Recommender recommender, ModelHolder models,
        AtomicReference<RuleSet> rules, OnlineMetrics feedback, LiveCatalog catalog, LiveEvents liveEvents,
        LiveCustomers liveCustomers, Bodies bodies, int maxBatch, Instant started) {
}
