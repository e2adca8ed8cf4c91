package org.christchurchcall.k8s;

/** One broken rule: the object it is about (kind/name) and what is wrong. */
public record Finding(String object, String message) {
    @Override
    public String toString() {
        return object + ": " + message;
    }
}
