//! Paged, filtered lists. Only the filters that are set become SQL, so
//! SQLite can use its indexes; one count gives the pager its total, and one
//! query reads one page of rows in a stable order.

use rusqlite::types::Value;
use rusqlite::{Connection, Row, ToSql};

use crate::{search, Page, Result};

/// Page size used when a caller asks for none or for an absurd one.
pub const DEFAULT_PAGE_SIZE: i64 = 25;
/// The largest page the UI may ask for: lists never pour thousands of rows into the DOM.
pub const MAX_PAGE_SIZE: i64 = 200;

/// Clamp a requested page and page size to sane values; returns (page, size, offset).
fn clamp(page: i64, page_size: i64) -> (i64, i64, i64) {
    let size = if page_size <= 0 {
        DEFAULT_PAGE_SIZE
    } else {
        page_size.min(MAX_PAGE_SIZE)
    };
    let page = page.max(0);
    (page, size, page * size)
}

/// The conditions of a list that are set, joined with `AND`.
#[derive(Debug, Default)]
pub(crate) struct Filter {
    clauses: Vec<&'static str>,
    values: Vec<Value>,
}

impl Filter {
    pub(crate) fn new() -> Filter {
        Filter::default()
    }

    /// Add a condition with one `?` per value, in order.
    pub(crate) fn and(
        &mut self,
        clause: &'static str,
        values: impl IntoIterator<Item = Value>,
    ) -> &mut Filter {
        self.clauses.push(clause);
        self.values.extend(values);
        self
    }

    /// Full-text search: `clause` holds one `?` for the FTS5 query of what
    /// was typed. Nothing is added when nothing searchable was typed.
    pub(crate) fn text(&mut self, clause: &'static str, typed: &str) -> &mut Filter {
        if let Some(fts) = search::fts_query(typed) {
            self.and(clause, [Value::Text(fts)]);
        }
        self
    }

    /// How many conditions are set.
    pub(crate) fn len(&self) -> usize {
        self.clauses.len()
    }

    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            "1".to_owned()
        } else {
            self.clauses.join(" AND ")
        }
    }
}

/// Where a keyset page starts (paging by the last row shown instead of an
/// offset: a page deep in the list costs what the first one costs).
#[derive(Debug)]
pub(crate) struct Seek<'a> {
    /// The rows after the cursor in the list's order (or before it, when
    /// `reverse` is set), with one `?` per value.
    pub clause: &'a str,
    pub values: Vec<Value>,
    /// Turning back: the list's order reversed; the rows are read in it
    /// and turned around.
    pub reverse: Option<&'a str>,
}

/// How to page one list.
#[derive(Debug, Default)]
pub(crate) struct Paging<'a> {
    pub page: i64,
    pub page_size: i64,
    /// Start after (or before) a row instead of at `page * page_size`.
    pub seek: Option<Seek<'a>>,
    /// Count at most this many (more: "meer dan N"); `None` counts all.
    pub count_cap: Option<i64>,
}

/// The fixed parts of one list query.
#[derive(Debug, Clone, Copy)]
pub(crate) struct List<'a> {
    /// What the total counts over, `FROM …`: only the joins a filter needs.
    pub count_from: &'a str,
    /// The rows, `SELECT … FROM …`, without `WHERE`; or with `{filter}`
    /// where a subquery applies the filter (the outer query then has none).
    pub select: &'a str,
    /// The order of the rows; it ends in a unique column, so pages do not overlap.
    pub order: &'a str,
}

impl List<'_> {
    /// The total and one page of rows: `page` counts from 0, `page_size`
    /// is clamped to 1..=[`MAX_PAGE_SIZE`] ([`DEFAULT_PAGE_SIZE`] when unset).
    pub(crate) fn page<T>(
        &self,
        conn: &Connection,
        filter: &Filter,
        page: i64,
        page_size: i64,
        row: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Page<T>> {
        let paging = Paging {
            page,
            page_size,
            ..Paging::default()
        };
        self.page_by(conn, filter, &paging, row)
    }

    /// [`List::page`] with keyset paging and a capped count.
    pub(crate) fn page_by<T>(
        &self,
        conn: &Connection,
        filter: &Filter,
        paging: &Paging<'_>,
        row: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Page<T>> {
        let (page, size, offset) = clamp(paging.page, paging.page_size);
        let (count, rows) = self.sql(filter, paging);
        let args: Vec<&dyn ToSql> = filter.values.iter().map(|v| v as &dyn ToSql).collect();
        let counted: i64 = conn
            .prepare_cached(&count)?
            .query_row(&*args, |r| r.get(0))?;
        let (total, more_than) = match paging.count_cap {
            Some(cap) if counted > cap => (cap, true),
            _ => (counted, false),
        };
        let mut paged = args;
        let seek = paging.seek.as_ref();
        if let Some(s) = seek {
            paged.extend(s.values.iter().map(|v| v as &dyn ToSql));
        }
        // One row more than a page: whether a next page follows.
        let limit = size + 1;
        let offset = if seek.is_some() { 0 } else { offset };
        paged.push(&limit);
        paged.push(&offset);
        #[cfg(test)]
        plans::remember(&rows, &paged);
        let mut items: Vec<T> = conn
            .prepare_cached(&rows)?
            .query_map(&*paged, row)?
            .collect::<rusqlite::Result<_>>()?;
        let more = items.len() as i64 > size;
        items.truncate(size as usize);
        let has_next = match seek {
            Some(Seek {
                reverse: Some(_), ..
            }) => {
                items.reverse();
                // Turned back from the page after this one.
                true
            }
            _ => more,
        };
        Ok(Page {
            items,
            total,
            page,
            page_size: size,
            more_than,
            has_next,
        })
    }

    /// The count and the rows query for `filter`.
    fn sql(&self, filter: &Filter, paging: &Paging<'_>) -> (String, String) {
        let filter = filter.sql();
        let count = match paging.count_cap {
            None => format!("SELECT count(*) {} WHERE {filter}", self.count_from),
            Some(cap) => format!(
                "SELECT count(*) FROM (SELECT 1 {} WHERE {filter} LIMIT {})",
                self.count_from,
                cap + 1
            ),
        };
        // A select that filters inside (a subquery) names the spot.
        let (select, filter) = if self.select.contains("{filter}") {
            (self.select.replace("{filter}", &filter), "1".to_owned())
        } else {
            (self.select.to_owned(), filter)
        };
        let (filter, order) = match &paging.seek {
            Some(s) => (
                format!("{filter} AND {}", s.clause),
                s.reverse.unwrap_or(self.order),
            ),
            None => (filter, self.order),
        };
        (
            count,
            format!("{select} WHERE {filter} ORDER BY {order} LIMIT ? OFFSET ?"),
        )
    }
}

/// The last rows query each test thread ran, for the query-plan tests.
#[cfg(test)]
pub(crate) mod plans {
    use std::cell::RefCell;

    use rusqlite::types::Value;
    use rusqlite::Connection;

    thread_local! {
        static LAST: RefCell<Option<(String, Vec<Value>)>> = const { RefCell::new(None) };
    }

    pub(super) fn remember(sql: &str, args: &[&dyn rusqlite::ToSql]) {
        let all = args
            .iter()
            .map(|a| match a.to_sql() {
                Ok(rusqlite::types::ToSqlOutput::Owned(v)) => v,
                Ok(rusqlite::types::ToSqlOutput::Borrowed(v)) => {
                    Value::try_from(v).unwrap_or(Value::Null)
                }
                _ => Value::Null,
            })
            .collect();
        LAST.with(|l| *l.borrow_mut() = Some((sql.to_owned(), all)));
    }

    /// `EXPLAIN QUERY PLAN` of the last rows query, one step a line.
    pub(crate) fn last(conn: &Connection) -> crate::Result<String> {
        let (sql, values) = LAST
            .with(|l| l.borrow_mut().take())
            .ok_or(crate::Error::Migration("no list query ran".into()))?;
        plan(conn, &sql, &values)
    }

    pub(crate) fn plan(conn: &Connection, sql: &str, values: &[Value]) -> crate::Result<String> {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let steps = stmt
            .query_map(rusqlite::params_from_iter(values), |r| {
                r.get::<_, String>(3)
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(steps.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_clamped_to_sane_sizes() {
        assert_eq!(clamp(0, 0), (0, DEFAULT_PAGE_SIZE, 0));
        assert_eq!(clamp(-3, 10), (0, 10, 0));
        assert_eq!(clamp(2, 10), (2, 10, 20));
        assert_eq!(clamp(1, 100_000), (1, MAX_PAGE_SIZE, MAX_PAGE_SIZE));
    }

    #[test]
    fn only_the_filters_that_are_set_become_sql() {
        let list = List {
            count_from: "FROM t",
            select: "SELECT a FROM t",
            order: "a, id",
        };
        let mut f = Filter::new();
        let p = Paging::default();
        assert_eq!(
            list.sql(&f, &p),
            (
                "SELECT count(*) FROM t WHERE 1".to_owned(),
                "SELECT a FROM t WHERE 1 ORDER BY a, id LIMIT ? OFFSET ?".to_owned()
            )
        );
        f.text("id IN (SELECT rowid FROM s WHERE s MATCH ?)", " -- ");
        f.and("b = ?", [Value::Integer(3)]);
        assert_eq!(list.sql(&f, &p).0, "SELECT count(*) FROM t WHERE b = ?");
        f.text("id IN (SELECT rowid FROM s WHERE s MATCH ?)", "Zoë");
        assert_eq!(
            list.sql(&f, &p).0,
            "SELECT count(*) FROM t WHERE b = ? AND id IN (SELECT rowid FROM s WHERE s MATCH ?)"
        );
        assert_eq!(f.values.len(), 2);
    }
}

/// The hot lists read their page through an index in the list's order: no
/// sort of the whole table, however many rows it holds.
#[cfg(test)]
mod plan_tests {
    use chrono::NaiveDate;

    use super::plans;
    use crate::requests::{self, Attention, RequestQuery, Status};
    use crate::residents::{self, ResidentQuery};
    use crate::social_map::{self, OrganisationQuery, ServiceQuery};
    use crate::volunteers::{self, VolunteerQuery};
    use crate::{Db, Error, Result};

    fn uses(plan: &str, index: &str, sorts: bool) {
        assert!(plan.contains(index), "{index} not used:\n{plan}");
        assert_eq!(
            plan.contains("TEMP B-TREE FOR ORDER BY"),
            sorts,
            "unexpected sort:\n{plan}"
        );
    }

    #[test]
    fn the_hot_lists_use_their_indexes() -> Result<()> {
        let db = Db::in_memory()?;
        let c = db.conn();
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).ok_or(Error::Invalid(Vec::new()))?;

        requests::list(c, &RequestQuery::default())?;
        uses(
            &plans::last(c)?,
            "SCAN h USING INDEX help_requests_by_date",
            false,
        );
        let new = RequestQuery {
            status: Some(Status::New),
            ..Default::default()
        };
        requests::list(c, &new)?;
        uses(
            &plans::last(c)?,
            "USING INDEX help_requests_by_status (status=?)",
            false,
        );
        requests::needing_attention(c, Attention::New, today, 20)?;
        uses(
            &plans::last(c)?,
            "USING INDEX help_requests_by_status (status=?)",
            false,
        );
        requests::needing_attention(c, Attention::Overdue, today, 20)?;
        uses(
            &plans::last(c)?,
            "USING INDEX help_requests_open_by_due (due_on<?)",
            false,
        );
        requests::needing_attention(c, Attention::Urgent, today, 20)?;
        uses(
            &plans::last(c)?,
            "USING INDEX help_requests_open_by_urgency (urgency=?)",
            false,
        );

        residents::list(c, &ResidentQuery::default())?;
        uses(
            &plans::last(c)?,
            "SCAN residents USING INDEX residents_by_name",
            false,
        );
        let in_kern = ResidentQuery {
            kern: "Lindeloo".into(),
            ..Default::default()
        };
        residents::list(c, &in_kern)?;
        uses(
            &plans::last(c)?,
            "USING INDEX residents_by_kern (kern=?)",
            false,
        );

        volunteers::list(c, &VolunteerQuery::default(), today)?;
        uses(
            &plans::last(c)?,
            "SCAN r USING INDEX residents_by_name",
            false,
        );
        social_map::list_organisations(c, &OrganisationQuery::default(), today)?;
        uses(
            &plans::last(c)?,
            "SCAN o USING INDEX organizations_by_name",
            false,
        );
        social_map::list_services(c, &ServiceQuery::default())?;
        uses(
            &plans::last(c)?,
            "SCAN s USING INDEX services_by_organization",
            true,
        );
        Ok(())
    }
}

/// The signal list and the pattern query read through their indexes.
#[cfg(test)]
mod signal_plan_tests {
    use super::plans;
    use crate::signals::{self, SignalQuery, SignalStatus};
    use crate::{Db, Result};

    #[test]
    fn the_signal_list_and_the_patterns_use_their_indexes() -> Result<()> {
        let db = Db::in_memory()?;
        let c = db.conn();
        signals::list(c, &SignalQuery::default())?;
        let plan = plans::last(c)?;
        assert!(plan.contains("USING INDEX signals_by_date"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE FOR ORDER BY"), "{plan}");
        let new = SignalQuery {
            status: Some(SignalStatus::New),
            ..Default::default()
        };
        signals::list(c, &new)?;
        let plan = plans::last(c)?;
        assert!(plan.contains("signals_by_status (status=?)"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE FOR ORDER BY"), "{plan}");
        let window = format!(
            "SELECT s.concern_id, count(*) FROM signals s WHERE {}
             GROUP BY s.concern_id, s.place_kind, s.kern, s.street",
            signals::COUNTED
        );
        let values = [
            rusqlite::types::Value::Text("2026-09-28".into()),
            rusqlite::types::Value::Text("2026-11-22".into()),
        ];
        let plan = plans::plan(c, &window, &values)?;
        assert!(
            plan.contains(
                "USING COVERING INDEX signals_for_patterns (noticed_on>? AND noticed_on<?)"
            ),
            "{plan}"
        );
        Ok(())
    }
}
