//! The kinds of personal data a resident's consent covers. Consent records
//! them, referrals show them, the handover holds only those in scope, and
//! the export log names what was shared and what was withheld.

use super::Mask;
use crate::text_enum;

text_enum! {
    /// Kinds of personal data a consent can cover; a handover holds only the
    /// categories in the consent's scope. identity: name and date of birth;
    /// contact: address, phone, email, how to reach them; question: the help
    /// needed in their own words, the question behind it, life areas; network:
    /// own strength, network and the informal-carer situation; help_so_far:
    /// what volunteers already did and what was tried.
    pub enum DataCategory {
        Identity => "identity",
        Contact => "contact",
        Question => "question",
        Network => "network",
        HelpSoFar => "help_so_far",
    }
}

/// Stored as a mask in `consents.categories`, `exports.categories` and
/// `exports.withheld`.
impl Mask for DataCategory {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_bits_are_as_stored_since_migration_005() {
        let bits: Vec<i64> = DataCategory::ALL.iter().map(|c| c.bit()).collect();
        assert_eq!(bits, vec![1, 2, 4, 8, 16]);
        let some = vec![DataCategory::Identity, DataCategory::Network];
        assert_eq!(DataCategory::to_mask(&some), 0b1001);
        assert_eq!(DataCategory::from_mask(0b1001), some);
    }
}
