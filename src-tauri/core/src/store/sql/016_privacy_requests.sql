-- Requests of a person about their own data (AVG art. 15, 16, 17): inzage,
-- correctie, wissen. Each must be answered within one calendar month of
-- receipt (`deadline_on`); Vandaag shows the open ones until `done_on`.
-- The note says what was asked or done, without names.
CREATE TABLE privacy_requests (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('inzage', 'correctie', 'wissen')),
    resident_id INTEGER NOT NULL REFERENCES residents (id),
    received_on TEXT NOT NULL,
    deadline_on TEXT NOT NULL,
    done_on     TEXT,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX privacy_requests_open ON privacy_requests (deadline_on, id) WHERE done_on IS NULL;
CREATE INDEX privacy_requests_by_resident ON privacy_requests (resident_id, received_on);

-- A resident whose data was erased (art. 17): the row stays, blank but for
-- the kern, so the kept meeting figures still count their closed requests
-- and hours; lists and searches leave it out.
ALTER TABLE residents ADD COLUMN erased_on TEXT;
