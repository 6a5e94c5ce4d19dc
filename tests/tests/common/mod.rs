//! Drives the built app (`target/debug/buurtpunt`) through tauri-driver and
//! WebKitWebDriver, in a real window (under Xvfb in CI).

#![allow(dead_code)]

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

pub fn app_binary() -> PathBuf {
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

/// One running app window on a given data folder.
pub struct App {
    pub client: Client,
    _driver: Driver,
}

impl App {
    /// Launch the built app on `data_dir`.
    pub async fn launch(data_dir: &Path) -> TestResult<App> {
        Self::launch_with(data_dir, None).await
    }

    /// Launch with `--test-files DIR`: exports are saved into DIR without a
    /// native dialog, and [`App::choose_file`] answers the open dialog.
    pub async fn launch_with_files(data_dir: &Path, files: &Path) -> TestResult<App> {
        Self::launch_with(data_dir, Some(files)).await
    }

    /// The file the next "open file" dialog returns (needs `launch_with_files`).
    pub async fn choose_file(&self, path: &Path) -> TestResult {
        self.client
            .execute(
                "window.__buurtpuntTestOpen = arguments[0];",
                vec![json!(path.display().to_string())],
            )
            .await?;
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
            _driver: driver,
        };
        app.wait_css("main, #welcome-screen, #unlock-screen, #damaged-screen")
            .await?;
        Ok(app)
    }

    /// Quit the app (ends the WebDriver session, which closes the window).
    pub async fn quit(self) -> TestResult {
        self.client.close().await?;
        Ok(())
    }

    pub async fn wait_css(&self, css: &str) -> TestResult<Element> {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .map_err(|e| format!("waiting for {css}: {e}").into())
    }

    pub async fn click(&self, css: &str) -> TestResult {
        let el = self.wait_css(css).await?;
        el.click().await?;
        Ok(())
    }

    /// Clear a field and type into it.
    pub async fn fill(&self, css: &str, text: &str) -> TestResult {
        let el = self.wait_css(css).await?;
        el.clear().await?;
        el.send_keys(text).await?;
        Ok(())
    }

    pub async fn text(&self, css: &str) -> TestResult<String> {
        Ok(self.wait_css(css).await?.text().await?)
    }

    /// Wait until the element's text contains `needle`.
    pub async fn wait_text(&self, css: &str, needle: &str) -> TestResult<String> {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                if let Ok(t) = el.text().await {
                    if t.contains(needle) {
                        return Ok(t);
                    }
                    if Instant::now() > deadline {
                        return Err(
                            format!("{css} never showed {needle:?}; last text: {t:?}").into()
                        );
                    }
                }
            }
            if Instant::now() > deadline {
                return Err(format!("{css} never appeared with {needle:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Wait until the element's whole text is `want` (a count that is
    /// updated by a search, say: "1 organisatie" is also inside "11 organisaties").
    pub async fn wait_exact(&self, css: &str, want: &str) -> TestResult {
        let deadline = Instant::now() + WAIT;
        loop {
            let now = match self.client.find(Locator::Css(css)).await {
                Ok(el) => el.text().await.ok(),
                Err(_) => None,
            };
            if now.as_deref() == Some(want) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("{css} never read {want:?}; last: {now:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Wait until the element's text is no longer `before`; return the new text.
    pub async fn wait_change(&self, css: &str, before: &str) -> TestResult<String> {
        let deadline = Instant::now() + WAIT;
        loop {
            let now = self.text(css).await?;
            if now != before {
                return Ok(now);
            }
            if Instant::now() > deadline {
                return Err(format!("{css} stayed {before:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
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
        let el = self.wait_css(css).await?;
        el.select_by_value(value).await?;
        Ok(())
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
        let deadline = Instant::now() + WAIT;
        loop {
            let texts = self.texts(css).await?;
            if texts.iter().any(|t| t.contains(needle)) {
                return Ok(texts);
            }
            if Instant::now() > deadline {
                return Err(format!("no {css} ever showed {needle:?}; last: {texts:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Save a screenshot (PNG) of the window, after a moment for the last paint.
    pub async fn screenshot(&self, path: &Path) -> TestResult {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let png = self.client.screenshot().await?;
        std::fs::write(path, png)?;
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
        Ok(self
            .wait_css(css)
            .await?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    /// Whether a checkbox or radio button is ticked.
    pub async fn checked(&self, css: &str) -> TestResult<bool> {
        Ok(self.wait_css(css).await?.is_selected().await?)
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

    /// Whether any element matches `css` right now (no waiting).
    pub async fn exists(&self, css: &str) -> TestResult<bool> {
        Ok(!self.client.find_all(Locator::Css(css)).await?.is_empty())
    }
}

/// Kill the app running on `data_dir` at once (SIGKILL: no clean close, as
/// a crash or a power cut). The app is the one process started with that
/// `--data-dir`.
pub fn kill_app(data_dir: &Path) -> TestResult {
    let pattern = format!("--data-dir {}", data_dir.display());
    let out = Command::new("pgrep")
        .arg("-f")
        .arg("--")
        .arg(&pattern)
        .output()?;
    let pids: Vec<String> = String::from_utf8(out.stdout)?
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    if pids.len() != 1 {
        return Err(format!("expected one app process for {pattern:?}, found {pids:?}").into());
    }
    let status = Command::new("kill").arg("-KILL").arg(&pids[0]).status()?;
    if !status.success() {
        return Err(format!("kill -9 {} failed", pids[0]).into());
    }
    // Gone, or a zombie its parent (WebKitWebDriver) has not reaped yet.
    let alive = |pid: &str| {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map(|stat| {
                stat.rsplit_once(") ")
                    .is_some_and(|(_, rest)| !rest.starts_with('Z'))
            })
            .unwrap_or(false)
    };
    let deadline = Instant::now() + WAIT;
    while alive(&pids[0]) {
        if Instant::now() > deadline {
            return Err(format!("app process {} outlived kill -9", pids[0]).into());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(())
}

/// Where screenshots go when `BUURTPUNT_SCREENSHOTS` names a folder.
pub fn screenshot_dir() -> Option<PathBuf> {
    std::env::var_os("BUURTPUNT_SCREENSHOTS").map(PathBuf::from)
}
