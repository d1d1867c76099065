// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.privacy.dp;

import dev.tailor.core.error.TailorException;
import dev.tailor.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A privacy budget (ε_total, δ_total) that releases are charged against by basic sequential composition: the
 * spent ε and δ are the sums over the ledger (see the package documentation for why, and for what it does not
 * cover). A release that would overspend is refused before anything is published. Thread-safe.
 */
public final class PrivacyBudget {
    private final PrivacyCost total;
    private final List<Entry> ledger = new ArrayList<>();
    private double spentEpsilon;
    private double spentDelta;

    /** One charged release. */
    public record Entry(String label, PrivacyCost cost) {
    }

    /**
     * @param epsilon total ε, finite and &gt; 0
     * @param delta total δ in [0, 1); 0 admits only pure-ε mechanisms such as Laplace
     */
    public PrivacyBudget(double epsilon, double delta) {
        this.total = new PrivacyCost(epsilon, delta);
    }

    public PrivacyCost total() {
        return total;
    }

    /**
     * Charges a release, or refuses it (leaving the budget unchanged) when the sum would exceed the total.
     *
     * @param label what is released, for the ledger and the error, e.g. "popularity 2026-11-23"
     * @throws TailorException when the budget would be overspent
     */
    public synchronized void spend(String label, PrivacyCost cost) {
        if (label == null || label.isBlank()) {
            throw ValidationException.of("label", "every release needs a label for the privacy ledger");
        }
        double e = spentEpsilon + cost.epsilon();
        double d = spentDelta + cost.delta();
        // A relative slack of 1e-12 lets a budget be split into equal parts that add up with rounding error.
        if (e > total.epsilon() * (1 + 1e-12) || d > total.delta() * (1 + 1e-12)) {
            throw new TailorException("privacy budget exhausted: '" + label + "' costs ε = " + cost.epsilon()
                    + ", δ = " + cost.delta() + " but only ε = " + Math.max(0, total.epsilon() - spentEpsilon)
                    + ", δ = " + Math.max(0, total.delta() - spentDelta) + " of (ε = " + total.epsilon() + ", δ = "
                    + total.delta() + ") remain");
        }
        spentEpsilon = e;
        spentDelta = d;
        ledger.add(new Entry(label, cost));
    }

    /** Spends the mechanism's cost, then releases; nothing is released when the budget refuses. */
    public double[] release(String label, NoiseMechanism mechanism, double[] values,
            RandomGenerator random) {
        spend(label, mechanism.cost());
        return mechanism.release(values, random);
    }

    public synchronized double spentEpsilon() {
        return spentEpsilon;
    }

    public synchronized double spentDelta() {
        return spentDelta;
    }

    public synchronized List<Entry> ledger() {
        return List.copyOf(ledger);
    }
}
