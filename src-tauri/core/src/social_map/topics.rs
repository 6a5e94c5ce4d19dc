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
