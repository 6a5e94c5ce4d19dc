-- Follow-up (agreements, goals, outcome, reminders), referrals, consent,
-- the help point's contact persons and the export log.

-- Goals and the outcome of a request; a typed close reason; professional flags.
ALTER TABLE help_requests ADD COLUMN goal_short TEXT NOT NULL DEFAULT '';
ALTER TABLE help_requests ADD COLUMN goal_long TEXT NOT NULL DEFAULT '';
ALTER TABLE help_requests ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
-- need_met | referred | no_capacity | no_longer_needed | declined | other (NULL before 005)
ALTER TABLE help_requests ADD COLUMN close_kind TEXT;
-- ProfessionalFlag bits: personal_care 1, debts 2, crisis 4, domestic_violence 8, medical 16.
ALTER TABLE help_requests ADD COLUMN flags INTEGER NOT NULL DEFAULT 0;

-- Agreements: who does what by when.
CREATE TABLE agreements (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES help_requests (id) ON DELETE CASCADE,
    -- resident | network | volunteer | professional | help_point
    party      TEXT NOT NULL,
    who        TEXT NOT NULL DEFAULT '',
    what       TEXT NOT NULL,
    due_on     TEXT,
    done_on    TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX agreements_by_request ON agreements (request_id, id);

-- Follow-up reminders, once or repeating every N weeks.
CREATE TABLE reminders (
    id           INTEGER PRIMARY KEY,
    request_id   INTEGER NOT NULL REFERENCES help_requests (id) ON DELETE CASCADE,
    due_on       TEXT NOT NULL,
    note         TEXT NOT NULL,
    repeat_weeks INTEGER NOT NULL DEFAULT 0,
    done_on      TEXT,
    done_note    TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);
CREATE INDEX reminders_by_request ON reminders (request_id, due_on);
CREATE INDEX reminders_open ON reminders (due_on, request_id) WHERE done_on IS NULL;

-- The help point's contact persons (who made an export, who checked the map).
CREATE TABLE contact_persons (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    phone    TEXT NOT NULL DEFAULT '',
    email    TEXT NOT NULL DEFAULT '',
    active   INTEGER NOT NULL DEFAULT 1,
    position INTEGER NOT NULL DEFAULT 0
);

-- Consent (toestemming) of a resident to share data, scoped.
CREATE TABLE consents (
    id             INTEGER PRIMARY KEY,
    resident_id    INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
    -- resident | representative
    given_by       TEXT NOT NULL,
    representative TEXT NOT NULL DEFAULT '',
    given_on       TEXT NOT NULL,
    -- oral | written
    how            TEXT NOT NULL,
    -- DataCategory bits: identity 1, contact 2, question 4, network 8, help_so_far 16.
    categories     INTEGER NOT NULL,
    -- The recipient: a service on the social map (id kept as given) and its name.
    service_id     INTEGER,
    recipient      TEXT NOT NULL,
    valid_until    TEXT,
    withdrawn_on   TEXT,
    note           TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL
);
CREATE INDEX consents_by_resident ON consents (resident_id, given_on);

-- Referrals (doorverwijzingen) from a request to a service on the social map.
CREATE TABLE referrals (
    id             INTEGER PRIMARY KEY,
    request_id     INTEGER NOT NULL REFERENCES help_requests (id) ON DELETE CASCADE,
    service_id     INTEGER,
    -- The recipient as it was when referred (the map may change later).
    organisation   TEXT NOT NULL,
    service        TEXT NOT NULL DEFAULT '',
    contact        TEXT NOT NULL DEFAULT '',
    wmo_desk       INTEGER NOT NULL DEFAULT 0,
    reason         TEXT NOT NULL,
    urgency        TEXT NOT NULL,
    volunteers_did TEXT NOT NULL DEFAULT '',
    -- concept | sent | received | answered | closed
    status         TEXT NOT NULL,
    sent_on        TEXT,
    received_on    TEXT,
    answered_on    TEXT,
    closed_on      TEXT,
    melding_on     TEXT,
    answer         TEXT NOT NULL DEFAULT '',
    -- Shared without valid consent in acute danger: why (empty otherwise).
    override_reason TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX referrals_by_request ON referrals (request_id, id);
CREATE INDEX referrals_open ON referrals (status, melding_on) WHERE status IN ('sent', 'received');

-- Every export of personal data: what, about whom, to whom, when, by whom.
CREATE TABLE exports (
    id              INTEGER PRIMARY KEY,
    resident_id     INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
    request_id      INTEGER,
    referral_id     INTEGER,
    what            TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    categories      INTEGER NOT NULL,
    withheld        INTEGER NOT NULL,
    consent_id      INTEGER,
    override_reason TEXT NOT NULL DEFAULT '',
    contact_person  TEXT NOT NULL,
    files           TEXT NOT NULL,
    made_at         TEXT NOT NULL
);
CREATE INDEX exports_by_resident ON exports (resident_id, made_at);
