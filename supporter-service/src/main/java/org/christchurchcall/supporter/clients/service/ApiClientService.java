package org.christchurchcall.supporter.clients.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.pagination.Cursor;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Caller;
import org.christchurchcall.supporter.audit.AuditTrail;
import org.christchurchcall.supporter.clients.ApiClient;
import org.christchurchcall.supporter.clients.ClientRolePolicy;
import org.christchurchcall.supporter.clients.config.ClientsConfig;
import org.christchurchcall.supporter.clients.repository.ApiClientRepository;
import org.christchurchcall.supporter.entitlements.EntitlementKind;
import org.christchurchcall.supporter.entitlements.repository.EntitlementRepository;
import org.christchurchcall.supporter.supporters.Supporter;
import org.christchurchcall.supporter.supporters.SupporterStatus;
import org.christchurchcall.supporter.supporters.repository.SupporterRepository;
import org.jboss.logging.Logger;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * API clients: the secretariat creates any; a supporter creates, reads and revokes its own. A
 * supporter's client carries only operational roles the secretariat granted that supporter.
 * Secrets are 256 random bits, shown once and kept only as a bcrypt hash.
 */
@ApplicationScoped
@Transactional
public class ApiClientService {

    private static final Logger LOG = Logger.getLogger(ApiClientService.class);

    /** A created client and its secret, which exists in clear only in this answer. */
    public record Created(ApiClient client, String secret) {
        @Override
        public String toString() {
            return "Created[client=" + (client == null ? null : client.clientId) + ", secret=[redacted]]";
        }
    }

    private final SecureRandom random = new SecureRandom();

    @Inject
    ApiClientRepository clients;

    @Inject
    SupporterRepository supporters;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    ClientsConfig config;

    @Inject
    EntitlementRepository entitlements;

    public Created create(String name, UUID requestedSupporterId, Set<String> requestedRoles) {
        UUID supporterId = requestedSupporterId;
        if (!caller.isSecretariat()) {
            UUID own = caller.supporterId()
                    .orElseThrow(() -> ApiException.forbidden("only the secretariat or a supporter creates clients"));
            if (supporterId != null && !supporterId.equals(own)) {
                throw ApiException.forbidden("a supporter creates clients only for itself");
            }
            supporterId = own;
        }
        Supporter supporter = null;
        if (supporterId != null) {
            UUID sid = supporterId;
            supporter = supporters.findByIdOptional(sid)
                    .orElseThrow(() -> ApiException.invalidField("supporterId", "no supporter has this id"));
            if (supporter.status == SupporterStatus.WITHDRAWN) {
                throw ApiException.invalidState(supporter.name + " has withdrawn; it gets no new clients");
            }
        }
        Set<String> roles = ClientRolePolicy.resolve(supporter == null ? null : supporter.type, requestedRoles,
                supporter == null ? Set.of() : entitlements.codes(supporter.id, EntitlementKind.ROLE));
        String secret = newSecret();
        ApiClient c = new ApiClient();
        c.id = UUID.randomUUID();
        c.clientId = "cc-" + HexFormat.of().formatHex(bytes(10));
        c.name = name.trim();
        c.supporterId = supporterId;
        c.roles = roles.toArray(String[]::new);
        c.secretHash = BcryptUtil.bcryptHash(secret, config.bcryptCost());
        c.createdAt = now();
        clients.persist(c);
        audit.record("api-client", c.id, "created", "client " + c.clientId + " '" + c.name + "'"
                + (supporter == null ? "" : " for " + supporter.name) + " with roles " + String.join(", ", c.roles));
        return new Created(c, secret);
    }

    /**
     * Creates or updates a client whose id and secret come from configuration (service and demo
     * clients). A revoked one stays revoked: configuration does not undo the secretariat's decision.
     */
    public ApiClient ensure(String clientId, String name, UUID supporterId, Set<String> roles, String secret) {
        Optional<ApiClient> existing = clients.findByClientId(clientId);
        if (existing.isEmpty()) {
            ApiClient c = new ApiClient();
            c.id = UUID.randomUUID();
            c.clientId = clientId;
            c.name = name;
            c.supporterId = supporterId;
            c.roles = roles.toArray(String[]::new);
            c.secretHash = BcryptUtil.bcryptHash(secret, config.bcryptCost());
            c.createdAt = now();
            clients.persist(c);
            audit.record("api-client", c.id, "created", "configured client " + clientId + " with roles "
                    + String.join(", ", c.roles));
            return c;
        }
        ApiClient c = existing.get();
        boolean secretChanged = !BcryptUtil.matches(secret, c.secretHash);
        boolean rolesChanged = !Set.of(c.roles).equals(roles);
        if (secretChanged || rolesChanged) {
            if (secretChanged) {
                c.secretHash = BcryptUtil.bcryptHash(secret, config.bcryptCost());
            }
            c.roles = roles.toArray(String[]::new);
            audit.record("api-client", c.id, "reconfigured", "configured client " + clientId + ": "
                    + (secretChanged ? "secret replaced; " : "") + "roles " + String.join(", ", c.roles));
        }
        if (c.isRevoked()) {
            LOG.warnf("configured client %s is revoked; it gets no tokens until the secretariat creates a new one",
                    clientId);
        }
        return c;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiClient> page(UUID supporterId, String cursor, int rows) {
        UUID visible = supporterId;
        if (!caller.isSecretariat()) {
            UUID own = caller.supporterId()
                    .orElseThrow(() -> ApiException.forbidden("only the secretariat or a supporter lists clients"));
            if (supporterId != null && !supporterId.equals(own)) {
                throw ApiException.forbidden("a supporter lists only its own clients");
            }
            visible = own;
        }
        UUID after = null;
        if (cursor != null) {
            after = Cursor.decodeUuid(cursor);
        }
        return clients.page(visible, after, rows);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApiClient get(UUID id) {
        ApiClient c = clients.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("client", id));
        if (!caller.isSecretariat() && (c.supporterId == null || !caller.actsFor(c.supporterId))) {
            throw ApiException.notFound("client", id);
        }
        return c;
    }

    /** Takes effect at once: the token endpoint reads the client on every request. */
    public ApiClient revoke(UUID id, String reason) {
        ApiClient c = get(id);
        if (c.isRevoked()) {
            throw ApiException.invalidState("client " + c.clientId + " was revoked at " + c.revokedAt);
        }
        c.revokedAt = now();
        c.revokedReason = reason;
        clients.flush();
        audit.record("api-client", c.id, "revoked", "client " + c.clientId + " revoked"
                + (reason == null ? "" : ": " + reason));
        return c;
    }

    private String newSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
