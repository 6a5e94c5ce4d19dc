//! HSDS ids: every id a UUID. Records Buurtpunt stores keep their own
//! (random, or the file's); the rows a record's fields become (a phone, a
//! language, a schedule) get a name-based (version 5) UUID from Buurtpunt's
//! namespace, the parent's id, what they are and a stable key, so the same
//! data always exports with the same ids.

use std::sync::LazyLock;

use uuid::Uuid;

/// Buurtpunt's namespace for derived HSDS ids.
static NAMESPACE: LazyLock<Uuid> =
    LazyLock::new(|| Uuid::new_v5(&Uuid::NAMESPACE_URL, b"urn:buurtpunt:hsds:3"));

/// The id of a child row: `kind` is what it is (`phone`, `language`, …),
/// `key` tells it apart from its siblings (a position or a code).
pub(crate) fn child_id(parent: &str, kind: &str, key: &str) -> String {
    let name = format!("{parent}/{kind}/{key}");
    Uuid::new_v5(&NAMESPACE, name.as_bytes())
        .hyphenated()
        .to_string()
}

/// A file's id as Buurtpunt keeps it: a UUID as it is (lower case), any
/// other id turned into a UUID of its own, always the same one, so a
/// re-import of the same file finds what the first one made.
pub(crate) fn as_uuid(raw: &str) -> String {
    let raw = raw.trim();
    match Uuid::try_parse(raw) {
        Ok(u) => u.hyphenated().to_string(),
        Err(_) => child_id("source", "id", raw),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_ids_are_stable_uuids() {
        let a = child_id("0f8fad5b-d9cb-469f-a165-70867728950e", "phone", "1");
        assert_eq!(
            a,
            child_id("0f8fad5b-d9cb-469f-a165-70867728950e", "phone", "1")
        );
        assert_ne!(
            a,
            child_id("0f8fad5b-d9cb-469f-a165-70867728950e", "phone", "2")
        );
        assert_eq!(Uuid::try_parse(&a).map(|u| u.get_version_num()), Ok(5));
        assert_eq!(
            as_uuid("0F8FAD5B-D9CB-469F-A165-70867728950E"),
            "0f8fad5b-d9cb-469f-a165-70867728950e"
        );
        assert_eq!(as_uuid("gem-1"), as_uuid(" gem-1 "));
        assert!(Uuid::try_parse(&as_uuid("gem-1")).is_ok());
    }
}
