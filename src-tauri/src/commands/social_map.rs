//! The social map (sociale kaart): organisations, services, the 12-month
//! check, suggestions for referrals, HSDS import and export.

use std::path::PathBuf;

use buurtpunt_core::professional::ProfessionalFlag;
use buurtpunt_core::social_map::hsds::{self, HsdsExportSummary, HsdsFormat, HsdsReport};
use buurtpunt_core::social_map::{
    self, CheckDue, Organisation, OrganisationInput, OrganisationQuery, OrganisationSummary,
    Service, ServiceDetail, ServiceInput, ServiceQuery, ServiceSummary,
};
use buurtpunt_core::vocab::LifeArea;
use buurtpunt_core::Page;
use tauri::State;

use crate::error::ApiResult;
use crate::files::{OpenKind, Purpose, SaveKind};
use crate::state::{now, AppState};

#[tauri::command]
pub fn list_organisations(
    state: State<'_, AppState>,
    query: OrganisationQuery,
) -> ApiResult<Page<OrganisationSummary>> {
    Ok(social_map::list_organisations(
        state.session()?.db()?.conn(),
        &query,
        now().date(),
    )?)
}

#[tauri::command]
pub fn get_organisation(state: State<'_, AppState>, id: i64) -> ApiResult<Organisation> {
    Ok(social_map::get_organisation(
        state.session()?.db()?.conn(),
        id,
        now().date(),
    )?)
}

#[tauri::command]
pub fn create_organisation(
    state: State<'_, AppState>,
    input: OrganisationInput,
) -> ApiResult<Organisation> {
    Ok(social_map::create_organisation(
        state.session()?.db()?,
        input,
        now(),
    )?)
}

#[tauri::command]
pub fn update_organisation(
    state: State<'_, AppState>,
    id: i64,
    input: OrganisationInput,
) -> ApiResult<Organisation> {
    Ok(social_map::update_organisation(
        state.session()?.db()?,
        id,
        input,
        now(),
    )?)
}

#[tauri::command]
pub fn delete_organisation(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(social_map::delete_organisation(state.session()?.db()?, id)?)
}

/// "Gecontroleerd": checked today by `by`.
#[tauri::command]
pub fn mark_organisation_checked(
    state: State<'_, AppState>,
    id: i64,
    by: String,
) -> ApiResult<Organisation> {
    Ok(social_map::mark_checked(
        state.session()?.db()?,
        id,
        &by,
        now(),
    )?)
}

#[tauri::command]
pub fn create_service(
    state: State<'_, AppState>,
    organisation_id: i64,
    input: ServiceInput,
) -> ApiResult<Service> {
    Ok(social_map::create_service(
        state.session()?.db()?,
        organisation_id,
        input,
        now(),
    )?)
}

#[tauri::command]
pub fn update_service(
    state: State<'_, AppState>,
    id: i64,
    input: ServiceInput,
) -> ApiResult<Service> {
    Ok(social_map::update_service(
        state.session()?.db()?,
        id,
        input,
        now(),
    )?)
}

#[tauri::command]
pub fn delete_service(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(social_map::delete_service(state.session()?.db()?, id)?)
}

/// One service with its organisation's name and contact details.
#[tauri::command]
pub fn get_service(state: State<'_, AppState>, id: i64) -> ApiResult<ServiceDetail> {
    Ok(social_map::get_service(state.session()?.db()?.conn(), id)?)
}

#[tauri::command]
pub fn list_services(
    state: State<'_, AppState>,
    query: ServiceQuery,
) -> ApiResult<Page<ServiceSummary>> {
    Ok(social_map::list_services(
        state.session()?.db()?.conn(),
        &query,
    )?)
}

/// Services that handle these flags or life areas (Wmo-loket when relevant).
#[tauri::command]
pub fn suggest_services(
    state: State<'_, AppState>,
    flags: Vec<ProfessionalFlag>,
    areas: Vec<LifeArea>,
    limit: usize,
) -> ApiResult<Vec<ServiceSummary>> {
    Ok(social_map::suggest_services(
        state.session()?.db()?.conn(),
        &flags,
        &areas,
        limit,
    )?)
}

/// The 12-month check reminder (for Vandaag).
#[tauri::command]
pub fn social_map_due(state: State<'_, AppState>) -> ApiResult<CheckDue> {
    Ok(social_map::due(
        state.session()?.db()?.conn(),
        now().date(),
    )?)
}

#[tauri::command]
pub fn import_social_map(state: State<'_, AppState>, path: PathBuf) -> ApiResult<HsdsReport> {
    state.chosen(Purpose::Open(OpenKind::SocialMap), &path)?;
    Ok(hsds::import_file(state.session()?.db()?, &path, now())?)
}

#[tauri::command]
pub fn export_social_map(
    state: State<'_, AppState>,
    path: PathBuf,
    format: HsdsFormat,
) -> ApiResult<HsdsExportSummary> {
    let kind = match format {
        HsdsFormat::Json => SaveKind::SocialMapJson,
        HsdsFormat::CsvZip => SaveKind::SocialMapZip,
    };
    state.chosen(Purpose::Save(kind), &path)?;
    Ok(hsds::export_file(
        state.session()?.db()?.conn(),
        format,
        &path,
    )?)
}
