//! A database file that is emptied, cut to 100 bytes, or another program's
//! SQLite file is damage, in the real app: the unlock shows the restore
//! screen with what happened, writes no file at all, and the day's backup
//! brings everything back. Never a new, empty help point.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use buurtpunt_core::residents::{self, ResidentInput};
use buurtpunt_core::session::Session;
use buurtpunt_core::store::KdfParams;
use common::{screenshot_dir, App, TestResult};

const PASS: &str = "de molen aan de vaart";
const FAST: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};

/// Every file in the data folder (and below) with its bytes.
fn snapshot(dir: &Path) -> TestResult<BTreeMap<String, Vec<u8>>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path.strip_prefix(dir)?.display().to_string();
                out.insert(name, std::fs::read(&path)?);
            }
        }
    }
    Ok(out)
}

/// Another program's plain SQLite file (no key: SQLCipher writes plain SQLite).
fn foreign_sqlite(dir: &Path) -> TestResult<Vec<u8>> {
    let path = dir.join("fotoalbum.sqlite");
    let conn = rusqlite::Connection::open(&path)?;
    conn.execute_batch(
        "CREATE TABLE fotos (id INTEGER PRIMARY KEY, naam TEXT);
         INSERT INTO fotos (naam) VALUES ('zomer'), ('kermis');",
    )?;
    conn.close().map_err(|(_, e)| e)?;
    let bytes = std::fs::read(&path)?;
    assert!(bytes.starts_with(b"SQLite format 3"));
    Ok(bytes)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_emptied_a_cut_off_and_a_foreign_file_each_lead_to_the_restore_screen() -> TestResult {
    let data = tempfile::tempdir()?;
    let dir = data.path();
    // A help point with one resident and today's backup.
    let mut s = Session::new(dir, FAST);
    s.create(PASS)?;
    let now = chrono::Local::now().naive_local();
    let r = ResidentInput {
        first_name: "Hiltje".into(),
        last_name: "Zwart".into(),
        ..Default::default()
    };
    residents::create(s.db()?, r, true, now)?;
    s.lock()?;
    s.unlock(PASS, now)?;
    s.settle();
    s.lock()?;
    drop(s);

    let other = tempfile::tempdir()?;
    let cases: [(&str, Vec<u8>, &str); 3] = [
        ("leeg", Vec::new(), "leeg"),
        ("100-bytes", vec![0x42; 100], "leeg"),
        (
            "ander-programma",
            foreign_sqlite(other.path())?,
            "ander programma",
        ),
    ];
    let app = App::launch(dir).await?;
    for (name, bytes, words) in cases {
        app.wait_css("#unlock-screen").await?;
        std::fs::write(dir.join("buurtpunt.db"), &bytes)?;
        let before = snapshot(dir)?;
        app.unlock(PASS).await?;
        app.wait_css("#damaged-screen").await?;
        app.wait_text("#damage-what", words).await?;
        assert_eq!(snapshot(dir)?, before, "{name}: a file was written");
        assert!(!app.exists("#today-screen").await?, "{name}: opened as new");
        if let Some(shots) = screenshot_dir() {
            app.screenshot(&shots.join(format!("22-beschadigd-{name}.png")))
                .await?;
        }
        // The list shows the backup with what it holds; restoring brings it back.
        let item = app.wait_text(".restore-item", "1 bewoner").await?;
        assert!(item.contains("Nieuwste met gegevens"), "{item}");
        app.click(".restore-item button").await?;
        app.click("#restore-confirm").await?;
        app.wait_css("#today-screen").await?;
        app.click("#nav-residents").await?;
        app.wait_exact("#resident-count", "1 bewoner").await?;
        app.wait_texts(".resident-row", "Zwart").await?;
        app.click("#lock-button").await?;
    }
    app.quit().await?;
    Ok(())
}
