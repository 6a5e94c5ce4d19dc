//! The core's modules do not import each other in a circle.
//!
//! The check reads the core's own source (`src/`), not the compiled crate:
//! every `use crate::…`, `use super::…`, `use self::…` and every inline
//! `crate::…` / `super::…` path outside test code is resolved, through the
//! re-exports of `lib.rs` and of each folder's `mod.rs`, to the module that
//! defines what it names. That gives two graphs:
//!
//! - between the top-level modules (`requests`, `skills`, `store`, ...), and
//! - inside each feature folder, between its sub-modules (`volunteers/store`,
//!   `volunteers/absences`, ...); the folder's `mod.rs` is the feature's own
//!   vocabulary, not a node.
//!
//! Neither may have a cycle. On top of that the bottom layer stays at the
//! bottom: `vocab` and the PDF engine name nothing else in the crate, and
//! `error` names only `vocab`; and no module names `demo`, which only the
//! app uses.
//!
//! A cycle is printed with the file and line of each import that makes it.
//! Break it by moving the shared piece down (into `vocab`, or a module both
//! can use), or by letting the lower module do the cross-table update.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Modules at the bottom, and the only modules each of them may name.
const BOTTOM: &[(&str, &[&str])] = &[
    ("vocab", &[]),
    ("pdf", &[]),
    ("error", &["vocab"]),
    ("child", &["error"]),
];

/// Modules at the top: only the app uses them (it hands the demo seeder to
/// the session), no module of the core names them.
const TOP: &[&str] = &["demo"];

type ModPath = Vec<String>;

/// One source file: its module path and its text with comments, strings and
/// test code blanked out (lines kept, so line numbers stay true).
struct File {
    path: PathBuf,
    module: ModPath,
    code: String,
}

/// Where a reference was seen.
#[derive(Clone, Debug)]
struct Seen {
    file: String,
    line: usize,
    text: String,
}

/// An edge `from → to` with the places that make it.
type Graph = BTreeMap<String, BTreeMap<String, Vec<Seen>>>;

#[test]
fn the_core_has_no_import_loops() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let crate_ = Crate::read(&src);
    let (top, inner) = crate_.graphs();

    let mut problems = Vec::new();
    for cycle in cycles(&top) {
        problems.push(describe("modules", &cycle, &top));
    }
    for cycle in cycles(&inner) {
        problems.push(describe("sub-modules of a feature", &cycle, &inner));
    }
    for (module, allowed) in BOTTOM {
        for (to, seen) in top.get(*module).into_iter().flatten() {
            if !allowed.contains(&to.as_str()) {
                problems.push(format!(
                    "`{module}` is the bottom layer but names `{to}`:\n{}",
                    places(seen)
                ));
            }
        }
    }
    for (from, targets) in &top {
        for module in TOP {
            if let Some(seen) = targets.get(*module) {
                problems.push(format!(
                    "`{module}` is for the app alone, but `{from}` names it:\n{}",
                    places(seen)
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "import loops in the core:\n\n{}",
        problems.join("\n\n")
    );
}

/// The check sees the imports it must see; otherwise a parsing slip would
/// let it pass on an empty graph.
#[test]
fn the_loop_check_sees_imports_through_re_exports() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (top, inner) = Crate::read(&src).graphs();
    let has = |g: &Graph, a: &str, b: &str| g.get(a).is_some_and(|t| t.contains_key(b));
    // A plain `use crate::skills::{...}` and an inline `crate::skills::...`.
    assert!(has(&top, "requests", "skills"));
    // `crate::Db` is `store::Db`, re-exported by lib.rs.
    assert!(has(&top, "requests", "store"));
    // `crate::Error` is `error::Error`.
    assert!(has(&top, "volunteers", "error"));
    // `crate::text_enum` is the macro exported from `vocab`.
    assert!(has(&top, "requests", "vocab"));
    // Inside a feature: `use super::{absences, ...}`.
    assert!(has(&inner, "volunteers/store", "volunteers/absences"));
    // Through a re-export of the feature's mod.rs (`super::loads`).
    assert!(has(&inner, "volunteers/overview", "volunteers/load"));
    // A nested folder counts as one sub-module.
    assert!(has(&inner, "social_map/hsds", "social_map/organisations"));
}

#[test]
fn a_cycle_is_found_and_a_chain_is_not() {
    let mut g = Graph::new();
    let seen = || {
        vec![Seen {
            file: "x.rs".into(),
            line: 1,
            text: String::new(),
        }]
    };
    for (a, b) in [("a", "b"), ("b", "c"), ("c", "d")] {
        g.entry(a.into()).or_default().insert(b.into(), seen());
    }
    assert!(cycles(&g).is_empty());
    g.entry("d".into()).or_default().insert("b".into(), seen());
    assert_eq!(cycles(&g), vec![vec!["b", "c", "d"]]);
}

struct Crate {
    files: Vec<File>,
    modules: BTreeSet<ModPath>,
    /// Per module: a name it brings into scope (`use`) → the full path.
    scope: BTreeMap<ModPath, BTreeMap<String, ModPath>>,
}

impl Crate {
    fn read(src: &Path) -> Crate {
        let mut files = Vec::new();
        collect(src, src, &mut files);
        assert!(files.len() > 20, "read only {} files", files.len());
        let modules = files.iter().map(|f| f.module.clone()).collect();
        let mut c = Crate {
            files,
            modules,
            scope: BTreeMap::new(),
        };
        let mut scope: BTreeMap<ModPath, BTreeMap<String, ModPath>> = BTreeMap::new();
        for f in &c.files {
            for u in uses(&f.code) {
                for (path, name) in expand(&u.tree) {
                    if let Some(abs) = c.absolute(&f.module, &path) {
                        scope.entry(f.module.clone()).or_default().insert(name, abs);
                    }
                }
            }
            // `#[macro_export] macro_rules! x` is `crate::x`.
            for name in exported_macros(&f.code) {
                let mut at = f.module.clone();
                at.push(name.clone());
                scope.entry(Vec::new()).or_default().insert(name, at);
            }
        }
        c.scope = scope;
        c
    }

    /// `path` as written in `module`, made absolute (from the crate root);
    /// `None` for other crates and for paths it cannot place.
    fn absolute(&self, module: &ModPath, path: &[String]) -> Option<ModPath> {
        let first = path.first()?;
        let (mut base, rest): (ModPath, &[String]) = match first.as_str() {
            "crate" | "$crate" => (Vec::new(), &path[1..]),
            "self" => (module.clone(), &path[1..]),
            "super" => {
                let mut base = module.clone();
                let mut i = 0;
                while path.get(i).is_some_and(|s| s == "super") {
                    base.pop()?;
                    i += 1;
                }
                (base, &path[i..])
            }
            _ => {
                // A child module of `module` (a relative path).
                let mut child = module.clone();
                child.push(first.clone());
                if self.modules.contains(&child) {
                    (module.clone(), path)
                } else {
                    return None;
                }
            }
        };
        base.extend(rest.iter().cloned());
        Some(base)
    }

    /// The module that defines what the absolute `path` names.
    fn resolve(&self, path: &[String], depth: usize) -> ModPath {
        let mut at: ModPath = Vec::new();
        for (i, seg) in path.iter().enumerate() {
            let mut next = at.clone();
            next.push(seg.clone());
            if self.modules.contains(&next) {
                at = next;
                continue;
            }
            if let Some(target) = self.scope.get(&at).and_then(|s| s.get(seg)) {
                if depth < 16 && target.as_slice() != &path[..=i] {
                    return self.resolve(target, depth + 1);
                }
            }
            return at;
        }
        at
    }

    /// Every reference of every file, as (file, module it lies in, place).
    fn references(&self) -> Vec<(&File, ModPath, Seen)> {
        let mut out = Vec::new();
        for f in &self.files {
            let file = f
                .path
                .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")))
                .unwrap_or(&f.path)
                .display()
                .to_string();
            // Each path with its line number.
            let line_of = |text: &str, at: usize| text[..at].matches('\n').count() + 1;
            let mut refs: Vec<(Vec<String>, usize)> = Vec::new();
            for u in uses(&f.code) {
                for (path, _) in expand(&u.tree) {
                    refs.push((path, line_of(&f.code, u.at)));
                }
            }
            let rest = blank_uses(&f.code);
            for (path, at) in inline_paths(&rest) {
                refs.push((path, line_of(&rest, at)));
            }
            for (path, line) in refs {
                let Some(abs) = self.absolute(&f.module, &path) else {
                    continue;
                };
                let target = self.resolve(&abs, 0);
                let text = source_line(&f.path, line);
                out.push((
                    f,
                    target,
                    Seen {
                        file: file.clone(),
                        line,
                        text,
                    },
                ));
            }
        }
        out
    }

    /// The graph of the top-level modules and the graph inside each folder.
    fn graphs(&self) -> (Graph, Graph) {
        let mut top = Graph::new();
        let mut inner = Graph::new();
        for (f, to, seen) in self.references() {
            let from = &f.module;
            let (Some(a), Some(b)) = (from.first(), to.first()) else {
                continue;
            };
            if a != b {
                top.entry(a.clone())
                    .or_default()
                    .entry(b.clone())
                    .or_default()
                    .push(seen);
            } else if let (Some(x), Some(y)) = (from.get(1), to.get(1)) {
                if x != y {
                    inner
                        .entry(format!("{a}/{x}"))
                        .or_default()
                        .entry(format!("{a}/{y}"))
                        .or_default()
                        .push(seen);
                }
            }
        }
        (top, inner)
    }
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<File>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(root, &p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let rel = p.strip_prefix(root).unwrap_or(&p);
            let mut module: ModPath = rel
                .iter()
                .map(|s| s.to_string_lossy().trim_end_matches(".rs").to_owned())
                .collect();
            if module.last().is_some_and(|m| m == "mod" || m == "lib") {
                module.pop();
            }
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            out.push(File {
                path: p.clone(),
                module,
                code: without_tests(&blank(&text)),
            });
        }
    }
}

fn source_line(path: &Path, line: usize) -> String {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| t.lines().nth(line - 1).map(|l| l.trim().to_owned()))
        .unwrap_or_default()
}

/// Comments and the contents of string and char literals become spaces
/// (newlines stay), so that only code is searched.
fn blank(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let keep_lines = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(keep_lines(b[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && (i == 0 || !(b[i - 1].is_alphanumeric() || b[i - 1] == '_'))
        {
            // A raw string r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            out.push_str(&" ".repeat(j - i + 1));
            i = j + 1;
            while i < b.len() {
                if b[i] == '"' && (0..hashes).all(|k| b.get(i + 1 + k) == Some(&'#')) {
                    out.push_str(&" ".repeat(hashes + 1));
                    i += hashes + 1;
                    break;
                }
                out.push(keep_lines(b[i]));
                i += 1;
            }
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < b.len() {
                    out.push(keep_lines(b[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{1f}'), or else a lifetime.
            let end = if next == Some('\\') {
                (i + 2..b.len().min(i + 12)).find(|&k| b[k] == '\'')
            } else if b.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(e) => {
                    out.push_str(&" ".repeat(e - i + 1));
                    i = e + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Test code does not count: everything from the first `#[cfg(test)]` on.
fn without_tests(code: &str) -> String {
    match code.find("#[cfg(test)]") {
        Some(at) => {
            let tail: String = code[at..]
                .chars()
                .map(|c| if c == '\n' { '\n' } else { ' ' })
                .collect();
            format!("{}{tail}", &code[..at])
        }
        None => code.to_owned(),
    }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A `use` declaration: its tree (see [`tidy`]), and where it starts.
struct Use {
    tree: String,
    at: usize,
}

fn uses(code: &str) -> Vec<Use> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = code[from..].find("use") {
        let at = from + rel;
        from = at + 3;
        let before = code[..at].chars().next_back();
        let after = code[at + 3..].chars().next();
        if before.is_some_and(is_ident) || !after.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(end) = code[at..].find(';') else {
            break;
        };
        let tree = tidy(&code[at + 3..at + end]);
        out.push(Use { tree, at });
        from = at + end;
    }
    out
}

/// A use tree with single spaces, and none next to `::`, braces and commas
/// (so `a :: { b as c , d }` reads `a::{b as c,d}`).
fn tidy(tree: &str) -> String {
    let words: Vec<&str> = tree.split_whitespace().collect();
    let mut out = String::new();
    for w in words {
        const TIGHT: [char; 4] = [':', '{', ',', '}'];
        let joins = out.ends_with(TIGHT) || w.starts_with(TIGHT);
        if !out.is_empty() && !joins {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The code with its `use` declarations blanked out.
fn blank_uses(code: &str) -> String {
    let mut out: Vec<char> = code.chars().collect();
    let idx: Vec<usize> = code.char_indices().map(|(i, _)| i).collect();
    for u in uses(code) {
        let start = idx.binary_search(&u.at).unwrap_or(0);
        let mut k = start;
        while k < out.len() && out[k] != ';' {
            if out[k] != '\n' {
                out[k] = ' ';
            }
            k += 1;
        }
    }
    out.into_iter().collect()
}

/// The paths of a use tree with the name each brings into scope:
/// `a::{b, c::d as e, self}` gives `a::b` (b), `a::c::d` (e), `a` (a).
fn expand(tree: &str) -> Vec<(Vec<String>, String)> {
    fn split_top(list: &str) -> Vec<&str> {
        let mut parts = Vec::new();
        let (mut depth, mut start) = (0, 0);
        for (i, c) in list.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(&list[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&list[start..]);
        parts.into_iter().filter(|p| !p.is_empty()).collect()
    }
    fn go(prefix: &[String], tree: &str, out: &mut Vec<(Vec<String>, String)>) {
        if let Some(open) = tree.find('{') {
            let head = tree[..open].trim_end_matches("::");
            let mut p = prefix.to_vec();
            p.extend(
                head.split("::")
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
            );
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            for part in split_top(inner) {
                go(&p, part, out);
            }
            return;
        }
        let (path, alias) = match tree.split_once(" as ") {
            Some((p, a)) => (p, Some(a)),
            None => (tree, None),
        };
        let mut p = prefix.to_vec();
        p.extend(
            path.split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
        );
        if p.last().is_some_and(|l| l == "self") {
            p.pop();
        }
        if p.last().is_some_and(|l| l == "*") {
            p.pop();
            let name = p.last().cloned().unwrap_or_default();
            out.push((p, name));
            return;
        }
        let name = alias
            .map(str::to_owned)
            .or_else(|| p.last().cloned())
            .unwrap_or_default();
        out.push((p, name));
    }
    let mut out = Vec::new();
    go(&[], tree.trim_start_matches("::"), &mut out);
    out
}

/// Inline paths starting with `crate`, `super` or `self`, with their offset.
fn inline_paths(code: &str) -> Vec<(Vec<String>, usize)> {
    let chars: Vec<(usize, char)> = code.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let starts_word = i == 0 || !is_ident(chars[i - 1].1) && chars[i - 1].1 != ':';
        if !(starts_word && is_ident(c)) {
            i += 1;
            continue;
        }
        // Read `ident(::ident)*`.
        let mut segs = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            while j < chars.len() && is_ident(chars[j].1) {
                j += 1;
            }
            segs.push(chars[start..j].iter().map(|(_, c)| c).collect::<String>());
            let colons = j + 1 < chars.len() && chars[j].1 == ':' && chars[j + 1].1 == ':';
            if colons && j + 2 < chars.len() && is_ident(chars[j + 2].1) {
                j += 2;
            } else {
                break;
            }
        }
        if segs.len() > 1 && matches!(segs[0].as_str(), "crate" | "super" | "self") {
            out.push((segs, at));
        }
        i = j.max(i + 1);
    }
    out
}

fn exported_macros(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = code[from..].find("#[macro_export]") {
        let at = from + rel;
        from = at + 1;
        if let Some(m) = code[at..].find("macro_rules!") {
            let name: String = code[at + m + "macro_rules!".len()..]
                .trim_start()
                .chars()
                .take_while(|c| is_ident(*c))
                .collect();
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

/// Every strongly connected group of more than one module, as a cycle
/// through it (sorted, so the message is stable).
fn cycles(g: &Graph) -> Vec<Vec<String>> {
    let nodes: BTreeSet<&String> = g.keys().chain(g.values().flat_map(|t| t.keys())).collect();
    // Reachability by search from each node; small graphs, so simple is fine.
    let reach = |from: &String| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.clone()];
        while let Some(n) = todo.pop() {
            for next in g.get(&n).into_iter().flat_map(|t| t.keys()) {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let reach: BTreeMap<&String, BTreeSet<String>> = nodes.iter().map(|n| (*n, reach(n))).collect();
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for n in &nodes {
        if done.contains(*n) || !reach[n].contains(*n) {
            continue;
        }
        let group: Vec<String> = nodes
            .iter()
            .filter(|m| reach[n].contains(**m) && reach[*m].contains(*n))
            .map(|m| (*m).clone())
            .collect();
        done.extend(group.iter().cloned());
        if group.len() > 1 {
            out.push(group);
        }
    }
    out
}

fn describe(what: &str, group: &[String], g: &Graph) -> String {
    let mut text = format!("{what} that import each other: {}", group.join(", "));
    for a in group {
        for (b, seen) in g.get(a).into_iter().flatten() {
            if group.contains(b) {
                text.push_str(&format!("\n  {a} -> {b}:\n{}", places(seen)));
            }
        }
    }
    text
}

fn places(seen: &[Seen]) -> String {
    let mut shown = BTreeSet::new();
    seen.iter()
        .filter(|s| shown.insert((s.file.clone(), s.line)))
        .take(4)
        .map(|s| format!("    {}:{}  {}", s.file, s.line, s.text))
        .collect::<Vec<_>>()
        .join("\n")
}
