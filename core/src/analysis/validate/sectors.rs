//! Sectors: `sector-percentage-sum`.
//!
//! IATI ruleset 2.1.2 (the IATI Standard's rule for `iati-activity/sector`): within one
//! vocabulary, the percentages of an activity's sectors add up to 100. A sector list
//! whose percentages give 120 % (or 80 %) splits the activity into shares that cannot
//! all be true, so any figure computed from those shares cannot be trusted.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::Ctx;
use crate::model::Sector;

/// Checks every project's sectors, vocabulary by vocabulary.
pub(super) fn check(cx: &mut Ctx<'_>) {
    for (i, project) in cx.p.projects.iter().enumerate() {
        sectors(cx, &project.id, &project.sectors, &format!("/projects/{i}/sectors"));
    }
}

/// The vocabulary IATI means when `@vocabulary` is left out: `1` (DAC 5-digit).
const DEFAULT_VOCABULARY: &str = "1";

fn sectors(cx: &mut Ctx<'_>, id: &str, sectors: &[Sector], ptr: &str) {
    if sectors.is_empty() {
        return;
    }
    // Vocabulary → indices of its sectors, in document order.
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (k, s) in sectors.iter().enumerate() {
        groups.entry(s.vocabulary.as_deref().unwrap_or(DEFAULT_VOCABULARY)).or_default().push(k);
    }
    for (vocabulary, members) in groups {
        let given: Vec<Decimal> = members.iter().filter_map(|&k| sectors[k].percentage).collect();
        if given.is_empty() {
            // No shares stated: nothing to add up (a single sector is the whole activity).
            continue;
        }
        let missing = members.len() - given.len();
        let Some(sum) = given.iter().try_fold(Decimal::ZERO, |acc, p| acc.checked_add(*p)) else {
            let msg = format!("project {id:?} has sector percentages in vocabulary {vocabulary} that add up beyond the largest exact number; expected them to add up to 100 (IATI ruleset 2.1.2)");
            cx.warning("sector-percentage-sum", format!("{ptr}/{}", members[0]), msg);
            continue;
        };
        if sum == Decimal::ONE_HUNDRED && missing == 0 {
            continue;
        }
        let codes: Vec<String> = members
            .iter()
            .map(|&k| match sectors[k].percentage {
                Some(p) => format!("{} {} %", sectors[k].code, p.normalize()),
                None => format!("{} (no percentage)", sectors[k].code),
            })
            .collect();
        let msg = format!(
            "project {id:?} has sectors in vocabulary {vocabulary} whose percentages add up to {} % ({}); expected every sector of a vocabulary to have a percentage and the percentages to add up to 100 (IATI ruleset 2.1.2)",
            sum.normalize(),
            codes.join(", ")
        );
        cx.warning("sector-percentage-sum", format!("{ptr}/{}", members[0]), msg);
    }
}
