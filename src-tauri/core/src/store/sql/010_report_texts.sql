-- The annual report (jaarverslag): the foreword and notes the group writes,
-- one row per year, and the log of reports made (what, which year, when,
-- which files; no personal data is in a report, so no resident is named).
CREATE TABLE report_texts (
    year       INTEGER PRIMARY KEY,
    foreword   TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

CREATE TABLE report_exports (
    id      INTEGER PRIMARY KEY,
    year    INTEGER NOT NULL,
    what    TEXT NOT NULL,
    files   TEXT NOT NULL,
    made_at TEXT NOT NULL
);
CREATE INDEX report_exports_by_year ON report_exports (year, made_at);
