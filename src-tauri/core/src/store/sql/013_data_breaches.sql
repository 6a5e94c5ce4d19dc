-- The group's own privacy paperwork (AVG): the data breach register
-- (art. 33: every breach is written down, also one that is not reported to
-- the Autoriteit Persoonsgegevens) and the log of privacy documents made.

CREATE TABLE data_breaches (
    id             INTEGER PRIMARY KEY,
    -- When the group found out (local time, YYYY-MM-DDTHH:MM:SS): the
    -- 72 hours to inform the Autoriteit Persoonsgegevens start here.
    discovered_at  TEXT NOT NULL,
    happened       TEXT NOT NULL,
    -- Whose data, in words ("ongeveer 20 bewoners van de Kerkstraat").
    whose_data     TEXT NOT NULL,
    measures       TEXT NOT NULL DEFAULT '',
    ap_informed    INTEGER NOT NULL DEFAULT 0,
    ap_informed_on TEXT,
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK (ap_informed IN (0, 1)),
    CHECK (ap_informed = 1 OR ap_informed_on IS NULL)
);
CREATE INDEX data_breaches_by_discovery ON data_breaches (discovered_at, id);

-- The privacy documents made (processing register, privacy statement,
-- consent text): what, which file, when. They hold no resident's data.
CREATE TABLE privacy_exports (
    id      INTEGER PRIMARY KEY,
    what    TEXT NOT NULL,
    files   TEXT NOT NULL,
    made_at TEXT NOT NULL
);
CREATE INDEX privacy_exports_by_time ON privacy_exports (made_at);
