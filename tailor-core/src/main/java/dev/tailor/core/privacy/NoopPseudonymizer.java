// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.privacy;

/** The identity: what a store without privacy keys uses, so that callers never need a null check. */
enum NoopPseudonymizer implements Pseudonymizer {
    INSTANCE;

    @Override
    public String pseudonym(String customerId) {
        return customerId;
    }

    @Override
    public String keyId() {
        return "";
    }
}
