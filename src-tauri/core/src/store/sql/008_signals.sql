-- Signals (signalen): what contact persons and volunteers notice before it is
-- a help request. Also: collective help requests (street or whole village)
-- need no resident, so help_requests is rebuilt with resident_id nullable.

-- 1. help_requests without a required resident (SQLite's 12-step rebuild;
-- the migration runner turns foreign keys off around it and checks them after).
CREATE TABLE help_requests_new (
    id                INTEGER PRIMARY KEY,
    resident_id       INTEGER REFERENCES residents (id),
    received_on       TEXT NOT NULL,
    channel           TEXT NOT NULL,
    ask               TEXT NOT NULL,
    underlying_need   TEXT NOT NULL DEFAULT '',
    own_strength      TEXT NOT NULL DEFAULT '',
    tried             TEXT NOT NULL DEFAULT '',
    urgency           TEXT NOT NULL,
    due_on            TEXT,
    scope             TEXT NOT NULL,
    scope_note        TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL,
    close_reason      TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    life_area_mask    INTEGER NOT NULL DEFAULT 0,
    wanted_slots      INTEGER NOT NULL DEFAULT 0,
    needs_vog         INTEGER NOT NULL DEFAULT 0,
    volunteers_needed INTEGER NOT NULL DEFAULT 1,
    estimated_hours   REAL,
    goal_short        TEXT NOT NULL DEFAULT '',
    goal_long         TEXT NOT NULL DEFAULT '',
    outcome           TEXT NOT NULL DEFAULT '',
    close_kind        TEXT,
    flags             INTEGER NOT NULL DEFAULT 0,
    -- An individual request is always about one resident.
    CHECK (scope <> 'individual' OR resident_id IS NOT NULL)
);
INSERT INTO help_requests_new (id, resident_id, received_on, channel, ask, underlying_need, own_strength, tried,
    urgency, due_on, scope, scope_note, status, close_reason, created_at, updated_at, life_area_mask,
    wanted_slots, needs_vog, volunteers_needed, estimated_hours, goal_short, goal_long, outcome, close_kind, flags)
SELECT id, resident_id, received_on, channel, ask, underlying_need, own_strength, tried,
    urgency, due_on, scope, scope_note, status, close_reason, created_at, updated_at, life_area_mask,
    wanted_slots, needs_vog, volunteers_needed, estimated_hours, goal_short, goal_long, outcome, close_kind, flags
FROM help_requests;
DROP TABLE help_requests;
ALTER TABLE help_requests_new RENAME TO help_requests;
CREATE INDEX help_requests_by_date ON help_requests (received_on DESC, id DESC);
CREATE INDEX help_requests_by_resident ON help_requests (resident_id);
CREATE INDEX help_requests_by_due ON help_requests (due_on) WHERE due_on IS NOT NULL;
CREATE INDEX help_requests_by_status
    ON help_requests (status, received_on DESC, id DESC, life_area_mask, urgency);
CREATE INDEX help_requests_open
    ON help_requests (received_on DESC, id DESC, life_area_mask, urgency)
    WHERE status IN ('new', 'in_progress', 'matched');

-- 2. The concerns a signal can be about: eight to start with, the group adds
-- its own. A concern in use is never deleted; it can be hidden.
CREATE TABLE signal_concerns (
    id        INTEGER PRIMARY KEY,
    -- The built-in ones have a code (rules hang on 'home_safety'); own ones none.
    code      TEXT UNIQUE,
    label     TEXT NOT NULL UNIQUE COLLATE NOCASE,
    life_area TEXT NOT NULL,
    position  INTEGER NOT NULL,
    hidden    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO signal_concerns (id, code, label, life_area, position) VALUES
    (1, 'loneliness', 'Eenzaamheid', 'social_contact', 1),
    (2, 'money', 'Geldzorgen of schulden', 'money_and_admin', 2),
    (3, 'neglect', 'Verwaarlozing of vervuiling', 'household', 3),
    (4, 'carer', 'Overbelaste mantelzorger', 'health', 4),
    (5, 'memory', 'Geheugen of verwardheid', 'health', 5),
    (6, 'home_safety', 'Zorgen over veiligheid thuis', 'other', 6),
    (7, 'housing', 'Woning en straat', 'housing', 7),
    (8, 'other', 'Anders', 'other', 8);

CREATE TABLE signals (
    id                    INTEGER PRIMARY KEY,
    noticed_on            TEXT NOT NULL,
    -- contact_person | volunteer | anonymous
    noticer_kind          TEXT NOT NULL,
    contact_person_id     INTEGER REFERENCES contact_persons (id),
    volunteer_id          INTEGER REFERENCES residents (id),
    -- The resident it is about (optional); deleting the resident deletes their signals.
    resident_id           INTEGER REFERENCES residents (id) ON DELETE CASCADE,
    -- street | kern | village
    place_kind            TEXT NOT NULL,
    street                TEXT NOT NULL DEFAULT '',
    kern                  TEXT NOT NULL DEFAULT '',
    concern_id            INTEGER NOT NULL REFERENCES signal_concerns (id),
    life_area             TEXT NOT NULL,
    not_right             INTEGER NOT NULL DEFAULT 0,
    note                  TEXT NOT NULL DEFAULT '',
    -- new | discussed | taken_up | closed
    status                TEXT NOT NULL,
    -- help_request | referral | collective | passed_on | nothing_needed
    outcome               TEXT,
    passed_to             TEXT NOT NULL DEFAULT '',
    closed_on             TEXT,
    request_id            INTEGER REFERENCES help_requests (id) ON DELETE SET NULL,
    referral_id           INTEGER REFERENCES referrals (id) ON DELETE SET NULL,
    collective_request_id INTEGER REFERENCES help_requests (id) ON DELETE SET NULL,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    CHECK (noticer_kind <> 'contact_person' OR contact_person_id IS NOT NULL),
    CHECK (noticer_kind <> 'volunteer' OR volunteer_id IS NOT NULL)
);
-- The list (newest first, filters status and concern).
CREATE INDEX signals_by_date ON signals (noticed_on DESC, id DESC);
CREATE INDEX signals_by_status ON signals (status, noticed_on DESC, id DESC);
CREATE INDEX signals_by_concern ON signals (concern_id, noticed_on DESC, id DESC);
-- Patterns: a date range, grouped by concern and place; covering.
CREATE INDEX signals_for_patterns
    ON signals (noticed_on, concern_id, place_kind, kern, street, status, outcome, collective_request_id);
CREATE INDEX signals_by_resident ON signals (resident_id) WHERE resident_id IS NOT NULL;
CREATE INDEX signals_by_request ON signals (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX signals_by_collective ON signals (collective_request_id) WHERE collective_request_id IS NOT NULL;
CREATE INDEX signals_by_referral ON signals (referral_id) WHERE referral_id IS NOT NULL;
-- Retention: closed with "nothing needed", by closing date.
CREATE INDEX signals_to_forget ON signals (closed_on) WHERE outcome = 'nothing_needed';
