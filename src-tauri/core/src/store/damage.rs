//! Damage found by the store becomes the error the restore screen reads.

use crate::vocab::{Damage, DamageKind};
use crate::Error;

impl Damage {
    /// The error for this damage.
    pub(crate) fn error(kind: DamageKind, detail: impl Into<String>) -> Error {
        Error::Damaged(Damage {
            kind,
            detail: detail.into(),
        })
    }
}
