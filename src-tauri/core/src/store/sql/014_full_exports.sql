-- The log of full exports ("Alles exporteren"): when, which file, how many
-- tables and rows. No personal data: the file itself holds that.
CREATE TABLE full_exports (
    id       INTEGER PRIMARY KEY,
    file     TEXT NOT NULL,
    tables   INTEGER NOT NULL,
    rows     INTEGER NOT NULL,
    made_at  TEXT NOT NULL
);
