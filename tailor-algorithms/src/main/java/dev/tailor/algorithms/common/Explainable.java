// SPDX-License-Identifier: Apache-2.0
package dev.tailor.algorithms.common;

import dev.tailor.core.model.RecommenderModel;
import dev.tailor.core.model.UserContext;
import java.util.Optional;

/**
 * A model that can say in words why it scores an item for a user, e.g. "brand Acme, category Baby &gt; Toys,
 * price band 20-50". A serving pipeline can use the text as the reason of a recommendation (a candidate
 * source's {@code explain}); it names evidence only, never a score. Thread-safe like the model.
 */
public interface Explainable extends RecommenderModel {
    /** The reason, or empty when the model has nothing specific to say about this item for this user. */
    Optional<String> explain(UserContext user, int item);
}
