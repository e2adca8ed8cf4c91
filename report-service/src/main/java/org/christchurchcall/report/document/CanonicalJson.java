package org.christchurchcall.report.document;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The canonical JSON of a report snapshot, whose SHA-256 is published with it so that anyone can
 * re-check a downloaded report. It is the JSON Canonicalization Scheme of RFC 8785 restricted to
 * the values a report holds:
 * <ul>
 * <li>no whitespace between tokens; UTF-8;</li>
 * <li>object members sorted by key, comparing UTF-16 code units (keys are ASCII, so plain string
 * order);</li>
 * <li>strings: {@code "} and {@code \} escaped with a backslash, U+0008/0009/000A/000C/000D as
 * {@code \b \t \n \f \r}, other code points below U+0020 as {@code &#92;u00XX} (lower-case hex), every
 * other character literally (no {@code \/}, no escaping of non-ASCII);</li>
 * <li>numbers: integers in plain decimal; non-integers in plain decimal notation without trailing
 * zeros (reports only hold decimals with at most 4 fractional digits, for which this is exactly
 * RFC 8785's ECMAScript number form); {@code true}, {@code false}, {@code null} as such.</li>
 * </ul>
 * The same bytes come from {@code python3 -c 'import json,sys;
 * sys.stdout.write(json.dumps(json.load(sys.stdin),sort_keys=True,separators=(",",":"),ensure_ascii=False))'}.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(4096);
        write(node, out);
        return out.toString();
    }

    public static String sha256Hex(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> keys = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    keys.add(it.next().getKey());
                }
                keys.sort(String::compareTo);
                out.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(keys.get(i), out);
                    out.append(':');
                    write(node.get(keys.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> number(node, out);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL, MISSING -> out.append("null");
            default -> throw new IllegalArgumentException("a report holds no " + node.getNodeType() + " values");
        }
    }

    private static void number(JsonNode node, StringBuilder out) {
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            out.append(value);
            return;
        }
        BigDecimal value = node.decimalValue();
        if (value.scale() > 4 || value.abs().compareTo(new BigDecimal("1e15")) >= 0) {
            throw new IllegalArgumentException("a report decimal must have at most 4 fractional digits and 15 digits: " + value);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        out.append(stripped.signum() == 0 ? "0" : stripped.toPlainString());
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
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
