package org.christchurchcall.platform.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON Canonicalization Scheme of RFC 8785 (JCS) over Jackson's tree model: what the services
 * hash and sign, so that anyone can recompute a hash with any JCS implementation.
 * <ul>
 * <li>no whitespace; the caller encodes the text as UTF-8;</li>
 * <li>object members sorted by key, comparing UTF-16 code units ({@link String#compareTo} does
 * exactly that);</li>
 * <li>strings: {@code "} and {@code \} escaped with a backslash, U+0008/0009/000A/000C/000D as
 * {@code \b \t \n \f \r}, other code points below U+0020 as {@code \}{@code u00xx} (lower-case hex),
 * everything else literally; a lone surrogate is refused (I-JSON);</li>
 * <li>numbers are IEEE 754 doubles written as ECMAScript's Number.prototype.toString does
 * ({@link EcmaScriptNumber}); NaN, the infinities and integers that a double does not hold
 * exactly are refused (RFC 8785 Appendix D: send big numbers as strings).</li>
 * </ul>
 * No library is used: the one on Maven Central ({@code io.github.erdtman:java-json-canonicalization})
 * has seen no release since 2020 and parses the text again with its own parser.
 */
public final class CanonicalJson {

    /** Java objects become trees with ISO-8601 timestamps, never epoch numbers. */
    private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private CanonicalJson() {
    }

    /** The canonical text of a JSON tree. */
    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(1024);
        value(node, out);
        return out.toString();
    }

    /** The canonical text of a Java value (records, maps, lists, strings, numbers, timestamps). */
    public static String write(Object value) {
        return write(value instanceof JsonNode node ? node : MAPPER.valueToTree(value));
    }

    /** Parses JSON text into a tree (decimals as doubles, as RFC 8785 reads them). */
    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of a canonical text. */
    public static String sha256Hex(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void value(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> object(node, out);
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    value(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> out.append(EcmaScriptNumber.format(toDouble(node)));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("JSON has no " + node.getNodeType() + " values");
        }
    }

    private static void object(JsonNode node, StringBuilder out) {
        List<String> keys = new ArrayList<>(node.size());
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        keys.sort(String::compareTo);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(keys.get(i), out);
            out.append(':');
            value(node.get(keys.get(i)), out);
        }
        out.append('}');
    }

    /** The double a number stands for; integers must be exactly one. */
    private static double toDouble(JsonNode node) {
        if (node.isIntegralNumber()) {
            BigInteger exact = node.bigIntegerValue();
            double d = exact.doubleValue();
            if (Double.isInfinite(d) || new BigDecimal(d).toBigIntegerExact().compareTo(exact) != 0) {
                throw new IllegalArgumentException("the integer " + exact
                        + " has no exact IEEE 754 double; send it as a string (RFC 8785, Appendix D)");
            }
            return d;
        }
        if (node.isBigDecimal()) {
            // parsing the decimal text rounds correctly, as a JSON parser reading it would
            return Double.parseDouble(node.decimalValue().toString());
        }
        return node.doubleValue();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("a lone surrogate (U+" + Integer.toHexString(c).toUpperCase()
                                + ") at index " + i + " is not Unicode text");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
