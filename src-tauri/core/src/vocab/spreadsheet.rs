//! Text for spreadsheet cells: the one rule every CSV and XLSX file of
//! Buurtpunt follows (the handover's CSV, the full export's CSV and XLSX).

use std::borrow::Cow;

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
/// carriage return at the start) gets a leading apostrophe, so that text a
/// resident typed can never act as a formula (OWASP "CSV injection"). JSON
/// files keep the exact text.
pub fn spreadsheet_safe(s: &str) -> Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}").into(),
        _ => s.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_defused_and_others_left_alone() {
        assert_eq!(spreadsheet_safe("=SOM(A1)"), "'=SOM(A1)");
        assert_eq!(spreadsheet_safe("+31 6 1234"), "'+31 6 1234");
        assert_eq!(spreadsheet_safe("-5"), "'-5");
        assert_eq!(spreadsheet_safe("@bot"), "'@bot");
        assert_eq!(spreadsheet_safe("\tx"), "'\tx");
        assert_eq!(spreadsheet_safe("06-12345678"), "06-12345678");
        assert_eq!(
            spreadsheet_safe("'; DROP TABLE x; --"),
            "'; DROP TABLE x; --"
        );
        assert_eq!(spreadsheet_safe(""), "");
    }
}
