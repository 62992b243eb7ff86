//! Section 1, the program: purpose, target groups, focus areas, rationale, legal basis,
//! means and the kinds of activity it works through.

use rust_decimal::Decimal;

use super::{join, Cx};
use crate::learning_report::model::{Block, KeyValue, Section};
use crate::model::{effective_budgets, Budget};

/// Builds section 1.
pub(crate) fn section(cx: &Cx<'_>) -> Section {
    let program = &cx.portfolio.program;
    let mut s = cx.section("program", 1, "Programmet", "The program");

    // The subtitle is shown once, under the report's title (`LearningReport::subtitle`).
    let mut pairs = vec![KeyValue::new(cx.t("Program", "Program"), cx.text_or_id(&program.title, &program.id))];
    if let Some(org) = &program.managed_by {
        let name = cx.portfolio.organisation(org).map_or_else(|| org.clone(), |o| cx.text_or_id(&o.name, &o.id));
        pairs.push(KeyValue::new(cx.t("Ansvarig", "Managed by"), name));
    }
    let period = if program.period.is_unknown() { cx.t("okänd", "unknown") } else { program.period.to_string() };
    pairs.push(KeyValue::new(cx.t("Period", "Period"), period));
    pairs.push(KeyValue::new(cx.t("Budget", "Budget"), budget_text(cx, &program.budgets)));
    s.push(Block::KeyValues { pairs });

    s.push(cx.heading("Syfte", "Purpose"));
    let purpose = cx.text(&program.purpose);
    s.push(if purpose.is_empty() {
        cx.no_data("Inget syfte angivet.", "No purpose recorded.")
    } else {
        Block::Paragraph { text: purpose }
    });

    s.push(cx.heading("Målgrupper", "Target groups"));
    let groups: Vec<String> = program
        .target_groups
        .iter()
        .map(|g| {
            let name = cx.text_or_id(&g.name, &g.id);
            match g.level {
                Some(level) => format!("{name} ({})", cx.level(level)),
                None => name,
            }
        })
        .collect();
    s.push(list_or(cx, groups, ("Inga målgrupper angivna.", "No target groups recorded.")));

    s.push(cx.heading("Fokusområden", "Focus areas"));
    let areas: Vec<String> = program
        .focus_areas
        .iter()
        .map(|a| {
            let desc = cx.text(&a.description);
            let name = cx.text_or_id(&a.name, &a.id);
            if desc.is_empty() {
                name
            } else {
                format!("{name}: {desc}")
            }
        })
        .collect();
    s.push(list_or(cx, areas, ("Inga fokusområden angivna.", "No focus areas recorded.")));

    s.push(cx.heading("Varför?", "Why? (rationale)"));
    let rationale = program.rationale.iter().map(|t| cx.text(t)).filter(|t| !t.is_empty()).collect();
    s.push(list_or(cx, rationale, ("Ingen motivering angiven.", "No rationale recorded.")));

    s.push(cx.heading("Rättslig grund", "Legal basis"));
    if program.legal_basis.is_empty() {
        s.push(cx.no_data("Ingen rättslig grund angiven.", "No legal basis recorded."));
    }
    for basis in &program.legal_basis {
        let title = cx.text(&basis.title);
        let source = join([basis.reference.trim().to_owned(), title]);
        let quote = cx.text(&basis.quote);
        if quote.is_empty() {
            s.push(Block::Paragraph { text: source });
        } else {
            s.push(Block::Quote { text: quote, source: Some(source) });
        }
    }

    s.push(cx.heading("Hur?", "How? (means)"));
    let means = program.means.iter().map(|t| cx.text(t)).filter(|t| !t.is_empty()).collect();
    s.push(list_or(cx, means, ("Inga medel angivna.", "No means recorded.")));

    s.push(cx.heading("Typer av aktiviteter", "Kinds of activity"));
    let kinds = program.activity_kinds.iter().map(|k| k.label(cx.lang()).to_owned()).collect();
    s.push(list_or(cx, kinds, ("Inga aktivitetstyper angivna.", "No kinds of activity recorded.")));
    s
}

fn list_or(cx: &Cx<'_>, items: Vec<String>, empty: (&str, &str)) -> Block {
    if items.is_empty() {
        cx.no_data(empty.0, empty.1)
    } else {
        Block::List { ordered: false, items }
    }
}

/// Effective budget lines summed per currency: "1000000 SEK; 20 EUR", or "not recorded".
pub(crate) fn budget_text(cx: &Cx<'_>, budgets: &[Budget]) -> String {
    let totals = budget_totals(budgets);
    if totals.is_empty() {
        return cx.t("ej angiven", "not recorded");
    }
    join(totals.into_iter().map(|(currency, (amount, _))| money_text(cx, amount, &currency)))
}

/// `1200.50 SEK`, or `SEK: too large …` for a total past the limit ([`amount_text`]).
pub(crate) fn money_text(cx: &Cx<'_>, amount: Option<Decimal>, currency: &str) -> String {
    match amount {
        Some(a) => format!("{a} {currency}"),
        None => format!("{currency}: {}", amount_text(cx, None)),
    }
}

/// A total as the report writes it; `None` (past [`crate::model::AMOUNT_LIMIT`]) is said
/// in words, never shown as a saturated number.
pub(crate) fn amount_text(cx: &Cx<'_>, amount: Option<Decimal>) -> String {
    match amount {
        Some(a) => a.to_string(),
        None => {
            cx.t("för stort för en exakt summa (över 7,9 × 10^28)", "too large to total exactly (over 7.9 × 10^28)")
        }
    }
}

/// The effective budget lines (a revision replaces the original for the same period)
/// summed per currency: currency → (total, number of lines); the total is `None` past
/// [`crate::model::AMOUNT_LIMIT`] (`kartan validate`: `budget-overflow`).
pub(crate) fn budget_totals(budgets: &[Budget]) -> std::collections::BTreeMap<String, (Option<Decimal>, usize)> {
    let mut totals = std::collections::BTreeMap::new();
    for b in effective_budgets(budgets) {
        let entry = totals.entry(b.value.currency.clone()).or_insert((Some(Decimal::ZERO), 0));
        entry.0 = crate::model::add_amount(entry.0, b.value.amount);
        entry.1 += 1;
    }
    totals
}

#[cfg(test)]
mod tests {
    use crate::learning_report::build::{build, ReportOptions};
    use crate::learning_report::model::Block;
    use crate::learning_report::testdata;

    #[test]
    fn program_section_has_the_quote_and_lists() {
        let r = build(&testdata::portfolio(), &ReportOptions::new("en", testdata::as_of()));
        let s = &r.sections[0];
        assert!(s.blocks.iter().any(|b| matches!(b, Block::Quote { text, source: Some(src) }
            if text.starts_with("The agency shall promote") && src == "Förordning (2009:145); Instruction for the agency")));
        assert!(s.blocks.iter().any(|b| matches!(b, Block::List { items, .. } if items == &["Local business development", "Regional growth processes"])));
        assert!(s
            .blocks
            .iter()
            .any(|b| matches!(b, Block::KeyValues { pairs } if pairs.iter().any(|p| p.value == "1000000 SEK"))));
    }
}
