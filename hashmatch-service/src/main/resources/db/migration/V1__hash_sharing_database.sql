-- The hash-sharing database: the label taxonomy, hash records, the change log that the feed and
-- every replica's index follow, feedback, disputes and the tally of matches served.

create table label (
    code        varchar(100) primary key,
    kind        varchar(30)  not null check (kind in ('behaviour', 'entity', 'list-source', 'content-type')),
    name        varchar(200) not null,
    description text,
    -- for an entity: the list that designates it (a label of kind list-source)
    list_source varchar(100) references label (code)
);

insert into label (code, kind, name, description, list_source) values
    ('glorification-of-terrorist-acts', 'behaviour', 'Glorification of terrorist acts',
     'Content that praises or celebrates a terrorist attack or its perpetrator', null),
    ('recruitment', 'behaviour', 'Recruitment', 'Content that recruits for a terrorist or violent extremist group', null),
    ('instruction', 'behaviour', 'Instruction', 'Instructions for making weapons or committing attacks', null),
    ('imminent-credible-threat', 'behaviour', 'Imminent credible threat',
     'A specific, credible threat of an imminent attack', null),
    ('graphic-violence-against-defenceless-people', 'behaviour', 'Graphic violence against defenceless people',
     'Depiction of violence against defenceless people, including perpetrator-produced attack footage', null),
    ('un-sc-consolidated-list', 'list-source', 'UN Security Council Consolidated List',
     'Entities on the United Nations Security Council Consolidated Sanctions List', null),
    ('national-designation', 'list-source', 'National designation',
     'Entities designated as terrorist by a national government', null),
    ('isil-da-esh', 'entity', 'ISIL (Da''esh)', null, 'un-sc-consolidated-list'),
    ('al-qaida', 'entity', 'Al-Qaida', null, 'un-sc-consolidated-list'),
    ('image', 'content-type', 'Image', null, null),
    ('video', 'content-type', 'Video', null, null),
    ('audio', 'content-type', 'Audio', null, null),
    ('pdf', 'content-type', 'PDF', null, null),
    ('text', 'content-type', 'Text', null, null),
    ('url', 'content-type', 'URL', null, null);

-- seq_id is the record's internal key: the in-memory index stores it (8 bytes instead of a UUID)
-- and maps it back to the public id. It comes from a pooled sequence, not an identity column, so
-- that bulk inserts batch.
create sequence hash_record_seq start with 1 increment by 50;

create table hash_record (
    seq_id           bigint       primary key,
    id               uuid         not null unique,
    -- room for video hashes (tmk-pdqf, vpdq) later: widen this check in a migration
    type             varchar(20)  not null check (type in ('pdq', 'md5', 'sha256')),
    value            varchar(128) not null check (value ~ '^[0-9a-f]+$'),
    quality          integer      check (quality between 0 and 100),
    labels           text[]       not null,
    contributor_id   uuid         not null,
    contributor_type varchar(30)  not null,
    incident_id      uuid,
    confidence       integer      check (confidence between 0 and 100),
    status           varchar(20)  not null check (status in ('active', 'disputed', 'retracted')),
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null,
    constraint hash_record_submission unique (type, value, contributor_id)
);
create index hash_record_lookup on hash_record (type, value);
create index hash_record_incident on hash_record (incident_id, seq_id);
create index hash_record_created on hash_record (created_at);

-- The change log. seq is assigned while holding a transaction-scoped advisory lock (see
-- ChangeLog), so seq order is commit order and a reader that has seen seq N has seen every
-- change numbered below N.
create sequence hash_change_seq;

create table hash_change (
    seq        bigint      primary key,
    hash_id    bigint      not null references hash_record (seq_id),
    kind       varchar(30) not null check (kind in ('added', 'labels-changed', 'status-changed', 'retracted')),
    -- the record's status and labels as of this change, so that replaying the log rebuilds them
    status     varchar(20) not null,
    labels     text[]      not null,
    changed_at timestamptz not null
);
create index hash_change_hash on hash_change (hash_id);
create index hash_change_kind_time on hash_change (kind, changed_at);

create table dispute (
    id                 uuid         primary key,
    hash_id            bigint       not null references hash_record (seq_id),
    status             varchar(20)  not null check (status in ('open', 'resolved')),
    opened_by          uuid         not null,
    reason             varchar(40)  not null,
    opened_at          timestamptz  not null,
    outcome            varchar(20)  check (outcome in ('keep', 'relabel', 'retract')),
    new_labels         text[],
    resolution_comment varchar(2000),
    resolved_by        varchar(200),
    resolved_at        timestamptz,
    version            bigint       not null
);
-- at most one open dispute per record: further disagreement joins it
create unique index dispute_open on dispute (hash_id) where status = 'open';
create index dispute_opened on dispute (opened_at);

create table hash_feedback (
    id            uuid          primary key,
    hash_id       bigint        not null references hash_record (seq_id),
    supporter_id  uuid          not null,
    supporter_type varchar(30)  not null,
    verdict       varchar(20)   not null check (verdict in ('agree', 'disagree')),
    reason        varchar(40)   check (reason in ('wrong-label', 'not-terrorist-content', 'not-in-taxonomy', 'other')),
    comment       varchar(2000),
    dispute_id    uuid          references dispute (id),
    created_at    timestamptz   not null,
    constraint hash_feedback_once unique (hash_id, supporter_id)
);

-- matches served, summed per day and hash type by every replica (flushed from memory)
create table match_tally (
    day      date        not null,
    type     varchar(20) not null,
    queries  bigint      not null,
    matches  bigint      not null,
    primary key (day, type)
);
