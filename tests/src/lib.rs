//! The e2e tests are in `tests/`; this crate has no library code of its own.
