package org.christchurchcall.platform.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** RFC 8785 (JCS) against the RFC's own examples (src/test/resources/rfc8785, sources in its README). */
class CanonicalJsonTest {

    @Test
    void theRfcSampleCanonicalisesToThePublishedTextAndBytes() {
        String canonical = CanonicalJson.write(CanonicalJson.read(resource("sample-input.json")));
        assertEquals(resource("sample-canonical.json"), canonical);
        byte[] published = HexFormat.of().parseHex(resource("sample-canonical.utf8.hex").replaceAll("\\s", ""));
        assertArrayEquals(published, canonical.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void propertiesAreSortedByUtf16CodeUnitsAsTheRfcLists() {
        JsonNode sorted = CanonicalJson.read(CanonicalJson.write(CanonicalJson.read(resource("sorting-input.json"))));
        List<String> values = new ArrayList<>();
        sorted.elements().forEachRemaining(v -> values.add(v.textValue()));
        assertEquals(resource("sorting-order.txt").lines().toList(), values);
        // U+1F600 (as the surrogates D83D DE00) sorts before U+FB33: code units, not code points
        String text = CanonicalJson.write(CanonicalJson.read(resource("sorting-input.json")));
        assertEquals("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":"
                + "\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}", text);
    }

    @Test
    void everyNumberOfAppendixBSerialisesAsPublished() {
        int checked = 0;
        for (String line : resource("numbers.txt").lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ");
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(f[0], 16));
            JsonNode node = JsonNodeFactory.instance.numberNode(value);
            if (f[1].equals("error")) {
                assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(node), f[0]);
            } else {
                assertEquals(f[1], CanonicalJson.write(node), f[0]);
                // and read back from that text, the same double
                assertEquals(value == 0 ? 0 : value, CanonicalJson.read(f[1]).doubleValue(), f[0]);
            }
            checked++;
        }
        assertEquals(26, checked, "every row of Appendix B");
    }

    @Test
    void numbersAreTheSameWhateverTheirSpelling() {
        for (String spelling : List.of("100", "1e2", "1E+2", "100.0", "100.000", "0.1e3")) {
            assertEquals("100", CanonicalJson.write(CanonicalJson.read(spelling)), spelling);
        }
        JsonNode decimal = JsonNodeFactory.instance.numberNode(new BigDecimal("0.30"));
        assertEquals("0.3", CanonicalJson.write(decimal));
        assertEquals("9007199254740992", CanonicalJson.write(JsonNodeFactory.instance.numberNode(9007199254740992L)));
    }

    @Test
    void refusesWhatJcsCannotRepresent() {
        // an integer a double does not hold exactly would change its value: send it as a string instead
        assertThrows(IllegalArgumentException.class,
                () -> CanonicalJson.write(JsonNodeFactory.instance.numberNode(9007199254740993L)));
        assertThrows(IllegalArgumentException.class,
                () -> CanonicalJson.write(JsonNodeFactory.instance.textNode("lone \ud83d surrogate")));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(JsonNodeFactory.instance.numberNode(Double.NaN)));
    }

    @Test
    void javaValuesBecomeJsonWithIsoTimestamps() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("z", List.of(1, 2.5, "x"));
        value.put("at", Instant.parse("2019-03-15T01:40:00.123456Z"));
        value.put("a", null);
        assertEquals("{\"a\":null,\"at\":\"2019-03-15T01:40:00.123456Z\",\"z\":[1,2.5,\"x\"]}", CanonicalJson.write(value));
    }

    @Test
    void hashIsLowerCaseHexSha256OfTheUtf8Bytes() {
        assertEquals("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", CanonicalJson.sha256Hex("{}"));
    }

    private static String resource(String name) {
        try (InputStream in = CanonicalJsonTest.class.getResourceAsStream("/rfc8785/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
