package org.christchurchcall.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.christchurchcall.report.document.CanonicalJson;
import org.christchurchcall.report.support.Reports;
import org.junit.jupiter.api.Test;

/** The canonical form that published hashes cover (RFC 8785 for the values reports hold). */
class CanonicalJsonTest {

    @Test
    void sortsKeysDropsWhitespaceAndSpellsNumbersPlainly() {
        String in = "{ \"b\": [3, 1.50, 0.3333, 0, -2, 1e2, null, true],\n \"a\": {\"z\": \"x\", \"A\": false}, \"aa\": 88200.000 }";
        assertEquals("{\"a\":{\"A\":false,\"z\":\"x\"},\"aa\":88200,\"b\":[3,1.5,0.3333,0,-2,100,null,true]}",
                CanonicalJson.write(Reports.json(in)));
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        String in = "{\"s\":\"quote \\\" backslash \\\\ slash / tab \\t nl \\n bell \\u0007 é € 😀\"}";
        assertEquals("{\"s\":\"quote \\\" backslash \\\\ slash / tab \\t nl \\n bell \\u0007 é € 😀\"}",
                CanonicalJson.write(Reports.json(in)));
    }

    @Test
    void hashIsLowerCaseHexSha256OfTheUtf8Bytes() {
        // sha256("{}")
        assertEquals("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", CanonicalJson.sha256Hex("{}"));
        assertEquals(CanonicalJson.sha256Hex("{\"a\":1,\"b\":2}"), CanonicalJson.sha256Hex(CanonicalJson.write(Reports.json("{\"b\":2, \"a\":1}"))));
    }

    @Test
    void refusesDecimalsBeyondWhatReportsHold() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Reports.json("{\"x\":0.123456}")));
    }
}
