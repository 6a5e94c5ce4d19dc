//! axe-core (the engine behind most accessibility checkers) run inside the
//! real window: WCAG 2.1 A and AA rules.

use super::{App, TestResult};

/// axe-core as installed by `npm ci` in `ui/` (a dev dependency).
pub fn axe_source() -> TestResult<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../ui/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{}: {e} (run scripts/setup or npm ci in ui/)",
            path.display()
        )
        .into()
    })
}

/// Run axe on the page as it is; the serious and critical violations, as
/// "rule: target" lines.
pub async fn violations(app: &App, axe: &str) -> TestResult<Vec<String>> {
    app.client.execute(axe, vec![]).await?;
    let found = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
               .then(r => done(r.violations
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 160)))))
               .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(found)?)
}
