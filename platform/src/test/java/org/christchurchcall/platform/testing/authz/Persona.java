package org.christchurchcall.platform.testing.authz;

import org.christchurchcall.platform.security.Roles;

/**
 * A caller of the authorization matrix: one column of the table. Each holds exactly one role (or
 * none), so that a column shows what that role grants; a real supporter's client holds its type
 * role besides any operational role, and may do what either column allows.
 */
public enum Persona {
    ANONYMOUS("anonymous", null, false),
    SECRETARIAT(Roles.SECRETARIAT, Roles.SECRETARIAT, false),
    GOVERNMENT(Roles.GOVERNMENT, Roles.GOVERNMENT, true),
    COMPANY(Roles.COMPANY, Roles.COMPANY, true),
    INTERGOVERNMENTAL(Roles.INTERGOVERNMENTAL, Roles.INTERGOVERNMENTAL, true),
    CIVIL_SOCIETY(Roles.CIVIL_SOCIETY, Roles.CIVIL_SOCIETY, true),
    CRISIS_COORDINATOR(Roles.CRISIS_COORDINATOR, Roles.CRISIS_COORDINATOR, true),
    HASH_CONTRIBUTOR(Roles.HASH_CONTRIBUTOR, Roles.HASH_CONTRIBUTOR, true),
    MATCHER(Roles.MATCHER, Roles.MATCHER, true),
    AUDITOR(Roles.AUDITOR, Roles.AUDITOR, false),
    SERVICE(Roles.SERVICE, Roles.SERVICE, false);

    private final String column;
    private final String role;
    private final boolean actsForSupporter;

    Persona(String column, String role, boolean actsForSupporter) {
        this.column = column;
        this.role = role;
        this.actsForSupporter = actsForSupporter;
    }

    /** The column header in the table, which is also the role's name. */
    public String column() {
        return column;
    }

    /** The one role in this persona's token; null for anonymous. */
    public String role() {
        return role;
    }

    /**
     * True for the supporter types and the operational roles, whose tokens carry a supporter_id:
     * for them "own" and "other" resources differ. The secretariat, auditor and service act for no
     * supporter.
     */
    public boolean actsForSupporter() {
        return actsForSupporter;
    }

    /** The supporter_type claim of its token: its own role for the type roles, otherwise none. */
    public String supporterType() {
        return Roles.SUPPORTER_TYPES.contains(role) ? role : null;
    }

    public static Persona ofColumn(String column) {
        for (Persona p : values()) {
            if (p.column.equals(column)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no persona is called '" + column + "'");
    }
}
