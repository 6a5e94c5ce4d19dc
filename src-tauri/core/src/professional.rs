//! Signs that a request is professional work, not volunteer work: personal
//! care, debts, crisis, domestic violence, medical questions. A request can be
//! flagged with them; services on the social map say which they handle.

use crate::text_enum;
use crate::vocab::Mask;

text_enum! {
    /// What volunteers must not carry: pass it to a professional.
    pub enum ProfessionalFlag {
        PersonalCare => "personal_care",
        Debts => "debts",
        Crisis => "crisis",
        DomesticViolence => "domestic_violence",
        Medical => "medical",
    }
}

/// Stored as a mask in `help_requests.flags` and `services.flag_mask`.
impl Mask for ProfessionalFlag {}

use serde::Serialize;
use ts_rs::TS;

/// A word in the request that hints at professional work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Hint {
    pub flag: ProfessionalFlag,
    /// The word as found in the text.
    pub word: String,
}

/// Whether a request looks like professional work, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Advice {
    /// Set explicitly on the request.
    pub flags: Vec<ProfessionalFlag>,
    /// Found in the words of the request (not yet set as a flag).
    pub hints: Vec<Hint>,
    pub looks_professional: bool,
}

/// Word stems per flag, lower case without diacritics. A text word that
/// starts with a stem counts.
const STEMS: &[(ProfessionalFlag, &[&str])] = &[
    (
        ProfessionalFlag::PersonalCare,
        &[
            "wassen",
            "douche",
            "aankleden",
            "verzorging",
            "persoonlijke verzorging",
            "incontinent",
            "steunkous",
            "thuiszorg",
        ],
    ),
    (
        ProfessionalFlag::Debts,
        &[
            "schuld",
            "deurwaarder",
            "incasso",
            "aanmaning",
            "betalingsachterstand",
            "huurachterstand",
            "geldzorg",
            "afsluiting",
        ],
    ),
    (
        ProfessionalFlag::Crisis,
        &[
            "crisis",
            "suicid",
            "zelfmoord",
            "dakloos",
            "ontruim",
            "verward",
            "noodsituatie",
        ],
    ),
    (
        ProfessionalFlag::DomesticViolence,
        &[
            "geweld",
            "mishandel",
            "slaat",
            "sloeg",
            "bedreig",
            "onveilig thuis",
            "misbruik",
        ],
    ),
    (
        ProfessionalFlag::Medical,
        &[
            "medicijn",
            "medicatie",
            "insuline",
            "wondverzorging",
            "diagnose",
            "dementie",
            "valrisico",
            "bloeddruk",
        ],
    ),
];

/// Fold case and the common diacritics, so "suïcide" matches "suicid".
fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            other => other,
        })
        .collect()
}

/// Look at a request's flags and words.
pub fn advise(flags: &[ProfessionalFlag], texts: &[&str]) -> Advice {
    let folded: Vec<String> = texts.iter().map(|t| fold(t)).collect();
    let mut hints = Vec::new();
    for (flag, stems) in STEMS {
        if flags.contains(flag) {
            continue;
        }
        let found = stems.iter().find_map(|stem| {
            folded.iter().find_map(|t| {
                t.match_indices(stem)
                    .find(|(i, _)| *i == 0 || !t[..*i].ends_with(char::is_alphanumeric))
                    .map(|(i, _)| {
                        let end = t[i..]
                            .find(|c: char| !c.is_alphanumeric())
                            .map_or(t.len(), |e| i + e);
                        t[i..end.max(i + stem.len())].to_owned()
                    })
            })
        });
        if let Some(word) = found {
            hints.push(Hint { flag: *flag, word });
        }
    }
    Advice {
        flags: flags.to_vec(),
        looks_professional: !flags.is_empty() || !hints.is_empty(),
        hints,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_hint_at_professional_work() {
        let a = advise(&[], &["Er komt steeds een deurwaarder aan de deur.", ""]);
        assert!(a.looks_professional);
        assert_eq!(a.hints[0].flag, ProfessionalFlag::Debts);
        assert_eq!(a.hints[0].word, "deurwaarder");
        let b = advise(&[], &["Mijn heg is te hoog geworden."]);
        assert!(!b.looks_professional);
        // Only at the start of a word: "overslaat" is not "slaat".
        let c = advise(&[], &["Hij overslaat soms een dag."]);
        assert!(c.hints.is_empty(), "{c:?}");
        let d = advise(&[], &["Ze praat over SUÏCIDE."]);
        assert_eq!(d.hints[0].flag, ProfessionalFlag::Crisis);
    }

    #[test]
    fn flag_masks_round_trip() {
        let flags = vec![ProfessionalFlag::Debts, ProfessionalFlag::Medical];
        assert_eq!(
            ProfessionalFlag::from_mask(ProfessionalFlag::to_mask(&flags)),
            flags
        );
        assert_eq!(ProfessionalFlag::PersonalCare.bit(), 1);
        assert!(ProfessionalFlag::from_mask(0).is_empty());
    }

    #[test]
    fn flag_bits_are_as_stored_in_requests_and_services() {
        let bits: Vec<i64> = ProfessionalFlag::ALL.iter().map(|f| f.bit()).collect();
        assert_eq!(bits, vec![1, 2, 4, 8, 16]);
    }

    #[test]
    fn a_set_flag_is_advice_enough() {
        let a = advise(&[ProfessionalFlag::Medical], &["Hulp met de medicijnen."]);
        assert!(a.looks_professional);
        assert!(a.hints.is_empty(), "a flag already set is not hinted again");
    }
}
