-- Residents (bewoners) and their network.
CREATE TABLE residents (
    id                 INTEGER PRIMARY KEY,
    first_name         TEXT NOT NULL,
    last_name          TEXT NOT NULL,
    street             TEXT NOT NULL DEFAULT '',
    house_number       TEXT NOT NULL DEFAULT '',
    postcode           TEXT NOT NULL DEFAULT '',
    kern               TEXT NOT NULL DEFAULT '',
    phone              TEXT NOT NULL DEFAULT '',
    email              TEXT NOT NULL DEFAULT '',
    contact_preference TEXT NOT NULL DEFAULT 'telefoon',
    contact_time       TEXT NOT NULL DEFAULT '',
    birth_date         TEXT,
    notes              TEXT NOT NULL DEFAULT '',
    proxy_name         TEXT NOT NULL DEFAULT '',
    proxy_relation     TEXT NOT NULL DEFAULT '',
    proxy_phone        TEXT NOT NULL DEFAULT '',
    proxy_email        TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX residents_by_name ON residents (last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX residents_by_kern ON residents (kern, last_name COLLATE NOCASE);

CREATE TABLE resident_network (
    id          INTEGER PRIMARY KEY,
    resident_id INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    name        TEXT NOT NULL,
    phone       TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL
);
CREATE INDEX resident_network_by_resident ON resident_network (resident_id, position);

-- Help requests (hulpvragen).
CREATE TABLE help_requests (
    id              INTEGER PRIMARY KEY,
    resident_id     INTEGER NOT NULL REFERENCES residents (id),
    received_on     TEXT NOT NULL,
    channel         TEXT NOT NULL,
    ask             TEXT NOT NULL,
    underlying_need TEXT NOT NULL DEFAULT '',
    own_strength    TEXT NOT NULL DEFAULT '',
    tried           TEXT NOT NULL DEFAULT '',
    urgency         TEXT NOT NULL,
    due_on          TEXT,
    scope           TEXT NOT NULL,
    scope_note      TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL,
    close_reason    TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX help_requests_by_status ON help_requests (status, received_on DESC, id DESC);
CREATE INDEX help_requests_by_date ON help_requests (received_on DESC, id DESC);
CREATE INDEX help_requests_by_resident ON help_requests (resident_id);
CREATE INDEX help_requests_by_due ON help_requests (due_on) WHERE due_on IS NOT NULL;

CREATE TABLE request_life_areas (
    request_id INTEGER NOT NULL REFERENCES help_requests (id) ON DELETE CASCADE,
    life_area  TEXT NOT NULL,
    PRIMARY KEY (request_id, life_area)
) WITHOUT ROWID;
CREATE INDEX request_life_areas_by_area ON request_life_areas (life_area, request_id);

CREATE TABLE contact_log (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES help_requests (id) ON DELETE CASCADE,
    on_date    TEXT NOT NULL,
    note       TEXT NOT NULL,
    -- A status change is logged too: `status` is then the new status.
    status     TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX contact_log_by_request ON contact_log (request_id, on_date);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Full-text search, insensitive to case and diacritics ("Zoë" finds "zoe").
-- The rowid is the resident's or request's id; rows are rewritten by the
-- feature modules in the same transaction as the data.
CREATE VIRTUAL TABLE resident_search USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE request_search USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
