//! Volunteers: profile, status, absences, check-ins, overview.

use buurtpunt_core::matches::{self, Match};
use buurtpunt_core::volunteers::{
    self, Absence, AbsenceInput, Checkin, CheckinInput, Volunteer, VolunteerInput,
    VolunteerOverview, VolunteerQuery, VolunteerStatus, VolunteerSummary,
};
use buurtpunt_core::Page;
use tauri::State;

use crate::error::ApiResult;
use crate::state::{now, AppState};

/// The volunteer profile of a resident, or `null` when they have none.
#[tauri::command]
pub fn get_volunteer(state: State<'_, AppState>, id: i64) -> ApiResult<Option<Volunteer>> {
    Ok(volunteers::find(
        state.session()?.db()?.conn(),
        id,
        now().date(),
    )?)
}

#[tauri::command]
pub fn create_volunteer(
    state: State<'_, AppState>,
    id: i64,
    input: VolunteerInput,
    status: VolunteerStatus,
) -> ApiResult<Volunteer> {
    Ok(volunteers::create(
        state.session()?.db()?,
        id,
        input,
        status,
        now(),
    )?)
}

/// A new volunteer from the Vrijwilligers screen: the person is made as a
/// resident underneath.
#[tauri::command]
pub fn create_volunteer_person(
    state: State<'_, AppState>,
    person: buurtpunt_core::residents::ResidentInput,
    allow_duplicate: bool,
    input: VolunteerInput,
    status: VolunteerStatus,
) -> ApiResult<Volunteer> {
    Ok(volunteers::create_person(
        state.session()?.db()?,
        person,
        allow_duplicate,
        input,
        status,
        now(),
    )?)
}

#[tauri::command]
pub fn update_volunteer(
    state: State<'_, AppState>,
    id: i64,
    input: VolunteerInput,
) -> ApiResult<Volunteer> {
    Ok(volunteers::update(
        state.session()?.db()?,
        id,
        input,
        now(),
    )?)
}

#[tauri::command]
pub fn change_volunteer_status(
    state: State<'_, AppState>,
    id: i64,
    status: VolunteerStatus,
    on_date: String,
    reason: String,
) -> ApiResult<Volunteer> {
    Ok(volunteers::change_status(
        state.session()?.db()?,
        id,
        status,
        &on_date,
        &reason,
        now(),
    )?)
}

#[tauri::command]
pub fn list_volunteers(
    state: State<'_, AppState>,
    query: VolunteerQuery,
) -> ApiResult<Page<VolunteerSummary>> {
    Ok(volunteers::list(
        state.session()?.db()?.conn(),
        &query,
        now().date(),
    )?)
}

#[tauri::command]
pub fn volunteer_overview(state: State<'_, AppState>) -> ApiResult<VolunteerOverview> {
    Ok(volunteers::overview(
        state.session()?.db()?.conn(),
        now().date(),
    )?)
}

#[tauri::command]
pub fn add_absence(state: State<'_, AppState>, id: i64, input: AbsenceInput) -> ApiResult<Absence> {
    Ok(volunteers::add_absence(
        state.session()?.db()?,
        id,
        &input,
        now(),
    )?)
}

#[tauri::command]
pub fn remove_absence(state: State<'_, AppState>, id: i64, absence_id: i64) -> ApiResult<()> {
    Ok(volunteers::remove_absence(
        state.session()?.db()?,
        id,
        absence_id,
    )?)
}

#[tauri::command]
pub fn add_checkin(state: State<'_, AppState>, id: i64, input: CheckinInput) -> ApiResult<Checkin> {
    Ok(volunteers::add_checkin(
        state.session()?.db()?,
        id,
        &input,
        now(),
    )?)
}

/// The latest matches of a volunteer (open ones first).
#[tauri::command]
pub fn volunteer_matches(state: State<'_, AppState>, id: i64) -> ApiResult<Vec<Match>> {
    Ok(matches::for_volunteer(
        state.session()?.db()?.conn(),
        id,
        50,
    )?)
}
