//! Drives the built app (`target/debug/buurtpunt`) through tauri-driver and
//! WebKitWebDriver, in a real window (under Xvfb in CI).

#![allow(dead_code)]

pub mod axe;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

pub type TestResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// How long to wait for an element or a state before failing.
pub const WAIT: Duration = Duration::from_secs(20);

/// The debug build of the app, or the binary `BUURTPUNT_APP` names (the
/// window measurement runs the release build).
pub fn app_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("BUURTPUNT_APP") {
        return PathBuf::from(bin);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    target.join("debug").join("buurtpunt")
}

fn free_port() -> TestResult<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// tauri-driver, stopped with SIGTERM on drop so it takes WebKitWebDriver along.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The one polling loop of the tests: every 100 ms, `look` at the window
/// (`None` while there is nothing to see yet) until what it sees is `enough`;
/// after [`WAIT`], fail with `what` went wrong and the last thing seen.
pub async fn poll<T: std::fmt::Debug>(
    what: &str,
    mut look: impl AsyncFnMut() -> Option<T>,
    enough: impl Fn(&T) -> bool,
) -> TestResult<T> {
    let deadline = Instant::now() + WAIT;
    loop {
        let seen = match look().await {
            Some(v) if enough(&v) => return Ok(v),
            other => other,
        };
        if Instant::now() > deadline {
            return Err(format!("{what}; last seen: {seen:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// One running app window on a given data folder.
pub struct App {
    pub client: Client,
    /// The test folder (`--test-files`) that answers the file dialogs.
    files: Option<PathBuf>,
    /// The data folder: `quit` waits until the app on it has gone.
    data_dir: PathBuf,
    _driver: Driver,
}

impl App {
    /// Launch the built app on `data_dir`.
    pub async fn launch(data_dir: &Path) -> TestResult<App> {
        Self::launch_with(data_dir, None).await
    }

    /// Launch with `--test-files DIR`: exports are saved into DIR without a
    /// native dialog, and [`App::choose_file`] answers the open dialog (the
    /// app takes only files in DIR).
    pub async fn launch_with_files(data_dir: &Path, files: &Path) -> TestResult<App> {
        Self::launch_with(data_dir, Some(files)).await
    }

    /// The file the next "open file" dialog returns (needs `launch_with_files`):
    /// the app reads it from `DIR/.open-next`, once.
    pub async fn choose_file(&self, path: &Path) -> TestResult {
        let dir = self
            .files
            .as_ref()
            .ok_or("choose_file needs App::launch_with_files")?;
        std::fs::write(dir.join(".open-next"), path.display().to_string())?;
        Ok(())
    }

    async fn launch_with(data_dir: &Path, files: Option<&Path>) -> TestResult<App> {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "DISPLAY is not set: run the e2e tests under xvfb-run (see README)"
        );
        let bin = app_binary();
        assert!(
            bin.exists(),
            "{} is missing: run `cargo build --workspace --all-targets` first",
            bin.display()
        );
        let port = free_port()?;
        let native = free_port()?;
        let child = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let driver = Driver { child, port };
        let mut args = vec![json!("--data-dir"), json!(data_dir)];
        if let Some(dir) = files {
            args.push(json!("--test-files"));
            args.push(json!(dir));
        }
        let caps = json!({
            "browserName": "wry",
            "tauri:options": {
                "application": bin,
                "args": args,
            }
        });
        let caps = match caps {
            serde_json::Value::Object(m) => m,
            _ => unreachable!("a json! object literal is an object"),
        };
        let url = format!("http://127.0.0.1:{}", driver.port);
        let deadline = Instant::now() + Duration::from_secs(30);
        let client = loop {
            let attempt = tokio::time::timeout(
                Duration::from_secs(20),
                ClientBuilder::native()
                    .capabilities(caps.clone())
                    .connect(&url),
            )
            .await;
            match attempt {
                Ok(Ok(c)) => break c,
                Ok(Err(e)) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Ok(Err(e)) => {
                    return Err(format!("could not start a WebDriver session: {e}").into())
                }
                Err(_) => return Err("timed out connecting to tauri-driver".into()),
            }
        };
        let app = App {
            client,
            files: files.map(Path::to_path_buf),
            data_dir: data_dir.to_path_buf(),
            _driver: driver,
        };
        app.wait_css("main, #welcome-screen, #unlock-screen, #damaged-screen")
            .await?;
        Ok(app)
    }

    /// Quit the app (ends the WebDriver session, which closes the window).
    /// End the session, and wait until the app process has really gone: a
    /// next launch on the same folder must not meet the old one still
    /// holding the database open (its close could then not fold the WAL).
    pub async fn quit(self) -> TestResult {
        self.client.close().await?;
        let pattern = format!("buurtpunt --data-dir {}", self.data_dir.display());
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            let out = Command::new("pgrep")
                .args(["-f", "--", &pattern])
                .output()?;
            if out.stdout.iter().all(u8::is_ascii_whitespace) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Ok(())
    }

    pub async fn wait_css(&self, css: &str) -> TestResult<Element> {
        if css.starts_with("#today-screen") {
            Box::pin(self.pass_who_screen()).await?;
        }
        self.find_css(css).await
    }

    /// The name the helper gives on "Wie bent u?" when a help point has no
    /// contact person yet (a fictional volunteer).
    pub const TEST_PERSON: &'static str = "Tjitske Veenstra";

    /// After an unlock, "Wie bent u?" comes first unless this computer
    /// remembers an active contact person: the helper answers it (the first
    /// person listed, or [`App::TEST_PERSON`] when there is nobody yet), so
    /// every test that waits for Vandaag gets there. `audit.rs` answers it
    /// itself.
    pub async fn pass_who_screen(&self) -> TestResult {
        let first = self
            .find_css("#today-screen, #who-screen, #setup-screen")
            .await?;
        let id = first.attr("id").await?;
        if id.as_deref() == Some("setup-screen") {
            return self.pass_first_start(Self::TEST_PERSON).await;
        }
        if id.as_deref() != Some("who-screen") {
            return Ok(());
        }
        let shown = poll(
            "Wie bent u? never listed anyone or asked a name",
            async || {
                let people = self
                    .client
                    .find_all(Locator::Css("#who-screen .person"))
                    .await
                    .ok()?;
                if !people.is_empty() {
                    return Some(true);
                }
                let name = self.client.find_all(Locator::Css("#who-name")).await.ok()?;
                (!name.is_empty()).then_some(false)
            },
            |_| true,
        )
        .await?;
        if shown {
            self.click("#who-screen .person").await?;
        } else {
            self.fill("#who-name", Self::TEST_PERSON).await?;
            self.click("#who-new-submit").await?;
        }
        self.find_css("#today-screen").await?;
        Ok(())
    }

    /// The first start of a new help point, the short way: a name, one
    /// kern, `me` as its contact person, and the Wmo-loket left for later.
    /// Ends on Vandaag.
    pub async fn pass_first_start(&self, me: &str) -> TestResult {
        self.find_css("#setup-name").await?;
        self.fill("#setup-name", "Buurtpunt Testdorp").await?;
        self.click("#setup-next").await?;
        self.find_css("#setup-kern-0").await?;
        self.fill("#setup-kern-0", "Lindeloo").await?;
        self.click("#setup-next").await?;
        self.find_css("#setup-person-name").await?;
        self.fill("#setup-person-name", me).await?;
        self.fill("#setup-person-phone", "0599-720 151").await?;
        self.click("#setup-person-add").await?;
        self.wait_text("#setup-people-list", me).await?;
        self.click("#setup-next").await?;
        self.click("#setup-wmo-later").await?;
        self.find_css("#today-screen").await?;
        Ok(())
    }

    async fn find_css(&self, css: &str) -> TestResult<Element> {
        let found = self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await;
        match found {
            Ok(el) => Ok(el),
            Err(e) => Err(format!("waiting for {css}: {e}; {}", self.what_shows().await).into()),
        }
    }

    /// What the window shows, for a failure message: the main element's id
    /// and the start of the visible text (so a timeout in CI explains itself).
    async fn what_shows(&self) -> String {
        let script = "const m = document.querySelector('main [id], main, body');
            const t = (document.body ? document.body.innerText : '').replace(/\\s+/g, ' ');
            return (m && m.id ? '#' + m.id + ': ' : '') + t.slice(0, 400);";
        match self.client.execute(script, vec![]).await {
            Ok(seen) => format!("the window showed: {seen}"),
            Err(e) => format!("the window could not be read: {e}"),
        }
    }

    /// Do `act` on the element matching `css`. When the page replaced the
    /// element between finding and acting (a re-render: "stale element"),
    /// it is found again, through [`poll`]; any other failure names `css`.
    async fn on<T: std::fmt::Debug>(
        &self,
        css: &str,
        act: impl AsyncFn(Element) -> Result<T, fantoccini::error::CmdError>,
    ) -> TestResult<T> {
        let what = format!("{css} kept being replaced");
        let outcome = poll(
            &what,
            async || {
                let done = match self.wait_css(css).await {
                    Ok(el) => act(el).await,
                    Err(e) => return Some(Err(e.to_string())),
                };
                match done {
                    Err(e) if e.is_stale_element_reference() => None,
                    other => Some(other.map_err(|e| format!("{css}: {e}"))),
                }
            },
            |_| true,
        )
        .await?;
        Ok(outcome?)
    }

    pub async fn click(&self, css: &str) -> TestResult {
        self.on(css, async |el| el.click().await.map(|_| ())).await
    }

    /// Clear a field and type into it.
    pub async fn fill(&self, css: &str, text: &str) -> TestResult {
        self.on(css, async |el| {
            el.clear().await?;
            el.send_keys(text).await
        })
        .await
    }

    pub async fn text(&self, css: &str) -> TestResult<String> {
        self.on(css, async |el| el.text().await).await
    }

    /// The text of the element matching `css` now; `None` while there is none.
    async fn text_now(&self, css: &str) -> Option<String> {
        let el = self.client.find(Locator::Css(css)).await.ok()?;
        el.text().await.ok()
    }

    /// Wait until the element's text contains `needle`.
    pub async fn wait_text(&self, css: &str, needle: &str) -> TestResult<String> {
        let what = format!("{css} never showed {needle:?}");
        poll(
            &what,
            async || self.text_now(css).await,
            |t| t.contains(needle),
        )
        .await
    }

    /// Wait until the element's whole text is `want` (a count that is
    /// updated by a search, say: "1 organisatie" is also inside "11 organisaties").
    pub async fn wait_exact(&self, css: &str, want: &str) -> TestResult {
        let what = format!("{css} never read {want:?}");
        poll(&what, async || self.text_now(css).await, |t| t == want).await?;
        Ok(())
    }

    /// Wait until the element's text is no longer `before`; return the new text.
    pub async fn wait_change(&self, css: &str, before: &str) -> TestResult<String> {
        let what = format!("{css} stayed {before:?}");
        poll(&what, async || self.text_now(css).await, |t| t != before).await
    }

    /// Scroll the element with this id to the top of the window (for screenshots).
    pub async fn scroll_to(&self, id: &str) -> TestResult {
        self.wait_css(&format!("#{id}")).await?;
        self.client
            .execute(
                "document.getElementById(arguments[0]).scrollIntoView({block: 'start'});",
                vec![json!(id)],
            )
            .await?;
        Ok(())
    }

    /// Choose an option of a <select> by its value.
    pub async fn select(&self, css: &str, value: &str) -> TestResult {
        self.on(css, async |el| el.select_by_value(value).await)
            .await
    }

    /// All texts of elements matching `css`.
    pub async fn texts(&self, css: &str) -> TestResult<Vec<String>> {
        let mut out = Vec::new();
        for el in self.client.find_all(Locator::Css(css)).await? {
            out.push(el.text().await?);
        }
        Ok(out)
    }

    /// Wait until one of the elements matching `css` contains `needle`; then
    /// return the texts of all of them (lists render after navigation).
    pub async fn wait_texts(&self, css: &str, needle: &str) -> TestResult<Vec<String>> {
        let what = format!("no {css} ever showed {needle:?}");
        poll(
            &what,
            async || self.texts(css).await.ok(),
            |texts| texts.iter().any(|t| t.contains(needle)),
        )
        .await
    }

    /// Save a screenshot (PNG) of the window, after a moment for the last paint.
    pub async fn screenshot(&self, path: &Path) -> TestResult {
        // One shot at a time in this test binary: the window is raised
        // above the other tests' windows on the shared display first.
        static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
        let _turn = ONE_AT_A_TIME.lock().await;
        // The app's own window, taken from the X display (xdotool finds it
        // by the app's process, ImageMagick's `import` takes it):
        // WebKitWebDriver's snapshot can wait forever on a webview painted
        // by the CPU, and every later command of the session waits behind
        // it. Screenshot mode only; other tests' windows may share the
        // display.
        let pid = app_pid(&self.data_dir)?;
        let found = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--pid", &pid.to_string()])
            .output()?;
        let ids = String::from_utf8_lossy(&found.stdout);
        let window = ids
            .split_whitespace()
            .last()
            .ok_or_else(|| format!("no window of the app (pid {pid})"))?;
        Command::new("xdotool")
            .args(["windowraise", window])
            .status()?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let done = Command::new("import")
            .args(["-window", window])
            .arg(path)
            .status()?;
        if !done.success() {
            return Err(format!("import -window {window}: {done}").into());
        }
        Ok(())
    }
}

impl App {
    /// From the welcome screen: start a new help point with `pass` and get
    /// through the recovery-key step to the Vandaag screen.
    pub async fn start_new_help_point(&self, pass: &str) -> TestResult {
        self.click("#start-new").await?;
        self.fill("#new-passphrase", pass).await?;
        self.fill("#new-passphrase-repeat", pass).await?;
        self.click("#create-submit").await?;
        self.wait_css("#recovery-key").await?;
        self.click("#recovery-stored").await?;
        self.click("#recovery-continue").await?;
        self.wait_css("#today-screen").await?;
        Ok(())
    }

    /// From the unlock screen: unlock with `pass`.
    pub async fn unlock(&self, pass: &str) -> TestResult {
        self.fill("#unlock-passphrase", pass).await?;
        self.click("#unlock-submit").await?;
        Ok(())
    }

    /// The `value` of a field (input, textarea, select).
    pub async fn value(&self, css: &str) -> TestResult<String> {
        let value = self.on(css, async |el| el.prop("value").await).await?;
        Ok(value.unwrap_or_default())
    }

    /// Whether a checkbox or radio button is ticked.
    pub async fn checked(&self, css: &str) -> TestResult<bool> {
        self.on(css, async |el| el.is_selected().await).await
    }

    /// Type `keys` into whatever has the keyboard focus (keyboard-only flows:
    /// Tab, arrows, Space and Enter as `fantoccini::key::Key` characters).
    pub async fn keys(&self, keys: &str) -> TestResult {
        self.client.active_element().await?.send_keys(keys).await?;
        Ok(())
    }

    /// The id of the element that has the keyboard focus ("" for none).
    pub async fn focused_id(&self) -> TestResult<String> {
        let id = self
            .client
            .execute(
                "return document.activeElement ? document.activeElement.id : '';",
                vec![],
            )
            .await?;
        Ok(id.as_str().unwrap_or_default().to_owned())
    }

    /// Set a field's text at once (for very long texts: typing 60 000 keys
    /// takes minutes) and tell the page, as typing would.
    pub async fn set_value(&self, css: &str, text: &str) -> TestResult {
        self.wait_css(css).await?;
        self.client
            .execute(
                "const el = document.querySelector(arguments[0]);
                 el.value = arguments[1];
                 el.dispatchEvent(new Event('input', { bubbles: true }));",
                vec![json!(css), json!(text)],
            )
            .await?;
        Ok(())
    }

    /// Add a resident with only a name, through the menu and the form.
    pub async fn add_resident(&self, first: &str, last: &str) -> TestResult {
        self.click("#nav-residents").await?;
        self.click("#new-resident").await?;
        self.fill("#resident-firstName", first).await?;
        self.fill("#resident-lastName", last).await?;
        self.click("#resident-save").await?;
        self.wait_text("#resident-detail", last).await?;
        Ok(())
    }

    /// Search the residents for `text` and wait until the count says `want`.
    pub async fn expect_found(&self, text: &str, want: &str) -> TestResult {
        self.click("#nav-residents").await?;
        self.fill("#resident-search", text).await?;
        self.wait_exact("#resident-count", want).await
    }

    /// Whether any element matches `css` right now (no waiting).
    pub async fn exists(&self, css: &str) -> TestResult<bool> {
        Ok(!self.client.find_all(Locator::Css(css)).await?.is_empty())
    }
}

/// Kill the app running on `data_dir` at once (SIGKILL: no clean close, as
/// a crash or a power cut). The app is the one process started with that
/// `--data-dir`.
pub fn kill_app(data_dir: &Path) -> TestResult {
    let pid = app_pid(data_dir)?;
    signal(pid, "KILL")?;
    wait_exit(pid)
}

/// The one file in `dir` whose name ends in `.ext` (what a save wrote there).
pub fn saved_file(dir: &Path, ext: &str) -> TestResult<PathBuf> {
    std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == ext))
        .ok_or_else(|| format!("no .{ext} file written in {}", dir.display()).into())
}

/// Where screenshots go when `BUURTPUNT_SCREENSHOTS` names a folder (for a
/// human look; needs `xdotool` and ImageMagick's `import`).
pub fn screenshot_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("BUURTPUNT_SCREENSHOTS")?);
    // Made when missing, so a first run with screenshots does not fail.
    if let Err(e) = std::fs::create_dir_all(&dir) {
        panic!("BUURTPUNT_SCREENSHOTS={}: {e}", dir.display());
    }
    Some(dir)
}

/// The process id of the app window started on `data_dir` (by WebKitWebDriver).
pub fn app_pid(data_dir: &Path) -> TestResult<u32> {
    let pattern = format!("buurtpunt --data-dir {}", data_dir.display());
    let deadline = Instant::now() + WAIT;
    loop {
        let out = Command::new("pgrep")
            .args(["-f", "--", &pattern])
            .output()?;
        let text = String::from_utf8_lossy(&out.stdout);
        let pids: Vec<u32> = text
            .split_whitespace()
            .filter_map(|p| p.parse().ok())
            .collect();
        if let [pid] = pids[..] {
            return Ok(pid);
        }
        if Instant::now() > deadline {
            return Err(format!("no single app process for {pattern}: {pids:?}").into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Send `signal` (e.g. "TERM", "KILL") to process `pid`.
pub fn signal(pid: u32, signal: &str) -> TestResult {
    let status = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .status()?;
    if !status.success() {
        return Err(format!("kill -{signal} {pid} failed").into());
    }
    Ok(())
}

/// Wait until process `pid` is gone.
pub fn wait_exit(pid: u32) -> TestResult {
    let deadline = Instant::now() + WAIT;
    while Path::new(&format!("/proc/{pid}")).exists() {
        // A zombie has ended: its parent (WebKitWebDriver) reaps it later.
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        if state.split_whitespace().nth(2) == Some("Z") {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("process {pid} did not end").into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(())
}

/// Close the app's window the way a user does: the window manager's close
/// button sends WM_DELETE_WINDOW to the top-level window (here sent directly,
/// as there is no window manager under Xvfb).
pub fn close_window_like_a_user(pid: u32) -> TestResult {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{
        AtomEnum, ClientMessageEvent, ConnectionExt, EventMask, MapState,
    };
    let (conn, screen) = x11rb::connect(None)?;
    let root = conn.setup().roots[screen].root;
    let atom =
        |name: &[u8]| -> TestResult<u32> { Ok(conn.intern_atom(false, name)?.reply()?.atom) };
    let wm_protocols = atom(b"WM_PROTOCOLS")?;
    let wm_delete = atom(b"WM_DELETE_WINDOW")?;
    let net_wm_pid = atom(b"_NET_WM_PID")?;
    let mut target = None;
    for w in conn.query_tree(root)?.reply()?.children {
        let owner = conn
            .get_property(false, w, net_wm_pid, AtomEnum::CARDINAL, 0, 1)?
            .reply()?;
        if owner.value32().and_then(|mut v| v.next()) != Some(pid) {
            continue;
        }
        if conn.get_window_attributes(w)?.reply()?.map_state != MapState::VIEWABLE {
            continue;
        }
        let protocols = conn
            .get_property(false, w, wm_protocols, AtomEnum::ATOM, 0, 32)?
            .reply()?;
        if protocols
            .value32()
            .is_some_and(|mut v| v.any(|a| a == wm_delete))
        {
            target = Some(w);
        }
    }
    let window = target.ok_or(format!("no window of process {pid} takes WM_DELETE_WINDOW"))?;
    let event = ClientMessageEvent::new(32, window, wm_protocols, [wm_delete, 0, 0, 0, 0]);
    conn.send_event(false, window, EventMask::NO_EVENT, event)?;
    conn.flush()?;
    // The hand that clicked moves on. (Without a window manager nothing else
    // stirs the X connection; GTK can leave a message that a GL thread read
    // into its queue waiting until the next event arrives.)
    for step in 0..10i16 {
        std::thread::sleep(Duration::from_millis(100));
        let moved = conn.warp_pointer(x11rb::NONE, window, 0, 0, 0, 0, 40 + step * 7, 40)?;
        if moved.check().is_err() {
            break; // the window is gone
        }
    }
    Ok(())
}
