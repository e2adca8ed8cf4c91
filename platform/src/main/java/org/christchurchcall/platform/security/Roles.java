package org.christchurchcall.platform.security;

import java.util.Set;

/** Role names carried in the {@code groups} claim. See docs/architecture.md, "Identity and access". */
public final class Roles {
    public static final String SECRETARIAT = "secretariat";
    public static final String GOVERNMENT = "government";
    public static final String COMPANY = "company";
    public static final String INTERGOVERNMENTAL = "intergovernmental";
    public static final String CIVIL_SOCIETY = "civil-society";
    public static final String CRISIS_COORDINATOR = "crisis-coordinator";
    public static final String HASH_CONTRIBUTOR = "hash-contributor";
    public static final String MATCHER = "matcher";
    public static final String AUDITOR = "auditor";
    public static final String SERVICE = "service";

    /** Roles that name a supporter's type; a token carries the one matching its supporter. */
    public static final Set<String> SUPPORTER_TYPES = Set.of(GOVERNMENT, COMPANY, INTERGOVERNMENTAL, CIVIL_SOCIETY);

    public static final Set<String> ALL = Set.of(SECRETARIAT, GOVERNMENT, COMPANY, INTERGOVERNMENTAL, CIVIL_SOCIETY,
            CRISIS_COORDINATOR, HASH_CONTRIBUTOR, MATCHER, AUDITOR, SERVICE);

    private Roles() {
    }
}
