-- A tenant's own promise (R3), stricter than the law: e.g. one shop answers every request within 24 hours.
CREATE TABLE tenant_sla (
    tenant      TEXT PRIMARY KEY,
    sla_hours   INT  NOT NULL CHECK (sla_hours > 0)
);
