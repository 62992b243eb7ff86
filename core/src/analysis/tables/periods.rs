//! The indicator periods table: one row per period and disaggregation, with the target
//! and the actual side by side.

use super::{tag, CellRef, DType, Table};
use crate::model::{PeriodValue, Portfolio, Project, Result as ResultItem};

/// The table's name.
pub const PERIODS_TABLE: &str = "periods";

/// The columns of [`periods_table`], in order.
///
/// `project` is null for the program's own results; `result_type`, `measure` and
/// `cumulation` are the kartan JSON tags (`outcome`, `unit`, `non_cumulative`);
/// `indicator_title`, `target_text` and `actual_text` are shown in the asked language,
/// else English, else the first there is (null when empty); `dimensions` is the
/// disaggregation key, `name=value` pairs joined with `; ` in the order given (null for
/// the undisaggregated total); `target` and `actual` are the values as given (a
/// percentage in percent, 43.75 for 43.75 %), with their numerators and denominators.
pub const PERIODS_COLUMNS: [(&str, DType); 19] = [
    ("project", DType::String),
    ("result", DType::String),
    ("result_type", DType::String),
    ("indicator", DType::String),
    ("indicator_title", DType::String),
    ("measure", DType::String),
    ("cumulation", DType::String),
    ("unit", DType::String),
    ("period_start", DType::Date),
    ("period_end", DType::Date),
    ("dimensions", DType::String),
    ("target", DType::Decimal),
    ("actual", DType::Decimal),
    ("target_text", DType::String),
    ("actual_text", DType::String),
    ("target_numerator", DType::Decimal),
    ("target_denominator", DType::Decimal),
    ("actual_numerator", DType::Decimal),
    ("actual_denominator", DType::Decimal),
];

/// The indicator periods of a portfolio: the program's results first, then each
/// project's, in order (columns: [`PERIODS_COLUMNS`]).
///
/// Rows: within a period, each target gives a row; each actual then joins the first
/// row of the same disaggregation key that has no actual yet, else stands alone (in
/// order of appearance); a period with neither targets nor actuals gives one row with
/// both empty, so that no period is lost. `lang` is a BCP 47 tag for the texts.
pub fn periods_table(portfolio: &Portfolio, lang: &str) -> Table {
    let mut table = empty_periods_table();
    push_period_rows(&mut table, None, &portfolio.program.results, lang);
    for project in &portfolio.projects {
        push_period_rows(&mut table, Some(&project.id), &project.results, lang);
    }
    table
}

/// The rows of [`periods_table`] for one project alone: a streaming writer calls it per
/// project and writes the rows after one header (see [`Table::write_csv`]).
pub fn project_periods_table(project: &Project, lang: &str) -> Table {
    let mut table = empty_periods_table();
    push_period_rows(&mut table, Some(&project.id), &project.results, lang);
    table
}

/// The periods table with its columns and no rows.
pub fn empty_periods_table() -> Table {
    Table::new(PERIODS_TABLE, &PERIODS_COLUMNS)
}

/// Calls `row` with each row of [`periods_table`] of `portfolio`, in the table's order,
/// its cells borrowed from the model (columns: [`PERIODS_COLUMNS`]): for a writer that
/// builds its own columns (Arrow) without an owned copy of each text.
pub fn visit_period_rows(portfolio: &Portfolio, lang: &str, mut row: impl FnMut(&[CellRef<'_>])) {
    visit_result_rows(None, &portfolio.program.results, lang, &mut row);
    for project in &portfolio.projects {
        visit_result_rows(Some(&project.id), &project.results, lang, &mut row);
    }
}

/// Appends the rows of `results` owned by `project` (`None`: the program) to `table`,
/// which has the columns [`PERIODS_COLUMNS`].
pub fn push_period_rows(table: &mut Table, project: Option<&str>, results: &[ResultItem], lang: &str) {
    visit_result_rows(project, results, lang, &mut |cells| table.push(cells.iter().map(|c| c.to_cell()).collect()));
}

/// The rows of `results` owned by `project` (`None`: the program), each handed to `row`.
fn visit_result_rows(project: Option<&str>, results: &[ResultItem], lang: &str, row: &mut dyn FnMut(&[CellRef<'_>])) {
    let text = CellRef::text;
    for result in results {
        let result_type = tag(&result.result_type);
        for indicator in &result.indicators {
            let title = text(indicator.title.show(lang, "en"));
            let measure = indicator.measure.as_ref().map(tag);
            let cumulation = tag(&indicator.cumulation);
            for period in &indicator.periods {
                for (key, t, a) in period_pairs(&period.targets, &period.actuals) {
                    let t = t.and_then(|i| period.targets.get(i));
                    let a = a.and_then(|i| period.actuals.get(i));
                    let (t_text, a_text) = (t.map(|v| v.text.show(lang, "en")), a.map(|v| v.text.show(lang, "en")));
                    row(&[
                        project.into(),
                        result.id.as_str().into(),
                        result_type.as_str().into(),
                        indicator.id.as_str().into(),
                        title,
                        measure.as_deref().into(),
                        cumulation.as_str().into(),
                        indicator.unit.as_deref().into(),
                        period.start.into(),
                        period.end.into(),
                        key.as_deref().into(),
                        t.and_then(|v| v.value).into(),
                        a.and_then(|v| v.value).into(),
                        t_text.map_or(CellRef::Null, text),
                        a_text.map_or(CellRef::Null, text),
                        t.and_then(|v| v.numerator).into(),
                        t.and_then(|v| v.denominator).into(),
                        a.and_then(|v| v.numerator).into(),
                        a.and_then(|v| v.denominator).into(),
                    ]);
                }
            }
        }
    }
}

/// "sex=female; age=18-24", or `None` for the undisaggregated total.
pub(super) fn dimension_key(v: &PeriodValue) -> Option<String> {
    if v.dimensions.is_empty() {
        return None;
    }
    Some(v.dimensions.iter().map(|d| format!("{}={}", d.name, d.value)).collect::<Vec<_>>().join("; "))
}

/// One row of a period in the periods table: (disaggregation key such as
/// `"sex=female; age=18-24"` or `None` for the total, index into `targets`, index into
/// `actuals`).
pub type PeriodPair = (Option<String>, Option<usize>, Option<usize>);
type Pair = PeriodPair;

/// The rows of a period in the periods table: targets and actuals that have the same
/// disaggregation are paired, in order of first appearance; a value with no partner
/// stands alone; a period with neither gives one empty pair, so that no period is lost.
/// Every binding builds its periods table with this rule.
pub fn period_pairs(targets: &[PeriodValue], actuals: &[PeriodValue]) -> Vec<Pair> {
    let mut out: Vec<Pair> = Vec::with_capacity(targets.len().max(actuals.len()).max(1));
    for (i, t) in targets.iter().enumerate() {
        out.push((dimension_key(t), Some(i), None));
    }
    for (i, a) in actuals.iter().enumerate() {
        let key = dimension_key(a);
        match out.iter_mut().find(|(k, _, act)| *k == key && act.is_none()) {
            Some(slot) => slot.2 = Some(i),
            None => out.push((key, None, Some(i))),
        }
    }
    if out.is_empty() {
        out.push((None, None, None));
    }
    out
}
