package org.christchurchcall.report.generation.service;

/** A source answered but without a figure the report needs; only that figure is missing. */
class MissingFieldException extends RuntimeException {

    MissingFieldException(String message) {
        super(message, null, false, false);
    }

    static <T> T require(T value, String service, String field) {
        if (value == null) {
            throw new MissingFieldException(service + "'s answer has no " + field);
        }
        return value;
    }
}
