// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.domain;

import dev.tailor.core.error.ValidationException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** A non-negative amount in an ISO-4217 currency. BigDecimal because shops reconcile prices to the cent. */
public record Price(BigDecimal amount, String currency) {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Price {
        if (amount == null) {
            throw ValidationException.of("price", "missing amount");
        }
        if (amount.signum() < 0) {
            throw ValidationException.of("price", "must be >= 0, was " + amount.toPlainString());
        }
        currency = currency == null || currency.isBlank() ? "USD" : currency.trim().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            throw ValidationException.of("currency", "expected a 3-letter ISO-4217 code such as USD or CNY, was '"
                    + currency + "'");
        }
        amount = amount.stripTrailingZeros();
        if (amount.scale() < 0) {
            amount = amount.setScale(0);
        }
    }

    public static Price of(String amount, String currency) {
        try {
            return new Price(new BigDecimal(amount.trim()), currency);
        } catch (NumberFormatException e) {
            throw ValidationException.of("price", "not a number: '" + amount + "'");
        }
    }

    public double doubleValue() {
        return amount.doubleValue();
    }
}
