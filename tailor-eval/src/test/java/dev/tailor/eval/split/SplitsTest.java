// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tailor.core.data.Interactions;
import dev.tailor.core.data.Snapshot;
import dev.tailor.core.data.SnapshotBuilder;
import dev.tailor.core.domain.EventType;
import dev.tailor.core.error.ValidationException;
import dev.tailor.eval.testing.Synthetic;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SplitsTest {
    private static final int RATING = EventType.RATING.ordinal();

    /** Alice bought a, b, c, d (in that order, given shuffled); Bob bought x, y; Carol only z. */
    private static Snapshot tiny() {
        SnapshotBuilder b = new SnapshotBuilder("tiny");
        b.addEvent("alice", "c", RATING, 4, 3000);
        b.addEvent("alice", "a", RATING, 5, 1000);
        b.addEvent("bob", "y", RATING, 2, 2000);
        b.addEvent("alice", "d", RATING, 3, 4000);
        b.addEvent("alice", "b", RATING, 4, 2000);
        b.addEvent("bob", "x", RATING, 5, 1000);
        b.addEvent("carol", "z", RATING, 5, 1000);
        return b.build();
    }

    private static List<String> items(Snapshot s, String user) {
        Interactions in = s.interactions();
        int u = s.users().indexOf(user);
        List<String> out = new ArrayList<>();
        for (int k = in.start(u); k < in.end(u); k++) {
            out.add(s.items().id(in.item(k)));
        }
        return out;
    }

    @Test
    void leaveLastOutByHand() {
        Split s = new LeaveLastOut(true).split(tiny());
        // Alice a<b<c<d by time: d test, c validation, a b train.
        assertThat(items(s.train(), "alice")).containsExactly("a", "b");
        assertThat(items(s.validation().orElseThrow(), "alice")).containsExactly("c");
        assertThat(items(s.test(), "alice")).containsExactly("d");
        // Bob has two events: y test, x train, nothing for validation.
        assertThat(items(s.train(), "bob")).containsExactly("x");
        assertThat(items(s.validation().orElseThrow(), "bob")).isEmpty();
        assertThat(items(s.test(), "bob")).containsExactly("y");
        // Carol's single event stays in train.
        assertThat(items(s.train(), "carol")).containsExactly("z");
        assertThat(s.testUserCount()).isEqualTo(2);
    }

    @Test
    void ratingThresholdDropsNegativesBeforeSplitting() {
        Snapshot filtered = new DataFilters(0, 0, 4, false).apply(tiny());
        // Alice's d (3 stars) and Bob's y (2 stars) are gone.
        assertThat(items(filtered, "alice")).containsExactly("a", "b", "c");
        assertThat(items(filtered, "bob")).containsExactly("x");
        Snapshot kept = new DataFilters(0, 0, 4, true).apply(tiny());
        assertThat(kept.interactions().size()).isEqualTo(7);
    }

    @Test
    void kCoreReachesAFixpoint() {
        // Items: p shared by u1,u2,u3; q by u1,u2; r only u3; s only u4.
        SnapshotBuilder b = new SnapshotBuilder("core");
        String[][] events = {{"u1", "p"}, {"u1", "q"}, {"u2", "p"}, {"u2", "q"}, {"u3", "p"}, {"u3", "r"},
            {"u4", "s"}, {"u4", "p"}};
        long t = 0;
        for (String[] e : events) {
            b.addEvent(e[0], e[1], RATING, 5, t++);
        }
        Snapshot s = b.build();
        // 2-core: r and s have one user -> removed; then u3 and u4 have one event -> removed; then p has 2 users
        // (u1, u2), q has 2: stable. Remaining: u1 {p, q}, u2 {p, q}.
        Interactions core = DataFilters.kCore(s.interactions(), 2, 2);
        assertThat(core.size()).isEqualTo(4);
        assertThat(core.count(s.users().indexOf("u3"))).isZero();
        assertThat(core.count(s.users().indexOf("u4"))).isZero();
        // A fixpoint: applying it again changes nothing.
        assertThat(DataFilters.kCore(core, 2, 2).size()).isEqualTo(core.size());
    }

    @Test
    void recBolePartSizes() {
        double[] r = {0.8, 0.1, 0.1};
        // n = 10: valid = floor(1.0) = 1, test = 1, train = 8
        assertThat(RatioHoldout.partSizes(10, r)).containsExactly(8, 1, 1);
        // n = 25: floor(2.5) = 2 each, train 21
        assertThat(RatioHoldout.partSizes(25, r)).containsExactly(21, 2, 2);
        // n = 5: shares 0.5 < 1 are bumped to one event each while train keeps more than one: 3, 1, 1
        assertThat(RatioHoldout.partSizes(5, r)).containsExactly(3, 1, 1);
        // n = 2: test (the last part) is bumped first, leaving train at 1, which stops the bumping: 1, 0, 1
        assertThat(RatioHoldout.partSizes(2, r)).containsExactly(1, 0, 1);
    }

    @Property(tries = 40)
    void everySplitIsADeterministicPartition(@ForAll("splitters") Splitter splitter,
            @ForAll("seeds") long dataSeed) {
        Snapshot data = Synthetic.shop(dataSeed, 40, 30, 12);
        Split a = splitter.split(data);
        Split b = splitter.split(data);
        assertThat(a.train().fingerprint()).isEqualTo(b.train().fingerprint());
        assertThat(a.test().fingerprint()).isEqualTo(b.test().fingerprint());
        int valid = a.validation().map(v -> v.interactions().size()).orElse(0);
        assertThat(a.train().interactions().size() + valid + a.test().interactions().size())
                .isEqualTo(data.interactions().size());
        // Disjoint: the multiset of (user, item, time) across parts equals the source's.
        List<String> all = new ArrayList<>(keys(a.train()));
        a.validation().ifPresent(v -> all.addAll(keys(v)));
        all.addAll(keys(a.test()));
        all.sort(null);
        List<String> source = keys(data);
        source.sort(null);
        assertThat(all).isEqualTo(source);
    }

    private static List<String> keys(Snapshot s) {
        Interactions in = s.interactions();
        List<String> out = new ArrayList<>();
        for (int u = 0; u < in.numUsers(); u++) {
            for (int k = in.start(u); k < in.end(u); k++) {
                out.add(u + ":" + in.item(k) + ":" + in.time(k) + ":" + in.value(k));
            }
        }
        return out;
    }

    @Test
    void kFoldCoversEveryEventOnceAsTest() {
        Snapshot data = Synthetic.shop(3, 30, 20, 10);
        int total = 0;
        for (int f = 0; f < 4; f++) {
            total += new KFold(4, f, 9, 0).split(data).test().interactions().size();
        }
        assertThat(total).isEqualTo(data.interactions().size());
    }

    @Test
    void seedsChangeRandomSplits() {
        Snapshot data = Synthetic.shop(3, 30, 20, 10);
        String a = new RatioHoldout(0.8, 0, 0.2, 1, false).split(data).test().fingerprint();
        String b = new RatioHoldout(0.8, 0, 0.2, 2, false).split(data).test().fingerprint();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void temporalQuantileCut() {
        Split s = TemporalSplit.atQuantile(0.5, 0).split(tiny());
        // Times sorted: 1000 x3, 2000 x2, 3000, 4000; floor(0.5 * 7) = 3 -> cut at 2000; test = times >= 2000.
        assertThat(s.test().interactions().size()).isEqualTo(4);
        assertThat(s.train().interactions().size()).isEqualTo(3);
    }

    @Test
    void specsParse() {
        assertThat(SplitSpec.parse("loo", 1).splitter()).isEqualTo(new LeaveLastOut(false));
        assertThat(SplitSpec.parse("loo:valid=true", 1).splitter()).isEqualTo(new LeaveLastOut(true));
        assertThat(SplitSpec.parse("holdout:ratio=0.8/0.1/0.1,seed=42", 1).splitter())
                .isEqualTo(new RatioHoldout(0.8, 0.1, 0.1, 42, false));
        assertThat(SplitSpec.parse("kfold:k=5,fold=0", 7).splitter()).isEqualTo(new KFold(5, 0, 7, 0));
        assertThat(SplitSpec.parse("temporal:cut=0.8", 1).splitter()).isEqualTo(TemporalSplit.atQuantile(0.8, 0));
        SplitSpec f = SplitSpec.parse("holdout:ratio=0.8/0.2,min-user=5,min-item=5,rating-min=4", 1);
        assertThat(f.filters()).isEqualTo(new DataFilters(5, 5, 4, false));
        assertThat(SplitSpec.parse(f.spec(), 99)).isEqualTo(f);
    }

    @Test
    void malformedSpecsNameThePartAndTheExpectedForm() {
        assertThatThrownBy(() -> SplitSpec.parse("holdout:ratio=0.8", 1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("field 'ratio'").hasMessageContaining("0.8/0.1/0.1");
        assertThatThrownBy(() -> SplitSpec.parse("kfold:k=5,fold=7", 1)).hasMessageContaining("field 'fold'")
                .hasMessageContaining("[0, 4]");
        assertThatThrownBy(() -> SplitSpec.parse("lol", 1)).hasMessageContaining("unknown split kind 'lol'")
                .hasMessageContaining("loo, temporal, holdout, kfold");
        assertThatThrownBy(() -> SplitSpec.parse("loo:valid=maybe", 1)).hasMessageContaining("field 'valid'")
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> SplitSpec.parse("temporal", 1)).hasMessageContaining("field 'cut'");
        assertThatThrownBy(() -> SplitSpec.parse("loo:cut=0.8", 1)).hasMessageContaining("unknown parameter");
        assertThatThrownBy(() -> SplitSpec.parse("holdout:min-user=-1", 1)).hasMessageContaining("min-user");
        assertThatThrownBy(() -> SplitSpec.parse("loo:valid", 1)).hasMessageContaining("key=value");
    }

    @Provide
    Arbitrary<Splitter> splitters() {
        return Arbitraries.of(new LeaveLastOut(false), new LeaveLastOut(true),
                new RatioHoldout(0.8, 0.1, 0.1, 5, false), new RatioHoldout(0.7, 0, 0.3, 5, true),
                new KFold(3, 1, 5, 0.2), TemporalSplit.atQuantile(0.7, 0.1));
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs().between(0, 1000);
    }
}
