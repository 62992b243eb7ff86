//! The projects table: one row per project, as listed.

use super::{tag, Cell, DType, Table};
use crate::model::{totals_by_currency, Portfolio, Project};

/// The table's name.
pub const PROJECTS_TABLE: &str = "projects";

/// The columns of [`projects_table`], in order.
///
/// `title` is shown in the asked language, else English, else the first there is (null
/// when empty); `status` is the kartan JSON tag (`implementation`); `planned_start`,
/// `planned_end`, `actual_start` and `actual_end` are dates, a partial start its first
/// day and a partial end its last (`2016-06` ends 2016-06-30); `levels` (tags) and
/// `regions` are joined with `, `; `budget` is the exact sum of the effective budget
/// lines (a revision replaces the original of its period) when they share one
/// currency, else null (amounts in different currencies are never added; a sum past
/// the amount limit is null, never rounded); `currency` lists the effective lines'
/// currencies, sorted, joined with `, `; `results` and `indicators` are counts.
pub const PROJECTS_COLUMNS: [(&str, DType); 16] = [
    ("id", DType::String),
    ("title", DType::String),
    ("status", DType::String),
    ("owner", DType::String),
    ("focus_area", DType::String),
    ("parent", DType::String),
    ("planned_start", DType::Date),
    ("planned_end", DType::Date),
    ("actual_start", DType::Date),
    ("actual_end", DType::Date),
    ("levels", DType::String),
    ("regions", DType::String),
    ("budget", DType::Decimal),
    ("currency", DType::String),
    ("results", DType::Int),
    ("indicators", DType::Int),
];

/// The projects of a portfolio, one row each in order (columns: [`PROJECTS_COLUMNS`]).
/// `lang` is a BCP 47 tag for the titles.
pub fn projects_table(portfolio: &Portfolio, lang: &str) -> Table {
    let mut table = Table::new(PROJECTS_TABLE, &PROJECTS_COLUMNS);
    for project in &portfolio.projects {
        table.push(project_row(project, lang));
    }
    table
}

fn project_row(project: &Project, lang: &str) -> Vec<Cell> {
    let totals = totals_by_currency(&project.budgets);
    // One total only for one currency; amounts in several currencies are never added.
    let budget = if totals.len() == 1 { totals.values().next().copied().flatten() } else { None };
    let currencies = totals.keys().copied().collect::<Vec<_>>().join(", ");
    let levels = project.levels.iter().map(tag).collect::<Vec<_>>().join(", ");
    vec![
        project.id.as_str().into(),
        Cell::text(project.title.show(lang, "en")),
        project.status.as_ref().map(tag).into(),
        project.owner.clone().into(),
        project.focus_area.clone().into(),
        project.parent.clone().into(),
        project.planned.start.and_then(|d| d.earliest()).into(),
        project.planned.end.and_then(|d| d.latest()).into(),
        project.actual.start.and_then(|d| d.earliest()).into(),
        project.actual.end.and_then(|d| d.latest()).into(),
        Cell::text(&levels),
        Cell::text(&project.regions.join(", ")),
        budget.into(),
        Cell::text(&currencies),
        project.results.len().into(),
        project.results.iter().map(|r| r.indicators.len()).sum::<usize>().into(),
    ]
}
