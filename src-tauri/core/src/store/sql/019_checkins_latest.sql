-- Vandaag and the volunteer overview: each volunteer's latest check-in read
-- from the index alone (the last by date, ties by id, with its support flag).
CREATE INDEX checkins_latest ON checkins (volunteer_id, on_date, id, needs_support);
