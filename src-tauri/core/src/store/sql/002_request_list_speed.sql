-- Faster request lists on large data sets (see .ci/bench): the life areas also
-- as a bit mask on the request (bit = position in LifeArea::ALL), and indexes
-- that cover the list filters so counting needs no table lookups.
ALTER TABLE help_requests ADD COLUMN life_area_mask INTEGER NOT NULL DEFAULT 0;

UPDATE help_requests SET life_area_mask = (
    SELECT coalesce(sum(CASE life_area
        WHEN 'housing' THEN 1
        WHEN 'transport' THEN 2
        WHEN 'social_contact' THEN 4
        WHEN 'health' THEN 8
        WHEN 'money_and_admin' THEN 16
        WHEN 'household' THEN 32
        WHEN 'garden_and_odd_jobs' THEN 64
        WHEN 'other' THEN 128
        ELSE 0 END), 0)
    FROM request_life_areas WHERE request_id = help_requests.id);

DROP INDEX help_requests_by_status;
CREATE INDEX help_requests_by_status
    ON help_requests (status, received_on DESC, id DESC, life_area_mask, urgency);
CREATE INDEX help_requests_open
    ON help_requests (received_on DESC, id DESC, life_area_mask, urgency)
    WHERE status IN ('new', 'in_progress', 'matched');
