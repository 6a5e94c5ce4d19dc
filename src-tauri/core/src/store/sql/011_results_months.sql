-- The meeting's and the report's numbers of each whole month
-- (results::months): `body` is JSON, `weeks` the hours per volunteer
-- and week as bytes. Derived data: a month is forgotten by the triggers
-- below as soon as anything it counted changes, and counted again when
-- asked for.
CREATE TABLE results_months (
    month  TEXT PRIMARY KEY,          -- 'YYYY-MM'
    format INTEGER NOT NULL,
    body   TEXT NOT NULL,
    weeks  BLOB NOT NULL
) WITHOUT ROWID;

-- A request counts in the month it came in (received, kern, channel,
-- scope, life areas, days to a first contact or match) and in the month of
-- its last closing step.
CREATE TRIGGER results_months_request_in AFTER INSERT ON help_requests BEGIN
    DELETE FROM results_months WHERE month = substr(NEW.received_on, 1, 7);
END;
CREATE TRIGGER results_months_request_changed
AFTER UPDATE OF received_on, channel, scope, life_area_mask, resident_id, close_kind, status
ON help_requests BEGIN
    DELETE FROM results_months
     WHERE month IN (substr(OLD.received_on, 1, 7), substr(NEW.received_on, 1, 7))
        OR month IN (SELECT substr(on_date, 1, 7) FROM contact_log
                      WHERE request_id = NEW.id AND status IN ('done', 'referred', 'lapsed'));
END;
CREATE TRIGGER results_months_request_gone BEFORE DELETE ON help_requests BEGIN
    DELETE FROM results_months
     WHERE month = substr(OLD.received_on, 1, 7)
        OR month IN (SELECT substr(on_date, 1, 7) FROM contact_log
                      WHERE request_id = OLD.id AND status IN ('done', 'referred', 'lapsed'));
END;

-- The contact log gives the first contact (month the request came in) and
-- the closing steps (each may become or stop being the last one).
CREATE TRIGGER results_months_log_in AFTER INSERT ON contact_log BEGIN
    DELETE FROM results_months
     WHERE month IN (SELECT substr(received_on, 1, 7) FROM help_requests WHERE id = NEW.request_id)
        OR month IN (SELECT substr(on_date, 1, 7) FROM contact_log
                      WHERE request_id = NEW.request_id AND status IN ('done', 'referred', 'lapsed'));
END;
CREATE TRIGGER results_months_log_changed AFTER UPDATE ON contact_log BEGIN
    DELETE FROM results_months
     WHERE month IN (substr(OLD.on_date, 1, 7), substr(NEW.on_date, 1, 7))
        OR month IN (SELECT substr(received_on, 1, 7) FROM help_requests
                      WHERE id IN (OLD.request_id, NEW.request_id))
        OR month IN (SELECT substr(on_date, 1, 7) FROM contact_log
                      WHERE request_id IN (OLD.request_id, NEW.request_id)
                        AND status IN ('done', 'referred', 'lapsed'));
END;
CREATE TRIGGER results_months_log_gone AFTER DELETE ON contact_log BEGIN
    DELETE FROM results_months
     WHERE month = substr(OLD.on_date, 1, 7)
        OR month IN (SELECT substr(received_on, 1, 7) FROM help_requests WHERE id = OLD.request_id)
        OR month IN (SELECT substr(on_date, 1, 7) FROM contact_log
                      WHERE request_id = OLD.request_id AND status IN ('done', 'referred', 'lapsed'));
END;

-- Matches give the days to the first match (month the request came in).
CREATE TRIGGER results_months_match_in AFTER INSERT ON matches BEGIN
    DELETE FROM results_months
     WHERE month IN (SELECT substr(received_on, 1, 7) FROM help_requests WHERE id = NEW.request_id);
END;
CREATE TRIGGER results_months_match_changed AFTER UPDATE OF request_id, status, asked_on ON matches BEGIN
    DELETE FROM results_months
     WHERE month IN (SELECT substr(received_on, 1, 7) FROM help_requests
                      WHERE id IN (OLD.request_id, NEW.request_id));
END;
CREATE TRIGGER results_months_match_gone AFTER DELETE ON matches BEGIN
    DELETE FROM results_months
     WHERE month IN (SELECT substr(received_on, 1, 7) FROM help_requests WHERE id = OLD.request_id);
END;

-- A resident's kern is counted with each of their requests.
CREATE TRIGGER results_months_kern_changed AFTER UPDATE OF kern ON residents BEGIN
    DELETE FROM results_months
     WHERE month IN (SELECT substr(received_on, 1, 7) FROM help_requests WHERE resident_id = NEW.id);
END;

-- Hours count in the month they were given.
CREATE TRIGGER results_months_hours_in AFTER INSERT ON hour_entries BEGIN
    DELETE FROM results_months WHERE month = substr(NEW.on_date, 1, 7);
END;
CREATE TRIGGER results_months_hours_changed AFTER UPDATE ON hour_entries BEGIN
    DELETE FROM results_months
     WHERE month IN (substr(OLD.on_date, 1, 7), substr(NEW.on_date, 1, 7));
END;
CREATE TRIGGER results_months_hours_gone AFTER DELETE ON hour_entries BEGIN
    DELETE FROM results_months WHERE month = substr(OLD.on_date, 1, 7);
END;

-- A volunteer starts in the month of their first 'active' and stops in the
-- month of a 'stopped': any change can move the first one.
CREATE TRIGGER results_months_status_in AFTER INSERT ON volunteer_status_log BEGIN
    DELETE FROM results_months
     WHERE month IN (SELECT substr(on_date, 1, 7) FROM volunteer_status_log
                      WHERE volunteer_id = NEW.volunteer_id);
END;
CREATE TRIGGER results_months_status_changed AFTER UPDATE ON volunteer_status_log BEGIN
    DELETE FROM results_months
     WHERE month IN (substr(OLD.on_date, 1, 7), substr(NEW.on_date, 1, 7))
        OR month IN (SELECT substr(on_date, 1, 7) FROM volunteer_status_log
                      WHERE volunteer_id IN (OLD.volunteer_id, NEW.volunteer_id));
END;
CREATE TRIGGER results_months_status_gone AFTER DELETE ON volunteer_status_log BEGIN
    DELETE FROM results_months
     WHERE month = substr(OLD.on_date, 1, 7)
        OR month IN (SELECT substr(on_date, 1, 7) FROM volunteer_status_log
                      WHERE volunteer_id = OLD.volunteer_id);
END;
