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

    // What the data holds comes first; what it does not hold is named once, on one line
    // (an IATI file has none of these parts, and seven empty boxes hid its results).
    let mut missing: Vec<String> = Vec::new();
    // (heading, name in the "not in this file" line) per part, in Swedish and English.
    let mut part = |s: &mut Section, (sv, en, sv_name, en_name): (&str, &str, &str, &str), blocks: Vec<Block>| {
        if blocks.is_empty() {
            missing.push(cx.t(sv_name, en_name));
        } else {
            s.push(cx.heading(sv, en));
            for b in blocks {
                s.push(b);
            }
        }
    };
    let purpose = cx.text(&program.purpose);
    let purpose = if purpose.is_empty() { vec![] } else { vec![Block::Paragraph { text: purpose }] };
    part(&mut s, ("Syfte", "Purpose", "syfte", "purpose"), purpose);

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
    part(&mut s, ("Målgrupper", "Target groups", "målgrupper", "target groups"), list(groups));

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
    part(&mut s, ("Fokusområden", "Focus areas", "fokusområden", "focus areas"), list(areas));

    let rationale = program.rationale.iter().map(|t| cx.text(t)).filter(|t| !t.is_empty()).collect();
    part(&mut s, ("Varför? (motiv)", "Why? (rationale)", "motiv", "rationale"), list(rationale));

    let basis = program
        .legal_basis
        .iter()
        .map(|basis| {
            let source = join([basis.reference.trim().to_owned(), cx.text(&basis.title)]);
            let quote = cx.text(&basis.quote);
            if quote.is_empty() {
                Block::Paragraph { text: source }
            } else {
                Block::Quote { text: quote, source: Some(source) }
            }
        })
        .collect();
    part(&mut s, ("Rättslig grund", "Legal basis", "rättslig grund", "legal basis"), basis);

    let means = program.means.iter().map(|t| cx.text(t)).filter(|t| !t.is_empty()).collect();
    part(&mut s, ("Hur? (medel)", "How? (means)", "medel", "means"), list(means));

    let kinds = program.activity_kinds.iter().map(|k| k.label(cx.lang()).to_owned()).collect();
    part(
        &mut s,
        ("Typer av aktiviteter", "Kinds of activity", "typer av aktiviteter", "kinds of activity"),
        list(kinds),
    );
    if !missing.is_empty() {
        let text = format!("{}: {}.", cx.t("Finns inte i filen", "Not in this file"), missing.join(", "));
        s.push(Block::Notice { kind: crate::learning_report::model::NoticeKind::NoData, text });
    }
    s
}

fn list(items: Vec<String>) -> Vec<Block> {
    if items.is_empty() {
        vec![]
    } else {
        vec![Block::List { ordered: false, items }]
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

/// `1,200.50 SEK` (sv: `1 200,50 SEK`), or `SEK: too large …` for a total past the limit ([`amount_text`]).
pub(crate) fn money_text(cx: &Cx<'_>, amount: Option<Decimal>, currency: &str) -> String {
    match amount {
        Some(a) => format!("{} {currency}", crate::learning_report::numbers::amount(a, cx.lang())),
        None => format!("{currency}: {}", amount_text(cx, None)),
    }
}

/// A total as the report writes it; `None` (past [`crate::model::AMOUNT_LIMIT`]) is said
/// in words, never shown as a saturated number.
pub(crate) fn amount_text(cx: &Cx<'_>, amount: Option<Decimal>) -> String {
    match amount {
        Some(a) => crate::learning_report::numbers::amount(a, cx.lang()),
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
            .any(|b| matches!(b, Block::KeyValues { pairs } if pairs.iter().any(|p| p.value == "1,000,000 SEK"))));
    }
}
