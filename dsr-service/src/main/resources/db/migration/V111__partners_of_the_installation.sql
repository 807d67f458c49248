-- S2: partners are identities of the installation, registered once by the platform admin with their Kafka principal;
-- a shop links registered partners into its own registry. A shop's own system is a partner owned by that shop, with
-- an id namespaced by the shop ('<tenant>--<system>'), so no partner and no other shop can ever read its topic.
-- Notices to partner p go to consentry.partner.<p>.v1; p answers on consentry.partner.<p>.replies.v1.
CREATE TABLE partner (
    id               TEXT        PRIMARY KEY,
    name             TEXT        NOT NULL,
    -- the principal its Kafka credentials authenticate as (ACLs are granted to it); null for a shop's own system
    kafka_principal  TEXT,
    delivery         TEXT        NOT NULL DEFAULT 'kafka',
    -- null: a partner of the installation any shop may link; a tenant: that shop's own system
    owner_tenant     TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

ALTER TABLE recipient ADD COLUMN partner_id TEXT REFERENCES partner (id);
ALTER TABLE partner_notice ADD COLUMN partner_id TEXT REFERENCES partner (id);

-- Upgrade: a recipient id used by one shop only keeps its topic (its id becomes the partner's id); a recipient id
-- that several shops used for their own recipients (they shared a topic) is split: each shop's becomes its own
-- system '<tenant>--<id>' and the platform admin links the real partner again (deploy/README.md, "Upgrading").
CREATE TEMPORARY TABLE recipient_partner ON COMMIT DROP AS
SELECT tenant, id, name,
       CASE WHEN shops = 1 THEN id ELSE tenant || '--' || id END AS partner_id,
       CASE WHEN shops = 1 AND kind <> 'internal_store' THEN NULL ELSE tenant END AS owner_tenant
FROM (SELECT r.*, count(*) OVER (PARTITION BY r.id) AS shops FROM recipient r) usage;

INSERT INTO partner (id, name, owner_tenant) SELECT partner_id, name, owner_tenant FROM recipient_partner;
UPDATE recipient r SET partner_id = m.partner_id FROM recipient_partner m WHERE r.tenant = m.tenant AND r.id = m.id;

UPDATE partner_notice n SET partner_id = r.partner_id
FROM recipient r WHERE r.tenant = n.tenant AND r.id = n.recipient_id;

ALTER TABLE recipient ALTER COLUMN partner_id SET NOT NULL;
ALTER TABLE partner_notice ALTER COLUMN partner_id SET NOT NULL;
-- one shop links one partner once
CREATE UNIQUE INDEX recipient_partner_per_tenant ON recipient (tenant, partner_id);
