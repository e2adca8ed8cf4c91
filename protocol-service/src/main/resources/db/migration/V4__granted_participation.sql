-- Participation in protocols is granted by the secretariat in supporter-service and served with
-- each supporter's contacts. Until the next read, each supporter keeps the protocols its active
-- endpoints listed, which supporter-service's own upgrade turns into grants.
alter table crisis_contact add column protocols jsonb not null default '[]'::jsonb;

update crisis_contact c set protocols = coalesce((
    select jsonb_agg(distinct p.code order by p.code)
    from webhook_endpoint w, jsonb_array_elements_text(w.protocols) as p(code)
    where w.supporter_id = c.supporter_id and w.active), '[]'::jsonb);
