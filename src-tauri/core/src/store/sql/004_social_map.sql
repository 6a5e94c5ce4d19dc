-- The social map (sociale kaart): organisations and their services, with the
-- field names of Open Referral HSDS 3 where one fits.

CREATE TABLE organizations (
    id              INTEGER PRIMARY KEY,
    -- The HSDS identifier (a UUID we make, or the id of an imported file):
    -- kept so a re-import updates instead of duplicating.
    hsds_id         TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    website         TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    -- Last checked (HSDS: a service's assured_date) and by whom; NULL = never.
    last_checked_on TEXT,
    last_checked_by TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX organizations_by_name ON organizations (name COLLATE NOCASE, id);
CREATE INDEX organizations_by_check ON organizations (last_checked_on);

CREATE TABLE services (
    id                      INTEGER PRIMARY KEY,
    hsds_id                 TEXT NOT NULL UNIQUE,
    organization_id         INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name                    TEXT NOT NULL,
    description             TEXT NOT NULL DEFAULT '',
    -- How to apply, who it is for, what it costs.
    application_process     TEXT NOT NULL DEFAULT '',
    eligibility_description TEXT NOT NULL DEFAULT '',
    fees_description        TEXT NOT NULL DEFAULT '',
    -- "Nederlands, Fries": HSDS languages by name, comma-separated.
    languages               TEXT NOT NULL DEFAULT '',
    service_area            TEXT NOT NULL DEFAULT '',
    -- Opening hours as text (HSDS schedule description).
    schedule                TEXT NOT NULL DEFAULT '',
    contact_name            TEXT NOT NULL DEFAULT '',
    contact_phone           TEXT NOT NULL DEFAULT '',
    contact_email           TEXT NOT NULL DEFAULT '',
    -- Buurtpunt: this is the municipality's Wmo-loket (melding, 6 weeks).
    wmo_desk                INTEGER NOT NULL DEFAULT 0,
    -- Buurtpunt: the professional flags (ProfessionalFlag bits, position in
    -- ALL) and life areas (LifeArea bits) this service handles.
    flag_mask               INTEGER NOT NULL DEFAULT 0,
    area_mask               INTEGER NOT NULL DEFAULT 0,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL
);
CREATE INDEX services_by_organization ON services (organization_id, name COLLATE NOCASE);
-- The Wmo-loket is looked up on its own for referral suggestions.
CREATE INDEX services_wmo_desk ON services (organization_id) WHERE wmo_desk;

-- Full-text search (rowid = organisation id / service id), rewritten by the
-- social_map module in the same transaction as the data.
CREATE VIRTUAL TABLE organization_search USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE service_search USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
