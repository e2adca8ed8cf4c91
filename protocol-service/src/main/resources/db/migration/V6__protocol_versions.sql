-- Protocol versions. A protocol's activation vocabulary belongs to a version: either hierarchical
-- levels or non-hierarchical activation types. The version in effect is the one with the latest
-- effective_from that has passed; a new activation takes it, and keeps it for good: its level or
-- type changes stay within that version, whatever becomes current later.
--
-- GIFCT's Incident Response Framework (gifct-cip) has two:
-- * 2021: the levels Incident, Content Incident and Content Incident Protocol (the rows V2 seeded).
--   Sources: ../shared/docs/domain.md ("GIFCT Incident Response Framework (2021-2024), levels");
--   gifct.org/2022/06/23/debrief-cip-activation-buffalo (in 2021 GIFCT set up three levels of
--   response, with the criteria of each); gifct.org/2023/11/01/how-we-implement-our-mission (hashes
--   of the content go to the hash-sharing database when CI or CIP is activated). The year is
--   published, not the day: 1 January 2021 stands for it.
-- * 2025: non-hierarchical activation types. Sources: domain.md ("From 2025 the levels were
--   replaced by non-hierarchical activation types such as Perpetrator Content Incident, plus
--   awareness communications"); gifct.org/incident-response (the framework is three
--   non-hierarchical activation types; the 2025 refinement retired CIP, CI and Incident);
--   gifct.org/incident-response-activity (awareness communications; the Perpetrator Content
--   Incident overlaps with the hash-sharing database, the attacker's hashes may be shared once it
--   is activated, and only the operating board's decision activates it);
--   gifct.org/2025/12/16/perpetrator-content-incident-in-response-to-violent-incident-in-moscow-oblast-russia
--   (a PCI activated on 16 December 2025, members shared hashes of the perpetrator's content).
--   Of the three types GIFCT counts, those pages name only the Perpetrator Content Incident, so the
--   other two are not seeded (the secretariat adds them as data once confirmed). Awareness
--   communications, which GIFCT also sends without an activation, are a type here so that
--   participants are notified through the same flow; they share no hashes.
--   GIFCT gives the year, not the day: 18 September 2025, the publication date of GIFCT's
--   "Incident Response Activity" page, the first that describes the PCI, stands for it (unconfirmed).
-- ccscrp and eu-crisis-protocol keep their levels (defined by this platform) in one version each,
-- effective from their launch month (domain.md: CCSCRP September 2019, EU Crisis Protocol October
-- 2019; the first of the month stands for the day). A protocol the secretariat created has one
-- version, "1", from its creation.
create table protocol_version (
    protocol_code   text        not null references protocol (code),
    code            text        not null,
    name            text        not null,
    vocabulary      text        not null constraint protocol_version_vocabulary check (vocabulary in ('levels', 'types')),
    effective_from  timestamptz not null,
    source          text        not null,
    primary key (protocol_code, code),
    unique (protocol_code, effective_from)
);

insert into protocol_version (protocol_code, code, name, vocabulary, effective_from, source) values
('ccscrp', '2019', 'Shared Crisis Response Protocol (2019)', 'levels', '2019-09-01T00:00:00Z',
 'Launched September 2019 (christchurchcall.org); the protocol publishes no levels, these are the platform''s own.'),
('eu-crisis-protocol', '2019', 'EU Crisis Protocol (2019)', 'levels', '2019-10-01T00:00:00Z',
 'Adopted October 2019; the protocol publishes no levels, these are the platform''s own.'),
('gifct-cip', '2021', 'Incident Response Framework (2021)', 'levels', '2021-01-01T00:00:00Z',
 'GIFCT, Incident Response Framework 2021-2024: three hierarchical levels (gifct.org/2022/06/23/debrief-cip-activation-buffalo).'),
('gifct-cip', '2025', 'Incident Response Framework (2025)', 'types', '2025-09-18T00:00:00Z',
 'GIFCT, Incident Response Framework 2025: non-hierarchical activation types (gifct.org/incident-response, gifct.org/incident-response-activity).');

insert into protocol_version (protocol_code, code, name, vocabulary, effective_from, source)
select code, '1', name, 'levels', created_at, 'Created by the secretariat.'
from protocol where code not in ('ccscrp', 'eu-crisis-protocol', 'gifct-cip');

-- A version's levels or activation types ("terms") stay in protocol_level, whose name is kept so
-- that pods of the previous release keep working during the roll-out: each former row goes to its
-- protocol's first version. shares_hashes: whether activating the term shares the perpetrator's
-- hashes in the hash-sharing database (hashmatch and others read it from the API).
alter table protocol_level add column version_code text;
update protocol_level t set version_code = (
    select v.code from protocol_version v where v.protocol_code = t.protocol_code
    order by v.effective_from limit 1);
alter table protocol_level alter column version_code set not null;
alter table protocol_level add column shares_hashes boolean not null default false;
alter table protocol_level drop constraint protocol_level_pkey;
alter table protocol_level add constraint protocol_level_pkey primary key (protocol_code, version_code, code);
alter table protocol_level add constraint protocol_level_version
    foreign key (protocol_code, version_code) references protocol_version (protocol_code, code);

update protocol_level set shares_hashes = true
where protocol_code = 'gifct-cip' and version_code = '2021' and code in ('content-incident', 'content-incident-protocol');

insert into protocol_level (protocol_code, version_code, code, name, description, position, shares_hashes) values
('gifct-cip', '2025', 'perpetrator-content-incident', 'Perpetrator Content Incident',
 'An offline terrorist or violent extremist event with perpetrator-produced content, such as a livestream of murder or attempted murder by the perpetrator or an accomplice. Only the operating board''s decision activates it; hashes of the content are shared in the hash-sharing database.',
 1, true),
('gifct-cip', '2025', 'awareness-communication', 'Awareness communication',
 'Situational awareness shared with members about a potential terrorist or violent extremist event; no hashes are shared.',
 2, false);

-- Each activation keeps the version it was made under: existing ones were all made under their
-- protocol's first version. Under a version with levels it has a level_code, under one with
-- activation types a type_code, never both. shares_hashes is the term's value when it took it.
alter table activation add column protocol_version text;
update activation a set protocol_version = (
    select v.code from protocol_version v where v.protocol_code = a.protocol_code
    order by v.effective_from limit 1);
alter table activation alter column protocol_version set not null;
alter table activation add constraint activation_protocol_version
    foreign key (protocol_code, protocol_version) references protocol_version (protocol_code, code);
alter table activation alter column level_code drop not null;
alter table activation add column type_code text;
alter table activation add constraint activation_level_or_type check ((level_code is null) <> (type_code is null));
alter table activation add constraint activation_level
    foreign key (protocol_code, protocol_version, level_code) references protocol_level (protocol_code, version_code, code);
alter table activation add constraint activation_type
    foreign key (protocol_code, protocol_version, type_code) references protocol_level (protocol_code, version_code, code);
alter table activation add column shares_hashes boolean not null default false;
update activation a set shares_hashes = t.shares_hashes from protocol_level t
where t.protocol_code = a.protocol_code and t.version_code = a.protocol_version and t.code = a.level_code;
alter table activation alter column shares_hashes drop default;

-- Until every pod runs this release, pods of the previous one write levels and activations without
-- a version: a level goes to its protocol's current version, an activation to the version of the
-- term it names (moved to type_code when that version uses types), with that term's shares_hashes.
-- To drop in the next release (V7), with these two functions.
create function protocol_level_version_of_old_writers() returns trigger language plpgsql as $$
begin
    if new.version_code is null then
        select v.code into new.version_code from protocol_version v
        where v.protocol_code = new.protocol_code and v.effective_from <= now()
        order by v.effective_from desc limit 1;
    end if;
    return new;
end $$;
create trigger protocol_level_version_of_old_writers before insert on protocol_level
    for each row execute function protocol_level_version_of_old_writers();

create function activation_version_of_old_writers() returns trigger language plpgsql as $$
declare
    uses text;
begin
    if new.protocol_version is null then
        select t.version_code, t.shares_hashes, v.vocabulary into new.protocol_version, new.shares_hashes, uses
        from protocol_level t join protocol_version v on v.protocol_code = t.protocol_code and v.code = t.version_code
        where t.protocol_code = new.protocol_code and t.code = new.level_code
        order by v.effective_from desc limit 1;
        if uses = 'types' then
            new.type_code := new.level_code;
            new.level_code := null;
        end if;
    end if;
    return new;
end $$;
create trigger activation_version_of_old_writers before insert on activation
    for each row execute function activation_version_of_old_writers();
