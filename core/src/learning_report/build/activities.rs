//! Section 3, what was done: activities by kind and state and over time, plans against
//! activities recorded, participation by level, and outputs.

use std::collections::{BTreeMap, HashMap};

use super::{count_by, none_last, Cx};
use crate::learning_report::model::{Block, KeyValue, Section, Table};
use crate::model::{Activity, ActivityKind, ActivityState, Level};

/// Builds section 3.
pub(crate) fn section(cx: &Cx<'_>) -> Section {
    let activities = &cx.portfolio.activities;
    let mut s = cx.section("activities", 3, "Vad som gjordes", "What was done");
    if activities.is_empty() {
        s.push(cx.no_data("Inga aktiviteter registrerade ännu.", "No activities recorded yet."));
    } else {
        summary(cx, &mut s);
        over_time(cx, &mut s);
    }
    plans(cx, &mut s);
    if !activities.is_empty() {
        participation(cx, &mut s);
        outputs(cx, &mut s);
    }
    s
}

fn state_label(cx: &Cx<'_>, state: Option<ActivityState>) -> String {
    match state {
        Some(ActivityState::Planned) => cx.t("Planerad", "Planned"),
        Some(ActivityState::Held) => cx.t("Genomförd", "Held"),
        Some(ActivityState::Cancelled) => cx.t("Inställd", "Cancelled"),
        None => cx.t("Okänt", "Unknown"),
    }
}

const STATES: [Option<ActivityState>; 4] =
    [Some(ActivityState::Planned), Some(ActivityState::Held), Some(ActivityState::Cancelled), None];

fn state_index(state: Option<ActivityState>) -> usize {
    STATES.iter().position(|s| *s == state).unwrap_or(STATES.len() - 1)
}

fn summary(cx: &Cx<'_>, s: &mut Section) {
    let activities = &cx.portfolio.activities;
    let mut pairs =
        vec![KeyValue::new(cx.t("Aktiviteter registrerade", "Activities recorded"), activities.len().to_string())];
    let by_state = count_by(activities.iter().map(|a| state_index(a.state)));
    for (i, state) in STATES.iter().enumerate() {
        pairs.push(KeyValue::new(state_label(cx, *state), by_state.get(&i).copied().unwrap_or(0).to_string()));
    }
    s.push(Block::KeyValues { pairs });

    s.push(cx.heading("Efter typ och läge", "By kind and state"));
    let mut table = Table::new(
        [cx.t("Typ", "Kind")]
            .into_iter()
            .chain(STATES.iter().map(|st| state_label(cx, *st)))
            .chain([cx.t("Totalt", "Total")]),
    );
    let mut by_kind: BTreeMap<ActivityKind, [usize; 4]> = BTreeMap::new();
    for a in activities {
        by_kind.entry(a.kind).or_default()[state_index(a.state)] += 1;
    }
    for (kind, counts) in &by_kind {
        let total: usize = counts.iter().sum();
        table.push_row(
            [kind.label(cx.lang()).to_owned()]
                .into_iter()
                .chain(counts.iter().map(ToString::to_string))
                .chain([total.to_string()]),
        );
    }
    s.push(Block::Table(table));
}

/// The year an activity happened (held) or is planned for.
fn year(a: &Activity) -> Option<i32> {
    a.held.start.or(a.planned.start).and_then(|d| d.year())
}

fn over_time(cx: &Cx<'_>, s: &mut Section) {
    s.push(cx.heading("Över tid", "Over time"));
    let by_year_kind = count_by(cx.portfolio.activities.iter().filter_map(|a| Some((year(a)?, a.kind))));
    let undated = cx.portfolio.activities.iter().filter(|a| year(a).is_none()).count();
    if by_year_kind.is_empty() {
        s.push(cx.no_data("Ingen aktivitet har ett år angivet.", "No activity has a year recorded."));
        return;
    }
    let (year_title, kind_title) = (cx.t("År", "Year"), cx.t("Typ", "Kind"));
    let mut table = Table::new([year_title.clone(), kind_title.clone(), cx.t("Antal", "Count")]);
    let mut rows = Vec::new();
    for ((year, kind), n) in &by_year_kind {
        let label = kind.label(cx.lang());
        table.push_row([year.to_string(), label.to_owned(), n.to_string()]);
        rows.push(vec![serde_json::json!(year.to_string()), serde_json::json!(label), serde_json::json!(n)]);
    }
    let title = cx.t("Aktiviteter per år och typ", "Activities by year and kind");
    match cx.bar_chart(title, ("year", year_title), Some(("kind", kind_title)), &rows, table.clone()) {
        Some(chart) => s.push(chart),
        None => s.push(Block::Table(table)),
    }
    if undated > 0 {
        s.push(Block::Paragraph {
            text: match cx.lang() {
                "sv" => format!("{undated} aktiviteter saknar datum och räknas inte ovan."),
                _ => format!("{undated} activities have no date and are not counted above."),
            },
        });
    }
}

fn plans(cx: &Cx<'_>, s: &mut Section) {
    let plans = &cx.portfolio.program.plans;
    s.push(cx.heading("Planerat och registrerat", "Planned and recorded"));
    if plans.is_empty() {
        s.push(cx.no_data("Inga planerade aktiviteter registrerade.", "No planned activities recorded."));
        return;
    }
    let counts = plan_counts(cx);
    let mut table = Table::new([
        cx.t("Plan", "Plan"),
        cx.t("Typ", "Kind"),
        cx.t("Planerat antal", "Planned"),
        cx.t("Registrerade", "Recorded"),
        cx.t("Genomförda", "Held"),
        cx.t("Anmärkning", "Note"),
    ]);
    for plan in plans {
        let (recorded, held) = counts.get(plan.id.as_str()).copied().unwrap_or((0, 0));
        let planned = plan.count.map_or_else(|| cx.t("inget antal", "no number"), |n| n.to_string());
        table.push_row([
            cx.text_or_id(&plan.title, &plan.id),
            plan.kind.label(cx.lang()).to_owned(),
            planned,
            recorded.to_string(),
            held.to_string(),
            cx.text(&plan.note),
        ]);
    }
    s.push(Block::Table(table));
    s.push(cx.info(
        "Registrerade = aktiviteter som anger planen; genomförda = de av dem som hållits senast rapportdagen.",
        "Recorded = activities that name the plan; held = those of them that took place by the report date.",
    ));
}

/// Plan id → (activities that name it, of which held by the report date, the rule of
/// [`crate::analysis::activities::held_by`]).
pub(crate) fn plan_counts<'a>(cx: &Cx<'a>) -> HashMap<&'a str, (usize, usize)> {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for a in &cx.portfolio.activities {
        if let Some(plan) = &a.plan {
            let e = counts.entry(plan.as_str()).or_default();
            e.0 += 1;
            if crate::analysis::activities::held_by(a, cx.options.as_of) {
                e.1 += 1;
            }
        }
    }
    counts
}

fn participation(cx: &Cx<'_>, s: &mut Section) {
    s.push(cx.heading("Deltagande per nivå", "Participation by level"));
    // Level (None = not stated) → (activities, participants counted, groups without a count).
    let mut by_level: BTreeMap<Option<Level>, (usize, u64, usize)> = BTreeMap::new();
    for a in &cx.portfolio.activities {
        let mut seen: Vec<Option<Level>> = Vec::new();
        for p in &a.participants {
            let e = by_level.entry(p.level).or_default();
            if !seen.contains(&p.level) {
                seen.push(p.level);
                e.0 += 1;
            }
            match p.count {
                Some(n) => e.1 += u64::from(n),
                None => e.2 += 1,
            }
        }
    }
    if by_level.is_empty() {
        s.push(cx.no_data("Inget deltagande registrerat ännu.", "No participation recorded yet."));
        return;
    }
    let mut table = Table::new([
        cx.t("Nivå", "Level"),
        cx.t("Aktiviteter", "Activities"),
        cx.t("Deltagare", "Participants"),
        cx.t("Grupper utan antal", "Groups without a count"),
    ]);
    for (level, (acts, people, uncounted)) in none_last(by_level) {
        let level = level.map_or_else(|| cx.not_stated(), |l| cx.level(l));
        // A sum is shown only when some group has a count: "0" would claim nobody came.
        let people = if people == 0 && uncounted > 0 { cx.t("okänt", "unknown") } else { people.to_string() };
        table.push_row([level, acts.to_string(), people, uncounted.to_string()]);
    }
    s.push(Block::Table(table));
}

fn outputs(cx: &Cx<'_>, s: &mut Section) {
    s.push(cx.heading("Resultat i form av publikationer", "Outputs"));
    let mut table =
        Table::new([cx.t("Titel", "Title"), cx.t("Typ", "Kind"), cx.t("Datum", "Date"), cx.t("Aktivitet", "Activity")]);
    for a in &cx.portfolio.activities {
        for o in &a.outputs {
            let kind = o.kind.unwrap_or(a.kind).label(cx.lang()).to_owned();
            let date = o.date.map_or_else(String::new, |d| d.to_string());
            table.push_row([cx.text_or_id(&o.title, &a.id), kind, date, cx.text_or_id(&a.title, &a.id)]);
        }
    }
    if table.is_empty() {
        s.push(cx.no_data("Inga publikationer eller andra resultat registrerade ännu.", "No outputs recorded yet."));
    } else {
        s.push(Block::Table(table));
    }
}

#[cfg(test)]
mod tests {
    use crate::learning_report::build::{build, ReportOptions};
    use crate::learning_report::model::Block;
    use crate::learning_report::testdata;

    #[test]
    fn plans_against_activities_and_outputs() {
        let r = build(&testdata::portfolio(), &ReportOptions::new("en", testdata::as_of()));
        let s = &r.sections[2];
        let tables: Vec<_> = s
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                Block::Chart { fallback, .. } => Some(fallback),
                _ => None,
            })
            .collect();
        let plan = tables.iter().find(|t| t.columns[0] == "Plan").unwrap();
        assert_eq!(plan.rows, vec![vec!["14 project-leader meetings", "Project-leader meeting", "14", "2", "1", ""]]);
        let outputs = tables.iter().find(|t| t.columns[0] == "Title").unwrap();
        assert_eq!(outputs.rows[0][0], "Bank mäklare ingenjör");
        let participation = tables.iter().find(|t| t.columns[2] == "Participants").unwrap();
        assert_eq!(participation.rows, vec![vec!["Local level", "1", "25", "0"]]);
        let Some(Block::Chart { spec, .. }) = s.blocks.iter().find(|b| matches!(b, Block::Chart { .. })) else {
            panic!()
        };
        assert_eq!(
            spec["data"]["values"][0],
            serde_json::json!({"year": "2010", "kind": "Project-leader meeting", "count": 1})
        );
    }
}
