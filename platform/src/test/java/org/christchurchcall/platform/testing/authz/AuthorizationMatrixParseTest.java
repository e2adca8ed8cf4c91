package org.christchurchcall.platform.testing.authz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The table format: what a service author writes, and the errors they get for a bad table. */
class AuthorizationMatrixParseTest {

    static final String HEADER = String.join(",", AuthorizationMatrix.HEADER);

    @Test
    void readsRowsWithQuotedNotes() {
        AuthorizationMatrix m = AuthorizationMatrix.parse("t.csv", HEADER + "\n"
                + "get,/api/v1/things/{id},other,401,ok,404,404,404,404,403,403,403,403,403,\"hidden, not refused\"\n\n");
        MatrixRow row = m.rows().get(0);
        assertEquals("GET /api/v1/things/{id}", row.operation());
        assertEquals(Target.OTHER, row.target());
        assertEquals(Outcome.HIDDEN, row.expected(Persona.GOVERNMENT));
        assertEquals(Outcome.ALLOWED, row.expected(Persona.SECRETARIAT));
        assertEquals("hidden, not refused", row.note());
        assertTrue(m.markdown().contains("| `GET /api/v1/things/{id}` | other | 401 | ok | 404 |"));
    }

    @Test
    void reportsEveryBadRowAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AuthorizationMatrix.parse("t.csv",
                HEADER + "\n"
                        + "GET,/a,any,401,ok,ok,ok,ok,ok,ok,ok,ok,ok,ok,\n"
                        + "GET,/a,any,401,ok,ok,ok,ok,ok,ok,ok,ok,ok,ok,\n"
                        + "GET,/b,mine,401,ok,ok,ok,ok,ok,ok,ok,ok,ok,ok,\n"
                        + "GET,/c,any,401,yes,ok,ok,ok,ok,ok,ok,ok,ok,ok,\n"
                        + "GET,/d,any,401,ok\n"));
        String message = e.getMessage();
        assertTrue(message.contains("t.csv:3: GET /a appears twice"), message);
        assertTrue(message.contains("t.csv:4: target must be any, own or other"), message);
        assertTrue(message.contains("t.csv:5: outcome must be ok, 401, 403, 404 or -, not 'yes'"), message);
        assertTrue(message.contains("t.csv:6: 5 cells, expected 15"), message);
    }

    @Test
    void theHeaderNamesEveryPersonaInOrder() {
        assertThrows(IllegalArgumentException.class, () -> AuthorizationMatrix.parse("t.csv",
                HEADER.replace("auditor,service", "service,auditor") + "\n"));
    }

    @Test
    void okMeansTwoHundredsWhereTheIdsAreReal() {
        assertTrue(Outcome.ALLOWED.matches(404, Target.ANY));
        assertTrue(Outcome.ALLOWED.matches(400, Target.ANY));
        assertFalse(Outcome.ALLOWED.matches(403, Target.ANY));
        assertFalse(Outcome.ALLOWED.matches(500, Target.ANY));
        assertFalse(Outcome.ALLOWED.matches(404, Target.OWN));
        assertFalse(Outcome.ALLOWED.matches(409, Target.OTHER));
        assertTrue(Outcome.ALLOWED.matches(201, Target.OWN));
    }
}
