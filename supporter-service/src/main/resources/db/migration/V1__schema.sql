-- supporter-service schema. Enumerations are stored as the kebab-case codes the API uses, so the
-- data reads the same in SQL as on the wire; CHECK constraints keep them honest.

create table supporter (
    id                uuid primary key,
    name              varchar(200)  not null,
    type              varchar(32)   not null check (type in ('government', 'intergovernmental', 'company', 'civil-society')),
    country           varchar(2),
    website           varchar(500),
    status            varchar(16)   not null check (status in ('applied', 'active', 'suspended', 'withdrawn')),
    status_reason     varchar(1000),
    status_changed_at timestamptz   not null,
    applied_at        timestamptz   not null,
    joined_on         date,
    suspended_at      timestamptz,
    withdrawn_at      timestamptz,
    version           bigint        not null
);
create unique index supporter_name_uq on supporter (lower(name));
create index supporter_status_idx on supporter (status, id);

create table commitment (
    id          varchar(16)   primary key,
    grp         varchar(32)   not null check (grp in ('government', 'online-service-providers', 'joint')),
    position    integer       not null unique,
    label       varchar(300)  not null,
    paraphrase  boolean       not null,
    note        varchar(1000)
);

create table stocktake (
    id          uuid primary key,
    name        varchar(200)  not null,
    description varchar(2000),
    status      varchar(16)   not null check (status in ('open', 'closed')),
    opened_at   timestamptz   not null,
    closed_at   timestamptz,
    version     bigint        not null
);
create unique index stocktake_name_uq on stocktake (lower(name));

create table stocktake_report (
    id             uuid primary key,
    stocktake_id   uuid          not null references stocktake (id),
    supporter_id   uuid          not null references supporter (id),
    commitment_id  varchar(16)   not null references commitment (id),
    status         varchar(16)   not null check (status in ('not-started', 'in-progress', 'implemented', 'not-applicable')),
    evidence       varchar(4000),
    evidence_urls  varchar(2000)[] not null,
    submitted_by   varchar(200)  not null,
    updated_at     timestamptz   not null,
    version        bigint        not null,
    unique (stocktake_id, supporter_id, commitment_id)
);

create table contact_point (
    id            uuid primary key,
    supporter_id  uuid          not null references supporter (id),
    name          varchar(200)  not null,
    role          varchar(200)  not null,
    email         varchar(320)  not null,
    phone         varchar(40)   not null,
    created_at    timestamptz   not null,
    version       bigint        not null
);
create index contact_point_supporter_idx on contact_point (supporter_id);

create table webhook_endpoint (
    id                  uuid primary key,
    supporter_id        uuid          not null references supporter (id),
    url                 varchar(2000) not null,
    protocols           varchar(32)[] not null,
    active              boolean       not null,
    -- AES-GCM ciphertext of the signing secret: it must stay readable to sign deliveries
    signing_secret_enc  varchar(200)  not null,
    created_at          timestamptz   not null,
    version             bigint        not null
);
create index webhook_endpoint_supporter_idx on webhook_endpoint (supporter_id);

create table api_client (
    id             uuid primary key,
    client_id      varchar(100)  not null unique,
    name           varchar(200)  not null,
    supporter_id   uuid          references supporter (id),
    roles          varchar(64)[] not null,
    secret_hash    varchar(100)  not null,
    created_at     timestamptz   not null,
    revoked_at     timestamptz,
    revoked_reason varchar(1000),
    version        bigint        not null
);
create index api_client_supporter_idx on api_client (supporter_id);

create table audit_event (
    id            uuid primary key,
    occurred_at   timestamptz   not null,
    client_id     varchar(200)  not null,
    supporter_id  uuid,
    entity_type   varchar(64)   not null,
    entity_id     varchar(100)  not null,
    action        varchar(64)   not null,
    summary       varchar(2000) not null
);
create index audit_event_order_idx on audit_event (occurred_at desc, id desc);
create index audit_event_entity_idx on audit_event (entity_type, entity_id);
