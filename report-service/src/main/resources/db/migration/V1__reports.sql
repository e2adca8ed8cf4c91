-- report-service schema: drafts the secretariat generates, and the published snapshots that never change.

create table report_draft (
    id                uuid primary key,
    period_key        varchar(40)  not null,
    period_from       timestamptz  not null,
    period_to         timestamptz  not null,
    generated_at      timestamptz  not null,
    generated_by      varchar(200) not null,
    -- the generated figures (ReportContent) as JSON text
    content           text         not null,
    missing_count     integer      not null check (missing_count >= 0),
    status            varchar(16)  not null check (status in ('draft', 'published')),
    published_version integer,
    version           bigint       not null
);
create index report_draft_order on report_draft (generated_at desc, id desc);

-- A published snapshot keeps its canonical JSON as text: the bytes that were hashed are the bytes
-- that are stored and served (jsonb would reorder keys and respell numbers).
create table published_report (
    id             uuid primary key,
    period_key     varchar(40)  not null,
    version_number integer      not null check (version_number >= 1),
    published_at   timestamptz  not null,
    published_by   varchar(200) not null,
    draft_id       uuid         not null unique references report_draft (id),
    snapshot       text         not null,
    sha256         varchar(64)  not null check (sha256 ~ '^[0-9a-f]{64}$'),
    missing_count  integer      not null check (missing_count >= 0),
    unique (period_key, version_number)
);
create index published_report_order on published_report (published_at desc, id desc);

-- Belt and braces: the service never updates or deletes a published report, and the database
-- refuses it too, whoever asks.
create function refuse_published_report_change() returns trigger language plpgsql as $$
begin
    raise exception 'published reports are immutable: % on published_report refused', tg_op
        using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger published_report_immutable
    before update or delete on published_report
    for each row execute function refuse_published_report_change();

create trigger published_report_no_truncate
    before truncate on published_report
    for each statement execute function refuse_published_report_change();
