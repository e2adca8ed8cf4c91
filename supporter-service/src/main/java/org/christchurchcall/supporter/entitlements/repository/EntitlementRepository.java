package org.christchurchcall.supporter.entitlements.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.supporter.entitlements.Entitlement;
import org.christchurchcall.supporter.entitlements.EntitlementKind;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EntitlementRepository implements PanacheRepositoryBase<Entitlement, UUID> {

    public List<Entitlement> ofSupporter(UUID supporterId) {
        return list("supporterId = ?1 order by kind, code", supporterId);
    }

    public Optional<Entitlement> find(UUID supporterId, EntitlementKind kind, String code) {
        return find("supporterId = ?1 and kind = ?2 and code = ?3", supporterId, kind, code).firstResultOptional();
    }

    public Set<String> codes(UUID supporterId, EntitlementKind kind) {
        return list("supporterId = ?1 and kind = ?2", supporterId, kind).stream().map(e -> e.code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The protocols each of these supporters takes part in, sorted. */
    public Map<UUID, Set<String>> protocolsOf(Collection<UUID> supporterIds) {
        return list("supporterId in ?1 and kind = ?2", supporterIds, EntitlementKind.PROTOCOL).stream()
                .collect(Collectors.groupingBy(e -> e.supporterId,
                        Collectors.mapping(e -> e.code, Collectors.toCollection(TreeSet::new))));
    }

    /** Whether any supporter holds this grant: a protocol code granted before was confirmed then. */
    public boolean grantedToAnyone(EntitlementKind kind, String code) {
        return count("kind = ?1 and code = ?2", kind, code) > 0;
    }
}
