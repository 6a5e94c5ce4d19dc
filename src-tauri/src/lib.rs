//! The Buurtpunt desktop app: window, state and thin commands. All rules and
//! SQL live in `buurtpunt-core`; each command here is one call into it.

mod commands;
mod error;
mod files;
mod state;

use std::path::PathBuf;

use tauri::Manager;

pub use error::ApiError;
pub use state::AppState;

include!("command_list.rs");

/// `module::command, ...` → the invoke handler of all of them.
macro_rules! handler {
    ($($module:ident :: $command:ident),* $(,)?) => {
        tauri::generate_handler![$(commands::$module::$command),*]
    };
}

/// The window's calls, each run on a worker thread of the async runtime,
/// never on the main thread (which paints the window).
///
/// The commands are plain functions, not `async fn`: Tauri builds a future,
/// a Tokio task and a response path for every async command's own types in a
/// release build (`InvokeResolver::respond_async_serialized_inner`), about
/// 3 MB of the binary for ~160 commands. Here one task type carries every
/// call to the same worker threads an async command runs on. The two
/// file-dialog commands that wait for the user stay `async`: they hold no
/// thread while they wait.
fn off_main_thread(
    commands: impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static,
) -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    let commands = std::sync::Arc::new(commands);
    move |invoke| {
        let commands = std::sync::Arc::clone(&commands);
        let resolver = invoke.resolver.clone();
        let name = invoke.message.command().to_owned();
        tauri::async_runtime::spawn(async move {
            if !commands(invoke) {
                resolver.reject(format!("Command {name} not found"));
            }
        });
        true
    }
}

/// `module::command, ...` → their names.
macro_rules! names {
    ($($module:ident :: $command:ident),* $(,)?) => {
        &[$(stringify!($command)),*]
    };
}

/// The names of the commands the window may call (see `command_list.rs`).
pub const COMMANDS: &[&str] = with_commands!(names);

/// Where the data lives: `--data-dir DIR`, else `BUURTPUNT_DATA_DIR`, else the
/// OS app-data folder.
fn data_dir_override() -> Option<PathBuf> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if let Some(v) = arg.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(v));
        }
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
    }
    std::env::var_os("BUURTPUNT_DATA_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// `--test-files DIR`: tests only (debug builds). The file dialogs then save
/// into DIR and open the file the test names, instead of showing native
/// dialogs that WebDriver cannot reach (see `files.rs`).
#[cfg(debug_assertions)]
fn test_files_dir() -> Option<PathBuf> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--test-files" {
            return args.next().map(PathBuf::from);
        }
    }
    None
}

#[cfg(not(debug_assertions))]
fn test_files_dir() -> Option<PathBuf> {
    None
}

/// Lock the session: stop the background work, close the database cleanly.
fn close_session(handle: &tauri::AppHandle) {
    if let Some(state) = handle.try_state::<AppState>() {
        match state.session_on_close().map(|mut s| s.lock()) {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => eprintln!("buurtpunt: closing: {e}"),
            Err(e) => eprintln!("buurtpunt: closing: {e:?}"),
        }
    }
}

/// The session ending (logout, shutdown: SIGTERM, SIGHUP) or Ctrl+C in a
/// terminal: close the database cleanly first, then leave as a window close does.
#[cfg(unix)]
fn close_on_signals(handle: tauri::AppHandle) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("buurtpunt-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                eprintln!("buurtpunt: signal {signal}: closing the database");
                close_session(&handle);
                handle.exit(0);
            }
        })?;
    Ok(())
}

#[cfg(not(unix))]
fn close_on_signals(_handle: tauri::AppHandle) -> std::io::Result<()> {
    Ok(())
}

/// WebKit's settings for a single-page app that holds one screen at a time:
/// the document viewer's cache model, no hardware acceleration, no back/forward page cache (it never
/// navigates), and no media, WebGL or Web Audio (the app uses none). `BUURTPUNT_WEBVIEW_DEFAULTS=1` leaves
/// WebKit's defaults, to measure what these buy (`scripts/measure-window`).
pub fn tune_webviews<R: tauri::Runtime>(handle: &tauri::AppHandle<R>) {
    if std::env::var_os("BUURTPUNT_WEBVIEW_DEFAULTS").is_some_and(|v| v == "1") {
        return;
    }
    for webview in handle.webview_windows().into_values() {
        #[cfg(target_os = "linux")]
        let tuned = webview.with_webview(|platform| {
            use webkit2gtk::{SettingsExt, WebContextExt, WebViewExt};
            // One local page that never browses: the smallest memory cache.
            if let Some(context) = WebViewExt::context(&platform.inner()) {
                context.set_cache_model(webkit2gtk::CacheModel::DocumentViewer);
            }
            if let Some(settings) = WebViewExt::settings(&platform.inner()) {
                // Painted by the CPU: no GL context, no compositing layers
                // (their buffers and Mesa's libraries were a third of the
                // web process's memory); a form app has nothing to animate.
                settings.set_hardware_acceleration_policy(
                    webkit2gtk::HardwareAccelerationPolicy::Never,
                );
                settings.set_enable_page_cache(false);
                settings.set_enable_media(false);
                settings.set_enable_webgl(false);
                settings.set_enable_webaudio(false);
            }
        });
        #[cfg(not(target_os = "linux"))]
        let tuned: tauri::Result<()> = Ok(());
        if let Err(e) = tuned {
            eprintln!("buurtpunt: webview settings: {e}");
        }
    }
}

/// Settings that only take effect when a process starts, for an app that
/// stays open all day (`scripts/measure-window`, `pss_idle_mib`):
/// - glibc's malloc gives each thread that allocates its own arena (up to
///   eight per core) and keeps what was freed in it: over a hundred MiB of
///   freed memory was still held. Two arenas and a fixed trim threshold
///   give it back.
/// - WebKit's DMA-BUF renderer keeps buffers for a GPU the app does not use
///   (hardware acceleration is off, see [`tune_webviews`]).
/// - JavaScriptCore's optimising compilers (DFG, FTL) are for scripts that
///   run hot for long; a form app's clicks gain nothing from them (the
///   window figures were the same) and they held 20–40 MiB. The first,
///   baseline compiler stays.
///
/// glibc, WebKit and JavaScriptCore read these from the environment at the start of a
/// process, so the app starts itself once more with them (`exec`: the same
/// process id, nothing shown yet); WebKit's processes inherit them. A value
/// the user set is left alone.
#[cfg(target_os = "linux")]
pub fn lean_start() {
    use std::os::unix::process::CommandExt;
    const MARK: &str = "BUURTPUNT_LEAN_START";
    const SETTINGS: [(&str, &str); 4] = [
        ("MALLOC_ARENA_MAX", "2"),
        ("MALLOC_TRIM_THRESHOLD_", "131072"),
        ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
        ("JSC_useDFGJIT", "0"),
    ];
    let missing: Vec<(&str, &str)> = SETTINGS
        .into_iter()
        .filter(|(name, _)| std::env::var_os(name).is_none())
        .collect();
    if std::env::var_os(MARK).is_some() || missing.is_empty() {
        return;
    }
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            eprintln!("buurtpunt: starting without the memory settings: {e}");
            return;
        }
    };
    let mut args = std::env::args_os();
    let mut again = std::process::Command::new(exe);
    if let Some(arg0) = args.next() {
        again.arg0(arg0);
    }
    again.args(args).env(MARK, "1").envs(missing);
    let err = again.exec();
    eprintln!("buurtpunt: starting without the memory settings: {err}");
}

#[cfg(not(target_os = "linux"))]
pub fn lean_start() {}

pub fn run() {
    // Workbooks and HSDS ZIPs from outside are parsed by a child process of
    // this binary (`main` answers it, core `child`): a parser that panics,
    // overflows its stack or does not stop cannot take the app down.
    match std::env::current_exe() {
        Ok(exe) => {
            buurtpunt_core::child::isolate(exe);
        }
        Err(e) => eprintln!("buurtpunt: foreign files are read in this process: {e}"),
    }
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let dir = match data_dir_override() {
                Some(d) => d,
                None => app.path().app_data_dir()?,
            };
            app.manage(AppState::new(dir, test_files_dir()));
            tune_webviews(app.handle());
            close_on_signals(app.handle().clone())?;
            Ok(())
        })
        .invoke_handler(off_main_thread(with_commands!(handler)))
        .build(tauri::generate_context!());
    match result {
        Ok(app) => app.run(|handle, event| {
            // Close the database on the way out: SQLite then folds the WAL
            // back into buurtpunt.db and the clean-close mark is written.
            if let tauri::RunEvent::Exit = event {
                close_session(handle);
            }
        }),
        Err(e) => {
            eprintln!("Buurtpunt kon niet starten: {e}");
            std::process::exit(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::COMMANDS;

    fn app_dir() -> &'static Path {
        Path::new(env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn the_command_list_names_each_command_once() {
        let unique: BTreeSet<_> = COMMANDS.iter().collect();
        assert_eq!(unique.len(), COMMANDS.len());
    }

    /// `build.rs` writes the capability; this catches a hand edit that a
    /// build has not yet undone.
    #[test]
    fn the_window_may_call_exactly_the_listed_commands() -> Result<(), Box<dyn std::error::Error>> {
        let text = std::fs::read_to_string(app_dir().join("capabilities/default.json"))?;
        let json: serde_json::Value = serde_json::from_str(&text)?;
        let permissions: Vec<&str> = json["permissions"]
            .as_array()
            .ok_or("no permissions")?
            .iter()
            .filter_map(|p| p.as_str())
            .collect();
        let granted: BTreeSet<String> = permissions
            .iter()
            .filter_map(|p| p.strip_prefix("allow-"))
            .map(|p| p.replace('-', "_"))
            .collect();
        let listed: BTreeSet<String> = COMMANDS.iter().map(|c| c.to_string()).collect();
        assert_eq!(granted, listed);
        // Besides its own commands only the events and the zoom; the file
        // dialogs run behind pick_open_file and pick_save_file.
        let others: Vec<&str> = permissions
            .into_iter()
            .filter(|p| !p.starts_with("allow-"))
            .collect();
        assert_eq!(
            others,
            [
                "core:event:allow-listen",
                "core:event:allow-unlisten",
                "core:webview:allow-set-webview-zoom"
            ]
        );
        Ok(())
    }

    #[test]
    fn each_listed_command_has_its_permission_and_no_other(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let mut files = BTreeSet::new();
        for entry in std::fs::read_dir(app_dir().join("permissions/autogenerated"))? {
            let name = entry?.file_name().to_string_lossy().into_owned();
            if let Some(command) = name.strip_suffix(".toml") {
                files.insert(command.to_owned());
            }
        }
        let listed: BTreeSet<String> = COMMANDS.iter().map(|c| c.to_string()).collect();
        assert_eq!(files, listed);
        Ok(())
    }

    /// The names for the UI's door, next to the types ts-rs writes (and,
    /// like them, checked for staleness by `scripts/test`).
    #[test]
    fn export_the_command_names_to_typescript() -> std::io::Result<()> {
        let names: Vec<String> = COMMANDS.iter().map(|c| format!("\"{c}\"")).collect();
        let text = format!(
            "// Written by a test of the app crate from src-tauri/src/command_list.rs. Do not edit this file manually.\n\
             \n\
             /** A command the window may call. */\n\
             export type Command =\n  | {};\n\
             \n\
             /** Every command, in the order of the Rust list. */\n\
             export const COMMANDS: readonly Command[] = [\n  {},\n];\n",
            names.join("\n  | "),
            names.join(",\n  "),
        );
        let out = app_dir().join("../ui/src/lib/api/generated/Command.ts");
        std::fs::write(out, text)
    }
}
