-- Indexes for the hot reads on a large data set (issue 14, see .ci/bench and
-- the query-plan test in core/tests/query_plans.rs).
-- Vandaag: open requests past or near their wished date, by that date.
CREATE INDEX help_requests_open_by_due ON help_requests (due_on, id)
    WHERE status IN ('new', 'in_progress', 'matched') AND due_on IS NOT NULL;
-- Vandaag: open urgent requests, the earliest wished date first, those
-- without a date last.
CREATE INDEX help_requests_open_by_urgency
    ON help_requests (urgency, due_on IS NULL, due_on, received_on, id)
    WHERE status IN ('new', 'in_progress', 'matched');
-- The request list filtered on urgency, newest first.
CREATE INDEX help_requests_by_urgency ON help_requests (urgency, received_on DESC, id DESC);
