// SPDX-License-Identifier: Apache-2.0
/**
 * The scenes ({@link dev.tailor.server.scene.Recommender}: home, similar, bought together, search, promotions)
 * and the candidate sources they are built from: history neighbours, anchor neighbours, content similarity,
 * related purchases, segment popularity and trending, deals, text hits, promotions and any registry model.
 */
package dev.tailor.server.scene;
