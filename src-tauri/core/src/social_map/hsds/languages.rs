//! Languages by name (as Buurtpunt shows them) and by ISO 639 code (as HSDS
//! files may give them).

/// Code, Dutch name.
const LANGUAGES: &[(&str, &str)] = &[
    ("nl", "Nederlands"),
    ("fy", "Fries"),
    ("en", "Engels"),
    ("de", "Duits"),
    ("fr", "Frans"),
    ("es", "Spaans"),
    ("pt", "Portugees"),
    ("it", "Italiaans"),
    ("pl", "Pools"),
    ("ro", "Roemeens"),
    ("bg", "Bulgaars"),
    ("uk", "Oekraïens"),
    ("ru", "Russisch"),
    ("tr", "Turks"),
    ("ar", "Arabisch"),
    ("fa", "Perzisch"),
    ("prs", "Dari"),
    ("ti", "Tigrinya"),
    ("so", "Somalisch"),
    ("pap", "Papiaments"),
    ("zh", "Chinees"),
    ("li", "Limburgs"),
    ("nds", "Nedersaksisch"),
    ("sgn-nl", "Nederlandse Gebarentaal"),
];

/// The Dutch name of a language code ("fy", "FRY" is not known): `None` when
/// Buurtpunt does not know it.
pub(crate) fn name_of(code: &str) -> Option<&'static str> {
    let code = code.trim().to_lowercase();
    let base = code.split(['-', '_']).next().unwrap_or("");
    LANGUAGES
        .iter()
        .find(|(c, _)| *c == code)
        .or_else(|| LANGUAGES.iter().find(|(c, _)| *c == base))
        .map(|(_, n)| *n)
}

/// The code of a Dutch language name, for the export.
pub(crate) fn code_of(name: &str) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|(_, n)| n.eq_ignore_ascii_case(name.trim()))
        .map(|(c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_go_both_ways() {
        assert_eq!(name_of("fy"), Some("Fries"));
        assert_eq!(name_of("NL-nl"), Some("Nederlands"));
        assert_eq!(name_of("xx"), None);
        assert_eq!(code_of("fries"), Some("fy"));
        assert_eq!(code_of("Klingon"), None);
    }
}
