//! Talents and tasks (table `skills`): a list the initiative group edits.
//! Volunteers have skills, refuse some tasks, and requests ask for tasks.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::{self, Check};
use crate::vocab::{FieldError, LifeArea, Mask, Rule, SkillRef};
use crate::{Db, Error, Result};

/// Longest skill name.
pub const NAME_MAX: usize = 60;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Skill {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// The life area this skill serves in matching, if any.
    pub life_area: Option<LifeArea>,
    /// Tasks with vulnerable people need a valid VOG.
    pub needs_vog: bool,
    /// No longer offered for new choices; kept on old records.
    pub retired: bool,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct SkillInput {
    pub name: String,
    pub life_area: Option<LifeArea>,
    pub needs_vog: bool,
    pub retired: bool,
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Skill> {
    Ok(Skill {
        id: r.get(0)?,
        name: r.get(1)?,
        life_area: r.get(2)?,
        needs_vog: r.get(3)?,
        retired: r.get(4)?,
    })
}

/// All skills in the group's order (retired ones last).
pub fn list(conn: &Connection) -> Result<Vec<Skill>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, life_area, needs_vog, retired FROM skills
         ORDER BY retired, position, name COLLATE NOCASE, id",
    )?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<Skill> {
    conn.query_row(
        "SELECT id, name, life_area, needs_vog, retired FROM skills WHERE id = ?1",
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "skill", id })
}

fn check(input: &SkillInput) -> Result<String> {
    let name = validate::clean(&input.name);
    let mut c = Check::new();
    c.required("name", &name).max_len("name", &name, NAME_MAX);
    c.finish()?;
    Ok(name)
}

fn name_taken(tx: &Transaction<'_>, name: &str, except: i64) -> Result<bool> {
    Ok(tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM skills WHERE name = ?1 COLLATE NOCASE AND id <> ?2)",
        params![name, except],
        |r| r.get(0),
    )?)
}

fn duplicate_name() -> Error {
    Error::Invalid(vec![FieldError::new("name", Rule::Duplicate)])
}

/// Add a skill to the list (at the end).
pub fn create(db: &mut Db, input: &SkillInput) -> Result<Skill> {
    let name = check(input)?;
    let id = db.write(|tx| {
        if name_taken(tx, &name, 0)? {
            return Err(duplicate_name());
        }
        tx.execute(
            "INSERT INTO skills (name, life_area, needs_vog, retired, position)
             VALUES (?1, ?2, ?3, ?4, (SELECT ifnull(max(position), 0) + 1 FROM skills))",
            params![name, input.life_area, input.needs_vog, input.retired],
        )?;
        Ok(tx.last_insert_rowid())
    })?;
    get(db.conn(), id)
}

/// Rename a skill, change its life area or VOG need, retire or restore it.
/// Volunteers' life-area masks follow in the same transaction.
pub fn update(db: &mut Db, id: i64, input: &SkillInput) -> Result<Skill> {
    let name = check(input)?;
    db.write(|tx| {
        if name_taken(tx, &name, id)? {
            return Err(duplicate_name());
        }
        let n = tx.execute(
            "UPDATE skills SET name = ?2, life_area = ?3, needs_vog = ?4, retired = ?5 WHERE id = ?1",
            params![id, name, input.life_area, input.needs_vog, input.retired],
        )?;
        if n == 0 {
            return Err(Error::NotFound { what: "skill", id });
        }
        refresh_area_masks_for_skill(tx, id)
    })?;
    get(db.conn(), id)
}

/// Check that every id is a known skill.
pub(crate) fn ensure_known(tx: &Transaction<'_>, field: &str, ids: &[i64]) -> Result<()> {
    let mut stmt = tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM skills WHERE id = ?1)")?;
    for id in ids {
        let known: bool = stmt.query_row([id], |r| r.get(0))?;
        if !known {
            return Err(Error::Invalid(vec![FieldError::new(field, Rule::Choice)]));
        }
    }
    Ok(())
}

/// The skills linked through `table` (volunteer_skills, volunteer_refusals,
/// request_skills) to the row `owner`, by name.
pub(crate) fn linked(conn: &Connection, table: Link, owner: i64) -> Result<Vec<SkillRef>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT s.id, s.name FROM {} l JOIN skills s ON s.id = l.skill_id
         WHERE l.{} = ?1 ORDER BY s.position, s.name COLLATE NOCASE",
        table.table(),
        table.owner()
    ))?;
    let rows = stmt.query_map([owner], |r| {
        Ok(SkillRef {
            id: r.get(0)?,
            name: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Replace the skills linked to `owner` through `table`.
pub(crate) fn relink(tx: &Transaction<'_>, table: Link, owner: i64, ids: &[i64]) -> Result<()> {
    tx.prepare_cached(&format!(
        "DELETE FROM {} WHERE {} = ?1",
        table.table(),
        table.owner()
    ))?
    .execute([owner])?;
    let mut stmt = tx.prepare_cached(&format!(
        "INSERT OR IGNORE INTO {} ({}, skill_id) VALUES (?1, ?2)",
        table.table(),
        table.owner()
    ))?;
    for id in ids {
        stmt.execute(params![owner, id])?;
    }
    Ok(())
}

/// Recompute a volunteer's life-area mask (`volunteers.area_mask`) from
/// the life areas of their skills.
pub(crate) fn refresh_area_mask(tx: &Transaction<'_>, id: i64) -> Result<()> {
    let areas: Vec<Option<LifeArea>> = {
        let mut stmt = tx.prepare_cached(
            "SELECT s.life_area FROM volunteer_skills l JOIN skills s ON s.id = l.skill_id
             WHERE l.volunteer_id = ?1",
        )?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    let mask = LifeArea::to_mask(&areas.into_iter().flatten().collect::<Vec<_>>());
    tx.prepare_cached("UPDATE volunteers SET area_mask = ?2 WHERE resident_id = ?1")?
        .execute(params![id, mask])?;
    Ok(())
}

/// A skill's life area changed: the masks of everyone with that skill follow.
fn refresh_area_masks_for_skill(tx: &Transaction<'_>, skill_id: i64) -> Result<()> {
    let ids: Vec<i64> = {
        let mut stmt =
            tx.prepare_cached("SELECT volunteer_id FROM volunteer_skills WHERE skill_id = ?1")?;
        let rows = stmt.query_map([skill_id], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    for id in ids {
        refresh_area_mask(tx, id)?;
    }
    Ok(())
}

/// The link tables between skills and their owners.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Link {
    VolunteerSkills,
    VolunteerRefusals,
    RequestSkills,
}

impl Link {
    fn table(self) -> &'static str {
        match self {
            Link::VolunteerSkills => "volunteer_skills",
            Link::VolunteerRefusals => "volunteer_refusals",
            Link::RequestSkills => "request_skills",
        }
    }
    fn owner(self) -> &'static str {
        match self {
            Link::VolunteerSkills | Link::VolunteerRefusals => "volunteer_id",
            Link::RequestSkills => "request_id",
        }
    }
}
