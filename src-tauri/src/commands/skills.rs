//! The group's list of talents and tasks.

use buurtpunt_core::skills::{self, Skill, SkillInput};
use tauri::State;

use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command]
pub fn list_skills(state: State<'_, AppState>) -> ApiResult<Vec<Skill>> {
    Ok(skills::list(state.session()?.db()?.conn())?)
}

#[tauri::command]
pub fn create_skill(state: State<'_, AppState>, input: SkillInput) -> ApiResult<Skill> {
    Ok(skills::create(state.session()?.db()?, &input)?)
}

#[tauri::command]
pub fn update_skill(state: State<'_, AppState>, id: i64, input: SkillInput) -> ApiResult<Skill> {
    Ok(skills::update(state.session()?.db()?, id, &input)?)
}
