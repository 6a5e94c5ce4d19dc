//! Window-level figures of the release app on a data set (run through
//! `scripts/measure-window`): click-to-paint medians, start to a painted
//! first screen (ours and WebKit's floor), and PSS of the app with its WebKit
//! processes. One line per figure: `WINDOW <name> <median_ms>` (PSS in MiB).
//!
//! How a paint is timed: the click (or the change of a field) is made by a
//! script inside the page, which notes `performance.now()` just before it and
//! watches the DOM (a MutationObserver) until the screen shows what it should
//! (the expected element, a changed text where a list is replaced, and no
//! "Laden…" left). Then `requestAnimationFrame` runs before the next frame
//! is drawn and a `setTimeout(0)` from it runs after that frame's style,
//! layout and paint: its time is the figure.
//!
//! Start: the process's start time from `/proc/<pid>/stat` against the time
//! the app marks (`performance.mark("buurtpunt:first-screen")` in `main.ts`,
//! the same requestAnimationFrame + setTimeout after the first screen is in
//! the DOM); the floor is the same measurement of a trivial page
//! (`floor.html`) in the same webview (`examples/webview_floor.rs`).
//!
//! Usage: `measure_window --data DIR --pass PASSPHRASE [--runs N] [--floor BIN] [--no-start]`
//! with `BUURTPUNT_APP` naming the app binary, under Xvfb.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{App, TestResult};
use serde_json::{json, Value};

/// The page-side timer: act, wait for the screen, then for the paint.
const TIMED: &str = r#"
const [act, target, value, ready, watch, done] = arguments;
const text = (css) => Array.from(document.querySelectorAll(css)).map((e) => e.textContent).join("|");
const before = watch ? text(watch) : null;
const isReady = () => {
  if (!document.querySelector(ready)) return false;
  if (watch && text(watch) === before) return false;
  const main = document.querySelector("main") || document.body;
  return !main.textContent.includes("Laden…");
};
let finished = false;
const finish = () => {
  if (finished) return;
  finished = true;
  observer.disconnect();
  requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
};
const observer = new MutationObserver(() => { if (isReady()) finish(); });
observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
const el = document.querySelector(target);
if (!el) { observer.disconnect(); done("missing " + target); return; }
const t0 = performance.now();
window.__t0 = t0;
if (act === "click") el.click();
else if (act === "select") { el.value = value; el.dispatchEvent(new Event("change", { bubbles: true })); }
else if (act === "type") { el.value = value; el.dispatchEvent(new Event("input", { bubbles: true })); }
if (isReady()) finish();
"#;

/// The search waits for the typing to pause (`PagedList.typed`) before it
/// asks: the figure is counted from the end of that pause.
const TYPING_PAUSE_MS: f64 = 250.0;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn print(name: &str, value: f64) {
    println!("WINDOW {name} {value:.1}");
}

/// One timed action in the page; the milliseconds to the painted result.
async fn timed(
    app: &App,
    act: &str,
    target: &str,
    value: &str,
    ready: &str,
    watch: &str,
) -> TestResult<f64> {
    app.wait_css(target).await?;
    let out = app
        .client
        .execute_async(
            TIMED,
            vec![
                json!(act),
                json!(target),
                json!(value),
                json!(ready),
                json!(watch),
            ],
        )
        .await?;
    match out {
        Value::Number(n) => n.as_f64().ok_or_else(|| "no time".into()),
        other => Err(format!("{act} {target}: {other}").into()),
    }
}

/// An untimed step: the same action, waited for.
async fn step(app: &App, act: &str, target: &str, value: &str, ready: &str) -> TestResult {
    timed(app, act, target, value, ready, "").await.map(drop)
}

/// `runs` times: `prepare` (untimed), then the timed action; the median.
async fn median_of(
    runs: usize,
    mut one: impl AsyncFnMut(usize) -> TestResult<f64>,
) -> TestResult<f64> {
    one(0).await?; // warm: the first visit fills the caches
    let mut times = Vec::with_capacity(runs);
    for i in 1..=runs {
        times.push(one(i).await?);
    }
    Ok(median(times))
}

/// Seconds since boot now, and when process `pid` started (both from /proc).
fn process_age_ms(pid: u32) -> TestResult<f64> {
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")?
        .split_whitespace()
        .next()
        .ok_or("no uptime")?
        .parse()?;
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // Field 22 (starttime, in clock ticks) counted after the ")" that ends the name.
    let after = stat.rsplit_once(')').ok_or("odd stat")?.1;
    let ticks: f64 = after
        .split_whitespace()
        .nth(19)
        .ok_or("no starttime")?
        .parse()?;
    let hz = clock_ticks()?;
    Ok((uptime - ticks / hz) * 1000.0)
}

fn clock_ticks() -> TestResult<f64> {
    let out = Command::new("getconf").arg("CLK_TCK").output()?;
    Ok(String::from_utf8_lossy(&out.stdout).trim().parse()?)
}

/// The one process whose command line contains `pattern`.
fn pid_of(pattern: &str) -> TestResult<u32> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let out = Command::new("pgrep").args(["-f", "--", pattern]).output()?;
        let pids: Vec<u32> = String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .filter_map(|p| p.parse().ok())
            .collect();
        if let [pid] = pids[..] {
            return Ok(pid);
        }
        if Instant::now() > deadline {
            return Err(format!("no single process for {pattern}: {pids:?}").into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Start the binary on `data`; the milliseconds from its process start to
/// its first screen painted.
async fn start_ms(bin: &Path, data: &Path, pattern: &str) -> TestResult<(App, u32, f64)> {
    std::env::set_var("BUURTPUNT_APP", bin);
    let app = App::launch(data).await?;
    let pid = pid_of(&format!("{pattern} --data-dir {}", data.display()))?;
    let mark = poll_mark(&app).await?;
    // The page's clock and the process's: now in both, as close together as can be.
    let age = process_age_ms(pid)?;
    let Value::Number(now) = app
        .client
        .execute("return performance.now();", vec![])
        .await?
    else {
        return Err("no performance.now()".into());
    };
    let since_paint = now.as_f64().ok_or("odd now")? - mark;
    Ok((app, pid, age - since_paint))
}

/// When the first screen was painted (ms on the page's clock).
async fn poll_mark(app: &App) -> TestResult<f64> {
    let script = "const m = performance.getEntriesByName('buurtpunt:first-screen');
                  return m.length ? m[0].startTime : null;";
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Value::Number(n) = app.client.execute(script, vec![]).await? {
            return n.as_f64().ok_or_else(|| "odd mark".into());
        }
        if Instant::now() > deadline {
            return Err("the page never marked its first screen".into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// One process's name, PSS in MiB and id.
type ProcessPss = (String, f64, u32);

/// PSS of `pid` and every process below it, in MiB, with the process names.
fn pss_tree(pid: u32) -> TestResult<(f64, Vec<ProcessPss>)> {
    let mut parents = Vec::new();
    for entry in std::fs::read_dir("/proc")?.filter_map(Result::ok) {
        let Some(p) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{p}/stat")) else {
            continue;
        };
        let Some((_, after)) = stat.rsplit_once(')') else {
            continue;
        };
        if let Some(ppid) = after
            .split_whitespace()
            .nth(1)
            .and_then(|v| v.parse::<u32>().ok())
        {
            parents.push((p, ppid));
        }
    }
    let mut tree = vec![pid];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(
            parents
                .iter()
                .filter(|(_, pp)| *pp == parent)
                .map(|(p, _)| *p),
        );
        i += 1;
    }
    let mut total = 0.0;
    let mut each = Vec::new();
    for p in tree {
        let Ok(rollup) = std::fs::read_to_string(format!("/proc/{p}/smaps_rollup")) else {
            continue;
        };
        let kib: f64 = rollup
            .lines()
            .find_map(|l| l.strip_prefix("Pss:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0.0);
        let name = std::fs::read_to_string(format!("/proc/{p}/comm")).unwrap_or_default();
        total += kib / 1024.0;
        each.push((name.trim().to_owned(), kib / 1024.0, p));
    }
    Ok((total, each))
}

/// Where a process's PSS lies (from `/proc/<pid>/smaps`), in MiB, biggest
/// first: anonymous memory (heaps, JavaScript), WebKit's and GL's libraries,
/// the app's binary, other files.
fn pss_where(pid: u32) -> Vec<(String, f64)> {
    let Ok(smaps) = std::fs::read_to_string(format!("/proc/{pid}/smaps")) else {
        return Vec::new();
    };
    let mut sums: std::collections::BTreeMap<String, f64> = Default::default();
    let mut class = String::new();
    for line in smaps.lines() {
        let mut words = line.split_whitespace();
        let first = words.next().unwrap_or("");
        if first.contains('-') && first.chars().next().is_some_and(|c| c.is_ascii_hexdigit()) {
            let path = line.split_whitespace().nth(5).unwrap_or("");
            let file = path.rsplit('/').next().unwrap_or(path);
            class = if path.is_empty() || path.starts_with("[heap]") || path.starts_with("[anon") {
                "anonymous".into()
            } else if path.starts_with('[') {
                path.into()
            } else if file.starts_with("libwebkit2gtk") {
                "libwebkit2gtk".into()
            } else if file.starts_with("libjavascriptcore") {
                "libjavascriptcoregtk".into()
            } else if [
                "libLLVM",
                "libgallium",
                "dri",
                "libGL",
                "libEGL",
                "libgbm",
                "libdrm",
                "libglapi",
                "swrast",
            ]
            .iter()
            .any(|k| path.contains(k))
            {
                "GL (mesa)".into()
            } else if file.starts_with("libicu") {
                "ICU".into()
            } else if path.contains("memfd:")
                || path.starts_with("/dev/shm")
                || path.contains("SYSV")
            {
                "shared memory".into()
            } else if file.contains(".so") {
                "other libraries".into()
            } else {
                format!("file {file}")
            };
        } else if first == "Pss:" {
            let kib: f64 = words.next().and_then(|v| v.parse().ok()).unwrap_or(0.0);
            *sums.entry(class.clone()).or_default() += kib / 1024.0;
        }
    }
    let mut out: Vec<(String, f64)> = sums.into_iter().filter(|(_, v)| *v >= 0.5).collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    out
}

/// The PSS of every process below `pid` on stderr, each split by [`pss_where`].
fn print_pss_detail(label: &str, pid: u32) -> TestResult {
    let (_, each) = pss_tree(pid)?;
    for (name, mib, p) in each {
        let parts: Vec<String> = pss_where(p)
            .into_iter()
            .take(7)
            .map(|(k, v)| format!("{k} {v:.1}"))
            .collect();
        eprintln!("  pss {label} {name}: {mib:.1} MiB ({})", parts.join(", "));
    }
    Ok(())
}

/// Wait (at most two minutes) until the day's backup is written: the
/// figures are of the app at rest, not of the app copying its database.
async fn settle_backup(dir: &Path) {
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut last = (0, Instant::now());
    while Instant::now() < deadline {
        let sizes: u64 = std::fs::read_dir(dir.join("backups"))
            .map(|d| {
                d.filter_map(Result::ok)
                    .filter_map(|e| e.metadata().ok())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0);
        if sizes != last.0 {
            last = (sizes, Instant::now());
        } else if sizes > 0 && last.1.elapsed() > Duration::from_secs(3) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// A copy of the data set to work on (an unlock writes: the day's backup).
fn work_copy(data: &Path) -> TestResult<tempfile::TempDir> {
    let dir = tempfile::Builder::new()
        .prefix("buurtpunt-measure")
        .tempdir()?;
    for name in ["buurtpunt.db", "buurtpunt.db-wal", "sleutel.json"] {
        if data.join(name).exists() {
            std::fs::copy(data.join(name), dir.path().join(name))?;
        }
    }
    Ok(dir)
}

/// The page's command door notes every command's start and end here.
const TRACE: &str = "window.__buurtpuntTrace = [];";

/// One more unlock with every command it waits for on stderr (start and end
/// in ms after the click): where the click's time goes.
async fn trace_unlock(app: &App, pass: &str, today: &str) -> TestResult {
    step(
        app,
        "click",
        "#lock-button",
        "",
        "#unlock-screen #unlock-passphrase",
    )
    .await?;
    app.fill("#unlock-passphrase", pass).await?;
    app.client.execute(TRACE, vec![]).await?;
    let total = timed(app, "click", "#unlock-submit", "", today, "").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let out = app
        .client
        .execute(
            "return (window.__buurtpuntTrace || []).map(([c, a, b]) => [c, Math.round(a - window.__t0), Math.round(b - window.__t0)]);",
            vec![],
        )
        .await?;
    eprintln!("  trace unlock_to_today: {total:.1} ms to the paint");
    if let Value::Array(calls) = out {
        for call in calls {
            eprintln!("  trace {call}");
        }
    }
    Ok(())
}

#[tokio::main]
async fn main() -> TestResult {
    let data = PathBuf::from(arg("--data").ok_or("--data DIR")?);
    let pass = arg("--pass").ok_or("--pass PASSPHRASE")?;
    let runs: usize = arg("--runs").map_or(Ok(5), |r| r.parse())?;
    let app_bin = common::app_binary();
    let work = work_copy(&data)?;
    let dir = work.path();

    // `--no-start`: for a build without the first-screen mark.
    if !std::env::args().any(|a| a == "--no-start") {
        let mut times = Vec::new();
        for _ in 0..runs {
            let (app, pid, ms) = start_ms(&app_bin, dir, "buurtpunt").await?;
            times.push(ms);
            app.quit().await?;
            common::wait_exit(pid)?;
        }
        print("start_to_first_screen", median(times));
    }

    std::env::set_var("BUURTPUNT_APP", &app_bin);
    let app = App::launch(dir).await?;
    let pid = common::app_pid(dir)?;
    // The first unlock of the day: "Wie bent u?" and the day's backup in
    // the background; the figures start when it is done.
    app.unlock(&pass).await?;
    app.wait_css("#today-screen #today-counts").await?;
    settle_backup(dir).await;
    let (pss, _) = pss_tree(pid)?;
    print("pss_after_unlock_mib", pss);

    let today = "#today-screen #today-counts";
    let unlock = median_of(runs, async |_| {
        step(
            &app,
            "click",
            "#lock-button",
            "",
            "#unlock-screen #unlock-passphrase",
        )
        .await?;
        app.fill("#unlock-passphrase", &pass).await?;
        timed(&app, "click", "#unlock-submit", "", today, "").await
    })
    .await?;
    print("unlock_to_today", unlock);
    trace_unlock(&app, &pass, today).await?;

    let list = "#requests-screen #result-count";
    let first = median_of(runs, async |_| {
        step(&app, "click", "#nav-today", "", today).await?;
        timed(&app, "click", "#nav-requests", "", list, "").await
    })
    .await?;
    print("request_list_first_page", first);

    let rows = "#requests-screen .table-wrap";
    let filter = median_of(runs, async |i| {
        let area = if i % 2 == 0 { "transport" } else { "household" };
        timed(&app, "select", "#filter-area", area, list, rows).await
    })
    .await?;
    print("request_list_filter_change", filter);
    step(&app, "select", "#filter-area", "", list).await?;

    let next = median_of(runs, async |_| {
        timed(&app, "click", "#page-next", "", list, rows).await
    })
    .await?;
    print("request_list_next_page", next);
    // A deep page: the last one when the pager offers it; when the count
    // stopped early ("meer dan"), "Volgende" on page 41 (keyset paging makes
    // it cost what the first does).
    if app.exists("#page-last:not([disabled])").await? {
        let deep = median_of(runs, async |_| {
            step(&app, "click", "#page-prev", "", list).await?;
            timed(&app, "click", "#page-last", "", list, rows).await
        })
        .await?;
        print("request_list_deep_page", deep);
    } else if app.exists("#page-next").await? {
        for _ in 0..40 {
            timed(&app, "click", "#page-next", "", list, rows).await?;
        }
        let deep = median_of(runs, async |_| {
            timed(&app, "click", "#page-next", "", list, rows).await
        })
        .await?;
        print("request_list_deep_page", deep);
    } else {
        println!("WINDOW request_list_deep_page n/a (the pager has no way to a far page)");
    }

    // A search with many hits: 12 500 requests each.
    let search = median_of(runs, async |i| {
        let word = if i % 2 == 0 { "boodschappen" } else { "heg" };
        timed(&app, "type", "#request-search", word, list, rows).await
    })
    .await?;
    print("search_many_hits", search - TYPING_PAUSE_MS);
    step(&app, "type", "#request-search", "", list).await?;
    tokio::time::sleep(Duration::from_millis(600)).await;

    // Open requests: they have suggestions.
    step(&app, "select", "#filter-status", "open", list).await?;
    let detail = "#request-detail #match-panel";
    let open = median_of(runs, async |i| {
        step(&app, "click", "#nav-requests", "", list).await?;
        let row = format!(
            "#requests-screen tbody tr.request-row:nth-child({})",
            1 + i % 5
        );
        timed(&app, "click", &row, "", detail, "").await
    })
    .await?;
    print("open_request", open);

    let suggestions = "#suggestions .suggestion, #no-suggestions, #suggestions-no-task";
    let suggest = median_of(runs, async |i| {
        step(&app, "click", "#nav-requests", "", list).await?;
        let row = format!(
            "#requests-screen tbody tr.request-row:nth-child({})",
            1 + i % 5
        );
        step(&app, "click", &row, "", detail).await?;
        timed(&app, "click", "#find-volunteer", "", suggestions, "").await
    })
    .await?;
    print("match_suggestions", suggest);
    step(&app, "click", "#nav-requests", "", list).await?;
    step(&app, "select", "#filter-status", "", list).await?;

    let overview = median_of(runs, async |_| {
        step(&app, "click", "#nav-today", "", today).await?;
        timed(
            &app,
            "click",
            "#nav-volunteers",
            "",
            "#volunteers-screen #volunteer-counts",
            "",
        )
        .await
    })
    .await?;
    print("volunteer_overview", overview);

    // Idle on Vandaag after all of the above.
    step(&app, "click", "#nav-today", "", today).await?;
    tokio::time::sleep(Duration::from_secs(10)).await;
    let (pss, _) = pss_tree(pid)?;
    print("pss_idle_mib", pss);
    print_pss_detail("idle", pid)?;
    app.quit().await?;
    common::wait_exit(pid)?;

    // WebKit's floor: the same start with a trivial page (last: it shares the
    // app's webview set-up, and nothing of it may linger for the app's figures).
    if let Some(floor) = arg("--floor") {
        let mut times = Vec::new();
        for _ in 0..runs {
            let (app, pid, ms) = start_ms(Path::new(&floor), dir, "webview_floor").await?;
            times.push(ms);
            if times.len() == runs {
                // WebKit's floor for memory: the trivial page, idle as long
                // as the app's figure waits.
                tokio::time::sleep(Duration::from_secs(10)).await;
                let (pss, _) = pss_tree(pid)?;
                print("pss_floor_trivial_page_mib", pss);
                print_pss_detail("floor", pid)?;
            }
            // Gone before the next start (they share WebKit's data folder).
            app.quit().await?;
            common::wait_exit(pid)?;
        }
        print("start_floor_trivial_page", median(times));
    }
    Ok(())
}
