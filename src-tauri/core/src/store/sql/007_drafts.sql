-- Drafts (concepten): what was typed in a form and not saved yet, kept so
-- that nothing is lost to navigation, the auto-lock or a crash. One draft per
-- form instance: the form kind plus the context the UI names it by ("new",
-- "edit-42", "resident-5", ...). The content is the form's JSON, written and
-- read only by the UI.
CREATE TABLE drafts (
    id         INTEGER PRIMARY KEY,
    -- request | resident | volunteer | consent | referral | contact_note
    kind       TEXT NOT NULL,
    context    TEXT NOT NULL,
    -- A short human label for the "U was hier gebleven" notice.
    label      TEXT NOT NULL,
    content    TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (kind, context)
);
-- No index for the newest-first list: a help point has a handful of drafts.
