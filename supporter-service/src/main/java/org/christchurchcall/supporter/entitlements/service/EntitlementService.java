package org.christchurchcall.supporter.entitlements.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.problem.ProblemType;
import org.christchurchcall.platform.security.Caller;
import org.christchurchcall.supporter.audit.AuditTrail;
import org.christchurchcall.supporter.clients.ClientRolePolicy;
import org.christchurchcall.supporter.entitlements.Entitlement;
import org.christchurchcall.supporter.entitlements.EntitlementKind;
import org.christchurchcall.supporter.entitlements.repository.EntitlementRepository;
import org.christchurchcall.supporter.supporters.Supporter;
import org.christchurchcall.supporter.supporters.SupporterStatus;
import org.christchurchcall.supporter.supporters.service.SupporterService;

/**
 * The secretariat grants a supporter operational roles and participation in protocols, and
 * withdraws them; the supporter and the secretariat read them. Every change is audited under
 * entity type {@value #ENTITY} with the supporter's id.
 */
@ApplicationScoped
@Transactional
public class EntitlementService {

    public static final String ENTITY = "entitlement";

    /** A grant and whether this request made it. */
    public record Granted(Entitlement entitlement, boolean created) {
    }

    @Inject
    EntitlementRepository entitlements;

    @Inject
    SupporterService supporters;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entitlement> of(UUID supporterId) {
        readable(supporterId);
        return entitlements.ofSupporter(supporterId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Entitlement get(UUID supporterId, EntitlementKind kind, String code) {
        Supporter s = readable(supporterId);
        return entitlements.find(supporterId, kind, code).orElseThrow(() -> notHeld(s, kind, code));
    }

    /**
     * Grants, or finds the grant already made (then nothing changes and nothing is audited). A
     * protocol code must have been confirmed by {@link ProtocolCatalog} first.
     */
    public Granted grant(UUID supporterId, EntitlementKind kind, String code, String grantedBy) {
        Supporter s = requireGrantable(supporterId);
        if (kind == EntitlementKind.ROLE) {
            checkRole(s, code);
        }
        var existing = entitlements.find(supporterId, kind, code);
        if (existing.isPresent()) {
            return new Granted(existing.get(), false);
        }
        Entitlement e = new Entitlement();
        e.id = UUID.randomUUID();
        e.supporterId = supporterId;
        e.kind = kind;
        e.code = code;
        e.grantedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        e.grantedBy = grantedBy;
        entitlements.persist(e);
        entitlements.flush();
        audit.record(ENTITY, supporterId, "granted", describe(kind, code) + " granted to " + s.name);
        return new Granted(e, true);
    }

    /** The secretariat's grant, recorded as made by its client. */
    public Granted grant(UUID supporterId, EntitlementKind kind, String code) {
        return grant(supporterId, kind, code, caller.clientId());
    }

    /**
     * Takes effect at once for what is read per request: the next token of the supporter's
     * clients lacks a withdrawn role, and the next contacts read by protocol-service lack a
     * withdrawn protocol. Tokens already issued keep their roles until they expire.
     */
    public void withdraw(UUID supporterId, EntitlementKind kind, String code) {
        Supporter s = supporters.load(supporterId);
        Entitlement e = entitlements.find(supporterId, kind, code).orElseThrow(() -> notHeld(s, kind, code));
        entitlements.delete(e);
        audit.record(ENTITY, supporterId, "withdrawn", describe(kind, code) + " withdrawn from " + s.name);
    }

    /** A 404 unless the supporter exists, a 409 when it has withdrawn. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Supporter requireGrantable(UUID supporterId) {
        Supporter s = supporters.load(supporterId);
        if (s.status == SupporterStatus.WITHDRAWN) {
            throw ApiException.invalidState(s.name + " has withdrawn; it gets no new grants");
        }
        return s;
    }

    private static void checkRole(Supporter s, String role) {
        if (!ClientRolePolicy.OPERATIONAL.contains(role)) {
            throw ApiException.invalidField("role", "'" + role + "' is not granted; the operational roles are "
                    + String.join(", ", new TreeSet<>(ClientRolePolicy.OPERATIONAL)));
        }
        if (!ClientRolePolicy.allowedFor(s.type).contains(role)) {
            throw ApiException.invalidField("role", "a " + s.type.code() + " supporter does not take operational roles");
        }
    }

    private Supporter readable(UUID supporterId) {
        if (!caller.isSecretariat() && !caller.actsFor(supporterId)) {
            throw ApiException.forbidden("only the secretariat and the supporter itself read its entitlements");
        }
        return supporters.load(supporterId);
    }

    private static ApiException notHeld(Supporter s, EntitlementKind kind, String code) {
        return new ApiException(ProblemType.NOT_FOUND,
                s.name + " holds no grant of " + describe(kind, code));
    }

    static String describe(EntitlementKind kind, String code) {
        return (kind == EntitlementKind.ROLE ? "role '" : "participation in protocol '") + code + "'";
    }
}
