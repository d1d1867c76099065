// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.fairness;

import dev.tailor.eval.harness.EvalData;
import dev.tailor.eval.harness.Groups;
import dev.tailor.eval.stats.MeanCi;
import dev.tailor.eval.stats.WelchTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-group accuracy gaps. Each group is compared with the rest of the users <em>who are in some group of the
 * same grouping</em> (users of unknown gender are left out of the gender comparison rather than counted as
 * "not female"). One-versus-rest rather than all pairs: k groups give k tests instead of k(k-1)/2, each
 * answering "is this group served worse than the others?", which is the question a regulator asks. With many
 * groups, read the p-values with a multiple-testing correction in mind (Bonferroni: multiply by k).
 */
public final class SegmentGaps {
    private SegmentGaps() {
    }

    /**
     * @param data the evaluated split (slot → user)
     * @param perUser one metric's values per test-user slot (NaN = undefined, left out)
     * @param groups a grouping of the split's users
     * @return one gap per group with at least one test user, in label order
     */
    public static List<GroupGap> of(EvalData data, double[] perUser, Groups groups) {
        int slots = data.userCount();
        int g = groups.labels().size();
        double[] in = new double[slots];
        double[] out = new double[slots];
        List<GroupGap> gaps = new ArrayList<>();
        for (int group = 0; group < g; group++) {
            int nIn = 0;
            int nOut = 0;
            for (int s = 0; s < slots; s++) {
                int u = data.user(s);
                int from = groups.start(u);
                int to = groups.end(u);
                if (from == to) {
                    continue;
                }
                boolean member = false;
                for (int k = from; k < to; k++) {
                    member |= groups.group(k) == group;
                }
                if (member) {
                    in[nIn++] = perUser[s];
                } else {
                    out[nOut++] = perUser[s];
                }
            }
            if (nIn == 0) {
                continue;
            }
            MeanCi a = MeanCi.of(in, nIn);
            MeanCi b = MeanCi.of(out, nOut);
            gaps.add(new GroupGap(groups.name(), groups.labels().get(group), a, b, WelchTest.of(a, b)));
        }
        return gaps;
    }
}
