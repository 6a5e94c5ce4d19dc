//! Life areas (levensgebieden) of the question behind the question. Requests,
//! skills, volunteers, services and the handover all speak of them.

use super::Mask;
use crate::text_enum;

text_enum! {
    /// Life areas of the underlying need.
    pub enum LifeArea {
        Housing => "housing",
        Transport => "transport",
        SocialContact => "social_contact",
        Health => "health",
        MoneyAndAdmin => "money_and_admin",
        Household => "household",
        GardenAndOddJobs => "garden_and_odd_jobs",
        Other => "other",
    }
}

/// Stored as a mask in `help_requests.life_area_mask`, `volunteers.area_mask`
/// and `services.area_mask`.
impl Mask for LifeArea {}

impl LifeArea {
    /// The Dutch name, as the screens and the reports write it.
    pub fn dutch(self) -> &'static str {
        match self {
            LifeArea::Housing => "Wonen",
            LifeArea::Transport => "Vervoer",
            LifeArea::SocialContact => "Sociaal contact",
            LifeArea::Health => "Gezondheid",
            LifeArea::MoneyAndAdmin => "Geld en administratie",
            LifeArea::Household => "Huishouden",
            LifeArea::GardenAndOddJobs => "Tuin en klussen",
            LifeArea::Other => "Anders",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn life_area_bits_match_migration_002() {
        assert_eq!(LifeArea::Housing.bit(), 1);
        assert_eq!(LifeArea::Transport.bit(), 2);
        assert_eq!(LifeArea::Other.bit(), 128);
        let areas = vec![LifeArea::Transport, LifeArea::Health];
        assert_eq!(LifeArea::from_mask(LifeArea::to_mask(&areas)), areas);
    }
}
