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
const SPENT: usize = 4;
const ABSORPTION: usize = 6;

/// A money table's rows per currency, currencies in the order of their first row (the
/// rows keep the table's order), and how many groups record no money at all.
fn per_currency(by: GroupBy, cx: &Cx<'_>) -> (Vec<(String, Vec<Vec<Cell>>)>, usize) {
    let table = money_table(cx.portfolio, by, None).table;
    let (mut out, mut without): (Vec<(String, Vec<Vec<Cell>>)>, usize) = (Vec::new(), 0);
    for row in table.rows {
        let Some(Cell::String(currency)) = row.get(CURRENCY) else {
            without += 1;
            continue;
        };
        match out.iter_mut().find(|(c, _)| c == currency) {
            Some((_, rows)) => rows.push(row),
            None => out.push((currency.clone(), vec![row])),
        }
    }
    (out, without)
}

fn decimal(row: &[Cell], i: usize) -> Option<Decimal> {
    match row.get(i) {
        Some(Cell::Decimal(d)) => Some(*d),
        _ => None,
    }
}

/// The budget, spent and share-spent cells of a row: "–" for none recorded, the share in
/// percent (one decimal place at most) when both are known and the budget is above 0.
fn figures(cx: &Cx<'_>, row: &[Cell]) -> [String; 3] {
    let amount = |i| decimal(row, i).map_or_else(|| "–".to_owned(), |a| numbers::amount(a, cx.lang()));
    let share = decimal(row, ABSORPTION)
        .and_then(|f| f.checked_mul(Decimal::ONE_HUNDRED))
        .map_or_else(String::new, |p| numbers::grouped(&p.round_dp(1).normalize().to_string(), cx.lang()) + " %");
    [amount(BUDGET), amount(SPENT), share]
}

/// The column headings: the group's, then budget, spent and share spent in `currency`.
fn columns(cx: &Cx<'_>, first: String, currency: &str) -> [String; 4] {
    [
        first,
        format!("{} ({currency})", cx.t("Budget", "Budget")),
        format!("{} ({currency})", cx.t("Använt", "Spent")),
        cx.t("Andel använd", "Share spent"),
    ]
}

fn rules(cx: &Cx<'_>) -> Block {
    cx.info(
        "Budget är de gällande budgetraderna (en reviderad ersätter den ursprungliga för samma period); använt är utbetalningar och utgifter (IATI-transaktionstyp 3 och 4). En tabell per valuta: valutor adderas aldrig. – betyder inget registrerat, inte 0.",
        "Budget is the effective budget lines (a revision replaces the original of its period); spent is disbursements and expenditure (IATI transaction types 3 and 4). One table per currency: currencies are never added. – means nothing recorded, not 0.",
    )
}

/// Section 8, "Budget and spending by year": per currency a chart of budget and spent
/// side by side per year, with its table as the text alternative (the table alone when
/// charts are off). Nothing when no budget or transaction is recorded.
pub(crate) fn by_year(cx: &Cx<'_>, s: &mut Section) {
    let (currencies, _) = per_currency(GroupBy::Year, cx);
    if currencies.is_empty() {
        return;
    }
    s.push(cx.heading("Budget och utfall per år", "Budget and spending by year"));
    let year_title = cx.t("År", "Year");
    let (budget, spent) = (cx.t("Budget", "Budget"), cx.t("Använt", "Spent"));
    for (currency, rows) in currencies {
        let mut table = Table::new(columns(cx, year_title.clone(), &currency));
        let mut values = Vec::new();
        for row in &rows {
            let year = match row.first() {
                Some(Cell::Int(y)) => y.to_string(),
                _ => cx.t("utan datum", "no date"),
            };
            for (figure, i) in [(&budget, BUDGET), (&spent, SPENT)] {
                if let Some(v) = decimal(row, i).and_then(|d| d.to_f64()) {
                    values.push(vec![serde_json::json!(year), serde_json::json!(figure), serde_json::json!(v)]);
                }
            }
            let [b, sp, share] = figures(cx, row);
            table.push_row([year, b, sp, share]);
        }
        let title = format!("{} ({currency})", cx.t("Budget och använt per år", "Budget and spent by year"));
        let x = ("year", year_title.clone());
        let color = Some(("figure", cx.t("Belopp", "Figure")));
        match cx.bar_chart(title, x, color, ("amount", currency), true, &values, table.clone()) {
            Some(chart) => s.push(chart),
            None => s.push(Block::Table(table)),
        }
    }
    s.push(rules(cx));
    s.push(cx.info(
        "En budgetrad räknas till året då dess period börjar, en transaktion till sitt datums år.",
        "A budget line counts in the year its period starts, a transaction in its date's year.",
    ));
}

/// Section 5, "Planned and spent money": per currency, a table per focus area and one
/// per project; the projects with no budget and no transaction counted apart.
pub(crate) fn planned_and_spent(cx: &Cx<'_>, s: &mut Section) {
    s.push(cx.heading("Planerade och använda pengar", "Planned and spent money"));
    let (areas, _) = per_currency(GroupBy::FocusArea, cx);
    let (projects, without) = per_currency(GroupBy::Project, cx);
    if projects.is_empty() {
        s.push(cx.no_data("Inga budgetar eller transaktioner registrerade.", "No budgets or transactions recorded."));
        return;
    }
    let p = cx.portfolio;
    let area_name = |id: &str| {
        p.program.focus_areas.iter().find(|a| a.id == id).map_or_else(|| id.to_owned(), |a| cx.text_or_id(&a.name, id))
    };
    let views = [(cx.t("Fokusområde", "Focus area"), areas, true), (cx.t("Projekt", "Project"), projects, false)];
    for (first, currencies, by_area) in views {
        for (currency, rows) in currencies {
            let mut table = Table::new(columns(cx, first.clone(), &currency));
            for row in &rows {
                let group = match row.first() {
                    Some(Cell::String(key)) if by_area => area_name(key),
                    Some(Cell::String(key)) => key.clone(),
                    _ => cx.not_stated(),
                };
                let [b, sp, share] = figures(cx, row);
                table.push_row([group, b, sp, share]);
            }
            s.push(Block::Table(table));
        }
    }
    if without > 0 {
        s.push(Block::Paragraph {
            text: match cx.lang() {
                "sv" => format!(
                    "{without} av {} projekt har ingen budget och ingen transaktion registrerad; de räknas inte som 0.",
                    p.projects.len()
                ),
                _ => format!(
                    "{without} of {} projects record no budget and no transaction; they are not counted as 0.",
                    p.projects.len()
                ),
            },
        });
    }
    s.push(rules(cx));
}
