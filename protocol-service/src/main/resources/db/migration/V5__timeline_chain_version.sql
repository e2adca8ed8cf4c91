-- Each timeline entry names the canonical form its hash covers (TimelineChain): 1 is the line
-- format written until now, 2 the RFC 8785 canonical JSON written from now on. Entries already
-- stored keep their hashes and verify as version 1. No default: the writer always says which.
alter table timeline_entry add column chain_version integer not null default 1
    constraint timeline_entry_chain_version check (chain_version in (1, 2));
alter table timeline_entry alter column chain_version drop default;
