-- Issue 11 (meeting mode): the case discussion's agenda, and an index for
-- the requests closed in a period (the group's results).

CREATE TABLE agenda_items (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES help_requests (id) ON DELETE CASCADE,
    -- Written for the meeting, without names, streets or phone numbers.
    description TEXT NOT NULL,
    question    TEXT NOT NULL,
    tried       TEXT NOT NULL DEFAULT '',
    life_area   TEXT NOT NULL,
    kern        TEXT NOT NULL DEFAULT '',
    age_band    TEXT NOT NULL,
    -- agenda (op de agenda) | discussed (besproken) | done (uitkomst verwerkt)
    status      TEXT NOT NULL,
    outcome     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX agenda_items_by_request ON agenda_items (request_id, id);
CREATE INDEX agenda_items_open ON agenda_items (status, id) WHERE status <> 'done';

CREATE INDEX contact_log_closing ON contact_log (on_date, request_id)
    WHERE status IN ('done', 'referred', 'lapsed');
