package org.christchurchcall.protocol.aggregate.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.christchurchcall.protocol.aggregate.Stats;
import org.christchurchcall.protocol.incident.Activation;
import org.christchurchcall.protocol.incident.Incident;
import org.christchurchcall.protocol.notification.IncidentParticipant;

/**
 * The figures report-service publishes, over incidents reported in [from, to). Exercises are
 * left out of every figure and only counted, so that a drill never inflates published response
 * times.
 */
@ApplicationScoped
public class IncidentAggregates {

    /**
     * Activations in effect at one level or activation type of one protocol version. {@code level}
     * holds the level, or the activation type when {@code vocabulary} is {@code types} (so that
     * readers grouping by protocol and level keep working); {@code type} is set only then.
     */
    public record ProtocolLevelCount(String protocol, String protocolVersion, String vocabulary, String level,
            String type, long activations) {
    }

    public record Timings(Stats reportToActivationSeconds, Stats activationToFirstDeliverySeconds,
            Stats activationToFirstAcknowledgementSeconds, Stats activationToMedianAcknowledgementSeconds,
            Stats activationToLastAcknowledgementSeconds, Stats activationToConclusionSeconds) {
    }

    public record Aggregates(Instant from, Instant to, Instant generatedAt, long incidents, long activatedIncidents,
            long concludedIncidents, long exercisesExcluded, Map<String, Long> incidentsByStatus,
            List<ProtocolLevelCount> activationsByProtocolAndLevel, Timings timings) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Aggregates compute(Instant from, Instant to) {
        List<Incident> all = Incident.list("reportedAt >= ?1 and reportedAt < ?2 order by reportedAt", from, to);
        List<Incident> live = all.stream().filter(i -> !i.exercise).toList();
        long exercises = all.size() - live.size();
        Map<String, Long> byStatus = new TreeMap<>(live.stream()
                .collect(Collectors.groupingBy(i -> i.statusCode, Collectors.counting())));
        // the period's incidents as a subquery, not as a bind parameter each: a period may hold thousands
        String livePeriod = "(select i.id from Incident i where i.reportedAt >= ?1 and i.reportedAt < ?2 and i.exercise = false)";
        List<Activation> activations = live.isEmpty() ? List.of()
                : Activation.list("incidentId in " + livePeriod + " and status = ?3", from, to, Activation.IN_EFFECT);
        Map<List<String>, Long> grouped = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)).thenComparing(k -> k.get(3)));
        for (Activation a : activations) {
            grouped.merge(List.of(a.protocolCode, a.protocolVersion, a.vocabulary().code(), a.term()), 1L, Long::sum);
        }
        List<ProtocolLevelCount> counts = new ArrayList<>();
        grouped.forEach((k, n) -> counts.add(new ProtocolLevelCount(k.get(0), k.get(1), k.get(2), k.get(3),
                "types".equals(k.get(2)) ? k.get(3) : null, n)));
        Map<UUID, List<IncidentParticipant>> participants = live.isEmpty() ? Map.of()
                : IncidentParticipant.<IncidentParticipant>list("incidentId in " + livePeriod, from, to).stream()
                        .collect(Collectors.groupingBy(p -> p.incidentId));

        List<Double> toActivation = new ArrayList<>();
        List<Double> toDelivery = new ArrayList<>();
        List<Double> toFirstAck = new ArrayList<>();
        List<Double> toMedianAck = new ArrayList<>();
        List<Double> toLastAck = new ArrayList<>();
        List<Double> toConclusion = new ArrayList<>();
        for (Incident i : live) {
            if (i.activatedAt == null) {
                continue;
            }
            toActivation.add(seconds(i.reportedAt, i.activatedAt));
            List<IncidentParticipant> ps = participants.getOrDefault(i.id, List.of());
            ps.stream().map(p -> p.firstDeliveredAt).filter(t -> t != null).min(Instant::compareTo)
                    .ifPresent(t -> toDelivery.add(seconds(i.activatedAt, t)));
            List<Double> acks = ps.stream().map(p -> p.acknowledgedAt).filter(t -> t != null)
                    .map(t -> seconds(i.activatedAt, t)).sorted().collect(Collectors.toCollection(ArrayList::new));
            if (!acks.isEmpty()) {
                toFirstAck.add(acks.get(0));
                toMedianAck.add(Stats.median(acks));
                toLastAck.add(acks.get(acks.size() - 1));
            }
            if (i.concludedAt != null) {
                toConclusion.add(seconds(i.activatedAt, i.concludedAt));
            }
        }
        Collections.sort(toActivation);
        return new Aggregates(from, to, Instant.now(), live.size(),
                live.stream().filter(i -> i.activatedAt != null).count(),
                live.stream().filter(i -> i.concludedAt != null).count(), exercises, byStatus, counts,
                new Timings(Stats.of(toActivation), Stats.of(toDelivery), Stats.of(toFirstAck), Stats.of(toMedianAck),
                        Stats.of(toLastAck), Stats.of(toConclusion)));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
