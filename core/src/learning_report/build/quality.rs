//! Section 9, data quality: what reading the input reported, then the diagnostics from
//! `crate::analysis::validate`.

use super::Cx;
use crate::learning_report::model::{Block, KeyValue, Section};
use crate::model::Severity;

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
        s.push(Block::Diagnostics { items: read.clone() });
        s.push(Block::Heading { text: cx.t("Validering", "Validation") });
    }
    if diagnostics.is_empty() {
        s.push(cx.info("Valideringen fann inga problem.", "Validation found no problems."));
    } else {
        s.push(Block::Diagnostics { items: diagnostics });
    }
    s
}
