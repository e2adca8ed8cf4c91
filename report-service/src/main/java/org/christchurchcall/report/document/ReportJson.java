package org.christchurchcall.report.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    /** The canonical JSON of any document (see {@link CanonicalJson}). */
    public String canonical(Object value) {
        return CanonicalJson.write(value instanceof JsonNode node ? node : tree(value));
    }
}
