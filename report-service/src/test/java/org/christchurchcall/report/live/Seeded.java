package org.christchurchcall.report.live;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a test put into the services through their public APIs, and the figures a transparency
 * report over [from, to) must therefore show, worked out here from that record alone by the
 * figures' definitions (report-service's README and the figure descriptions, the source services'
 * API documentation), never by asking an aggregate endpoint. Timestamps are the ones the services
 * returned; durations are rounded the way protocol-service states them (to the millisecond).
 */
public final class Seeded {

    public static final List<String> SUPPORTER_TYPES = List.of("civil-society", "company", "government",
            "intergovernmental");
    public static final List<String> PROGRESS_STATUSES = List.of("implemented", "in-progress", "not-applicable",
            "not-started");

    /** A supporter: {@code joinedOn} null for an applicant; {@code leftAt} when suspended or withdrawn. */
    public record Member(String name, String type, LocalDate joinedOn, Instant leftAt) {

        boolean memberAt(Instant t) {
            return joinedOn != null && !joinedOn.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(t)
                    && (leftAt == null || leftAt.isAfter(t));
        }
    }

    /** A shared hash as it stands now. */
    public static final class Hash {
        public final String id;
        public final String contributorType;
        public final String type;
        public List<String> labels;
        public String status = "active";

        public Hash(String id, String contributorType, String type, List<String> labels) {
            this.id = id;
            this.contributorType = contributorType;
            this.type = type;
            this.labels = labels;
        }
    }

    /** One live incident with the timestamps protocol-service gave for it and for its participants. */
    public record Incident(String status, Instant reportedAt, Instant activatedAt, Instant concludedAt,
            List<Instant> firstDeliveries, List<Instant> acknowledgements, List<List<String>> activationsInEffect) {
    }

    public record StocktakeEntry(String supporterType, String commitment, String status) {
    }

    public final List<Member> members = new ArrayList<>();
    public final List<Hash> hashes = new ArrayList<>();
    public long hashesRetractedInPeriod;
    public long feedbackAgree;
    public long feedbackDisagree;
    /** One entry per dispute raised: its outcome, or null while it is open. */
    public final List<String> disputes = new ArrayList<>();
    public long matchQueries;
    public final Map<String, Long> matchesByType = new TreeMap<>();
    public final List<Incident> incidents = new ArrayList<>();
    public long exercises;
    public final List<StocktakeEntry> stocktake = new ArrayList<>();

    public Hash hash(String id) {
        return hashes.stream().filter(h -> h.id.equals(id)).findFirst().orElseThrow();
    }

    /** The rows of every figure of a report over [from, to), by figure id. */
    public Map<String, List<Map<String, Object>>> figures(Instant from, Instant to) {
        Map<String, List<Map<String, Object>>> f = new LinkedHashMap<>();
        f.putAll(hashFigures());
        f.putAll(incidentFigures());
        f.putAll(membershipFigures(from, to));
        f.put("stocktake-status-by-commitment", stocktakeRows());
        return f;
    }

    public Map<String, List<Map<String, Object>>> hashFigures() {
        Map<String, List<Map<String, Object>>> f = new LinkedHashMap<>();
        f.put("hashes-by-type", counts(count(hashes, h -> List.of(h.type)), "type", "hashes"));
        f.put("hashes-by-label", counts(count(hashes, h -> h.labels), "label", "hashes"));
        f.put("hashes-by-contributor-type", counts(count(hashes, h -> List.of(h.contributorType)), "supporterType",
                "hashes"));
        f.put("hashes-by-status", counts(count(hashes, h -> List.of(h.status)), "status", "hashes"));
        f.put("hashes-added-retracted", List.of(row("change", "added", "hashes", (long) hashes.size()),
                row("change", "retracted", "hashes", hashesRetractedInPeriod)));
        f.put("hashes-added-by-type", counts(count(hashes, h -> List.of(h.type)), "type", "hashes"));
        f.put("hash-feedback", List.of(row("verdict", "agree", "feedback", feedbackAgree),
                row("verdict", "disagree", "feedback", feedbackDisagree)));
        long resolved = disputes.stream().filter(o -> o != null).count();
        f.put("disputes", List.of(row("raised", (long) disputes.size(), "resolved", resolved, "openNow",
                disputes.size() - resolved)));
        Map<String, Long> outcomes = new TreeMap<>(Map.of("keep", 0L, "relabel", 0L, "retract", 0L));
        disputes.stream().filter(o -> o != null).forEach(o -> outcomes.merge(o, 1L, Long::sum));
        f.put("dispute-outcomes", counts(outcomes, "outcome", "disputes"));
        f.put("matches-served", List.of(row("queries", matchQueries, "matches",
                matchesByType.values().stream().mapToLong(Long::longValue).sum())));
        f.put("matches-by-type", counts(matchesByType, "type", "matches"));
        return f;
    }

    public Map<String, List<Map<String, Object>>> incidentFigures() {
        Map<String, List<Map<String, Object>>> f = new LinkedHashMap<>();
        f.put("incidents-and-exercises", List.of(
                row("kind", "incidents-reported", "count", (long) incidents.size()),
                row("kind", "incidents-activated", "count", incidents.stream().filter(i -> i.activatedAt() != null).count()),
                row("kind", "incidents-concluded", "count", incidents.stream().filter(i -> i.concludedAt() != null).count()),
                row("kind", "exercises-left-out", "count", exercises)));
        f.put("incidents-by-status", counts(count(incidents, i -> List.of(i.status())), "status", "incidents"));
        Map<List<String>, Long> byProtocolLevel = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));
        incidents.forEach(i -> i.activationsInEffect().forEach(a -> byProtocolLevel.merge(a, 1L, Long::sum)));
        List<Map<String, Object>> activations = new ArrayList<>();
        byProtocolLevel.forEach((k, n) -> activations.add(row("protocol", k.get(0), "level", k.get(1), "activations", n)));
        f.put("activations-by-protocol-and-level", activations);

        List<Double> toActivation = new ArrayList<>();
        List<Double> toDelivery = new ArrayList<>();
        List<Double> toFirstAck = new ArrayList<>();
        List<Double> toMedianAck = new ArrayList<>();
        List<Double> toLastAck = new ArrayList<>();
        List<Double> toConclusion = new ArrayList<>();
        for (Incident i : incidents) {
            if (i.activatedAt() == null) {
                continue;
            }
            toActivation.add(seconds(i.reportedAt(), i.activatedAt()));
            i.firstDeliveries().stream().min(Instant::compareTo).ifPresent(t -> toDelivery.add(seconds(i.activatedAt(), t)));
            List<Double> acks = new ArrayList<>(i.acknowledgements().stream().map(t -> seconds(i.activatedAt(), t)).toList());
            Collections.sort(acks);
            if (!acks.isEmpty()) {
                toFirstAck.add(acks.get(0));
                toMedianAck.add(median(acks));
                toLastAck.add(acks.get(acks.size() - 1));
            }
            if (i.concludedAt() != null) {
                toConclusion.add(seconds(i.activatedAt(), i.concludedAt()));
            }
        }
        f.put("crisis-response-times", List.of(timing("report-to-activation", toActivation),
                timing("activation-to-first-notification-delivered", toDelivery),
                timing("activation-to-first-acknowledgement", toFirstAck),
                timing("activation-to-median-acknowledgement", toMedianAck),
                timing("activation-to-last-acknowledgement", toLastAck),
                timing("activation-to-conclusion", toConclusion)));
        return f;
    }

    public Map<String, List<Map<String, Object>>> membershipFigures(Instant from, Instant to) {
        Map<String, List<Map<String, Object>>> f = new LinkedHashMap<>();
        f.put("supporters-by-type", counts(activeAt(to), "supporterType", "supporters"));
        Map<String, Long> joined = zeroes();
        for (Member m : members) {
            if (m.joinedOn() != null) {
                Instant j = m.joinedOn().atStartOfDay(ZoneOffset.UTC).toInstant();
                if (!j.isBefore(from) && j.isBefore(to)) {
                    joined.merge(m.type(), 1L, Long::sum);
                }
            }
        }
        f.put("joins-by-type", counts(joined, "supporterType", "joined"));
        // the first day of each month within [from, to]
        List<Map<String, Object>> overTime = new ArrayList<>();
        for (LocalDate d = LocalDate.ofInstant(from, ZoneOffset.UTC); !d.isAfter(LocalDate.ofInstant(to, ZoneOffset.UTC));
                d = d.plusDays(1)) {
            Instant at = d.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (d.getDayOfMonth() == 1 && !at.isBefore(from) && !at.isAfter(to)) {
                String date = d.toString();
                activeAt(at).forEach((type, n) -> overTime.add(row("date", date, "supporterType", type, "supporters", n)));
            }
        }
        f.put("supporters-over-time", overTime);
        return f;
    }

    /**
     * Per commitment (in the Call's order), per supporter type it applies to (government commitments
     * to governments and intergovernmental organisations, provider commitments to companies, joint
     * ones to all) and per status: supporters and their share of that type's reports.
     */
    public List<Map<String, Object>> stocktakeRows() {
        List<String> commitments = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            commitments.add("gov-" + i);
        }
        for (int i = 1; i <= 7; i++) {
            commitments.add("osp-" + i);
        }
        for (int i = 1; i <= 13; i++) {
            commitments.add("joint-" + i);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String c : commitments) {
            List<String> types = c.startsWith("gov-") ? List.of("government", "intergovernmental")
                    : c.startsWith("osp-") ? List.of("company") : SUPPORTER_TYPES;
            for (String type : types) {
                long total = stocktake.stream().filter(e -> e.commitment().equals(c) && e.supporterType().equals(type)).count();
                for (String status : PROGRESS_STATUSES) {
                    long n = stocktake.stream().filter(e -> e.commitment().equals(c) && e.supporterType().equals(type)
                            && e.status().equals(status)).count();
                    BigDecimal share = total == 0 ? null
                            : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
                    rows.add(row("commitment", c, "supporterType", type, "status", status, "supporters", n, "share", share));
                }
            }
        }
        return rows;
    }

    private Map<String, Long> activeAt(Instant t) {
        Map<String, Long> counts = zeroes();
        members.stream().filter(m -> m.memberAt(t)).forEach(m -> counts.merge(m.type(), 1L, Long::sum));
        return counts;
    }

    private static Map<String, Long> zeroes() {
        Map<String, Long> m = new TreeMap<>();
        SUPPORTER_TYPES.forEach(t -> m.put(t, 0L));
        return m;
    }

    private static <T> Map<String, Long> count(List<T> items, Function<T, List<String>> keys) {
        Map<String, Long> counts = new TreeMap<>();
        items.forEach(i -> keys.apply(i).forEach(k -> counts.merge(k, 1L, Long::sum)));
        return counts;
    }

    private static List<Map<String, Object>> counts(Map<String, Long> counts, String dimension, String measure) {
        List<Map<String, Object>> rows = new ArrayList<>();
        new TreeMap<>(counts).forEach((k, v) -> rows.add(row(dimension, k, measure, v)));
        return rows;
    }

    /**
     * Seconds as protocol-service publishes them (milliseconds / 1000) and summarises them: the mean
     * and an even median worked out in whole milliseconds, rounded half up, as its aggregate
     * endpoint states.
     */
    private static Map<String, Object> timing(String interval, List<Double> values) {
        if (values.isEmpty()) {
            return row("interval", interval, "incidents", 0L, "minSeconds", null, "medianSeconds", null, "meanSeconds", null,
                    "maxSeconds", null);
        }
        long[] v = millis(values);
        long sum = 0;
        for (long m : v) {
            sum += m;
        }
        return row("interval", interval, "incidents", (long) v.length, "minSeconds", ms(v[0] / 1000.0), "medianSeconds",
                ms(medianMillis(v) / 1000.0), "meanSeconds", ms(halfUp(sum, v.length) / 1000.0),
                "maxSeconds", ms(v[v.length - 1] / 1000.0));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static long[] millis(List<Double> values) {
        long[] v = new long[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round(values.get(i) * 1000);
        }
        java.util.Arrays.sort(v);
        return v;
    }

    private static double median(List<Double> values) {
        return medianMillis(millis(values)) / 1000.0;
    }

    private static long medianMillis(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : halfUp(sorted[n / 2 - 1] + sorted[n / 2], 2);
    }

    /** {@code sum / n} rounded half up, in whole milliseconds. */
    private static long halfUp(long sum, long n) {
        return Math.floorDiv(2 * sum + n, 2 * n);
    }

    private static BigDecimal ms(double seconds) {
        return BigDecimal.valueOf(seconds).setScale(3, RoundingMode.HALF_UP);
    }

    public static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
