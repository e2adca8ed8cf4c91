-- Crisis response protocols and their levels. Levels are rows, not an enum: a protocol can
-- retire and add levels (GIFCT replaced its levels in 2025) without a release.
create table protocol (
    code                      text primary key,
    name                      text        not null,
    description               text        not null,
    requires_second_approval  boolean     not null,
    version                   bigint      not null default 0,
    created_at                timestamptz not null,
    updated_at                timestamptz not null
);

create table protocol_level (
    protocol_code  text        not null references protocol (code),
    code           text        not null,
    name           text        not null,
    description    text        not null,
    position       int         not null,
    retired        boolean     not null default false,
    primary key (protocol_code, code)
);

create table incident (
    id                     uuid primary key,
    title                  text        not null,
    description            text        not null,
    occurred_at            timestamptz not null,
    location               text        not null,
    content_urls           jsonb       not null,
    platforms              jsonb       not null,
    content_types          jsonb       not null,
    protocols              jsonb       not null,
    exercise               boolean     not null,
    status                 text        not null,
    reported_by_supporter  uuid,
    reported_by_client     text        not null,
    reported_at            timestamptz not null,
    assessing_at           timestamptz,
    activated_at           timestamptz,
    concluding_at          timestamptz,
    concluded_at           timestamptz,
    conclusion_rationale   text,
    debriefed_at           timestamptz,
    after_action_review    text,
    version                bigint      not null default 0,
    updated_at             timestamptz not null
);
create index incident_reported_at on incident (reported_at, id);

create table activation (
    id                     uuid primary key,
    incident_id            uuid        not null references incident (id),
    protocol_code          text        not null references protocol (code),
    level_code             text        not null,
    status                 text        not null,
    ongoing_event          boolean     not null,
    perpetrator_content    boolean     not null,
    murder_or_attempt      boolean     not null,
    on_member_platforms    boolean     not null,
    decision               text        not null,
    requested_by_supporter uuid,
    requested_by_client    text        not null,
    requested_at           timestamptz not null,
    approved_by_supporter  uuid,
    approved_by_client     text,
    approved_at            timestamptz,
    effective_at           timestamptz,
    version                bigint      not null default 0,
    updated_at             timestamptz not null,
    unique (incident_id, protocol_code)
);

-- Append-only, hash-chained per incident. Payload is canonical JSON kept as text so that the
-- bytes that were hashed are the bytes that are stored (jsonb would reorder keys).
create table timeline_entry (
    seq          bigserial primary key,
    incident_id  uuid        not null references incident (id),
    position     int         not null,
    id           uuid        not null unique,
    recorded_at  timestamptz not null,
    kind         text        not null,
    actor        text        not null,
    payload      text        not null,
    prev_hash    text        not null,
    hash         text        not null,
    unique (incident_id, position)
);

-- Last known crisis contacts from supporter-service, used when it cannot be reached.
create table crisis_contact (
    supporter_id    uuid primary key,
    supporter_name  text        not null,
    supporter_type  text        not null,
    country         text,
    contact_points  jsonb       not null,
    fetched_at      timestamptz not null
);

create table webhook_endpoint (
    id              uuid primary key,
    supporter_id    uuid        not null references crisis_contact (supporter_id) on delete cascade,
    url             text        not null,
    protocols       jsonb       not null,
    signing_secret  text        not null,
    active          boolean     not null
);

-- When the contacts were last refreshed successfully (one row).
create table contact_sync (
    id           int primary key check (id = 1),
    synced_at    timestamptz not null
);

-- The transactional outbox: one row per event and webhook endpoint, written with the change.
create table notification (
    seq              bigserial primary key,
    id               uuid        not null unique,
    event_id         uuid        not null,
    event_type       text        not null,
    incident_id      uuid        not null references incident (id),
    supporter_id     uuid        not null,
    endpoint_id      uuid        not null,
    url              text        not null,
    signing_secret   text        not null,
    payload          text        not null,
    status           text        not null,
    attempts         int         not null default 0,
    created_at       timestamptz not null,
    next_attempt_at  timestamptz not null,
    locked_until     timestamptz,
    last_error       text,
    last_status      int,
    delivered_at     timestamptz,
    dead_at          timestamptz
);
create index notification_due on notification (next_attempt_at) where status = 'pending';
create index notification_endpoint on notification (endpoint_id, seq) where status = 'pending';
create index notification_incident on notification (incident_id);

create table incident_participant (
    incident_id        uuid        not null references incident (id),
    supporter_id       uuid        not null,
    supporter_name     text        not null,
    first_notified_at  timestamptz not null,
    first_delivered_at timestamptz,
    acknowledged_at    timestamptz,
    acknowledged_by    text,
    primary key (incident_id, supporter_id)
);

create table acknowledgement (
    id            uuid primary key,
    incident_id   uuid        not null references incident (id),
    supporter_id  uuid        not null,
    client_id     text        not null,
    event_id      uuid,
    note          text,
    received_at   timestamptz not null
);
create index acknowledgement_incident on acknowledgement (incident_id, received_at);
