package org.christchurchcall.protocol.incident.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.christchurchcall.protocol.hashes.client.CrisisHashes;
import org.christchurchcall.protocol.incident.Activation;
import org.christchurchcall.protocol.incident.Incident;
import org.christchurchcall.protocol.notification.Acknowledgement;
import org.christchurchcall.protocol.notification.IncidentParticipant;

/** Response bodies of the incident endpoints. */
public final class IncidentViews {

    private IncidentViews() {
    }

    public record IncidentView(@Schema(example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID id, String title, String description, Instant occurredAt, String location,
            List<String> contentUrls, List<String> platforms, List<String> contentTypes, List<String> protocols,
            boolean exercise, @Schema(enumeration = { "live", "exercise" }) String classification,
            @Schema(enumeration = { "reported", "assessing", "active", "concluding", "concluded", "debriefed" }, example = "active") String status, List<String> nextStatuses,
            UUID reportedBySupporter, Instant reportedAt, Instant assessingAt, Instant activatedAt,
            Instant concludingAt, Instant concludedAt, String conclusionRationale, Instant debriefedAt,
            String afterActionReview, List<ActivationView> activations, CrisisHashes.Summary crisisHashes,
            Map<String, String> links, long version, Instant updatedAt) {
    }

    public record CriteriaView(boolean ongoingEvent, boolean perpetratorProducedContent,
            boolean murderOrAttemptedMurder, boolean onOrSpreadingToMemberPlatforms) {
    }

    public record ActivationView(@Schema(example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID id, UUID incidentId,
            @Schema(example = "gifct-cip") String protocol,
            @Schema(description = "The protocol version the activation was made under; it keeps it", example = "2025")
            String protocolVersion,
            @Schema(description = "That version's vocabulary: levels (level is set) or activation types (type is set)",
                    enumeration = { "levels", "types" }, example = "types") String vocabulary,
            @Schema(description = "The level, under a version with levels; null otherwise", example = "content-incident-protocol")
            String level,
            @Schema(description = "The activation type, under a version with types; null otherwise",
                    example = "perpetrator-content-incident") String type,
            @Schema(description = "Whether its level or type shares the perpetrator's hashes in the hash-sharing database")
            boolean sharesHashes,
            @Schema(enumeration = { "pending-approval", "in-effect" }) String status,
            CriteriaView criteria, String decision, UUID requestedBySupporter, Instant requestedAt,
            UUID approvedBySupporter, Instant approvedAt, Instant effectiveAt, long version) {
    }

    public record ParticipantView(UUID supporterId, @Schema(example = "Aotearoa New Zealand") String supporterName, Instant firstNotifiedAt,
            Instant firstDeliveredAt, Long timeToDeliverMs, Instant acknowledgedAt, Long timeToAcknowledgeMs,
            long pending, long delivered, long deadLettered) {
    }

    public record AcknowledgementView(@Schema(example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID id, UUID incidentId, UUID supporterId, UUID eventId, String note,
            Instant receivedAt) {
    }

    public static IncidentView of(Incident i, List<Activation> activations, CrisisHashes.Summary hashes) {
        String self = "/api/v1/incidents/" + i.id;
        Map<String, String> links = Map.of("self", self, "timeline", self + "/timeline", "participants",
                self + "/participants", "acknowledgements", self + "/acknowledgements");
        return new IncidentView(i.id, i.title, i.description, i.occurredAt, i.location, i.contentUrls, i.platforms,
                i.contentTypes, i.protocols, i.exercise, i.exercise ? "exercise" : "live", i.statusCode,
                org.christchurchcall.protocol.incident.IncidentLifecycle.next(i.status()).stream()
                        .sorted().map(s -> s.code()).toList(),
                i.reportedBySupporter, i.reportedAt, i.assessingAt, i.activatedAt, i.concludingAt, i.concludedAt,
                i.conclusionRationale, i.debriefedAt, i.afterActionReview,
                activations == null ? null : activations.stream().map(IncidentViews::of).toList(), hashes, links,
                i.version, i.updatedAt);
    }

    public static ActivationView of(Activation a) {
        return new ActivationView(a.id, a.incidentId, a.protocolCode, a.protocolVersion, a.vocabulary().code(),
                a.levelCode, a.typeCode, a.sharesHashes, a.status,
                new CriteriaView(a.ongoingEvent, a.perpetratorContent, a.murderOrAttempt, a.onMemberPlatforms),
                a.decision, a.requestedBySupporter, a.requestedAt, a.approvedBySupporter, a.approvedAt, a.effectiveAt,
                a.version);
    }

    public static ParticipantView of(IncidentParticipant p, long pending, long delivered, long dead) {
        return new ParticipantView(p.supporterId, p.supporterName, p.firstNotifiedAt, p.firstDeliveredAt,
                between(p.firstNotifiedAt, p.firstDeliveredAt), p.acknowledgedAt,
                between(p.firstNotifiedAt, p.acknowledgedAt), pending, delivered, dead);
    }

    public static AcknowledgementView of(Acknowledgement a) {
        return new AcknowledgementView(a.id, a.incidentId, a.supporterId, a.eventId, a.note, a.receivedAt);
    }

    private static Long between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis();
    }
}
