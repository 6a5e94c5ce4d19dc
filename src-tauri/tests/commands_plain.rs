//! Commands are plain functions: `off_main_thread` (src/lib.rs) runs every
//! call on a worker thread of the async runtime. An `async` command would still
//! work, but Tauri then builds a future, a Tokio task and a response path of
//! its own for it in the release build (tens of KB each; README
//! "Benchmarks"). Only a command that waits for the user (a file dialog)
//! is `async`, so it holds no thread while it waits.

const WAITS_FOR_THE_USER: [&str; 2] = ["pick_open_file", "pick_save_file"];

#[test]
fn only_the_file_dialogs_are_async_commands() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        let text = std::fs::read_to_string(&path)?;
        for line in text.lines() {
            let Some(rest) = line.trim_start().strip_prefix("pub async fn ") else {
                continue;
            };
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !WAITS_FOR_THE_USER.contains(&name.as_str()) {
                found.push(format!("{}: {name}", path.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "make these plain `pub fn` (they run off the main thread anyway): {found:#?}"
    );
    Ok(())
}
