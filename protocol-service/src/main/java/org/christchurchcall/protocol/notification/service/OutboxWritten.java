package org.christchurchcall.protocol.notification.service;

/** Fired when notifications were queued; observed after commit to start delivery at once. */
public record OutboxWritten(int rows) {
}
