package org.christchurchcall.supporter.entitlements.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.christchurchcall.supporter.entitlements.Entitlement;
import org.christchurchcall.supporter.entitlements.EntitlementKind;

/** Response bodies of /api/v1/supporters/{id}/entitlements. */
public final class EntitlementDtos {

    private EntitlementDtos() {
    }

    /** One grant: {@code code} is the role or the protocol code. */
    public record GrantView(EntitlementKind kind, @Schema(example = "ccscrp") String code, Instant grantedAt, String grantedBy) {
        public static GrantView of(Entitlement e) {
            return new GrantView(e.kind, e.code, e.grantedAt, e.grantedBy);
        }
    }

    /** What a supporter holds: the operational roles and the protocols, then each grant in full. */
    public record EntitlementsView(@Schema(example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID supporterId, List<String> roles, List<String> protocols,
            List<GrantView> grants) {
        public static EntitlementsView of(UUID supporterId, List<Entitlement> all) {
            return new EntitlementsView(supporterId,
                    all.stream().filter(e -> e.kind == EntitlementKind.ROLE).map(e -> e.code).sorted().toList(),
                    all.stream().filter(e -> e.kind == EntitlementKind.PROTOCOL).map(e -> e.code).sorted().toList(),
                    all.stream().map(GrantView::of).toList());
        }
    }
}
