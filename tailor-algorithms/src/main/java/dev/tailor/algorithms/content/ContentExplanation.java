// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Why the content model scores an item for a customer: the item's attribute values the customer's profile
 * shares, strongest contribution first.
 *
 * @param matches fields with a positive contribution, by decreasing contribution
 */
public record ContentExplanation(List<Match> matches) {
    public ContentExplanation {
        matches = List.copyOf(matches);
    }

    /**
     * One matching field.
     *
     * @param field field name ("brand", "category", "price", "colour", "terms", ...)
     * @param values the item's values in that field that the profile contains
     * @param match the item's match on the field (mean share of its values in the profile), in (0, 1]
     * @param contribution weight x match: the field's part of the score
     */
    public record Match(String field, List<String> values, double match, double contribution) {
        public Match {
            values = List.copyOf(values);
        }

        /** "brand Acme", "price band 20-50", "title words lego, blocks". */
        public String text() {
            String label = switch (field) {
                case "price" -> "price band";
                case "terms" -> "title words";
                case "root" -> "department";
                default -> field;
            };
            return label + " " + String.join(", ", values);
        }
    }

    /** Whether a field matched. */
    public boolean matches(String field) {
        return matches.stream().anyMatch(m -> m.field().equals(field));
    }

    /**
     * The matches joined, e.g. "brand Acme, category Baby &amp; Kids &gt; Toys, price band 20-50"; the department
     * is left out when the category, which names it, matched too.
     */
    public String text() {
        List<String> parts = new ArrayList<>();
        boolean category = matches("category");
        for (Match m : matches) {
            if (!(category && m.field().equals("root"))) {
                parts.add(m.text());
            }
        }
        return String.join(", ", parts);
    }

    @Override
    public String toString() {
        return text();
    }
}
