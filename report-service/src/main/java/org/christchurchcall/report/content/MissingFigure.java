package org.christchurchcall.report.content;

/** A figure the report could not get, named so that readers know what is absent and why. */
public record MissingFigure(String figure, String title, String source, String reason) {
}
