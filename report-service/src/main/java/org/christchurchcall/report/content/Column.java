package org.christchurchcall.report.content;

/**
 * A column of a figure table. Dimensions name what a row is about (a hash type, a protocol);
 * measures hold the figures. {@code unit} tells readers and the renderers how to show a measure:
 * {@code count}, {@code seconds} or {@code share} (a fraction between 0 and 1).
 */
public record Column(String key, String label, String kind, String unit) {

    public static final String DIMENSION = "dimension";
    public static final String MEASURE = "measure";

    public static Column dimension(String key, String label) {
        return new Column(key, label, DIMENSION, null);
    }

    public static Column count(String key, String label) {
        return new Column(key, label, MEASURE, "count");
    }

    public static Column seconds(String key, String label) {
        return new Column(key, label, MEASURE, "seconds");
    }

    public static Column share(String key, String label) {
        return new Column(key, label, MEASURE, "share");
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDimension() {
        return DIMENSION.equals(kind);
    }
}
