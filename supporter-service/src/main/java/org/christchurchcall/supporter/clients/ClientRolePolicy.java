package org.christchurchcall.supporter.clients;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.problem.Problem;
import org.christchurchcall.platform.problem.ProblemType;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.supporter.supporters.SupporterType;

/**
 * Which roles a client may carry. A supporter's client always carries its type role, plus those
 * operational roles the secretariat granted its supporter. Which operational roles a type can be
 * granted at all: governments and companies coordinate crises, contribute and match hashes;
 * intergovernmental organisations the same (the European Commission takes part in the EU Crisis
 * Protocol); civil society reads, since it neither runs protocols nor handles hashed content. The
 * secretariat, auditor and service roles never belong to a supporter's client.
 */
public final class ClientRolePolicy {

    /** The roles the secretariat grants a supporter (see the entitlements). */
    public static final Set<String> OPERATIONAL = Set.of(Roles.CRISIS_COORDINATOR, Roles.HASH_CONTRIBUTOR,
            Roles.MATCHER);

    private static final Map<SupporterType, Set<String>> EXTRA = Map.of(
            SupporterType.GOVERNMENT, OPERATIONAL,
            SupporterType.COMPANY, OPERATIONAL,
            SupporterType.INTERGOVERNMENTAL, OPERATIONAL,
            SupporterType.CIVIL_SOCIETY, Set.of());

    /** Roles of clients that act for no supporter. */
    public static final Set<String> PLATFORM_ROLES = Set.of(Roles.SECRETARIAT, Roles.AUDITOR, Roles.SERVICE);

    private ClientRolePolicy() {
    }

    /** The roles a supporter of this type can hold at most, whatever it was granted. */
    public static Set<String> allowedFor(SupporterType type) {
        Set<String> allowed = new TreeSet<>(EXTRA.get(type));
        allowed.add(type.role());
        return allowed;
    }

    /**
     * The roles the client gets: a 400 naming the first role its owner's type may not have, a 403
     * naming the first operational role its supporter was not granted ({@code granted} is ignored
     * for clients without a supporter).
     */
    public static Set<String> resolve(SupporterType type, Set<String> requested, Set<String> granted) {
        Set<String> allowed = type == null ? PLATFORM_ROLES : allowedFor(type);
        for (String role : new TreeSet<>(requested)) {
            if (!allowed.contains(role)) {
                throw ApiException.invalidField("roles", "'" + role + "' is not allowed for "
                        + (type == null ? "a client without a supporter" : "a " + type.code() + " supporter's client")
                        + "; allowed: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        if (type != null) {
            for (String role : new TreeSet<>(requested)) {
                if (OPERATIONAL.contains(role) && !granted.contains(role)) {
                    String message = "'" + role + "' was not granted to the supporter; the secretariat grants it at "
                            + "/api/v1/supporters/{id}/entitlements/roles/" + role;
                    throw new ApiException(ProblemType.FORBIDDEN, "roles: " + message,
                            List.of(new Problem.FieldError("roles", message)));
                }
            }
        }
        Set<String> roles = new LinkedHashSet<>();
        if (type != null) {
            roles.add(type.role());
        }
        roles.addAll(new TreeSet<>(requested));
        if (roles.isEmpty()) {
            throw ApiException.invalidField("roles", "a client without a supporter needs at least one role");
        }
        return roles;
    }

    /**
     * The roles a supporter's client carries in its next token: what it was created with, less any
     * operational role since withdrawn from its supporter.
     */
    public static Set<String> effective(SupporterType type, String[] clientRoles, Set<String> granted) {
        Set<String> roles = new LinkedHashSet<>();
        for (String role : clientRoles) {
            if (role.equals(type.role()) || (OPERATIONAL.contains(role) && granted.contains(role))) {
                roles.add(role);
            }
        }
        return roles;
    }
}
