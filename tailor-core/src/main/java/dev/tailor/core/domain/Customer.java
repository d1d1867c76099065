// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.domain;

import dev.tailor.core.error.ValidationException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer and the demographics the shop chose to share. Every field but the id is optional
 * ({@code null} or empty): Tailor must work for anonymous and profile-less customers too.
 *
 * @param id the shop's customer id
 * @param age years, 0..130; nullable
 * @param gender nullable
 * @param region country, province, city or postcode as the shop uses it; nullable
 * @param signupAt nullable
 * @param segments declared or derived segment labels, e.g. "young-adults", "parents", "retirees"
 * @param attributes anything else (MovieLens occupation, loyalty tier, ...), keys lower-case
 */
public record Customer(
        String id,
        Integer age,
        Gender gender,
        String region,
        Instant signupAt,
        List<String> segments,
        Map<String, String> attributes) {

    public static final int MAX_AGE = 130;

    public Customer {
        id = Ids.require("id", id);
        if (age != null && (age < 0 || age > MAX_AGE)) {
            throw ValidationException.of("age", "expected 0.." + MAX_AGE + ", was " + age);
        }
        region = Ids.blankToNull(region);
        segments = segments == null ? List.of()
                : List.copyOf(segments.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList());
        if (attributes == null) {
            attributes = Map.of();
        } else {
            Map<String, String> out = new LinkedHashMap<>();
            attributes.forEach((k, v) -> {
                if (k != null && v != null && !k.isBlank() && !v.isBlank()) {
                    out.put(k.strip().toLowerCase(java.util.Locale.ROOT), v.strip());
                }
            });
            attributes = Map.copyOf(out);
        }
    }

    /** A customer known only by id (events arrived before, or without, a profile). */
    public static Customer anonymous(String id) {
        return new Customer(id, null, null, null, null, List.of(), Map.of());
    }
}
