package org.christchurchcall.protocol.incident;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The incident state machine: reported, assessing, active, concluding, concluded, debriefed.
 * A plain object with no framework dependency so that every legal and illegal transition is
 * tested directly.
 *
 * <p>{@code assessing -> active} happens only when a protocol activation takes effect, never by a
 * plain transition request, so that an active incident always has at least one activation.
 * {@code concluding -> active} lets coordinators resume when volume rises again before closure.
 */
public final class IncidentLifecycle {

    /** What a caller may ask for besides a status change. */
    public enum Action {
        REQUEST_ACTIVATION, APPROVE_ACTIVATION, CHANGE_LEVEL, SITUATIONAL_UPDATE, ACKNOWLEDGE
    }

    private static final Map<IncidentStatus, Set<IncidentStatus>> NEXT = new EnumMap<>(IncidentStatus.class);
    private static final Map<Action, Set<IncidentStatus>> ALLOWED = new EnumMap<>(Action.class);

    static {
        NEXT.put(IncidentStatus.REPORTED, EnumSet.of(IncidentStatus.ASSESSING));
        NEXT.put(IncidentStatus.ASSESSING, EnumSet.of(IncidentStatus.ACTIVE));
        NEXT.put(IncidentStatus.ACTIVE, EnumSet.of(IncidentStatus.CONCLUDING));
        NEXT.put(IncidentStatus.CONCLUDING, EnumSet.of(IncidentStatus.CONCLUDED, IncidentStatus.ACTIVE));
        NEXT.put(IncidentStatus.CONCLUDED, EnumSet.of(IncidentStatus.DEBRIEFED));
        NEXT.put(IncidentStatus.DEBRIEFED, EnumSet.noneOf(IncidentStatus.class));

        ALLOWED.put(Action.REQUEST_ACTIVATION, EnumSet.of(IncidentStatus.ASSESSING, IncidentStatus.ACTIVE));
        ALLOWED.put(Action.APPROVE_ACTIVATION, EnumSet.of(IncidentStatus.ASSESSING, IncidentStatus.ACTIVE));
        ALLOWED.put(Action.CHANGE_LEVEL, EnumSet.of(IncidentStatus.ACTIVE));
        ALLOWED.put(Action.SITUATIONAL_UPDATE, EnumSet.of(IncidentStatus.ACTIVE, IncidentStatus.CONCLUDING));
        ALLOWED.put(Action.ACKNOWLEDGE, EnumSet.of(IncidentStatus.ACTIVE, IncidentStatus.CONCLUDING,
                IncidentStatus.CONCLUDED));
    }

    /** What a transition request carries; rationale and review are required by some targets. */
    public record Request(IncidentStatus to, String rationale, String review, boolean byActivation) {

        public static Request to(IncidentStatus to) {
            return new Request(to, null, null, false);
        }
    }

    private IncidentLifecycle() {
    }

    public static Set<IncidentStatus> next(IncidentStatus from) {
        return Set.copyOf(NEXT.get(from));
    }

    public static boolean canMove(IncidentStatus from, IncidentStatus to) {
        return NEXT.get(from).contains(to);
    }

    /**
     * Checks a transition and returns the new status.
     *
     * @throws IllegalTransitionException when the move is not legal from {@code from}
     * @throws IllegalArgumentException when the move is legal but lacks what it requires
     */
    public static IncidentStatus transition(IncidentStatus from, Request request) {
        IncidentStatus to = request.to();
        if (!canMove(from, to)) {
            throw new IllegalTransitionException(
                    "an incident cannot move from " + from.code() + " to " + to.code() + "; " + whereNext(from));
        }
        if (to == IncidentStatus.ACTIVE && from == IncidentStatus.ASSESSING && !request.byActivation()) {
            throw new IllegalTransitionException("an incident becomes active only when a protocol activation takes"
                    + " effect: request one with POST /api/v1/incidents/{id}/activations");
        }
        if (to == IncidentStatus.CONCLUDED && isBlank(request.rationale())) {
            throw new IllegalArgumentException("rationale: concluding an incident needs a rationale");
        }
        if (to == IncidentStatus.DEBRIEFED && isBlank(request.review())) {
            throw new IllegalArgumentException("review: a debrief needs the after-action review");
        }
        return to;
    }

    /** Refuses an action the status does not allow. */
    public static void require(IncidentStatus status, Action action) {
        if (!ALLOWED.get(action).contains(status)) {
            throw new IllegalTransitionException(describe(action) + " is not allowed while the incident is "
                    + status.code() + "; it needs the incident to be " + or(ALLOWED.get(action)) + "; "
                    + whereNext(status));
        }
    }

    public static boolean allows(IncidentStatus status, Action action) {
        return ALLOWED.get(action).contains(status);
    }

    /**
     * What a client can do next from a status, in words: the plain transitions (POST
     * /api/v1/incidents/{id}/transitions) and the move to active that only an activation makes.
     */
    public static String whereNext(IncidentStatus from) {
        List<String> plain = new ArrayList<>();
        for (IncidentStatus to : NEXT.get(from)) {
            if (!(from == IncidentStatus.ASSESSING && to == IncidentStatus.ACTIVE)) {
                plain.add(to.code());
            }
        }
        if (from == IncidentStatus.ASSESSING) {
            return "from assessing it becomes active when a protocol activation takes effect";
        }
        if (plain.isEmpty()) {
            return from.code() + " is final";
        }
        return "from " + from.code() + " it can move to " + String.join(" or ", plain);
    }

    private static String or(Set<IncidentStatus> statuses) {
        List<String> codes = new ArrayList<>();
        for (IncidentStatus s : statuses) {
            codes.add(s.code());
        }
        if (codes.size() == 1) {
            return codes.get(0);
        }
        return String.join(", ", codes.subList(0, codes.size() - 1)) + " or " + codes.get(codes.size() - 1);
    }

    private static String describe(Action action) {
        return switch (action) {
            case REQUEST_ACTIVATION -> "activating a protocol";
            case APPROVE_ACTIVATION -> "approving an activation";
            case CHANGE_LEVEL -> "changing an activation's level";
            case SITUATIONAL_UPDATE -> "a situational update";
            case ACKNOWLEDGE -> "an acknowledgement";
        };
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
