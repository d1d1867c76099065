// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.robustness;

import dev.tailor.core.error.ValidationException;
import java.util.Locale;

/**
 * A shilling attack: {@code profiles} fake customers (as a share of the real ones) each push one target item
 * with the highest rating and fill their profile with {@code filler} (share of the rankable items) other items,
 * rated by the attack model. Targets are drawn among the less popular items, the ones an attacker gains most
 * from pushing (the usual choice in the literature).
 *
 * @param model how filler items are chosen and rated
 * @param profiles fake profiles as a share of real users, in (0, 1]
 * @param filler filler items per profile as a share of rankable items, in (0, 1)
 * @param targets how many target items to attack, one at a time, each with a fresh model (the results are
 *     averaged over targets)
 * @param seed seed for targets, fillers and ratings
 */
public record AttackSpec(Model model, double profiles, double filler, int targets, long seed) {
    /** The attack models of Lam and Riedl (WWW 2004) and Mobasher et al. (ACM TOIT 2007). */
    public enum Model {
        /** Filler items uniform at random, rated around the global mean with the global spread. */
        RANDOM,
        /** Filler items uniform at random, each rated around its own mean: needs more knowledge, blends in. */
        AVERAGE,
        /** A tenth of the filler are the most popular items rated highest, the rest as in the random attack. */
        BANDWAGON
    }

    public AttackSpec {
        if (model == null) {
            throw ValidationException.of("attack", "missing attack model; expected random, average or bandwagon");
        }
        if (!(profiles > 0 && profiles <= 1)) {
            throw ValidationException.of("attack", "profiles: expected a share of real users in (0, 1], got "
                    + profiles);
        }
        if (!(filler > 0 && filler < 1)) {
            throw ValidationException.of("attack", "filler: expected a share of items in (0, 1), got " + filler);
        }
        if (targets < 1) {
            throw ValidationException.of("attack", "targets: expected >= 1, got " + targets);
        }
    }

    /**
     * Parses {@code average:profiles=0.03,filler=0.05,targets=5,seed=1}; omitted parameters default to
     * profiles 0.03, filler 0.05, targets 5, seed 42.
     */
    public static AttackSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.of("attack", "empty attack; expected e.g. average:profiles=0.03,filler=0.05");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String name = colon < 0 ? t : t.substring(0, colon);
        Model model = switch (name) {
            case "random" -> Model.RANDOM;
            case "average" -> Model.AVERAGE;
            case "bandwagon" -> Model.BANDWAGON;
            default -> throw ValidationException.of("attack", "unknown attack model '" + name
                    + "'; expected random, average or bandwagon");
        };
        double profiles = 0.03;
        double filler = 0.05;
        int targets = 5;
        long seed = 42;
        if (colon >= 0 && colon + 1 < t.length()) {
            for (String kv : t.substring(colon + 1).split(",")) {
                String[] p = kv.split("=", 2);
                if (p.length != 2) {
                    throw ValidationException.of("attack", "expected key=value, got '" + kv + "' in '" + text + "'");
                }
                String v = p[1].trim();
                try {
                    switch (p[0].trim()) {
                        case "profiles" -> profiles = Double.parseDouble(v);
                        case "filler" -> filler = Double.parseDouble(v);
                        case "targets" -> targets = Integer.parseInt(v);
                        case "seed" -> seed = Long.parseLong(v);
                        default -> throw ValidationException.of("attack", "unknown parameter '" + p[0].trim()
                                + "'; expected profiles, filler, targets or seed");
                    }
                } catch (NumberFormatException e) {
                    throw ValidationException.of("attack", p[0].trim() + ": expected a number, got '" + v + "'");
                }
            }
        }
        return new AttackSpec(model, profiles, filler, targets, seed);
    }

    public String spec() {
        return model.name().toLowerCase(Locale.ROOT) + ":profiles=" + profiles + ",filler=" + filler + ",targets="
                + targets + ",seed=" + seed;
    }
}
