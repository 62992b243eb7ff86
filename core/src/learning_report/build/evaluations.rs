//! Section 6, evaluations: per evaluation the events it covers and the responses; per
//! question n, missing, mean, median, standard deviation, top-two-box share and the
//! distribution (with a chart); and per event the means in date order, so a series (e.g.
//! the project-leader meetings) can be compared over time (with a trend chart).
//!
//! The figures come from [`crate::analysis::survey`] (DESIGN.md rule 9: "not
//! applicable" and blank answers are missing, never 0; reverse-coded questions are
//! reversed because they are declared; n is reported with every mean).

use rust_decimal::Decimal;

use super::{join, Cx};
use crate::analysis::survey::{self, EventStats, QuestionStats};
use crate::learning_report::model::{Block, KeyValue, Section, Table};
use crate::model::{Evaluation, Scale};

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
    let stats = survey::question_stats(ev);
    questions_table(cx, ev, &stats, s);
    events_table(cx, ev, s);
    s.push(cx.info(
        "n = giltiga svar; \"ej tillämpligt\" och tomma svar räknas som saknade, aldrig som 0. \
         Standardavvikelsen är stickprovets (n − 1). Topp två = andel av de giltiga svaren i skalans två bästa steg \
         (9–10 på en 0–10-skala). Omvända frågor poängsätts min + max − poäng.",
        "n = valid answers; \"not applicable\" and blank answers are missing, never 0. \
         The standard deviation is the sample standard deviation (n − 1). Top two = share of the valid answers in \
         the scale's two best points (9–10 on a 0–10 scale). Reverse-coded questions are scored min + max − score.",
    ));
}

fn event_title(cx: &Cx<'_>, id: &str) -> String {
    cx.portfolio.activity(id).map_or_else(|| id.to_owned(), |a| cx.text_or_id(&a.title, &a.id))
}

/// A decimal with two places ("4.50"), or empty.
fn two(d: Option<Decimal>) -> String {
    d.map_or_else(String::new, |d| format!("{:.2}", d.round_dp(2)))
}

/// A fraction as a percentage with one decimal ("88.8 %"), or empty.
fn percent(d: Option<Decimal>) -> String {
    d.map_or_else(String::new, |d| format!("{} %", (d * Decimal::ONE_HUNDRED).round_dp(1).normalize()))
}

fn questions_table(cx: &Cx<'_>, ev: &Evaluation, stats: &[QuestionStats], s: &mut Section) {
    let mut table = Table::new([
        cx.t("Fråga", "Question"),
        "n".to_owned(),
        cx.t("Saknas", "Missing"),
        cx.t("Medelvärde", "Mean"),
        cx.t("Median", "Median"),
        cx.t("Standardavvikelse", "Std. dev."),
        cx.t("Topp två", "Top two"),
        cx.t("Fördelning", "Distribution"),
        cx.t("Anmärkning", "Note"),
    ]);
    let mut fallback =
        Table::new([cx.t("Fråga", "Question"), cx.t("Svar", "Answer"), cx.t("Antal", "Count"), cx.t("Andel", "Share")]);
    for (q, st) in ev.instrument.questions.iter().zip(stats) {
        let distribution = join(st.distribution.iter().map(|a| format!("{}: {}", a.label, a.count)));
        for a in &st.distribution {
            fallback.push_row([q.id.clone(), a.label.clone(), a.count.to_string(), percent(a.share)]);
        }
        let mut notes = Vec::new();
        if matches!(q.scale, Scale::FreeText) {
            notes.push(cx.t("fritext", "free text"));
        }
        if q.reverse_coded {
            notes.push(cx.t("omvänd skala", "reverse-coded"));
        }
        if st.not_applicable > 0 {
            notes.push(match cx.lang() {
                "sv" => format!("{} ej tillämpligt", st.not_applicable),
                _ => format!("{} not applicable", st.not_applicable),
            });
        }
        let text = format!("{} {}", q.id, cx.text(&q.text)).trim().to_owned();
        table.push_row([
            text,
            st.n.to_string(),
            st.missing.to_string(),
            two(st.mean),
            two(st.median),
            two(st.sd),
            percent(st.top_two_box),
            distribution,
            join(notes),
        ]);
    }
    s.push(Block::Table(table));
    if cx.options.charts && !fallback.is_empty() {
        let title =
            format!("{}: {}", cx.t("Svarsfördelning", "Distribution of answers"), cx.text_or_id(&ev.title, &ev.id));
        let mut spec = survey::distribution_chart(stats, &cx.options.lang);
        spec["title"] = serde_json::json!(title);
        s.push(Block::Chart { title, spec, fallback });
    }
}

fn events_table(cx: &Cx<'_>, ev: &Evaluation, s: &mut Section) {
    let events: Vec<EventStats> = survey::by_event(ev, &cx.portfolio.activities);
    if events.is_empty() {
        return;
    }
    let scored: Vec<usize> = ev
        .instrument
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| !matches!(q.scale, Scale::FreeText))
        .map(|(i, _)| i)
        .collect();
    s.push(cx.heading("Per tillfälle, i datumordning", "By event, in date order"));
    let columns = [cx.t("Tillfälle", "Event"), cx.t("Datum", "Date"), cx.t("Svar", "Responses")]
        .into_iter()
        .chain(scored.iter().map(|&i| format!("{} {}", ev.instrument.questions[i].id, cx.t("medel (n)", "mean (n)"))));
    let mut table = Table::new(columns);
    for e in &events {
        let date = e.date.map_or_else(String::new, |d| d.to_string());
        let means = scored.iter().map(|&i| {
            let q = &e.questions[i];
            q.mean.map_or_else(|| format!("– ({})", q.n), |m| format!("{} ({})", two(Some(m)), q.n))
        });
        table.push_row([event_title(cx, &e.event), date, e.responses.to_string()].into_iter().chain(means));
    }
    let without_event = ev.responses.iter().filter(|r| r.event.is_none()).count();
    let dated = events.iter().filter(|e| e.date.is_some()).count();
    if cx.options.charts && dated >= 2 && !scored.is_empty() {
        let title = format!("{}: {}", cx.t("Över tid", "Over time"), cx.text_or_id(&ev.title, &ev.id));
        let mut spec = survey::series_chart(&events, &cx.options.lang);
        spec["title"] = serde_json::json!(title);
        s.push(Block::Table(table.clone()));
        s.push(Block::Chart { title, spec, fallback: table });
    } else {
        s.push(Block::Table(table));
    }
    if without_event > 0 {
        s.push(Block::Paragraph {
            text: match cx.lang() {
                "sv" => format!("{without_event} svar anger inget tillfälle och ingår bara i tabellen per fråga."),
                _ => format!("{without_event} responses name no event and count only in the per-question table."),
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::learning_report::build::{build, ReportOptions};
    use crate::learning_report::model::Block;
    use crate::learning_report::testdata;

    #[test]
    fn n_mean_and_distribution_skip_not_applicable() {
        let r = build(&testdata::portfolio(), &ReportOptions::new("en", testdata::as_of()));
        let s = &r.sections[5];
        let Block::Table(q) = &s.blocks[2] else { panic!("{:?}", s.blocks[2]) };
        assert_eq!(
            q.rows,
            vec![vec![
                "Q1 How satisfied are you?",
                "2",
                "1",
                "4.50",
                "4.50",
                "0.71",
                "100 %",
                "1: 0; 2: 0; 3: 0; 4: 1; 5: 1",
                "1 not applicable"
            ]]
        );
        assert!(
            matches!(&s.blocks[3], Block::Chart { spec, .. } if spec["$schema"] == "https://vega.github.io/schema/vega-lite/v6.json")
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
        // ACT-2 is a meeting of the evaluated plan with no responses: shown, with n = 0.
        assert_eq!(
            by_event.rows,
            vec![vec!["Activity ACT-1", "2010-03-10", "3", "4.50 (2)"], vec!["Activity ACT-2", "", "0", "– (0)"]]
        );
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
