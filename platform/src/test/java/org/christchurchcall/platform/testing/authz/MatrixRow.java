package org.christchurchcall.platform.testing.authz;

import java.util.Map;

/** One line of the table: an operation, whose resource it names, and the outcome for each persona. */
public record MatrixRow(int line, String method, String path, Target target, Map<Persona, Outcome> outcomes,
        String note) {

    /** "GET /api/v1/things/{id}", as the OpenAPI document names the operation. */
    public String operation() {
        return method + " " + path;
    }

    public Outcome expected(Persona p) {
        return outcomes.get(p);
    }

    @Override
    public String toString() {
        return operation() + (target == Target.ANY ? "" : " [" + target.code() + "]");
    }
}
