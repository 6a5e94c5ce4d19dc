-- The audit log (logboek): who did what to which record, and when. Field
-- names only, never values. Append-only: the triggers below refuse every
-- UPDATE and DELETE. Each entry's hash covers the entry and the hash of the
-- one before it (`store::audit::chain`), so an edited or removed entry shows.
--
-- The lines are written by triggers on the personal tables (generated at
-- every open from the tables' columns, `store::audit::triggers`) and by the
-- app for views and exports, all through the view `audit_entry`, whose
-- INSTEAD OF trigger fills in the number, the moment, the contact person
-- and the hash. The hash function `audit_hash` is registered by Rust on
-- every connection that writes.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_id    INTEGER,
    actor       TEXT,
    action      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    record_id   INTEGER,
    resident_id INTEGER,
    fields      TEXT NOT NULL DEFAULT '',
    hash        TEXT NOT NULL
);
-- "Wie heeft dit dossier bekeken of gewijzigd": newest first per resident.
CREATE INDEX audit_log_by_resident ON audit_log (resident_id, id) WHERE resident_id IS NOT NULL;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Where the chain starts. Empty: at the first entry (hash of nothing). The
-- retention of the log itself (a later step) removes the oldest entries in
-- one transaction (dropping and recreating `audit_log_no_delete` there) and
-- writes here the number and hash of the last entry it removed, so the check
-- starts from the first entry kept.
CREATE TABLE audit_start (
    one     INTEGER PRIMARY KEY CHECK (one = 1),
    last_id INTEGER NOT NULL,
    hash    TEXT NOT NULL
);

-- Who is working at this computer: the contact person chosen after the
-- unlock (remembered until someone else is chosen). One row at most.
CREATE TABLE audit_actor (
    one               INTEGER PRIMARY KEY CHECK (one = 1),
    contact_person_id INTEGER NOT NULL REFERENCES contact_persons (id)
);

-- The one door into the log.
CREATE VIEW audit_entry AS
    SELECT action, kind, record_id, resident_id, fields FROM audit_log WHERE 0;

-- An entry equal to the one just before it (same second, same person, same
-- record and fields: a form that rewrites a list row by row, or a page
-- opened twice) adds nothing and is not written again.
CREATE TRIGGER audit_entry_insert INSTEAD OF INSERT ON audit_entry
BEGIN
    INSERT INTO audit_log (id, at, actor_id, actor, action, kind, record_id, resident_id, fields, hash)
    SELECT n.id, n.at, n.actor_id, n.actor, NEW.action, NEW.kind, NEW.record_id, NEW.resident_id,
           ifnull(NEW.fields, ''),
           audit_hash(n.prev, n.id, n.at, n.actor_id, n.actor, NEW.action, NEW.kind, NEW.record_id,
                      NEW.resident_id, ifnull(NEW.fields, ''))
    FROM (
        SELECT ifnull(last.id, ifnull((SELECT last_id FROM audit_start), 0)) + 1 AS id,
               ifnull(last.hash, (SELECT hash FROM audit_start)) AS prev,
               strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') AS at,
               who.id AS actor_id,
               who.name AS actor,
               last.id AS last_id,
               last.at AS last_at,
               last.actor_id AS last_actor_id,
               last.action AS last_action,
               last.kind AS last_kind,
               last.record_id AS last_record_id,
               last.fields AS last_fields
        FROM (SELECT 1) AS one
        LEFT JOIN (SELECT id, hash, at, actor_id, action, kind, record_id, fields
                   FROM audit_log ORDER BY id DESC LIMIT 1) AS last ON 1
        LEFT JOIN (SELECT c.id, c.name FROM audit_actor a JOIN contact_persons c ON c.id = a.contact_person_id)
            AS who ON 1
    ) AS n
    WHERE NOT (n.last_id IS NOT NULL
               AND n.last_at = n.at
               AND n.last_actor_id IS n.actor_id
               AND n.last_action = NEW.action
               AND n.last_kind = NEW.kind
               AND n.last_record_id IS NEW.record_id
               AND n.last_fields = ifnull(NEW.fields, ''));
END;
