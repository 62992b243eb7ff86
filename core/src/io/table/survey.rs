//! Survey responses from a table: one row per response, one column per question.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::model::{
    Activity, ActivityKind, Answer, Evaluation, Instrument, Portfolio, Program, Question, Response, Scale, ScalePoint,
    Text,
};

use super::mapping::{MappingError, ScaleSpec, SurveyMapping};
use super::report::TableImportReport;
use super::source::{RawRow, RawTable};
use super::values::{normalise_label, parse_date};
use super::{Skip, TableError};

/// The result of [`import_survey`].
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyImport {
    /// The evaluation: the instrument built from the mapping, the events named in the
    /// event column (in order of first appearance), and one response per row.
    pub evaluation: Evaluation,
    /// The events as activities (id and title, of the mapping's `event_kind`): those
    /// the mapping declares, else one per distinct event value. The evaluation's events
    /// name them, so that a portfolio holding both validates.
    pub activities: Vec<Activity>,
    /// What was read and skipped.
    pub report: TableImportReport,
}

impl SurveyImport {
    /// Adds the evaluation and its events to `portfolio` (an event activity whose id the
    /// portfolio already has is not added again: the portfolio's is the event).
    pub fn add_to(self, portfolio: &mut Portfolio) {
        for a in self.activities {
            if !portfolio.activities.iter().any(|x| x.id == a.id) {
                portfolio.activities.push(a);
            }
        }
        portfolio.evaluations.push(self.evaluation);
    }

    /// A portfolio of this survey alone: its program has the evaluation's id and title
    /// (a survey given without a portfolio is its own portfolio, not part of another).
    pub fn into_portfolio(self) -> Portfolio {
        let lang = self.evaluation.title.iter().next().map_or("en", |(l, _)| l).to_owned();
        let program = Program::new(self.evaluation.id.clone(), self.evaluation.title.clone());
        let mut p = Portfolio::new(&lang, program);
        self.add_to(&mut p);
        p
    }
}

/// Reads survey responses from `table` as `mapping` says.
///
/// Per cell: blank is no answer (the question is absent from the response); a label
/// in the scale's `not_applicable` list is [`Answer::NotApplicable`] — missing, never 0
/// (DESIGN.md rule 9); a label of the scale is its score (labels compared with
/// [`normalise_label`]); on a numeric scale, a number inside `min..=max`; anything else
/// is skipped and reported (or an error when the mapping is `strict`). Scores are
/// stored as answered: reverse-coded items are reversed by the analysis, from the
/// question's declared `reverse_coded` flag.
///
/// # Errors
/// [`TableError::MissingColumn`] for a mapped column the table lacks;
/// [`TableError::Mapping`] for a mapping built in code whose settings contradict each
/// other (as [`SurveyMapping::load`] refuses them for a file: a question naming an
/// undeclared scale, a scale neither labels nor a `min`/`max` range, a label given twice
/// or also listed as not applicable …); [`TableError::Cell`] when strict.
pub fn import_survey(table: &RawTable, mapping: &SurveyMapping) -> Result<SurveyImport, TableError> {
    let lang = mapping.language.clone().unwrap_or_else(|| "en".to_owned());
    // Columns first, so a typo is named before anything else.
    let named = [
        ("columns.event", mapping.columns.event.as_deref()),
        ("columns.date", mapping.columns.date.as_deref()),
        ("columns.response_id", mapping.columns.response_id.as_deref()),
    ];
    let questions_cols = mapping.questions.iter().map(|q| ("questions.column", Some(q.column.as_str())));
    for (field, col) in named.into_iter().chain(questions_cols) {
        if let Some(col) = col {
            if table.column(col).is_none() {
                return Err(TableError::MissingColumn {
                    file: table.file.clone(),
                    field: field.to_owned(),
                    column: col.to_owned(),
                    available: table.headers.join(", "),
                });
            }
        }
    }
    // A mapping read from a file was checked as it was read, naming the mapping file; one
    // built in code is checked here.
    if let Some(problem) = super::check::Checked::problem(mapping) {
        return Err(TableError::Mapping(MappingError::Invalid { file: table.file.clone(), message: problem.message }));
    }
    // Inserted one by one: `collect` into a map sorts with an instance of the standard
    // sort of its own in the WebAssembly module (`crate::sort`).
    let mut scales: BTreeMap<&str, Scale> = BTreeMap::new();
    for (name, spec) in &mapping.scales {
        scales.insert(name.as_str(), build_scale(spec, &lang));
    }
    let mut questions = Vec::new();
    for q in &mapping.questions {
        let scale = match &q.scale {
            None => Scale::FreeText,
            Some(s) => scales.get(s.as_str()).cloned().unwrap_or(Scale::FreeText),
        };
        questions.push(Question {
            id: q.id.clone().unwrap_or_else(|| q.column.clone()),
            text: Text::one(&lang, q.text.clone().unwrap_or_else(|| q.column.clone())),
            scale,
            reverse_coded: q.reverse,
        });
    }
    let event_missing: Vec<String> = mapping.event_missing.iter().map(|s| normalise_label(s)).collect();
    let mut report = TableImportReport::new(table);
    let missing = mapping.locale.clone().unwrap_or_default();
    let kind = mapping.event_kind.unwrap_or(ActivityKind::Other);
    let event = |id: &str, title: &str| Activity {
        id: id.to_owned(),
        kind,
        title: Text::one(&lang, title),
        description: Text::default(),
        scope: None,
        project: None,
        plan: None,
        state: None,
        planned: crate::model::DateRange::default(),
        held: crate::model::DateRange::default(),
        participants: Vec::new(),
        outputs: Vec::new(),
        matrix_items: Vec::new(),
    };
    let mut activities: Vec<Activity> = mapping.events.iter().map(|(id, title)| event(id, title)).collect();
    let mut events: Vec<String> = Vec::new();
    let mut responses = Vec::new();
    // A cell's text, trimmed; empty for a declared missing-value marker.
    let cell = |row: &RawRow, col: &str| -> String {
        let text = table.column(col).and_then(|i| row.cells.get(i)).map_or("", |c| c.trim());
        if missing.is_missing(text) {
            String::new()
        } else {
            text.to_owned()
        }
    };
    for row in &table.rows {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            report.skipped.push(Skip { place: table.place(row, None), reason: "blank row".to_owned(), field: None });
            continue;
        }
        let problem =
            |report: &mut TableImportReport, col: &str, field: String, reason: String| -> Result<(), TableError> {
                if mapping.strict {
                    return Err(TableError::Cell { place: table.place(row, Some(col)), reason });
                }
                report.skipped.push(Skip {
                    place: table.place(row, Some(col)),
                    reason: format!("{reason}; the cell is skipped"),
                    field: Some(field),
                });
                Ok(())
            };
        let mut response = Response::default();
        if let Some(col) = &mapping.columns.event {
            let e = cell(row, col);
            let norm = normalise_label(&e);
            if !e.is_empty() && !event_missing.contains(&norm) {
                let found = activities.iter().find(|a| {
                    normalise_label(&a.id) == norm || a.title.iter().any(|(_, t)| normalise_label(t) == norm)
                });
                let id = match found {
                    Some(a) => Some(a.id.clone()),
                    None if mapping.events.is_empty() => {
                        activities.push(event(&e, &e));
                        Some(e.clone())
                    }
                    None => {
                        let known = mapping.events.keys().map(|k| format!("{k:?}")).collect::<Vec<_>>().join(", ");
                        let reason = format!("event {e:?} is none of the mapping's events ({known})");
                        problem(&mut report, col, "columns.event".to_owned(), reason)?;
                        None
                    }
                };
                if let Some(id) = id {
                    if !events.contains(&id) {
                        events.push(id.clone());
                    }
                    response.event = Some(id);
                }
            }
        }
        if let Some(col) = &mapping.columns.date {
            let d = cell(row, col);
            if !d.is_empty() {
                match parse_date(&d, mapping.locale.as_ref()) {
                    Ok(d) => response.date = Some(d),
                    Err(e) => problem(&mut report, col, "columns.date".to_owned(), e)?,
                }
            }
        }
        if let Some(col) = &mapping.columns.response_id {
            response.id = Some(cell(row, col)).filter(|s| !s.is_empty());
        }
        for (spec, question) in mapping.questions.iter().zip(&questions) {
            let text = cell(row, &spec.column);
            if text.is_empty() {
                continue;
            }
            let na =
                spec.scale.as_deref().and_then(|s| mapping.scales.get(s)).map_or(&[][..], |s| &s.not_applicable[..]);
            let norm = normalise_label(&text);
            let answer = if na.iter().any(|l| normalise_label(l) == norm) {
                Some(Answer::NotApplicable)
            } else {
                match &question.scale {
                    Scale::FreeText => Some(Answer::Text(text.clone())),
                    Scale::Points { points } => {
                        match points.iter().find(|p| p.label.iter().any(|(_, l)| normalise_label(l) == norm)) {
                            Some(p) => Some(Answer::Score(p.score)),
                            None => {
                                let labels: Vec<String> =
                                    points.iter().map(|p| format!("{:?}", p.label.show(&lang, "en"))).collect();
                                problem(
                                    &mut report,
                                    &spec.column,
                                    format!("questions.{}", question.id),
                                    format!("{text:?} is not a label of the question's scale ({})", labels.join(", ")),
                                )?;
                                None
                            }
                        }
                    }
                    Scale::Numeric { min, max } => {
                        match row.number(table.column(&spec.column), &text, mapping.locale.as_ref()) {
                            Ok(v) if v >= *min && v <= *max => Some(Answer::Score(v)),
                            Ok(v) => {
                                problem(
                                    &mut report,
                                    &spec.column,
                                    format!("questions.{}", question.id),
                                    format!("score {v} is outside the scale {min}..{max}"),
                                )?;
                                None
                            }
                            Err(reason) => {
                                problem(&mut report, &spec.column, format!("questions.{}", question.id), reason)?;
                                None
                            }
                        }
                    }
                }
            };
            if let Some(a) = answer {
                response.answers.insert(question.id.clone(), a);
            }
        }
        responses.push(response);
        report.rows_imported += 1;
    }
    // Only the events the responses name (a declared event no response names is not
    // evaluated here).
    activities.retain(|a| events.contains(&a.id));
    let evaluation = Evaluation {
        id: mapping.evaluation_id.clone(),
        title: Text::one(&lang, mapping.title.clone()),
        instrument: Instrument { questions },
        events,
        plan: None,
        responses,
    };
    Ok(SurveyImport { evaluation, activities, report })
}

/// The scale `spec` declares, checked by [`super::check::Checked::problem`] (labels,
/// or a `min`/`max` range).
fn build_scale(spec: &ScaleSpec, lang: &str) -> Scale {
    match (spec.min, spec.max) {
        (Some(min), Some(max)) if spec.labels.is_empty() => Scale::Numeric { min, max },
        _ => {
            let first = spec.first_score.unwrap_or(Decimal::ONE);
            let points = spec
                .labels
                .iter()
                .enumerate()
                .map(|(i, l)| ScalePoint { score: first + Decimal::from(i as u64), label: Text::one(lang, l.clone()) })
                .collect();
            Scale::Points { points }
        }
    }
}
