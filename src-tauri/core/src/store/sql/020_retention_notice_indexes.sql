-- The retention notice on Vandaag ("12 dossiers zijn langer bewaard dan
-- afgesproken", read at every unlock) counts the files past their term from
-- the residents that could be due (old enough, or a volunteer), leaving out
-- those with something open or recent. These indexes answer each part from
-- the index alone (see `retention::due` and .ci/bench `retention_due`).
-- Residents not yet anonymised, by the day they were entered.
CREATE INDEX residents_kept_since ON residents (created_at) WHERE anonymised_on IS NULL;
-- Whose requests are still open.
CREATE INDEX help_requests_open_residents ON help_requests (resident_id)
    WHERE status IN ('new', 'in_progress', 'matched') AND anonymised_on IS NULL;
-- Closed requests by their last change, now with whose they are.
DROP INDEX help_requests_closed_by_change;
CREATE INDEX help_requests_closed_by_change ON help_requests (updated_at, id, resident_id)
    WHERE status IN ('done', 'referred', 'lapsed') AND anonymised_on IS NULL;
-- A resident's requests not yet anonymised, from the index alone (the
-- notice looks up the contact log of the files it may count).
CREATE INDEX help_requests_kept_by_resident ON help_requests (resident_id)
    WHERE anonymised_on IS NULL;
