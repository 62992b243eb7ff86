//! Money in the report, from the one grouping of [`crate::analysis::money::money_table`]
//! (issue 15): budget against spending by year (section 8: a table and a chart per
//! currency) and per focus area and project (section 5, beside the verdicts: a table per
//! currency). Budget is the effective budget lines (a revision replaces the original of
//! its period), by the year its period starts; spent is disbursements and expenditure
//! (IATI transaction types 3 and 4), by the transaction's year; amounts in different
//! currencies are never added; nothing recorded is "–", never 0.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::Cx;
use crate::analysis::money::{money_table, GroupBy};
use crate::analysis::tables::Cell;
use crate::learning_report::model::{Block, Section, Table};
use crate::learning_report::numbers;

/// Columns of [`money_table`] read here (`money_columns`): the group, `currency`,
/// `budget`, `spent`, `absorption`.
const CURRENCY: usize = 1;
const BUDGET: usize = 2;
const SPENT: usize = 5;
const ABSORPTION: usize = 7;

/// One currency's rows of a money table and their table in the report (first column
/// `first`, then budget, spent and share spent in the currency).
struct Currency {
    currency: String,
    rows: Vec<Vec<Cell>>,
    table: Table,
}

/// The money table grouped `by`, one [`Currency`] per currency in the order of its first
/// row (the rows keep the table's order), and how many groups record no money at all.
/// A group is labelled by its year, or by `label` of its key (focus area name, project
/// id); "not stated" when unknown. The cells: "–" for none recorded, never 0; the share
/// spent in percent (two decimal places at most) when both are known and the budget is
/// above 0.
#[inline(never)] // one copy, not one per caller (the WebAssembly module's size)
fn per_currency(cx: &Cx<'_>, by: GroupBy, first: &str, label: &dyn Fn(&str) -> String) -> (Vec<Currency>, usize) {
    let (mut out, mut without): (Vec<Currency>, usize) = (Vec::new(), 0);
    for row in money_table(cx.portfolio, by, None).table.rows {
        let Some(Cell::String(currency)) = row.get(CURRENCY) else {
            without += 1;
            continue;
        };
        let at = match out.iter().position(|c| c.currency == *currency) {
            Some(at) => at,
            None => {
                let (budget, spent) = (cx.t("Budget", "Budget"), cx.t("Använt", "Spent"));
                let table = Table::new([
                    first.to_owned(),
                    format!("{budget} ({currency})"),
                    format!("{spent} ({currency})"),
                    cx.t("Andel använd", "Share spent"),
                ]);
                out.push(Currency { currency: currency.clone(), rows: Vec::new(), table });
                out.len() - 1
            }
        };
        let amount = |i| decimal(&row, i).map_or_else(|| "–".to_owned(), |a| numbers::amount(a, cx.lang()));
        let share = decimal(&row, ABSORPTION)
            .and_then(|f| f.checked_mul(Decimal::ONE_HUNDRED))
            .map_or_else(String::new, |p| numbers::decimal(p, cx.lang()) + " %");
        let group = match row.first() {
            Some(Cell::String(key)) => label(key),
            Some(Cell::Int(year)) => year.to_string(),
            _ => cx.not_stated(),
        };
        out[at].table.push_row([group, amount(BUDGET), amount(SPENT), share]);
        out[at].rows.push(row);
    }
    (out, without)
}

fn decimal(row: &[Cell], i: usize) -> Option<Decimal> {
    match row.get(i) {
        Some(Cell::Decimal(d)) => Some(*d),
        _ => None,
    }
}

fn rules(cx: &Cx<'_>) -> Block {
    cx.info(
        "Gällande budget (en revidering ersätter originalet) mot utbetalningar och utgifter (IATI-typ 3, 4), per valuta. –: inget registrerat.",
        "Effective budget (a revision replaces the original) against disbursements and expenditure (IATI types 3, 4), per currency. –: nothing recorded.",
    )
}

/// The chart of [`by_year`] without its data and titles: budget and spent side by side
/// (`xOffset`) per year. JSON text read by the tree reader, not a `json!` literal (the
/// WebAssembly module's size; `crate::analysis::survey::vega_spec`).
const BY_YEAR_CHART: &str = r#"{"mark": "bar", "encoding": {
    "x": {"field": "year", "type": "ordinal", "title": null},
    "xOffset": {"field": "figure"},
    "y": {"field": "amount", "type": "quantitative"},
    "color": {"field": "figure", "type": "nominal", "title": null}}}"#;

/// Section 8, "Budget and spending by year": per currency a chart of budget and spent
/// side by side per year, with its table as the text alternative (the table alone when
/// charts are off). Nothing when no budget or transaction is recorded. A budget line
/// counts in the year its period starts, a transaction in its date's year.
pub(crate) fn by_year(cx: &Cx<'_>, s: &mut Section) {
    let year_title = cx.t("År", "Year");
    let (currencies, _) = per_currency(cx, GroupBy::Year, &year_title, &str::to_owned);
    if currencies.is_empty() {
        return;
    }
    s.push(cx.heading("Budget och utfall per år", "Budget and spending by year"));
    let (budget, spent) = (cx.t("Budget", "Budget"), cx.t("Använt", "Spent"));
    for Currency { currency, rows, table } in currencies {
        let mut values = Vec::new();
        for (row, cells) in rows.iter().zip(&table.rows) {
            for (figure, i) in [(&budget, BUDGET), (&spent, SPENT)] {
                if let Some(v) = decimal(row, i).and_then(|d| d.to_f64()) {
                    let mut value = serde_json::Map::new();
                    value.insert("year".into(), cells[0].clone().into());
                    value.insert("figure".into(), figure.clone().into());
                    value.insert("amount".into(), v.into());
                    values.push(serde_json::Value::Object(value));
                }
            }
        }
        if !cx.options.charts || values.is_empty() {
            s.push(Block::Table(table));
            continue;
        }
        let title = format!("{} ({currency})", cx.t("Budget och använt per år", "Budget and spent by year"));
        let mut spec = crate::analysis::survey::vega_spec(BY_YEAR_CHART, values);
        spec["title"] = title.clone().into();
        spec["encoding"]["y"]["title"] = currency.into();
        s.push(Block::Chart { title, spec, fallback: table });
    }
    s.push(rules(cx));
}

/// Section 5, "Planned and spent money": per currency, a table per focus area and one
/// per project; the projects with no budget and no transaction counted apart.
pub(crate) fn planned_and_spent(cx: &Cx<'_>, s: &mut Section) {
    s.push(cx.heading("Planerade och använda pengar", "Planned and spent money"));
    let p = cx.portfolio;
    let area = |id: &str| {
        p.program.focus_areas.iter().find(|a| a.id == id).map_or_else(|| id.to_owned(), |a| cx.text_or_id(&a.name, id))
    };
    let (areas, _) = per_currency(cx, GroupBy::FocusArea, &cx.t("Fokusområde", "Focus area"), &area);
    let (projects, without) = per_currency(cx, GroupBy::Project, &cx.t("Projekt", "Project"), &str::to_owned);
    if projects.is_empty() {
        s.push(cx.no_data("Inga budgetar eller transaktioner registrerade.", "No budgets or transactions recorded."));
        return;
    }
    for c in areas {
        s.push(Block::Table(c.table));
    }
    for c in projects {
        s.push(Block::Table(c.table));
    }
    if without > 0 {
        let all = p.projects.len();
        s.push(Block::Paragraph {
            text: match cx.lang() {
                "sv" => {
                    format!("{without} av {all} projekt har varken budget eller transaktioner (räknas inte som 0).")
                }
                _ => format!("{without} of {all} projects record no budget and no transaction (not counted as 0)."),
            },
        });
    }
    s.push(rules(cx));
}
