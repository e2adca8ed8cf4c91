package org.christchurchcall.supporter.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.problem.ProblemType;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.supporter.supporters.SupporterType;
import org.junit.jupiter.api.Test;

class ClientRolePolicyTest {

    private static final Set<String> ALL_GRANTED = ClientRolePolicy.OPERATIONAL;

    @Test
    void aCompanyMayHaveItsTypeRoleAndTheOperationalRolesItWasGranted() {
        assertEquals(Set.of(Roles.COMPANY, Roles.CRISIS_COORDINATOR, Roles.HASH_CONTRIBUTOR, Roles.MATCHER),
                ClientRolePolicy.allowedFor(SupporterType.COMPANY));
        assertEquals(List.of(Roles.COMPANY, Roles.MATCHER),
                List.copyOf(ClientRolePolicy.resolve(SupporterType.COMPANY, Set.of(Roles.MATCHER), Set.of(Roles.MATCHER))));
        assertEquals(List.of(Roles.COMPANY),
                List.copyOf(ClientRolePolicy.resolve(SupporterType.COMPANY, Set.of(), Set.of())));
    }

    @Test
    void anOperationalRoleNotGrantedIsForbiddenAndNamed() {
        ApiException e = assertThrows(ApiException.class, () -> ClientRolePolicy.resolve(SupporterType.GOVERNMENT,
                Set.of(Roles.MATCHER, Roles.CRISIS_COORDINATOR), Set.of(Roles.MATCHER)));
        assertEquals(ProblemType.FORBIDDEN, e.type());
        assertTrue(e.getMessage().contains("'crisis-coordinator' was not granted"), e.getMessage());
        assertEquals("roles", e.errors().get(0).field());
    }

    @Test
    void noSupporterEverGetsPlatformRolesOrAnotherTypesRole() {
        for (SupporterType type : SupporterType.values()) {
            for (String role : List.of(Roles.SECRETARIAT, Roles.SERVICE, Roles.AUDITOR)) {
                ApiException e = assertThrows(ApiException.class,
                        () -> ClientRolePolicy.resolve(type, Set.of(role), ALL_GRANTED));
                assertEquals(ProblemType.VALIDATION, e.type());
            }
        }
        assertThrows(ApiException.class,
                () -> ClientRolePolicy.resolve(SupporterType.COMPANY, Set.of(Roles.GOVERNMENT), ALL_GRANTED));
        assertThrows(ApiException.class,
                () -> ClientRolePolicy.resolve(SupporterType.CIVIL_SOCIETY, Set.of(Roles.HASH_CONTRIBUTOR), ALL_GRANTED));
    }

    @Test
    void clientsWithoutASupporterCarryOnlyPlatformRoles() {
        assertEquals(Set.of(Roles.SERVICE), ClientRolePolicy.resolve(null, Set.of(Roles.SERVICE), Set.of()));
        assertThrows(ApiException.class, () -> ClientRolePolicy.resolve(null, Set.of(Roles.MATCHER), ALL_GRANTED));
        assertThrows(ApiException.class, () -> ClientRolePolicy.resolve(null, Set.of(), Set.of()));
    }

    @Test
    void aTokenCarriesTheClientsRolesThatAreStillGranted() {
        String[] clientRoles = { Roles.COMPANY, Roles.CRISIS_COORDINATOR, Roles.MATCHER };
        assertEquals(List.of(Roles.COMPANY, Roles.MATCHER), List.copyOf(
                ClientRolePolicy.effective(SupporterType.COMPANY, clientRoles, Set.of(Roles.MATCHER, Roles.HASH_CONTRIBUTOR))));
        assertEquals(List.of(Roles.COMPANY), List.copyOf(ClientRolePolicy.effective(SupporterType.COMPANY, clientRoles,
                Set.of())));
        // a role the client never had is not added by a grant
        assertEquals(List.of(Roles.COMPANY, Roles.CRISIS_COORDINATOR, Roles.MATCHER), List.copyOf(
                ClientRolePolicy.effective(SupporterType.COMPANY, clientRoles, ALL_GRANTED)));
    }
}
