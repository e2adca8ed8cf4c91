package org.christchurchcall.platform.testing.authz;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a service's matrix test knows that the table does not: which supporters the personas act
 * for and the real resources that own/other rows name. Rows whose target is {@code any} need
 * nothing here unless the defaults (random ids, {@code {}}) cannot reach the authorization check.
 */
public interface MatrixFixtures {

    /** The supporter a persona's token carries; by default a random one per persona and run. */
    default UUID supporterOf(Persona p) {
        return p.actsForSupporter() ? Defaults.SUPPORTERS.get(p) : null;
    }

    /** A supporter that no persona acts for: the owner of the resources in "other" rows. */
    default UUID otherSupporter() {
        return Defaults.OTHER;
    }

    /**
     * Fills in the request of one cell just before it is sent; a fixture that the request may
     * consume (a deletion, a revocation) should be created afresh here. Own and other rows must set
     * something (a path parameter, the query or the body), or the run reports them.
     */
    default void prepare(MatrixCell cell) {
    }

    /** Ids fixed for one run. */
    final class Defaults {
        static final UUID OTHER = UUID.randomUUID();
        static final Map<Persona, UUID> SUPPORTERS = new EnumMap<>(Persona.class);

        static {
            for (Persona p : Persona.values()) {
                if (p.actsForSupporter()) {
                    SUPPORTERS.put(p, UUID.randomUUID());
                }
            }
        }

        private Defaults() {
        }
    }
}
