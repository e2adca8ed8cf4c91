package org.christchurchcall.report.content;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.platform.json.CanonicalJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads and writes report documents. Decimals are read as {@code BigDecimal} so that a share
 * written as 0.3333 reads back as exactly that, and the canonical JSON of a stored snapshot is the
 * same text on every read.
 */
@ApplicationScoped
public class ReportJson {

    private final ObjectMapper mapper;

    @Inject
    public ReportJson(ObjectMapper base) {
        // a stored document written by an older version may carry a field this one dropped
        this.mapper = base.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report document failed to serialise", e);
        }
    }

    public JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }

    public JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report document is not JSON", e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report document does not match " + type.getSimpleName(), e);
        }
    }

    /**
     * The canonical JSON (RFC 8785, {@link CanonicalJson}) of any document, whose SHA-256 is
     * published with a report. Report numbers are integers below 2^53 and decimals with at most 4
     * fractional and 15 significant digits: for those, RFC 8785's ECMAScript number form is the plain
     * decimal without trailing zeros, which is what reports published before the platform's
     * canonicaliser hold, so their hashes stay the same. The same bytes come from {@code python3 -c
     * 'import json,sys; sys.stdout.write(json.dumps(json.load(sys.stdin),sort_keys=True,
     * separators=(",",":"),ensure_ascii=False))'}.
     */
    public String canonical(Object value) {
        JsonNode node = value instanceof JsonNode n ? n : tree(value);
        requireReportNumbers(node);
        return CanonicalJson.write(node);
    }

    private static void requireReportNumbers(JsonNode node) {
        if (node.isContainerNode()) {
            node.elements().forEachRemaining(ReportJson::requireReportNumbers);
        } else if (node.isNumber() && !node.isIntegralNumber()) {
            BigDecimal d = node.decimalValue().stripTrailingZeros();
            if (d.scale() > 4 || d.precision() > 15 || d.precision() - d.scale() > 15) {
                throw new IllegalArgumentException("a report decimal must have at most 4 fractional and 15 significant "
                        + "digits and be below 10^15: " + d);
            }
        }
    }
}
