-- The social map speaks HSDS 3: a service's status, web address, e-mail and
-- age limits, and where to go (HSDS `location` with its one `address`,
-- linked to services as `service_at_location`).

-- HSDS status: 'active', 'inactive', 'defunct' or 'temporarily closed'.
-- Inactive and defunct services are not suggested.
ALTER TABLE services ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed'));
ALTER TABLE services ADD COLUMN url TEXT NOT NULL DEFAULT '';
ALTER TABLE services ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE services ADD COLUMN minimum_age INTEGER;
ALTER TABLE services ADD COLUMN maximum_age INTEGER;
-- More than one contact and phone number (HSDS has lists): the first stays
-- in contact_name/_phone/_email and organizations.phone, the others are kept
-- here as JSON: more_phones ["0599-…"], more_contacts
-- [{"name", "title", "email", "phones": ["…"]}].
ALTER TABLE services ADD COLUMN more_phones TEXT NOT NULL DEFAULT '[]';
ALTER TABLE services ADD COLUMN more_contacts TEXT NOT NULL DEFAULT '[]';
ALTER TABLE organizations ADD COLUMN more_phones TEXT NOT NULL DEFAULT '[]';
-- Opening hours as HSDS structure (JSON: [{"freq", "byday", "opensAt",
-- "closesAt", "description"}]) beside the text in `schedule`, which is what
-- people read. Changing the text in the form drops the structure.
ALTER TABLE services ADD COLUMN schedules TEXT NOT NULL DEFAULT '[]';

-- A place of an organisation where people can go, with its address.
-- `hsds_id` is the location's HSDS id and `address_hsds_id` its address's
-- (kept through export and import, as the organisation's).
CREATE TABLE locations (
    id              INTEGER PRIMARY KEY,
    hsds_id         TEXT NOT NULL UNIQUE,
    address_hsds_id TEXT NOT NULL UNIQUE,
    organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    -- "Dorpshuis De Linde"; may be empty.
    name            TEXT NOT NULL DEFAULT '',
    address_1       TEXT NOT NULL,
    address_2       TEXT NOT NULL DEFAULT '',
    postal_code     TEXT NOT NULL,
    city            TEXT NOT NULL,
    state_province  TEXT NOT NULL DEFAULT '',
    -- ISO 3166-1 alpha-2.
    country         TEXT NOT NULL DEFAULT 'NL',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX locations_by_organization ON locations (organization_id, id);

-- Which services are given at which of their organisation's locations.
CREATE TABLE service_at_locations (
    service_id  INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    location_id INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
    PRIMARY KEY (service_id, location_id)
) WITHOUT ROWID;
CREATE INDEX service_at_locations_by_location ON service_at_locations (location_id);
