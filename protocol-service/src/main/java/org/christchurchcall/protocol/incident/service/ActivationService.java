package org.christchurchcall.protocol.incident.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Caller;
import org.christchurchcall.protocol.contact.service.ContactSnapshot;
import org.christchurchcall.protocol.incident.Activation;
import org.christchurchcall.protocol.incident.IllegalTransitionException;
import org.christchurchcall.protocol.incident.Incident;
import org.christchurchcall.protocol.incident.IncidentLifecycle;
import org.christchurchcall.protocol.incident.IncidentLifecycle.Action;
import org.christchurchcall.protocol.incident.IncidentStatus;
import org.christchurchcall.protocol.incident.SecondApproval;
import org.christchurchcall.protocol.incident.rest.IncidentRequests;
import org.christchurchcall.protocol.notification.service.Outbox;
import org.christchurchcall.protocol.catalogue.Protocol;
import org.christchurchcall.protocol.catalogue.Vocabulary;
import org.christchurchcall.protocol.catalogue.service.ProtocolVersions;
import org.christchurchcall.protocol.timeline.TimelineKind;
import org.christchurchcall.protocol.timeline.service.Timeline;

/**
 * Activating protocols for an incident, approving activations, and changing their levels or
 * activation types. A new activation takes the protocol's version in effect; its later changes
 * stay within that version.
 */
@ApplicationScoped
public class ActivationService {

    @Inject
    Caller caller;

    @Inject
    Access access;

    @Inject
    Timeline timeline;

    @Inject
    Outbox outbox;

    @Inject
    IncidentService incidents;

    @Inject
    EntityManager em;

    @Inject
    ProtocolVersions versions;

    @Transactional
    public Activation activate(UUID incidentId, IncidentRequests.Activate r, ContactSnapshot contacts) {
        Incident i = access.visibleForUpdate(incidentId);
        Protocol p = Protocol.findById(r.protocol());
        if (p == null) {
            throw ApiException.invalidField("protocol", "unknown protocol " + r.protocol());
        }
        ProtocolVersions.Chosen term = versions.forNewActivation(p.code, r.level(), r.type());
        if (!access.participatesIn(p.code)) {
            throw ApiException.forbidden("the caller's organisation does not participate in " + p.code
                    + "; the secretariat grants participation in a protocol");
        }
        require(i, Action.REQUEST_ACTIVATION);
        if (Activation.count("incidentId = ?1 and protocolCode = ?2", i.id, p.code) > 0) {
            throw ApiException.conflict(p.code + " is already activated for this incident; change its level or type "
                    + "instead");
        }
        Instant now = Instant.now();
        Activation a = new Activation();
        a.id = UUID.randomUUID();
        a.incidentId = i.id;
        a.protocolCode = p.code;
        a.protocolVersion = term.version();
        take(a, term);
        a.ongoingEvent = r.criteria().ongoingEvent();
        a.perpetratorContent = r.criteria().perpetratorProducedContent();
        a.murderOrAttempt = r.criteria().murderOrAttemptedMurder();
        a.onMemberPlatforms = r.criteria().onOrSpreadingToMemberPlatforms();
        a.decision = r.decision();
        a.requestedBySupporter = caller.supporterId().orElse(null);
        a.requestedByClient = caller.clientId();
        a.requestedAt = now;
        a.updatedAt = now;
        a.status = p.requiresSecondApproval ? Activation.PENDING_APPROVAL : Activation.IN_EFFECT;
        a.effectiveAt = a.inEffect() ? now : null;
        a.persist();
        if (!i.protocols.contains(p.code)) {
            List<String> protocols = new ArrayList<>(i.protocols);
            protocols.add(p.code);
            i.protocols = protocols;
        }
        i.updatedAt = now;
        Map<String, Object> data = describe(a);
        data.put("requiresSecondApproval", p.requiresSecondApproval);
        timeline.append(i, TimelineKind.ACTIVATION_REQUESTED, access.actor(), data);
        if (a.inEffect()) {
            takeEffect(i, a, now, contacts);
        }
        em.flush();
        return a;
    }

    @Transactional
    public Activation approve(UUID incidentId, UUID activationId, IncidentRequests.Approve r,
            ContactSnapshot contacts) {
        Incident i = access.visibleForUpdate(incidentId);
        Activation a = find(i, activationId);
        if (!access.participatesIn(a.protocolCode)) {
            throw ApiException.forbidden("the caller's organisation does not participate in " + a.protocolCode
                    + "; the secretariat grants participation in a protocol");
        }
        if (!Activation.PENDING_APPROVAL.equals(a.status)) {
            throw ApiException.invalidState("the activation is " + a.status + " and needs no approval");
        }
        UUID approver = caller.supporterId().orElse(null);
        if (!SecondApproval.isDifferentOrganisation(a.requestedBySupporter, approver)) {
            throw ApiException.forbidden("a second organisation must approve; the requester cannot approve alone");
        }
        require(i, Action.APPROVE_ACTIVATION);
        Instant now = Instant.now();
        a.approvedBySupporter = approver;
        a.approvedByClient = caller.clientId();
        a.approvedAt = now;
        a.status = Activation.IN_EFFECT;
        a.updatedAt = now;
        Map<String, Object> data = describe(a);
        data.put("note", r == null ? null : r.note());
        timeline.append(i, TimelineKind.ACTIVATION_APPROVED, access.actor(), data);
        takeEffect(i, a, now, contacts);
        em.flush();
        return a;
    }

    @Transactional
    public Activation changeLevel(UUID incidentId, UUID activationId, IncidentRequests.ChangeLevel r,
            ContactSnapshot contacts) {
        Incident i = access.visibleForUpdate(incidentId);
        Activation a = find(i, activationId);
        if (!access.participatesIn(a.protocolCode)) {
            throw ApiException.forbidden("the caller's organisation does not participate in " + a.protocolCode
                    + "; the secretariat grants participation in a protocol");
        }
        if (a.version != r.version()) {
            throw ApiException.staleVersion(r.version(), a.version);
        }
        ProtocolVersions.Chosen term = versions.within(a.protocolCode, a.protocolVersion, r.level(), r.type());
        if (term.code().equals(a.term())) {
            throw ApiException.invalidField(term.vocabulary().field(), "the activation is already at " + term.code());
        }
        if (!a.inEffect()) {
            throw ApiException.invalidState("the activation is " + a.status + "; its " + term.vocabulary().field()
                    + " changes once it is in effect");
        }
        require(i, Action.CHANGE_LEVEL);
        String from = a.term();
        Instant now = Instant.now();
        take(a, term);
        a.updatedAt = now;
        i.updatedAt = now;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("activationId", a.id.toString());
        data.put("protocol", a.protocolCode);
        data.put("protocolVersion", a.protocolVersion);
        data.put("vocabulary", a.vocabulary().code());
        data.put("from", from);
        data.put("to", a.term());
        data.put("sharesHashes", a.sharesHashes);
        data.put("reason", r.reason());
        timeline.append(i, TimelineKind.LEVEL_CHANGED, access.actor(), data);
        incidents.recordContactSource(i, contacts);
        outbox.enqueue(i, Outbox.LEVEL_CHANGED, List.of(a.protocolCode), data, access.actor());
        em.flush();
        return a;
    }

    private void takeEffect(Incident i, Activation a, Instant now, ContactSnapshot contacts) {
        a.effectiveAt = now;
        if (i.status() == IncidentStatus.ASSESSING) {
            IncidentLifecycle.transition(i.status(),
                    new IncidentLifecycle.Request(IncidentStatus.ACTIVE, null, null, true));
            i.status(IncidentStatus.ACTIVE);
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", IncidentStatus.ASSESSING.code());
            change.put("to", IncidentStatus.ACTIVE.code());
            change.put("activationId", a.id.toString());
            timeline.append(i, TimelineKind.STATUS_CHANGED, access.actor(), change);
        }
        if (i.activatedAt == null) {
            i.activatedAt = now;
        }
        timeline.append(i, TimelineKind.ACTIVATION_IN_EFFECT, access.actor(), describe(a));
        incidents.recordContactSource(i, contacts);
        outbox.enqueue(i, Outbox.ACTIVATED, List.of(a.protocolCode), describe(a), access.actor());
    }

    private static Activation find(Incident i, UUID activationId) {
        Activation a = Activation.findById(activationId);
        if (a == null || !a.incidentId.equals(i.id)) {
            throw ApiException.notFound("activation", activationId);
        }
        return a;
    }

    private static void take(Activation a, ProtocolVersions.Chosen term) {
        a.levelCode = term.vocabulary() == Vocabulary.LEVELS ? term.code() : null;
        a.typeCode = term.vocabulary() == Vocabulary.TYPES ? term.code() : null;
        a.sharesHashes = term.sharesHashes();
    }

    private static void require(Incident i, Action action) {
        try {
            IncidentLifecycle.require(i.status(), action);
        } catch (IllegalTransitionException e) {
            throw ApiException.invalidState(e.getMessage());
        }
    }

    private static Map<String, Object> describe(Activation a) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("activationId", a.id.toString());
        d.put("protocol", a.protocolCode);
        d.put("protocolVersion", a.protocolVersion);
        d.put("vocabulary", a.vocabulary().code());
        d.put(a.vocabulary().field(), a.term());
        d.put("sharesHashes", a.sharesHashes);
        d.put("status", a.status);
        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("ongoingEvent", a.ongoingEvent);
        criteria.put("perpetratorProducedContent", a.perpetratorContent);
        criteria.put("murderOrAttemptedMurder", a.murderOrAttempt);
        criteria.put("onOrSpreadingToMemberPlatforms", a.onMemberPlatforms);
        d.put("criteria", criteria);
        d.put("decision", a.decision);
        return d;
    }
}
