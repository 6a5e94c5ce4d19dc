//! WebKit's floor for `scripts/measure-window`: the app's window and webview
//! (same config, same settings) showing a trivial page (`ui/public/floor.html`)
//! and nothing of ours: no state, no database, no commands.

fn main() {
    buurtpunt_lib::lean_start();
    let mut context = tauri::generate_context!();
    // Its own WebKit data folder: nothing of it is left for the app's next start.
    context.config_mut().identifier = "nl.buurtpunt.floor".into();
    for window in &mut context.config_mut().app.windows {
        window.url = tauri::WebviewUrl::App("floor.html".into());
    }
    let result = tauri::Builder::default()
        .setup(|app| {
            buurtpunt_lib::tune_webviews(app.handle());
            Ok(())
        })
        .run(context);
    if let Err(e) = result {
        eprintln!("webview_floor: {e}");
        std::process::exit(1);
    }
}
