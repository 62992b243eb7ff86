//! Section 9, data quality: what reading the input reported, then the diagnostics from
//! `crate::analysis::validate`.

use super::Cx;
use crate::learning_report::model::{Block, KeyValue, Section, Table};
use crate::model::{Diagnostic, Severity};

/// Builds section 9.
pub(crate) fn section(cx: &Cx<'_>) -> Section {
    let mut s = cx.section("data_quality", 9, "Datakvalitet", "Data quality");
    let diagnostics = crate::analysis::validate(cx.portfolio, cx.options.as_of);
    let count = |sev| diagnostics.iter().filter(|d| d.severity == sev).count().to_string();
    s.push(Block::KeyValues {
        pairs: vec![
            KeyValue::new(cx.t("Fel", "Errors"), count(Severity::Error)),
            KeyValue::new(cx.t("Varningar", "Warnings"), count(Severity::Warning)),
            KeyValue::new(cx.t("Upplysningar", "Notes"), count(Severity::Info)),
        ],
    });
    let read = &cx.options.read_diagnostics;
    if !read.is_empty() {
        s.push(Block::Heading { text: cx.t("Inläsning av underlaget", "Reading the input") });
        let errors = read.iter().filter(|d| d.severity == Severity::Error).count();
        let mut text = if cx.sv {
            format!("Inläsningen rapporterade {} problem ({errors} fel).", read.len())
        } else {
            format!("Reading the input reported {} problems ({errors} errors).", read.len())
        };
        let table_errors =
            read.iter().filter(|d| d.severity == Severity::Error && d.code.starts_with("table-")).count();
        if errors > table_errors {
            text.push(' ');
            text.push_str(&cx.t(
                "En aktivitet med fel hoppades över och finns inte i rapporten.",
                "An activity with an error was skipped: it is not in this report.",
            ));
        }
        if table_errors > 0 {
            text.push(' ');
            text.push_str(&cx.t(
                "Värden i tabellen som inte kunde läsas hoppades över och saknas i rapportens siffror.",
                "Table values that could not be read were skipped: they are missing from this report's figures.",
            ));
        }
        s.push(Block::Paragraph { text });
        diagnostics_blocks(cx, read.clone(), &mut s);
        s.push(Block::Heading { text: cx.t("Validering", "Validation") });
    }
    if diagnostics.is_empty() {
        s.push(cx.info("Valideringen fann inga problem.", "Validation found no problems."));
    } else {
        diagnostics_blocks(cx, diagnostics, &mut s);
    }
    s
}

/// Up to this many diagnostics are listed one by one; past it, the report counts them per
/// code and lists the first [`EXAMPLES`] of each (a large IATI file has thousands).
const LIST_ALL: usize = 60;
/// Diagnostics listed per code when they are counted.
const EXAMPLES: usize = 3;

fn diagnostics_blocks(cx: &Cx<'_>, items: Vec<Diagnostic>, s: &mut Section) {
    if items.len() <= LIST_ALL {
        s.push(Block::Diagnostics { items });
        return;
    }
    let mut counts: Vec<(Severity, String, usize)> = Vec::new();
    let mut shown = Vec::new();
    for d in items.iter() {
        match counts.iter_mut().find(|(_, code, _)| *code == d.code) {
            Some(c) => c.2 += 1,
            None => counts.push((d.severity, d.code.clone(), 1)),
        }
        if counts.iter().find(|(_, code, _)| *code == d.code).is_some_and(|c| c.2 <= EXAMPLES) {
            shown.push(d.clone());
        }
    }
    crate::sort::sort_by(&mut counts, |a, b| b.0.cmp(&a.0).then(b.2.cmp(&a.2)).then(a.1.cmp(&b.1)));
    let mut table = Table::new([cx.t("Allvarlighet", "Severity"), cx.t("Kod", "Code"), cx.t("Antal", "Count")]);
    for (sev, code, n) in counts {
        table.push_row([sev.to_string(), code, n.to_string()]);
    }
    s.push(Block::Table(table));
    s.push(Block::Paragraph {
        text: match cx.lang() {
            "sv" => format!("De första {EXAMPLES} av varje slag, av {} (`kartan validate` listar alla):", items.len()),
            _ => format!("The first {EXAMPLES} of each kind, of {} (`kartan validate` lists them all):", items.len()),
        },
    });
    s.push(Block::Diagnostics { items: shown });
}
