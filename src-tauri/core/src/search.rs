//! Full-text search helpers (SQLite FTS5 with `unicode61 remove_diacritics 2`).

/// Turn what a person typed into a safe FTS5 query: every word becomes a
/// quoted prefix term, all must match. Quotes and operators typed by the user
/// are never passed through. The Dutch ĳ ligature is folded to "ij" (as the
/// index does), since FTS5 does not decompose it. `None` when nothing searchable is left.
pub fn fts_query(typed: &str) -> Option<String> {
    let folded = typed.replace('Ĳ', "IJ").replace('ĳ', "ij");
    let terms: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_operators_and_quotes_become_plain_words() {
        assert_eq!(
            fts_query("Zoë  de Vries").as_deref(),
            Some("\"Zoë\"* \"de\"* \"Vries\"*")
        );
        assert_eq!(
            fts_query("\"; DROP TABLE x; --").as_deref(),
            Some("\"DROP\"* \"TABLE\"* \"x\"*")
        );
        assert_eq!(
            fts_query("NEAR(a b) OR *"),
            Some("\"NEAR\"* \"a\"* \"b\"* \"OR\"*".to_owned())
        );
        assert_eq!(fts_query("  -- "), None);
    }
}
