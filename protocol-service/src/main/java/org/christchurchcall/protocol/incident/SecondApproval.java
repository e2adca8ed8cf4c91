package org.christchurchcall.protocol.incident;

import java.util.Objects;
import java.util.UUID;

/**
 * The rule that no single organisation activates a protocol that requires a second one: the
 * approver must act for a different supporter than the requester. A caller without a supporter
 * (the secretariat's own client) counts as the secretariat organisation.
 */
public final class SecondApproval {

    private SecondApproval() {
    }

    public static boolean isDifferentOrganisation(UUID requester, UUID approver) {
        return !Objects.equals(requester, approver);
    }
}
