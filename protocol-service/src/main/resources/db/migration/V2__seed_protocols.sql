insert into protocol (code, name, description, requires_second_approval, created_at, updated_at) values
('ccscrp', 'Christchurch Call Shared Crisis Response Protocol',
 'Governments and online service providers alert each other to an online crisis after a terrorist or violent extremist attack.',
 false, now(), now()),
('gifct-cip', 'GIFCT Content Incident Protocol',
 'The company protocol run by GIFCT; no single organisation activates it alone.',
 true, now(), now()),
('eu-crisis-protocol', 'EU Crisis Protocol',
 'The European protocol for a coordinated response to the online spread of terrorist content.',
 false, now(), now());

-- gifct-cip: GIFCT's published Incident Response Framework levels (2021-2024).
-- ccscrp and eu-crisis-protocol: levels defined by this platform (the protocols publish none);
-- the secretariat can change them.
insert into protocol_level (protocol_code, code, name, description, position) values
('gifct-cip', 'incident', 'Incident', 'Situational awareness only.', 1),
('gifct-cip', 'content-incident', 'Content Incident', 'Perpetrator-produced photo, audio or text content.', 2),
('gifct-cip', 'content-incident-protocol', 'Content Incident Protocol',
 'Ongoing event with livestreamed or recorded perpetrator video, murder or attempted murder, on or spreading to member platforms.', 3),
('ccscrp', 'awareness', 'Awareness', 'Supporters are informed of an event that may produce terrorist content online.', 1),
('ccscrp', 'coordinated-response', 'Coordinated response', 'Perpetrator content is spreading; supporters coordinate removal.', 2),
('ccscrp', 'full-activation', 'Full activation', 'Viral spread across platforms; leaders-level coordination.', 3),
('eu-crisis-protocol', 'monitoring', 'Monitoring', 'Europol EU IRU and member states monitor the spread.', 1),
('eu-crisis-protocol', 'crisis', 'Crisis', 'Coordinated cross-border response to viral terrorist content.', 2);
