-- The resident's kern, copied onto the volunteer and kept in step with
-- residents (residents::update), so matching reads it in one scan.
ALTER TABLE volunteers ADD COLUMN kern TEXT NOT NULL DEFAULT '';
UPDATE volunteers
   SET kern = (SELECT r.kern FROM residents r WHERE r.id = volunteers.resident_id);

-- Why a reminder was moved to a later date (shown with it, also on Vandaag).
ALTER TABLE reminders ADD COLUMN snooze_note TEXT NOT NULL DEFAULT '';
