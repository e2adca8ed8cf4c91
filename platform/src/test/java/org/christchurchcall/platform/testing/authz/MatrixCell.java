package org.christchurchcall.platform.testing.authz;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One request of the matrix run, as it is being built: the row, the persona, and the request's
 * path parameters, query and body. The runner fills in defaults from the OpenAPI document (random
 * ids, an empty JSON object); {@link MatrixFixtures#prepare} replaces what matters.
 */
public final class MatrixCell {

    private final MatrixRow row;
    private final Persona persona;
    private final UUID supporter;
    private final UUID owner;
    private final Map<String, String> pathParams = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private byte[] body;
    private String contentType;
    private boolean prepared;

    MatrixCell(MatrixRow row, Persona persona, UUID supporter, UUID owner) {
        this.row = row;
        this.persona = persona;
        this.supporter = supporter;
        this.owner = owner;
    }

    public MatrixRow row() {
        return row;
    }

    public Persona persona() {
        return persona;
    }

    /** True when this cell's row is the given operation, e.g. {@code is("PUT", "/api/v1/supporters/{id}")}. */
    public boolean is(String method, String path) {
        return row.method().equals(method) && row.path().equals(path);
    }

    public Target target() {
        return row.target();
    }

    /** The supporter the persona's token acts for; null for those that act for none. */
    public UUID supporter() {
        return supporter;
    }

    /**
     * Whose resource the request must name: the persona's supporter in an own row, the other
     * supporter in an other row, null in an any row.
     */
    public UUID owner() {
        return owner;
    }

    public MatrixCell param(String name, Object value) {
        if (!pathParams.containsKey(name)) {
            throw new IllegalArgumentException(row + " has no path parameter " + name + "; it has " + pathParams.keySet());
        }
        pathParams.put(name, String.valueOf(value));
        prepared = true;
        return this;
    }

    public MatrixCell query(String name, Object value) {
        query.put(name, String.valueOf(value));
        prepared = true;
        return this;
    }

    /** A JSON body, serialised by the runner (a Map, a record, a String of JSON). */
    public MatrixCell json(Object value) {
        this.body = value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : Json.write(value);
        this.contentType = "application/json";
        prepared = true;
        return this;
    }

    public MatrixCell body(String contentType, byte[] body) {
        this.contentType = contentType;
        this.body = body;
        prepared = true;
        return this;
    }

    public Map<String, String> pathParams() {
        return Collections.unmodifiableMap(pathParams);
    }

    Map<String, String> queryParams() {
        return query;
    }

    byte[] bodyBytes() {
        return body;
    }

    String contentType() {
        return contentType;
    }

    void defaultParam(String name, String value) {
        pathParams.put(name, value);
    }

    void defaultBody(String contentType, byte[] body) {
        this.contentType = contentType;
        this.body = body;
    }

    boolean prepared() {
        return prepared;
    }
}
