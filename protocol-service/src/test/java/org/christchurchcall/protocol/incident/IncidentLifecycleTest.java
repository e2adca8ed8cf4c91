package org.christchurchcall.protocol.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.christchurchcall.protocol.incident.IncidentLifecycle.Action;
import org.christchurchcall.protocol.incident.IncidentLifecycle.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.christchurchcall.protocol.incident.IncidentStatus.*;

/** The incident state machine on its own: every pair of statuses, legal or not. */
class IncidentLifecycleTest {

    static final Map<IncidentStatus, Set<IncidentStatus>> LEGAL = Map.of(
            REPORTED, EnumSet.of(ASSESSING),
            ASSESSING, EnumSet.of(ACTIVE),
            ACTIVE, EnumSet.of(CONCLUDING),
            CONCLUDING, EnumSet.of(CONCLUDED, ACTIVE),
            CONCLUDED, EnumSet.of(DEBRIEFED),
            DEBRIEFED, EnumSet.noneOf(IncidentStatus.class));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (IncidentStatus from : IncidentStatus.values()) {
            for (IncidentStatus to : IncidentStatus.values()) {
                pairs.add(Arguments.of(from, to, LEGAL.get(from).contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} legal={2}")
    @MethodSource("everyPair")
    void everyTransitionIsLegalOrRefused(IncidentStatus from, IncidentStatus to, boolean legal) {
        Request r = new Request(to, "volume has fallen for 24 hours", "after-action review", true);
        if (legal) {
            assertEquals(to, IncidentLifecycle.transition(from, r));
            assertTrue(IncidentLifecycle.canMove(from, to));
        } else {
            assertThrows(IllegalTransitionException.class, () -> IncidentLifecycle.transition(from, r));
            assertFalse(IncidentLifecycle.canMove(from, to));
        }
        assertEquals(LEGAL.get(from), IncidentLifecycle.next(from));
    }

    @Test
    void anIncidentBecomesActiveOnlyThroughAnActivation() {
        assertThrows(IllegalTransitionException.class,
                () -> IncidentLifecycle.transition(ASSESSING, Request.to(ACTIVE)));
        assertEquals(ACTIVE, IncidentLifecycle.transition(ASSESSING, new Request(ACTIVE, null, null, true)));
        // resuming from concluding is a coordinator's decision, not an activation
        assertEquals(ACTIVE, IncidentLifecycle.transition(CONCLUDING, Request.to(ACTIVE)));
    }

    @Test
    void concludingNeedsARationaleAndDebriefingAReview() {
        var noRationale = assertThrows(IllegalArgumentException.class,
                () -> IncidentLifecycle.transition(CONCLUDING, new Request(CONCLUDED, "  ", null, false)));
        assertTrue(noRationale.getMessage().startsWith("rationale:"));
        var noReview = assertThrows(IllegalArgumentException.class,
                () -> IncidentLifecycle.transition(CONCLUDED, new Request(DEBRIEFED, null, null, false)));
        assertTrue(noReview.getMessage().startsWith("review:"));
    }

    @Test
    void actionsAreAllowedOnlyInTheirStatuses() {
        Map<Action, Set<IncidentStatus>> allowed = Map.of(
                Action.REQUEST_ACTIVATION, EnumSet.of(ASSESSING, ACTIVE),
                Action.APPROVE_ACTIVATION, EnumSet.of(ASSESSING, ACTIVE),
                Action.CHANGE_LEVEL, EnumSet.of(ACTIVE),
                Action.SITUATIONAL_UPDATE, EnumSet.of(ACTIVE, CONCLUDING),
                Action.ACKNOWLEDGE, EnumSet.of(ACTIVE, CONCLUDING, CONCLUDED));
        for (Action a : Action.values()) {
            for (IncidentStatus s : IncidentStatus.values()) {
                boolean expected = allowed.get(a).contains(s);
                assertEquals(expected, IncidentLifecycle.allows(s, a), a + " in " + s);
                if (expected) {
                    IncidentLifecycle.require(s, a);
                } else {
                    assertThrows(IllegalTransitionException.class, () -> IncidentLifecycle.require(s, a));
                }
            }
        }
    }

    @Test
    void secondApprovalNeedsAnotherOrganisation() {
        var a = java.util.UUID.randomUUID();
        var b = java.util.UUID.randomUUID();
        assertTrue(SecondApproval.isDifferentOrganisation(a, b));
        assertTrue(SecondApproval.isDifferentOrganisation(a, null));
        assertFalse(SecondApproval.isDifferentOrganisation(a, a));
        assertFalse(SecondApproval.isDifferentOrganisation(null, null));
    }
}
