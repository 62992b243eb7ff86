//! Section 6, evaluations: per evaluation the events it covers and the responses; per
//! question n, mean and distribution; and per event the responses and means, so a
//! series (e.g. the project-leader meetings) can be compared over time.
//!
//! DESIGN.md rule 9: "not applicable" and blank answers are missing, never 0; n is
//! reported with every mean; reverse-coded questions are marked, not re-scored here.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use super::{join, Cx};
use crate::model::{Answer, Evaluation, Question, Response, Scale};
use crate::report::model::{Block, KeyValue, Section, Table};

/// Builds section 6.
pub(crate) fn section(cx: &Cx<'_>) -> Section {
    let mut s = cx.section("evaluations", 6, "Utvärderingar", "Evaluations");
    if cx.portfolio.evaluations.is_empty() {
        s.push(cx.no_data("Inga utvärderingar registrerade ännu.", "No evaluations recorded yet."));
        return s;
    }
    for evaluation in &cx.portfolio.evaluations {
        evaluation_blocks(cx, evaluation, &mut s);
    }
    s
}

fn evaluation_blocks(cx: &Cx<'_>, ev: &Evaluation, s: &mut Section) {
    s.push(Block::Heading { text: cx.text_or_id(&ev.title, &ev.id) });
    let mut pairs = Vec::new();
    let titles = join(ev.events.iter().map(|id| event_title(cx, id)));
    let events = if titles.is_empty() { ev.events.len().to_string() } else { format!("{}: {titles}", ev.events.len()) };
    pairs.push(KeyValue::new(cx.t("Tillfällen registrerade", "Events recorded"), events));
    if let Some(plan) = &ev.plan {
        let title = cx
            .portfolio
            .program
            .plans
            .iter()
            .find(|p| &p.id == plan)
            .map_or_else(|| plan.clone(), |p| cx.text_or_id(&p.title, &p.id));
        pairs.push(KeyValue::new(cx.t("Plan", "Plan"), title));
    }
    pairs.push(KeyValue::new(cx.t("Frågor", "Questions"), ev.instrument.questions.len().to_string()));
    pairs.push(KeyValue::new(cx.t("Svar", "Responses"), ev.responses.len().to_string()));
    s.push(Block::KeyValues { pairs });
    if ev.responses.is_empty() {
        s.push(cx.no_data("Inga utvärderingssvar registrerade ännu.", "No evaluation responses recorded yet."));
        return;
    }
    if ev.instrument.questions.is_empty() {
        s.push(cx.no_data(
            "Frågorna är inte registrerade, så svaren kan inte sammanställas.",
            "The questions are not recorded, so the responses cannot be summarised.",
        ));
        return;
    }
    questions_table(cx, ev, s);
    events_table(cx, ev, s);
}

fn event_title(cx: &Cx<'_>, id: &str) -> String {
    cx.portfolio.activity(id).map_or_else(|| id.to_owned(), |a| cx.text_or_id(&a.title, &a.id))
}

/// n, mean (None without scores) and count per score of one question's answers.
#[derive(Debug, Default)]
struct Stats {
    n: usize,
    not_applicable: usize,
    sum: Decimal,
    scores: BTreeMap<Decimal, usize>,
}

impl Stats {
    fn of<'r>(question: &Question, responses: impl Iterator<Item = &'r Response>) -> Self {
        let mut st = Stats::default();
        for r in responses {
            match r.answers.get(&question.id) {
                Some(Answer::Score(score)) => {
                    st.n += 1;
                    st.sum = st.sum.checked_add(*score).unwrap_or(st.sum);
                    *st.scores.entry(score.normalize()).or_insert(0) += 1;
                }
                Some(Answer::Text(t)) if !t.trim().is_empty() => st.n += 1,
                Some(Answer::NotApplicable) => st.not_applicable += 1,
                Some(Answer::Text(_)) | None => {}
            }
        }
        st
    }

    /// The mean of the scores, to two decimals; `None` when there are none.
    fn mean(&self) -> Option<Decimal> {
        let count: usize = self.scores.values().sum();
        let count = Decimal::from(u64::try_from(count).ok()?);
        (!count.is_zero()).then(|| self.sum.checked_div(count)).flatten().map(|m| m.round_dp(2).normalize())
    }
}

fn questions_table(cx: &Cx<'_>, ev: &Evaluation, s: &mut Section) {
    let mut table = Table::new([
        cx.t("Fråga", "Question"),
        "n".to_owned(),
        cx.t("Medelvärde", "Mean"),
        cx.t("Fördelning", "Distribution"),
        cx.t("Ej tillämpligt", "Not applicable"),
        cx.t("Anmärkning", "Note"),
    ]);
    let (q_title, score_title) = (cx.t("Fråga", "Question"), cx.t("Poäng", "Score"));
    let mut chart_rows = Vec::new();
    let mut chart_table = Table::new([q_title.clone(), score_title.clone(), cx.t("Antal", "Count")]);
    for q in &ev.instrument.questions {
        let st = Stats::of(q, ev.responses.iter());
        let mut counts: BTreeMap<Decimal, usize> = match &q.scale {
            Scale::Points { points } => points.iter().map(|p| (p.score.normalize(), 0)).collect(),
            _ => BTreeMap::new(),
        };
        for (score, n) in &st.scores {
            *counts.entry(*score).or_insert(0) += n;
        }
        let distribution = join(counts.iter().map(|(score, n)| format!("{score}: {n}")));
        for (score, n) in &counts {
            chart_rows.push(vec![serde_json::json!(q.id), serde_json::json!(score.to_string()), serde_json::json!(n)]);
            chart_table.push_row([q.id.clone(), score.to_string(), n.to_string()]);
        }
        let mean = st.mean().map_or_else(String::new, |m| m.to_string());
        let note = match (&q.scale, q.reverse_coded) {
            (Scale::FreeText, _) => cx.t("fritext", "free text"),
            (_, true) => cx.t("omvänd skala", "reverse-coded"),
            _ => String::new(),
        };
        let text = format!("{} {}", q.id, cx.text(&q.text)).trim().to_owned();
        table.push_row([text, st.n.to_string(), mean, distribution, st.not_applicable.to_string(), note]);
    }
    s.push(Block::Table(table));
    let title = format!("{}: {}", cx.t("Svarsfördelning", "Distribution of answers"), cx.text_or_id(&ev.title, &ev.id));
    if let Some(chart) =
        cx.bar_chart(title, ("question", q_title), Some(("score", score_title)), &chart_rows, chart_table)
    {
        s.push(chart);
    }
}

fn events_table(cx: &Cx<'_>, ev: &Evaluation, s: &mut Section) {
    let scored: Vec<&Question> =
        ev.instrument.questions.iter().filter(|q| !matches!(q.scale, Scale::FreeText)).collect();
    let mut by_event: BTreeMap<Option<&str>, Vec<&Response>> = BTreeMap::new();
    for r in &ev.responses {
        by_event.entry(r.event.as_deref()).or_default().push(r);
    }
    // Order events by their date when known (a series over time), then by id.
    let dates: HashMap<&str, String> = by_event
        .keys()
        .flatten()
        .filter_map(|id| {
            Some((*id, cx.portfolio.activity(id)?.held.start.or(cx.portfolio.activity(id)?.planned.start)?.to_string()))
        })
        .collect();
    let mut events: Vec<(Option<&str>, Vec<&Response>)> = by_event.into_iter().collect();
    events.sort_by(|(a, _), (b, _)| (a.and_then(|a| dates.get(a)), a).cmp(&(b.and_then(|b| dates.get(b)), b)));
    s.push(cx.heading("Per tillfälle", "By event"));
    let columns = [cx.t("Tillfälle", "Event"), cx.t("Datum", "Date"), cx.t("Svar", "Responses")]
        .into_iter()
        .chain(scored.iter().map(|q| format!("{} {}", q.id, cx.t("medel (n)", "mean (n)"))));
    let mut table = Table::new(columns);
    for (event, responses) in events {
        let name = event.map_or_else(|| cx.t("tillfälle ej angivet", "event not stated"), |id| event_title(cx, id));
        let date = event.and_then(|id| dates.get(id)).cloned().unwrap_or_default();
        let means = scored.iter().map(|q| {
            let st = Stats::of(q, responses.iter().copied());
            st.mean().map_or_else(|| format!("– ({})", st.n), |m| format!("{m} ({})", st.n))
        });
        table.push_row([name, date, responses.len().to_string()].into_iter().chain(means));
    }
    s.push(Block::Table(table));
}

#[cfg(test)]
mod tests {
    use crate::report::build::{build, ReportOptions};
    use crate::report::model::Block;
    use crate::report::testdata;

    #[test]
    fn n_mean_and_distribution_skip_not_applicable() {
        let r = build(&testdata::portfolio(), &ReportOptions::new("en", testdata::as_of()));
        let s = &r.sections[5];
        let Block::Table(q) = &s.blocks[2] else { panic!("{:?}", s.blocks[2]) };
        assert_eq!(
            q.rows,
            vec![vec!["Q1 How satisfied are you?", "2", "4.5", "1: 0; 2: 0; 3: 0; 4: 1; 5: 1", "1", ""]]
        );
        let by_event = s
            .blocks
            .iter()
            .rev()
            .find_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .unwrap();
        assert_eq!(by_event.rows, vec![vec!["Activity ACT-1", "2010-03-10", "3", "4.5 (2)"]]);
    }

    #[test]
    fn no_responses_is_a_notice() {
        let mut p = testdata::portfolio();
        p.evaluations[0].responses.clear();
        let r = build(&p, &ReportOptions::new("sv", testdata::as_of()));
        assert!(r.sections[5]
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Notice { text, .. } if text == "Inga utvärderingssvar registrerade ännu.")));
    }
}
