//! The audit log as the help point uses it (logboek): who is working at
//! this computer ([`actor`]), what happened to one resident's file
//! ([`history`]) and the check of the whole chain. The machinery (hash,
//! triggers, the one insert) is in [`crate::store::audit`].

pub mod actor;
pub mod history;

pub use crate::store::audit::chain::{check, Broken, ChainCheck, Problem};
pub use crate::store::audit::{record, Action, Subject};
pub use history::{AuditLine, ResidentHistory};
