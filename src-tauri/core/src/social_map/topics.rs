//! What a service handles (its topic codes in HSDS), and the Dutch words the search index adds for them, so "schulden" finds the debt
//! service even when its text says "geldzorgen".

use crate::professional::ProfessionalFlag;
use crate::vocab::LifeArea;

/// The topic code of HSDS `x_buurtpunt_topics` → a flag or a life area.
pub(crate) enum Topic {
    Flag(ProfessionalFlag),
    Area(LifeArea),
}

pub(crate) fn parse_topic(code: &str) -> Option<Topic> {
    let code = code.trim();
    ProfessionalFlag::parse(code)
        .map(Topic::Flag)
        .or_else(|| LifeArea::parse(code).map(Topic::Area))
}

/// A taxonomy term of another social map (its code or its name, Dutch or
/// English) as a Buurtpunt topic code, where one fits.
pub(crate) fn topic_of_term(term: &str) -> Option<&'static str> {
    let t = term.trim().to_lowercase();
    if let Some(topic) = parse_topic(&t) {
        return Some(match topic {
            Topic::Flag(f) => f.as_str(),
            Topic::Area(a) => a.as_str(),
        });
    }
    const WORDS: &[(&str, &str)] = &[
        ("schuld", "debts"),
        ("debt", "debts"),
        ("huiselijk geweld", "domestic_violence"),
        ("domestic violence", "domestic_violence"),
        ("kindermishandeling", "domestic_violence"),
        ("crisis", "crisis"),
        ("persoonlijke verzorging", "personal_care"),
        ("personal care", "personal_care"),
        ("thuiszorg", "personal_care"),
        ("huisarts", "medical"),
        ("medisch", "medical"),
        ("medical", "medical"),
        ("wonen", "housing"),
        ("woning", "housing"),
        ("housing", "housing"),
        ("vervoer", "transport"),
        ("transport", "transport"),
        ("eenzaam", "social_contact"),
        ("sociaal contact", "social_contact"),
        ("ontmoeting", "social_contact"),
        ("social", "social_contact"),
        ("gezondheid", "health"),
        ("health", "health"),
        ("administratie", "money_and_admin"),
        ("geld", "money_and_admin"),
        ("financ", "money_and_admin"),
        ("huishoud", "household"),
        ("household", "household"),
        ("tuin", "garden_and_odd_jobs"),
        ("klus", "garden_and_odd_jobs"),
    ];
    WORDS
        .iter()
        .find(|(w, _)| t.contains(w))
        .map(|(_, code)| *code)
}

/// The topic codes of a service, flags first.
pub(crate) fn topic_codes(flags: &[ProfessionalFlag], areas: &[LifeArea]) -> Vec<String> {
    flags
        .iter()
        .map(|f| f.as_str().to_owned())
        .chain(areas.iter().map(|a| a.as_str().to_owned()))
        .collect()
}

/// Dutch search words for what a service handles.
pub(crate) fn search_words(flags: &[ProfessionalFlag], areas: &[LifeArea], wmo: bool) -> String {
    let mut words: Vec<&str> = flags
        .iter()
        .map(|f| match f {
            ProfessionalFlag::PersonalCare => "persoonlijke verzorging zorg",
            ProfessionalFlag::Debts => "schulden geldzorgen",
            ProfessionalFlag::Crisis => "crisis spoed",
            ProfessionalFlag::DomesticViolence => "huiselijk geweld kindermishandeling",
            ProfessionalFlag::Medical => "medisch dokter arts",
        })
        .collect();
    words.extend(areas.iter().map(|a| match a {
        LifeArea::Housing => "wonen woning",
        LifeArea::Transport => "vervoer",
        LifeArea::SocialContact => "sociaal contact eenzaamheid",
        LifeArea::Health => "gezondheid",
        LifeArea::MoneyAndAdmin => "geld administratie",
        LifeArea::Household => "huishouden",
        LifeArea::GardenAndOddJobs => "tuin klussen",
        LifeArea::Other => "",
    }));
    if wmo {
        words.push("wmo-loket wmo loket gemeente melding");
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_codes_are_flags_or_life_areas() {
        assert!(matches!(
            parse_topic("debts"),
            Some(Topic::Flag(ProfessionalFlag::Debts))
        ));
        assert!(matches!(
            parse_topic(" housing "),
            Some(Topic::Area(LifeArea::Housing))
        ));
        assert!(parse_topic("schulden").is_none());
    }
}
