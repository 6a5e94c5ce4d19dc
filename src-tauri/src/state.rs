//! The app state: one core `Session` behind a mutex, and the files the user
//! chose in this session.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use buurtpunt_core::session::Session;
use buurtpunt_core::store::KdfParams;

use crate::error::AppError;
use crate::files::{Chosen, Purpose};
use crate::ApiError;

pub struct AppState {
    session: Mutex<Session>,
    /// Set only by tests (`--test-files DIR`, debug builds): see `lib.rs`.
    pub test_files: Option<PathBuf>,
    /// The paths file dialogs returned (see `files.rs`).
    pub chosen: Chosen,
}

impl AppState {
    pub fn new(data_dir: PathBuf, test_files: Option<PathBuf>) -> Self {
        AppState {
            session: Mutex::new(Session::new(data_dir, KdfParams::DEFAULT)),
            test_files,
            chosen: Chosen::default(),
        }
    }

    /// The session, for a command. A poisoned lock (a panic elsewhere) is
    /// reported, not propagated. Commands never run on the main thread (it
    /// paints the window; see `off_main_thread` in `lib.rs`): debug builds,
    /// and so every WebDriver test, refuse a command that does.
    pub fn session(&self) -> Result<MutexGuard<'_, Session>, ApiError> {
        #[cfg(debug_assertions)]
        if std::thread::current().name() == Some("main") {
            return Err(AppError::OnMainThread.into());
        }
        self.session_on_close()
    }

    /// The session, when the app closes (on the main thread).
    pub fn session_on_close(&self) -> Result<MutexGuard<'_, Session>, ApiError> {
        self.session
            .lock()
            .map_err(|_| AppError::LockPoisoned.into())
    }

    /// `path` may be used for `purpose`: a dialog of this session returned it.
    pub fn chosen(&self, purpose: Purpose, path: &Path) -> Result<(), ApiError> {
        Ok(self.chosen.check(purpose, path)?)
    }
}

/// The local time, passed into core so rules stay testable.
pub fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}
