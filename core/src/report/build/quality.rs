//! Section 9, data quality: the diagnostics from `crate::analysis::validate`.

use super::Cx;
use crate::model::Severity;
use crate::report::model::{Block, KeyValue, Section};

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
    if diagnostics.is_empty() {
        s.push(cx.info("Valideringen fann inga problem.", "Validation found no problems."));
    } else {
        s.push(Block::Diagnostics { items: diagnostics });
    }
    s
}
