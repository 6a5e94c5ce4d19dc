//! Follow-up of a request: agreements and reminders.

use buurtpunt_core::followup::{
    self, Agreement, AgreementInput, DueReminder, Reminder, ReminderInput,
};
use tauri::State;

use crate::error::ApiResult;
use crate::state::{now, AppState};

#[tauri::command]
pub fn request_agreements(
    state: State<'_, AppState>,
    request_id: i64,
) -> ApiResult<Vec<Agreement>> {
    Ok(followup::agreements_of(
        state.session()?.db()?.conn(),
        request_id,
    )?)
}

#[tauri::command]
pub fn add_agreement(
    state: State<'_, AppState>,
    request_id: i64,
    input: AgreementInput,
) -> ApiResult<Agreement> {
    Ok(followup::add_agreement(
        state.session()?.db()?,
        request_id,
        &input,
        now(),
    )?)
}

#[tauri::command]
pub fn set_agreement_done(state: State<'_, AppState>, id: i64, done: bool) -> ApiResult<Agreement> {
    Ok(followup::set_agreement_done(
        state.session()?.db()?,
        id,
        done,
        now(),
    )?)
}

#[tauri::command]
pub fn request_reminders(state: State<'_, AppState>, request_id: i64) -> ApiResult<Vec<Reminder>> {
    Ok(followup::reminders_of(
        state.session()?.db()?.conn(),
        request_id,
    )?)
}

#[tauri::command]
pub fn add_reminder(
    state: State<'_, AppState>,
    request_id: i64,
    input: ReminderInput,
) -> ApiResult<Reminder> {
    Ok(followup::add_reminder(
        state.session()?.db()?,
        request_id,
        &input,
        now(),
    )?)
}

/// Done, with a note; returns the next one for a repeating reminder.
#[tauri::command]
pub fn complete_reminder(
    state: State<'_, AppState>,
    id: i64,
    note: String,
) -> ApiResult<Option<Reminder>> {
    Ok(followup::complete_reminder(
        state.session()?.db()?,
        id,
        &note,
        now(),
    )?)
}

#[tauri::command]
pub fn snooze_reminder(
    state: State<'_, AppState>,
    id: i64,
    until: String,
    note: String,
) -> ApiResult<Reminder> {
    Ok(followup::snooze_reminder(
        state.session()?.db()?,
        id,
        &until,
        &note,
        now(),
    )?)
}

/// Reminders due today or earlier (for the Vandaag screen), with the total.
#[tauri::command]
pub fn due_reminders(state: State<'_, AppState>) -> ApiResult<(Vec<DueReminder>, i64)> {
    Ok(followup::due_reminders(
        state.session()?.db()?.conn(),
        now().date(),
        20,
    )?)
}
