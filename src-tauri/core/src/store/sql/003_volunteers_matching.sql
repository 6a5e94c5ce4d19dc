-- Volunteers, matches (koppelingen), hours and check-ins.

-- Talents and tasks: a list the initiative group edits. A skill may serve a
-- life area (for matching) and may need a VOG (work with vulnerable people).
CREATE TABLE skills (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    life_area TEXT,
    needs_vog INTEGER NOT NULL DEFAULT 0,
    -- Retired skills stay on old records but are no longer offered.
    retired   INTEGER NOT NULL DEFAULT 0,
    position  INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX skills_by_name ON skills (name COLLATE NOCASE);

INSERT INTO skills (name, life_area, needs_vog, position) VALUES
    ('Autorijden (vervoer)', 'transport', 0, 1),
    ('Boodschappen doen', 'household', 0, 2),
    ('Klussen in huis', 'garden_and_odd_jobs', 0, 3),
    ('Tuinieren', 'garden_and_odd_jobs', 0, 4),
    ('Bezoek en gezelschap', 'social_contact', 1, 5),
    ('Administratie en formulieren', 'money_and_admin', 1, 6),
    ('Computer en telefoon', 'other', 0, 7),
    ('Huishoudelijke hulp', 'household', 1, 8),
    ('Wandelen met de hond', 'other', 0, 9),
    ('Meegaan naar afspraken', 'health', 1, 10);

-- A volunteer is a resident with a volunteer profile: one person, two roles.
CREATE TABLE volunteers (
    resident_id   INTEGER PRIMARY KEY REFERENCES residents (id) ON DELETE CASCADE,
    -- applied (aanmelding) | active | paused | stopped
    status        TEXT NOT NULL,
    status_since  TEXT NOT NULL,
    status_reason TEXT NOT NULL DEFAULT '',
    -- Week grid: bit (day * 3 + part), Monday = day 0, morning = part 0.
    availability  INTEGER NOT NULL DEFAULT 0,
    -- Bit mask: car 1, bike 2, on foot 4.
    mobility      INTEGER NOT NULL DEFAULT 0,
    -- Personal limits; NULL hours means the group's default.
    limit_hours   REAL,
    limit_matches INTEGER,
    is_carer      INTEGER NOT NULL DEFAULT 0,
    carer_hours   REAL NOT NULL DEFAULT 0,
    vog_on        TEXT,
    consent_on    TEXT,
    notes         TEXT NOT NULL DEFAULT '',
    -- Life areas of their skills (LifeArea bits), kept in step with volunteer_skills.
    area_mask     INTEGER NOT NULL DEFAULT 0,
    -- When they were last asked for a match (fair spread), kept in step with matches.
    last_asked_on TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX volunteers_by_status ON volunteers (status);

CREATE TABLE volunteer_skills (
    volunteer_id INTEGER NOT NULL REFERENCES volunteers (resident_id) ON DELETE CASCADE,
    skill_id     INTEGER NOT NULL REFERENCES skills (id),
    PRIMARY KEY (volunteer_id, skill_id)
) WITHOUT ROWID;
CREATE INDEX volunteer_skills_by_skill ON volunteer_skills (skill_id, volunteer_id);

-- Tasks a volunteer does not want to do: never suggested for them.
CREATE TABLE volunteer_refusals (
    volunteer_id INTEGER NOT NULL REFERENCES volunteers (resident_id) ON DELETE CASCADE,
    skill_id     INTEGER NOT NULL REFERENCES skills (id),
    PRIMARY KEY (volunteer_id, skill_id)
) WITHOUT ROWID;
CREATE INDEX volunteer_refusals_by_skill ON volunteer_refusals (skill_id, volunteer_id);

CREATE TABLE volunteer_tags (
    volunteer_id INTEGER NOT NULL REFERENCES volunteers (resident_id) ON DELETE CASCADE,
    tag          TEXT NOT NULL,
    PRIMARY KEY (volunteer_id, tag)
) WITHOUT ROWID;

-- The kernen a volunteer serves besides their own.
CREATE TABLE volunteer_kernen (
    volunteer_id INTEGER NOT NULL REFERENCES volunteers (resident_id) ON DELETE CASCADE,
    kern         TEXT NOT NULL,
    PRIMARY KEY (volunteer_id, kern)
) WITHOUT ROWID;
CREATE INDEX volunteer_kernen_by_kern ON volunteer_kernen (kern, volunteer_id);

CREATE TABLE volunteer_absences (
    id           INTEGER PRIMARY KEY,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers (resident_id) ON DELETE CASCADE,
    from_on      TEXT NOT NULL,
    until_on     TEXT NOT NULL,
    -- holiday | illness | other
    kind         TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX volunteer_absences_by_volunteer ON volunteer_absences (volunteer_id, until_on);
CREATE INDEX volunteer_absences_by_end ON volunteer_absences (until_on, from_on, volunteer_id);

CREATE TABLE volunteer_status_log (
    id           INTEGER PRIMARY KEY,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers (resident_id) ON DELETE CASCADE,
    on_date      TEXT NOT NULL,
    status       TEXT NOT NULL,
    reason       TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);
CREATE INDEX volunteer_status_log_by_volunteer ON volunteer_status_log (volunteer_id, on_date);

-- Wellbeing check-ins: how is it going?
CREATE TABLE checkins (
    id            INTEGER PRIMARY KEY,
    volunteer_id  INTEGER NOT NULL REFERENCES volunteers (resident_id) ON DELETE CASCADE,
    on_date       TEXT NOT NULL,
    how_it_goes   TEXT NOT NULL,
    dilemma       TEXT NOT NULL DEFAULT '',
    needs_support INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
);
CREATE INDEX checkins_by_volunteer ON checkins (volunteer_id, on_date);

-- What a request needs from a volunteer.
ALTER TABLE help_requests ADD COLUMN wanted_slots INTEGER NOT NULL DEFAULT 0;
ALTER TABLE help_requests ADD COLUMN needs_vog INTEGER NOT NULL DEFAULT 0;
ALTER TABLE help_requests ADD COLUMN volunteers_needed INTEGER NOT NULL DEFAULT 1;
ALTER TABLE help_requests ADD COLUMN estimated_hours REAL;

CREATE TABLE request_skills (
    request_id INTEGER NOT NULL REFERENCES help_requests (id) ON DELETE CASCADE,
    skill_id   INTEGER NOT NULL REFERENCES skills (id),
    PRIMARY KEY (request_id, skill_id)
) WITHOUT ROWID;

-- Matches (koppelingen): a volunteer linked to a request, with the agreement.
CREATE TABLE matches (
    id              INTEGER PRIMARY KEY,
    request_id      INTEGER NOT NULL REFERENCES help_requests (id) ON DELETE CASCADE,
    volunteer_id    INTEGER NOT NULL REFERENCES volunteers (resident_id),
    -- proposed (voorgesteld) | agreed (akkoord) | active (bezig) | done (klaar) | cancelled (afgezegd)
    status          TEXT NOT NULL,
    agreement       TEXT NOT NULL DEFAULT '',
    planned_on      TEXT,
    -- Why the volunteer's limit was passed (empty when it was not).
    override_reason TEXT NOT NULL DEFAULT '',
    asked_on        TEXT NOT NULL,
    closed_on       TEXT,
    close_note      TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX matches_by_request ON matches (request_id, id);
CREATE INDEX matches_by_volunteer ON matches (volunteer_id, asked_on);
CREATE INDEX matches_open ON matches (volunteer_id, request_id)
    WHERE status IN ('proposed', 'agreed', 'active');

-- Hours per match. volunteer_id and request_id are copies of the match's,
-- so load sums need no join.
CREATE TABLE hour_entries (
    id           INTEGER PRIMARY KEY,
    match_id     INTEGER NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    volunteer_id INTEGER NOT NULL,
    request_id   INTEGER NOT NULL,
    on_date      TEXT NOT NULL,
    minutes      INTEGER NOT NULL,
    km           REAL,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);
CREATE INDEX hour_entries_by_date ON hour_entries (on_date, volunteer_id, minutes);
CREATE INDEX hour_entries_by_volunteer ON hour_entries (volunteer_id, on_date, minutes);
CREATE INDEX hour_entries_by_match ON hour_entries (match_id, on_date);
CREATE INDEX hour_entries_by_request ON hour_entries (request_id, on_date);
