-- Entitlements: the operational roles and the protocol participation the secretariat grants a
-- supporter (the type role comes with the supporter and is not stored here). A supporter's clients
-- carry at most its role grants; protocol-service learns participation from its protocol grants.
create table entitlement (
    id            uuid primary key,
    supporter_id  uuid          not null references supporter (id),
    kind          varchar(16)   not null check (kind in ('role', 'protocol')),
    -- an operational role, or a protocol code owned by protocol-service (checked there when granted)
    code          varchar(60)   not null,
    granted_at    timestamptz   not null,
    granted_by    varchar(200)  not null,
    constraint entitlement_uq unique (supporter_id, kind, code),
    constraint entitlement_role_ck check (kind <> 'role' or code in ('crisis-coordinator', 'hash-contributor', 'matcher'))
);

-- protocol-service accepts codes of up to 60 characters
alter table webhook_endpoint alter column protocols type varchar(60)[];

-- What supporters hold today becomes explicit grants, so that nobody loses access on upgrade:
-- the operational roles of their clients still in use, and the protocols their webhooks list.
-- Withdrawn supporters get none: no grant can be made to them afterwards either.
insert into entitlement (id, supporter_id, kind, code, granted_at, granted_by)
select gen_random_uuid(), r.supporter_id, 'role', r.code, now(), 'migration'
from (select distinct c.supporter_id, unnest(c.roles) as code
      from api_client c join supporter s on s.id = c.supporter_id
      where c.revoked_at is null and s.status <> 'withdrawn') r
where r.code in ('crisis-coordinator', 'hash-contributor', 'matcher');

insert into entitlement (id, supporter_id, kind, code, granted_at, granted_by)
select gen_random_uuid(), p.supporter_id, 'protocol', p.code, now(), 'migration'
from (select distinct w.supporter_id, unnest(w.protocols) as code
      from webhook_endpoint w join supporter s on s.id = w.supporter_id
      where s.status <> 'withdrawn') p;

-- the audit trail records these grants like any other, made by the system
insert into audit_event (id, occurred_at, client_id, supporter_id, entity_type, entity_id, action, summary)
select gen_random_uuid(), e.granted_at, 'system', null, 'entitlement', e.supporter_id::text, 'granted',
       e.kind || ' ''' || e.code || ''' granted to ' || s.name || ' on upgrade, carried over from its '
       || case when e.kind = 'role' then 'API clients' else 'webhook endpoints' end
from entitlement e join supporter s on s.id = e.supporter_id;
