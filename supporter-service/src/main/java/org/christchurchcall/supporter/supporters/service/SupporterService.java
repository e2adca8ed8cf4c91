package org.christchurchcall.supporter.supporters.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.pagination.Cursor;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Caller;
import org.christchurchcall.supporter.audit.AuditTrail;
import org.christchurchcall.supporter.supporters.Supporter;
import org.christchurchcall.supporter.supporters.SupporterStatus;
import org.christchurchcall.supporter.supporters.SupporterType;
import org.christchurchcall.supporter.supporters.repository.SupporterRepository;
import org.christchurchcall.supporter.supporters.rest.SupporterDtos.CreateSupporter;
import org.christchurchcall.supporter.supporters.rest.SupporterDtos.UpdateSupporter;

/**
 * The register of supporters. Everyone authenticated sees active supporters; the secretariat
 * sees all and changes status; a supporter sees and edits its own profile whatever its status.
 */
@ApplicationScoped
@Transactional
public class SupporterService {

    public static final String ENTITY = "supporter";

    @Inject
    SupporterRepository supporters;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Supporter> page(SupporterStatus status, SupporterType type, String cursor, int rows) {
        SupporterStatus visible = status;
        if (!caller.isSecretariat()) {
            if (status != null && status != SupporterStatus.ACTIVE) {
                return List.of();
            }
            visible = SupporterStatus.ACTIVE;
        }
        String afterName = null;
        UUID afterId = null;
        if (cursor != null) {
            List<String> keys = Cursor.decode(cursor, 2);
            afterName = keys.get(0);
            try {
                afterId = UUID.fromString(keys.get(1));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("cursor", "not a cursor this list returned");
            }
        }
        return supporters.page(visible, type, afterName, afterId, rows);
    }

    public static String cursorOf(Supporter s) {
        return Cursor.encode(s.name, s.id.toString());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Supporter> find(UUID id) {
        return supporters.findByIdOptional(id)
                .filter(s -> s.isActive() || caller.isSecretariat() || caller.actsFor(s.id));
    }

    public Supporter register(CreateSupporter req) {
        checkCountry(req.type(), req.country());
        requireUniqueName(req.name(), null);
        Supporter s = Supporter.apply(req.name().trim(), req.type(), req.country(), req.website());
        supporters.persist(s);
        audit.record(ENTITY, s.id, "applied", "registered " + s.type.code() + " '" + s.name + "' as applicant");
        return s;
    }

    public Supporter update(UUID id, UpdateSupporter req) {
        Supporter s = load(id);
        if (!caller.isSecretariat() && !caller.actsFor(id)) {
            throw ApiException.forbidden("a supporter edits only its own profile");
        }
        checkVersion(s, req.version());
        checkCountry(s.type, req.country());
        requireUniqueName(req.name(), s.id);
        s.name = req.name().trim();
        s.country = req.country();
        s.website = req.website();
        supporters.flush();
        audit.record(ENTITY, s.id, "updated", "profile of '" + s.name + "' edited");
        return s;
    }

    public Supporter admit(UUID id, long version, LocalDate joinedOn) {
        return transition(id, version, s -> s.admit(joinedOn), "admitted", s -> "admitted, joined on " + s.joinedOn);
    }

    public Supporter suspend(UUID id, long version, String reason) {
        return transition(id, version, s -> s.suspend(reason), "suspended", s -> "suspended: " + reason);
    }

    public Supporter reinstate(UUID id, long version, String reason) {
        return transition(id, version, s -> s.reinstate(reason), "reinstated",
                s -> "reinstated" + (reason == null ? "" : ": " + reason));
    }

    public Supporter withdraw(UUID id, long version, String reason) {
        return transition(id, version, s -> s.withdraw(reason), "withdrawn", s -> "withdrawn: " + reason);
    }

    private Supporter transition(UUID id, long version, Consumer<Supporter> change, String action,
            Function<Supporter, String> summary) {
        Supporter s = load(id);
        checkVersion(s, version);
        change.accept(s);
        supporters.flush();
        audit.record(ENTITY, s.id, action, summary.apply(s));
        return s;
    }

    /** The supporter with this id whatever its status, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Supporter load(UUID id) {
        return supporters.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("supporter", id));
    }

    private static void checkVersion(Supporter s, long version) {
        if (s.version != version) {
            throw ApiException.staleVersion(version, s.version);
        }
    }

    private static void checkCountry(SupporterType type, String country) {
        if (type == SupporterType.GOVERNMENT && country == null) {
            throw ApiException.invalidField("country", "a government needs its ISO 3166-1 alpha-2 country code");
        }
        if (type == SupporterType.INTERGOVERNMENTAL && country != null) {
            throw ApiException.invalidField("country", "an intergovernmental organisation has no country");
        }
    }

    private void requireUniqueName(String name, UUID self) {
        supporters.findByName(name.trim()).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw ApiException.conflict("a supporter named '" + other.name + "' already exists: " + other.id);
        });
    }
}
