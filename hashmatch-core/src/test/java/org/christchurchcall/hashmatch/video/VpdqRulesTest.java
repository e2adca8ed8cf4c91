package org.christchurchcall.hashmatch.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.christchurchcall.hashmatch.pdq.PdqHash;
import org.christchurchcall.hashmatch.video.VpdqRules.Rule;
import org.christchurchcall.hashmatch.video.VpdqRules.Score;
import org.junit.jupiter.api.Test;

class VpdqRulesTest {

    /** The families README "Matching" lists as matching at 80 % (HMA rule, query side). */
    private static final List<Set<String>> FAMILIES = List.of(
            Set.of("chair-19-sd-bar", "chair-20-sd-bar", "chair-22-sd-grey-bar", "chair-22-sd-sepia-bar",
                    "chair-orig-22-sd-bar", "chair-22-with-small-logo-bar"),
            Set.of("chair-orig-22-fhd-no-bar", "chair-orig-22-hd-no-bar"),
            Set.of("pattern-hd-no-bar", "pattern-longer-no-bar"),
            Set.of("pattern-sd-grey-bar", "pattern-sd-with-small-logo-bar"));

    /** C's printf("%.2f"): the exact binary value rounded half to even. */
    static String printf2(double v) {
        return new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    static Map<String, List<VpdqFrame>> nativeSamples() {
        Map<String, List<VpdqFrame>> out = new HashMap<>();
        for (String row : csvRows()) {
            String name = row.split(",")[0];
            out.computeIfAbsent(name, n -> VpdqLines.parse(VpdqData.read(VpdqData.sampleHashes(n))));
        }
        return out;
    }

    static List<String> csvRows() {
        String[] lines = VpdqData.read(VpdqData.dir().resolve("match-pairs.csv")).split("\r?\n");
        assertEquals("query,target,cpp_query_pct,cpp_target_pct,hma_query_pct,hma_target_pct", lines[0]);
        List<String> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(lines[i].trim());
            }
        }
        return rows;
    }

    @Test
    void everyPairOfTheSampleHashesScoresAsTheReferenceAndHmaPrintIt() {
        Map<String, List<VpdqFrame>> samples = nativeSamples();
        assertEquals(16, samples.size());
        List<String> rows = csvRows();
        assertEquals(256, rows.size());
        int nonZero = 0;
        for (String row : rows) {
            String[] f = row.split(",");
            List<VpdqFrame> q = samples.get(f[0]);
            List<VpdqFrame> t = samples.get(f[1]);
            Score cpp = VpdqRules.compare(q, t, 31, 50, Rule.REFERENCE);
            Score hma = VpdqRules.compare(q, t, 31, 50, Rule.HMA);
            assertEquals(f[2] + "," + f[3] + "," + f[4] + "," + f[5],
                    printf2(cpp.queryPercent()) + "," + printf2(cpp.targetPercent()) + ","
                            + printf2(hma.queryPercent()) + "," + printf2(hma.targetPercent()), row);
            if (hma.queryPercent() > 0) {
                nonZero++;
            }
        }
        // the table is not trivially zero: self pairs and the families in README
        assertEquals(true, nonZero > 60, "non-zero pairs: " + nonZero);
    }

    @Test
    void atEightyPercentTheMatchesAreTheFamiliesOfTheReadme() {
        Map<String, List<VpdqFrame>> samples = nativeSamples();
        Set<String> found = new TreeSet<>();
        Set<String> expected = new TreeSet<>();
        for (String q : samples.keySet()) {
            for (String t : samples.keySet()) {
                if (VpdqRules.compare(samples.get(q), samples.get(t), 31, 50, Rule.HMA).queryPercent() >= 80) {
                    found.add(q + " / " + t);
                }
                boolean family = q.equals(t) || FAMILIES.stream().anyMatch(s -> s.contains(q) && s.contains(t));
                if (family) {
                    expected.add(q + " / " + t);
                }
            }
        }
        assertEquals(expected, found);
        assertEquals(16 + 30 + 2 + 2 + 2, found.size());
    }

    @Test
    void theReferenceNeedsStrictlyLessThanTheThresholdAndHmaAtMost() {
        PdqHash a = TestFrames.random(1);
        List<VpdqFrame> q = List.of(frame(0, 100, a));
        List<VpdqFrame> t = List.of(frame(0, 100, TestFrames.flip(a, 31, 2)));
        assertEquals(new Score(0, 0), VpdqRules.compare(q, t, 31, 50, Rule.REFERENCE));
        assertEquals(new Score(100, 100), VpdqRules.compare(q, t, 31, 50, Rule.HMA));
        assertEquals(new Score(100, 100), VpdqRules.compare(q, t, 32, 50, Rule.REFERENCE));
        assertEquals(new Score(0, 0), VpdqRules.compare(q, t, 30, 50, Rule.HMA));
    }

    @Test
    void hmaCountsEachHashOnceAndTheReferenceEveryFrame() {
        PdqHash a = TestFrames.random(3);
        PdqHash b = TestFrames.random(4);
        PdqHash c = TestFrames.random(5);
        // query: a, a, a, b; target: a, c  ->  reference 3/4 and 1/2, HMA (a, b) 1/2 and (a, c) 1/2
        List<VpdqFrame> q = List.of(frame(0, 90, a), frame(1, 90, a), frame(2, 90, a), frame(3, 90, b));
        List<VpdqFrame> t = List.of(frame(0, 90, a), frame(1, 90, c));
        assertEquals(new Score(75, 50), VpdqRules.compare(q, t, 31, 50, Rule.REFERENCE));
        assertEquals(new Score(50, 50), VpdqRules.compare(q, t, 31, 50, Rule.HMA));
    }

    @Test
    void hmaDedupesBeforeTheQualityFilterSoALowQualityFirstCopyHidesLaterOnes() {
        PdqHash a = TestFrames.random(6);
        PdqHash b = TestFrames.random(7);
        // the first a has quality 10: HMA drops a altogether, the reference keeps the second a
        List<VpdqFrame> q = List.of(frame(0, 10, a), frame(1, 90, a), frame(2, 90, b));
        List<VpdqFrame> t = List.of(frame(0, 90, a));
        assertEquals(new Score(0, 0), VpdqRules.compare(q, t, 31, 50, Rule.HMA));
        assertEquals(new Score(50, 100), VpdqRules.compare(q, t, 31, 50, Rule.REFERENCE));
    }

    @Test
    void anEmptySideAfterFilteringScoresZeroBothWays() {
        PdqHash a = TestFrames.random(8);
        List<VpdqFrame> good = List.of(frame(0, 90, a));
        List<VpdqFrame> poor = List.of(frame(0, 49, a));
        for (Rule r : Rule.values()) {
            assertEquals(new Score(0, 0), VpdqRules.compare(good, poor, 31, 50, r));
            assertEquals(new Score(0, 0), VpdqRules.compare(poor, good, 31, 50, r));
            assertEquals(new Score(0, 0), VpdqRules.compare(List.of(), good, 31, 50, r));
            assertEquals(new Score(100, 100), VpdqRules.compare(good, good, 31, 50, r));
        }
        assertThrows(IllegalArgumentException.class, () -> VpdqRules.compare(good, good, -1, 50, Rule.HMA));
    }

    static VpdqFrame frame(int n, int quality, PdqHash h) {
        return new VpdqFrame(n, quality, h, n / 30.0);
    }
}
