//! Shared set-up of the tests that go through the encrypted store (the
//! `Session` or the `Vault`) on real files in a temp folder.

use std::path::Path;

use buurtpunt_core::requests::{Channel, RequestInput};
use buurtpunt_core::residents::ResidentInput;
use buurtpunt_core::session::Session;
use buurtpunt_core::store::KdfParams;
use buurtpunt_core::Result;

/// Key derivation cheap enough for tests; the real parameters are slow on
/// purpose.
pub const FAST: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};
pub const PASS: &str = "lange zomeravond 2026";

/// A new help point in `dir`, created with [`PASS`] and left unlocked.
pub fn new_session(dir: &Path) -> Result<Session> {
    let mut s = Session::new(dir, FAST);
    s.create(PASS)?;
    Ok(s)
}

/// A resident with a full address in Lindeloo.
pub fn resident(first: &str, last: &str) -> ResidentInput {
    ResidentInput {
        first_name: first.into(),
        last_name: last.into(),
        street: "Brink".into(),
        house_number: "3".into(),
        postcode: "7991la".into(),
        kern: "Lindeloo".into(),
        ..Default::default()
    }
}

/// A request received by phone; the rest is left at its default.
pub fn phone_request(resident_id: i64, ask: &str) -> RequestInput {
    RequestInput {
        resident_id: Some(resident_id),
        received_on: "2026-11-20".into(),
        channel: Channel::Phone,
        ask: ask.into(),
        ..Default::default()
    }
}
