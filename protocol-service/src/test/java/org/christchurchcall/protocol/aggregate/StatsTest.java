package org.christchurchcall.protocol.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void aMeanOnHalfAMillisecondRoundsUpWhateverTheOrder() {
        // 0.118 s and 1.039 s: the mean is 578.5 ms exactly; summed as doubles it can land either side
        Stats s = Stats.of(List.of(1.039, 0.118));
        assertEquals(new Stats(2, 0.118, 0.579, 0.579, 1.039), s);
        assertEquals(s, Stats.of(List.of(0.118, 1.039)));
        // 1,295.5 ms: (0.259 + 2.332) / 2 in doubles is a hair under it and used to round down
        assertEquals(new Stats(2, 0.259, 1.296, 1.296, 2.332), Stats.of(List.of(0.259, 2.332)));
        assertEquals(1.573, Stats.of(List.of(0.483, 1.842, 1.935, 2.03)).mean());
    }

    @Test
    void oddAndEvenMediansAndTheMean() {
        assertEquals(new Stats(3, 0.1, 0.2, 0.233, 0.4), Stats.of(List.of(0.4, 0.1, 0.2)));
        assertEquals(new Stats(4, 0.1, 0.25, 0.25, 0.4), Stats.of(List.of(0.4, 0.1, 0.2, 0.3)));
        assertEquals(0.002, Stats.median(List.of(0.003, 0.001)));
        assertEquals(0.5, Stats.median(List.of(0.5)));
    }

    @Test
    void noValuesGiveNoFigures() {
        Stats s = Stats.of(List.of());
        assertEquals(0, s.count());
        assertNull(s.min());
        assertNull(s.median());
        assertNull(s.mean());
        assertNull(s.max());
    }

    @Test
    void theOrderOfTheValuesNeverChangesTheFigures() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int round = 0; round < 200; round++) {
            List<Double> v = new ArrayList<>();
            int n = 1 + rnd.nextInt(9);
            for (int i = 0; i < n; i++) {
                v.add(rnd.nextInt(5_000_000) / 1000.0);
            }
            Stats first = Stats.of(v);
            Collections.shuffle(v, new java.util.Random(round));
            assertEquals(first, Stats.of(v), v.toString());
        }
    }
}
