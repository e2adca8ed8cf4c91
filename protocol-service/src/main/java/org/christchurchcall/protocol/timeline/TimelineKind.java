package org.christchurchcall.protocol.timeline;

/** The kinds of timeline entries (kebab-case on the wire). */
public final class TimelineKind {

    public static final String REPORTED = "incident-reported";
    public static final String STATUS_CHANGED = "status-changed";
    public static final String ACTIVATION_REQUESTED = "activation-requested";
    public static final String ACTIVATION_APPROVED = "activation-approved";
    public static final String ACTIVATION_IN_EFFECT = "activation-in-effect";
    public static final String LEVEL_CHANGED = "level-changed";
    public static final String SITUATIONAL_UPDATE = "situational-update";
    public static final String CONTACTS_FROM_CACHE = "contacts-from-cache";
    public static final String NOTIFICATIONS_QUEUED = "notifications-queued";
    public static final String NOTIFICATION_DELIVERED = "notification-delivered";
    public static final String NOTIFICATION_DEAD_LETTERED = "notification-dead-lettered";
    public static final String ACKNOWLEDGED = "acknowledged";

    private TimelineKind() {
    }
}
