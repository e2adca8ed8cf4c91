package org.christchurchcall.supporter.clients;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.supporter.supporters.SupporterType;

/**
 * Which roles a client may carry. A supporter's client always carries its type role, plus any of
 * the operational roles its type allows: governments and companies coordinate crises, contribute
 * and match hashes; intergovernmental organisations the same (the European Commission takes part
 * in the EU Crisis Protocol); civil society reads, since it neither runs protocols nor handles
 * hashed content. The secretariat, auditor and service roles never belong to a supporter's client.
 */
public final class ClientRolePolicy {

    private static final Set<String> OPERATIONAL = Set.of(Roles.CRISIS_COORDINATOR, Roles.HASH_CONTRIBUTOR,
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

    public static Set<String> allowedFor(SupporterType type) {
        Set<String> allowed = new TreeSet<>(EXTRA.get(type));
        allowed.add(type.role());
        return allowed;
    }

    /** The roles the client gets, or a 400 naming the first role its owner may not have. */
    public static Set<String> resolve(SupporterType type, Set<String> requested) {
        Set<String> allowed = type == null ? PLATFORM_ROLES : allowedFor(type);
        for (String role : requested) {
            if (!allowed.contains(role)) {
                throw ApiException.invalidField("roles", "'" + role + "' is not allowed for "
                        + (type == null ? "a client without a supporter" : "a " + type.code() + " supporter's client")
                        + "; allowed: " + String.join(", ", new TreeSet<>(allowed)));
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
}
