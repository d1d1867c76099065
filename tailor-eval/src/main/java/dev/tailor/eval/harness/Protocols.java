// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.harness;

import dev.tailor.core.error.ValidationException;
import dev.tailor.eval.split.DataFilters;
import dev.tailor.eval.split.LeaveLastOut;
import dev.tailor.eval.split.RatioHoldout;
import dev.tailor.eval.split.SplitSpec;
import java.util.Locale;

/**
 * Named protocols that reproduce published setups, so numbers can be set next to the papers'.
 * <ul>
 *   <li>{@code loo}: S3-Rec / ICLRec leave-one-out. Per user the last item is test and the second-last
 *       validation; full ranking over all items; K = 5, 10, 20. Masking follows ICLRec's
 *       {@code generate_rating_matrix_test}: at test time every item of the user's input sequence (all but the
 *       last, so the validation item too) is masked, and the model sees that sequence as history. One deliberate
 *       difference: ICLRec sets masked scores to 0 rather than removing them, so with negative scores a masked
 *       item can still take a slot; here masked items are removed, which is what the protocol intends.</li>
 *   <li>{@code recbole}: RecBole's general-recommendation setup as used for MovieLens 100K: ratings &gt;= 3
 *       kept (others dropped), 10-core on users and items, per-user random 8:1:1 (RecBole's {@code RO}, part
 *       sizes by its {@code _calcu_split_ids}), full ranking with training and validation items masked at test
 *       time, the model seeing training interactions only; K = 10.</li>
 * </ul>
 *
 * @param name preset name
 * @param split split and filters
 * @param config evaluation settings (callers may still change threads, seed and groupings)
 */
public record Protocols(String name, SplitSpec split, EvalConfig config) {
    public static final String NAMES = "loo, recbole";

    public static Protocols of(String name, long seed) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "loo" -> new Protocols("loo", new SplitSpec(new LeaveLastOut(true), DataFilters.NONE),
                    EvalConfig.defaults().withKs(5, 10, 20).withHistory(true, true, true).withSeed(seed));
            case "recbole" -> new Protocols("recbole",
                    new SplitSpec(new RatioHoldout(0.8, 0.1, 0.1, seed, false), new DataFilters(10, 10, 3, false)),
                    EvalConfig.defaults().withKs(10).withHistory(true, true, false).withSeed(seed));
            default -> throw ValidationException.of("protocol", "unknown protocol '" + name + "'; expected one of "
                    + NAMES);
        };
    }
}
