package org.christchurchcall.supporter.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.supporter.supporters.SupporterType;
import org.junit.jupiter.api.Test;

class ClientRolePolicyTest {

    @Test
    void aCompanyMayHaveItsTypeRoleAndTheOperationalRoles() {
        assertEquals(Set.of(Roles.COMPANY, Roles.CRISIS_COORDINATOR, Roles.HASH_CONTRIBUTOR, Roles.MATCHER),
                ClientRolePolicy.allowedFor(SupporterType.COMPANY));
        assertEquals(List.of(Roles.COMPANY, Roles.MATCHER),
                List.copyOf(ClientRolePolicy.resolve(SupporterType.COMPANY, Set.of(Roles.MATCHER))));
        assertEquals(List.of(Roles.COMPANY), List.copyOf(ClientRolePolicy.resolve(SupporterType.COMPANY, Set.of())));
    }

    @Test
    void noSupporterEverGetsPlatformRolesOrAnotherTypesRole() {
        for (SupporterType type : SupporterType.values()) {
            for (String role : List.of(Roles.SECRETARIAT, Roles.SERVICE, Roles.AUDITOR)) {
                assertThrows(ApiException.class, () -> ClientRolePolicy.resolve(type, Set.of(role)));
            }
        }
        assertThrows(ApiException.class, () -> ClientRolePolicy.resolve(SupporterType.COMPANY, Set.of(Roles.GOVERNMENT)));
        assertThrows(ApiException.class,
                () -> ClientRolePolicy.resolve(SupporterType.CIVIL_SOCIETY, Set.of(Roles.HASH_CONTRIBUTOR)));
    }

    @Test
    void clientsWithoutASupporterCarryOnlyPlatformRoles() {
        assertEquals(Set.of(Roles.SERVICE), ClientRolePolicy.resolve(null, Set.of(Roles.SERVICE)));
        assertThrows(ApiException.class, () -> ClientRolePolicy.resolve(null, Set.of(Roles.MATCHER)));
        assertThrows(ApiException.class, () -> ClientRolePolicy.resolve(null, Set.of()));
    }
}
