// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.common;

import dev.tailor.core.data.EventWeights;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code events} parameter shared by every algorithm: how event types are weighted when folded into the
 * user x item matrix. Spec syntax: a preset ({@code default}, {@code binary}) or a list such as
 * {@code view:1;add-to-cart:3;purchase:5} (types not named weigh 0), optionally with the token
 * {@code rating-value} to count ratings by their stars. Semicolons, because commas separate parameters.
 */
public final class Events {
    public static final String NAME = "events";

    private Events() {
    }

    /** The parameter definition (not tuned: which events mean preference is a product decision). */
    public static Param param(String defaultPreset) {
        return new Param(NAME, Param.Kind.TEXT, defaultPreset, 0, 0, false, List.of(), false,
                "event-type weights: default (view 1, cart 3, purchase 5, ...), binary, or type:w;type:w");
    }

    /** Parses the spec syntax; errors name the {@code events} parameter of {@code source}. */
    public static EventWeights parse(String source, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("default")) {
            return EventWeights.DEFAULT;
        }
        if (t.equals("binary")) {
            return EventWeights.BINARY;
        }
        Map<EventType, Float> weights = new EnumMap<>(EventType.class);
        boolean ratingValue = false;
        List<Problem> problems = new ArrayList<>();
        for (String part : t.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (p.equals("rating-value")) {
                ratingValue = true;
                continue;
            }
            int colon = p.indexOf(':');
            if (colon < 0) {
                problems.add(new Problem(source, 0, NAME, "expected default, binary or type:weight entries "
                        + "separated by ';', got '" + part + "'"));
                continue;
            }
            try {
                EventType type = EventType.parse(p.substring(0, colon));
                float w = Float.parseFloat(p.substring(colon + 1).trim());
                if (!Float.isFinite(w) || w < 0) {
                    throw new NumberFormatException();
                }
                weights.put(type, w);
            } catch (NumberFormatException e) {
                problems.add(new Problem(source, 0, NAME, "weight of '" + p.substring(0, colon)
                        + "' must be a finite number >= 0, got '" + p.substring(colon + 1) + "'"));
            } catch (ValidationException e) {
                problems.add(new Problem(source, 0, NAME, e.problems().get(0).reason()));
            }
        }
        if (problems.isEmpty() && weights.values().stream().noneMatch(w -> w > 0)) {
            problems.add(new Problem(source, 0, NAME, "at least one event type needs a weight > 0, got '"
                    + text + "'"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return EventWeights.of(weights, ratingValue);
    }

    /** Spec syntax for the weights: a preset name when it is one, else the explicit list. */
    public static String format(EventWeights weights) {
        if (weights.equals(EventWeights.DEFAULT)) {
            return "default";
        }
        if (weights.equals(EventWeights.BINARY)) {
            return "binary";
        }
        StringBuilder sb = new StringBuilder();
        for (EventType type : EventType.values()) {
            float w = weights.byType()[type.ordinal()];
            if (w > 0) {
                if (sb.length() > 0) {
                    sb.append(';');
                }
                sb.append(type.wireName()).append(':').append(Param.formatReal(w));
            }
        }
        if (weights.ratingValue()) {
            sb.append(";rating-value");
        }
        return sb.toString();
    }
}
