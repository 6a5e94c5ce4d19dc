-- Retention and anonymisation (`retention`, `anonymise`): what passed its
-- term is anonymised, not deleted, so the meeting's and the report's figures
-- stay the same. The stamps say a record was anonymised (and when); the age
-- band keeps what a date of birth told the figures.
ALTER TABLE residents ADD COLUMN anonymised_on TEXT;
-- agenda::AgeBand, set when the date of birth is removed.
ALTER TABLE residents ADD COLUMN age_band TEXT;
ALTER TABLE help_requests ADD COLUMN anonymised_on TEXT;
ALTER TABLE signals ADD COLUMN anonymised_on TEXT;
-- An anonymised signal no longer names its resident but still counts as
-- "about a resident" in the figures.
ALTER TABLE signals ADD COLUMN about_resident INTEGER NOT NULL DEFAULT 0;

-- While a row is here (only inside the anonymising transaction, which
-- empties it before it commits), the generated audit triggers write no
-- "gewijzigd"/"gewist" line per row: the anonymisation writes one
-- "geanonimiseerd" line per record instead.
CREATE TABLE audit_quiet (
    one INTEGER PRIMARY KEY CHECK (one = 1)
);

-- "What passed its term": closed requests by their last change, residents
-- not yet anonymised, stopped volunteers by the date they stopped.
CREATE INDEX help_requests_closed_by_change ON help_requests (updated_at, id)
    WHERE status IN ('done', 'referred', 'lapsed') AND anonymised_on IS NULL;
CREATE INDEX residents_not_anonymised ON residents (id) WHERE anonymised_on IS NULL;
CREATE INDEX audit_log_by_time ON audit_log (at, id);

-- A deleted search row takes its words out of the index at once (FTS5's
-- secure-delete), so a removed name does not linger in old index segments;
-- 'optimize' merges what earlier deletes left behind.
INSERT INTO resident_search (resident_search, rank) VALUES ('secure-delete', 1);
INSERT INTO request_search (request_search, rank) VALUES ('secure-delete', 1);
INSERT INTO resident_search (resident_search) VALUES ('optimize');
INSERT INTO request_search (request_search) VALUES ('optimize');
