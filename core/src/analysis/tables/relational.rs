//! The relational tables: the whole portfolio as flat tables joined by link keys, for
//! engines that scale (Parquet for DuckDB, Polars and Spark; Arrow streams) — issue 16,
//! DESIGN.md "Arrow / Parquet".
//!
//! One table per entity, one row per instance, no figure computed: an engine that joins
//! and aggregates them gets the core's numbers only if it follows the core's rules
//! (percentages pooled as Σ numerators ÷ Σ denominators, DESIGN.md rule 1; currencies
//! never added). The columns are fixed whatever the input, so that a stream of
//! activities writes one schema.
//!
//! **Link keys.** `project_id` is the project's id (the IATI identifier for IATI input;
//! null for the program's own results); `result_id` and `indicator_id` are the ids of
//! the model. Together `(project_id, result_id, indicator_id)` name an indicator in any
//! portfolio; the three are repeated on every row below it, so a table joins its parent
//! without a lookup.
//!
//! **Texts** are in the asked language by the core's rule ([`crate::Text::show`]: that
//! language, else English, else the first there is); null when empty.
//!
//! **Decimals** are exact ([`Cell::Decimal`]): the Parquet writer stores them as
//! `decimal128(38, 18)` ([`RELATIONAL_SCALE`]), never as floats.

use super::periods::dimension_key;
use super::{tag, Cell, DType, Table};
use crate::model::{Diagnostic, PeriodValue, Portfolio, Project, Result as ResultItem};

/// The fixed scale of every decimal column of the relational tables when written as
/// Arrow `decimal128(38, 18)`: 18 fractional digits and 20 integer digits, more than any
/// amount kartan accepts ([`crate::AMOUNT_LIMIT`]). A value with more fractional digits
/// does not fit and is refused with its table, column and row, never rounded.
pub const RELATIONAL_SCALE: i8 = 18;

/// The names of the relational tables, in the order they are written.
pub const RELATIONAL_TABLES: [&str; 15] = [
    "projects",
    "results",
    "indicators",
    "periods",
    "budgets",
    "transactions",
    "diagnostics",
    "activities",
    "answers",
    "observations",
    "lessons",
    "plans",
    "factor_assessments",
    "planned_disbursements",
    "recipient_areas",
];

/// `projects`: one row per project.
///
/// `status` is the kartan JSON tag of the IATI activity status (`implementation` …);
/// the dates are the planned and actual start and end (a partial start is its first
/// day, a partial end its last).
pub const PROJECTS_COLUMNS: [(&str, DType); 10] = [
    ("project_id", DType::String),
    ("title", DType::String),
    ("status", DType::String),
    ("focus_area", DType::String),
    ("parent", DType::String),
    ("owner", DType::String),
    ("planned_start", DType::Date),
    ("planned_end", DType::Date),
    ("actual_start", DType::Date),
    ("actual_end", DType::Date),
];

/// `results`: one row per result; `result_type` is `output`, `outcome`, `impact` or
/// `other`.
pub const RESULTS_COLUMNS: [(&str, DType); 4] = [
    ("project_id", DType::String),
    ("result_id", DType::String),
    ("result_type", DType::String),
    ("title", DType::String),
];

/// `indicators`: one row per indicator. `measure` (`unit`, `percentage`, …),
/// `direction` and `cumulation` are kartan JSON tags; `baseline` is the latest baseline
/// value (by year, then date) with its `baseline_year`.
pub const INDICATORS_COLUMNS: [(&str, DType); 11] = [
    ("project_id", DType::String),
    ("result_id", DType::String),
    ("indicator_id", DType::String),
    ("title", DType::String),
    ("measure", DType::String),
    ("direction", DType::String),
    ("cumulation", DType::String),
    ("unit", DType::String),
    ("baseline", DType::Decimal),
    ("baseline_year", DType::Int),
    ("periods", DType::Int),
];

/// `periods`: one row per period × `value_kind` (`target` or `actual`) ×
/// disaggregation (`dimensions`, `name=value` pairs joined with `; `, null for the
/// total). `value` is the number as given (a percentage in **percent**);
/// `numerator` and `denominator` are a percentage's counts: pool percentages as
/// Σ numerator ÷ Σ denominator × 100 (DESIGN.md rule 1), never as a mean of `value`.
/// `text` is a qualitative value. A period with neither targets nor actuals has one row
/// with a null `value_kind`, so that no period is lost.
pub const PERIODS_COLUMNS: [(&str, DType); 12] = [
    ("project_id", DType::String),
    ("result_id", DType::String),
    ("indicator_id", DType::String),
    ("period_start", DType::Date),
    ("period_end", DType::Date),
    ("value_kind", DType::String),
    ("dimensions", DType::String),
    ("value", DType::Decimal),
    ("numerator", DType::Decimal),
    ("denominator", DType::Decimal),
    ("text", DType::String),
    ("measure", DType::String),
];

/// `budgets`: one row per budget line. `kind` is `original` or `revised` (a revision
/// replaces the original of its period: sum only the effective lines); `amount` in
/// `currency` (ISO 4217; never add two currencies).
pub const BUDGETS_COLUMNS: [(&str, DType); 8] = [
    ("project_id", DType::String),
    ("kind", DType::String),
    ("indicative", DType::Bool),
    ("period_start", DType::Date),
    ("period_end", DType::Date),
    ("amount", DType::Decimal),
    ("currency", DType::String),
    ("value_date", DType::Date),
];

/// `transactions`: one row per transaction. `transaction_type` is the kartan JSON tag
/// and `type_code` the IATI TransactionType code (1 incoming funds, 2 outgoing
/// commitment, 3 disbursement, 4 expenditure …: a commitment is not spending);
/// `amount` in `currency`, negative for a correction; `provider` and `receiver` are the
/// organisation's reference, else its name.
pub const TRANSACTIONS_COLUMNS: [(&str, DType); 9] = [
    ("project_id", DType::String),
    ("transaction_type", DType::String),
    ("type_code", DType::Int),
    ("date", DType::Date),
    ("value_date", DType::Date),
    ("amount", DType::Decimal),
    ("currency", DType::String),
    ("provider", DType::String),
    ("receiver", DType::String),
];

/// `planned_disbursements`: one row per planned disbursement (IATI
/// `planned-disbursement`: what a funder plans to pay in a period). `kind` is `original`
/// or `revised` (a revision replaces the original of its period: sum only the effective
/// lines); `amount` in `currency` (never add two currencies); `provider` and `receiver`
/// are the organisation's reference, else its name.
pub const PLANNED_DISBURSEMENTS_COLUMNS: [(&str, DType); 9] = [
    ("project_id", DType::String),
    ("kind", DType::String),
    ("period_start", DType::Date),
    ("period_end", DType::Date),
    ("amount", DType::Decimal),
    ("currency", DType::String),
    ("value_date", DType::Date),
    ("provider", DType::String),
    ("receiver", DType::String),
];

/// `recipient_areas`: one row per recipient country or region of a project (IATI
/// `recipient-country`, `recipient-region`). `area` is `country` (`code`: ISO 3166-1
/// alpha-2) or `region` (`code` in `vocabulary`, IATI `RegionVocabulary`; null means
/// 1, OECD DAC); `percentage` is the project's share in percent (IATI asks that a
/// project's countries and regions together make 100).
pub const RECIPIENT_AREAS_COLUMNS: [(&str, DType); 7] = [
    ("project_id", DType::String),
    ("area", DType::String),
    ("code", DType::String),
    ("vocabulary", DType::String),
    ("vocabulary_uri", DType::String),
    ("percentage", DType::Decimal),
    ("name", DType::String),
];

/// `diagnostics`: what the import or validation found, one row each: `source` (the
/// input file), `severity` (`error`, `warning`, `info`), the stable `code`, `path` (a
/// JSON pointer or `file:line:column`) and the `message`.
pub const DIAGNOSTICS_COLUMNS: [(&str, DType); 5] = [
    ("source", DType::String),
    ("severity", DType::String),
    ("code", DType::String),
    ("path", DType::String),
    ("message", DType::String),
];

/// `activities`: one row per activity (meetings, seminars, publications …): `kind`
/// and `state` are kartan JSON tags; `project_id` is the project it belongs to, if
/// any; `participants` the sum of the stated participant counts (null when none is
/// stated); `plan_id` the activity plan it carries out (join `plans` to set what was
/// held against what was planned).
pub const ACTIVITIES_COLUMNS: [(&str, DType); 10] = [
    ("activity_id", DType::String),
    ("project_id", DType::String),
    ("kind", DType::String),
    ("title", DType::String),
    ("state", DType::String),
    ("planned_start", DType::Date),
    ("held_start", DType::Date),
    ("held_end", DType::Date),
    ("participants", DType::Int),
    ("plan_id", DType::String),
];

/// `answers`: one row per answer of an evaluation's response (long form: response ×
/// question). `score` is a number on the question's scale; `text` a free-text answer;
/// `not_applicable` is true for "not applicable / don't know", which is missing, never
/// 0 (DESIGN.md rule 9). `event` is the activity the response evaluates.
pub const ANSWERS_COLUMNS: [(&str, DType); 8] = [
    ("evaluation_id", DType::String),
    ("response", DType::Int),
    ("response_id", DType::String),
    ("event", DType::String),
    ("question", DType::String),
    ("score", DType::Decimal),
    ("text", DType::String),
    ("not_applicable", DType::Bool),
];

/// `observations`: one row per observation of a report (interim, final …);
/// `matrix_item` is the results-matrix item it points at (null: nothing on the map),
/// `strength` the evidence strength tag.
pub const OBSERVATIONS_COLUMNS: [(&str, DType); 9] = [
    ("report_id", DType::String),
    ("report_kind", DType::String),
    ("project_id", DType::String),
    ("report_date", DType::Date),
    ("observation_id", DType::String),
    ("text", DType::String),
    ("matrix_item", DType::String),
    ("level", DType::String),
    ("strength", DType::String),
];

/// `lessons`: one row per lesson learned: the learning-cycle `phase`, its `source`
/// (a report, activity or project id), `applied` how many applications it records.
pub const LESSONS_COLUMNS: [(&str, DType); 6] = [
    ("lesson_id", DType::String),
    ("text", DType::String),
    ("phase", DType::String),
    ("source", DType::String),
    ("date", DType::Date),
    ("applied", DType::Int),
];

/// `plans`: one row per activity plan of the program (the project-leader meetings, the
/// seminars …): `kind` the kartan JSON tag, `planned` how many the plan states (null:
/// not stated). Count the `activities` with its `plan_id` for what was held.
pub const PLANS_COLUMNS: [(&str, DType); 5] = [
    ("plan_id", DType::String),
    ("kind", DType::String),
    ("title", DType::String),
    ("planned", DType::Int),
    ("note", DType::String),
];

/// `factor_assessments`: one row per assessment of a learning factor in a project:
/// `score` on the program's factor scale (exact), `date` when it was made, the
/// `assessor_role` (a role, never a name) and the `comment`.
pub const FACTOR_ASSESSMENTS_COLUMNS: [(&str, DType); 6] = [
    ("project_id", DType::String),
    ("factor", DType::String),
    ("score", DType::Decimal),
    ("date", DType::Date),
    ("assessor_role", DType::String),
    ("comment", DType::String),
];

/// The relational tables of a whole portfolio: the program's own results (with a null
/// `project_id`), then each project, then `diagnostics` (those the caller passes, e.g.
/// an import's or `validate`'s, from `source`).
pub fn relational_tables(portfolio: &Portfolio, lang: &str, source: &str, diagnostics: &[Diagnostic]) -> Vec<Table> {
    let mut r = Relational::new(lang);
    r.push_results(&Cell::Null, &portfolio.program.results);
    for project in &portfolio.projects {
        r.push_project(project);
    }
    r.push_diagnostics(source, diagnostics);
    r.push_learning(portfolio);
    r.take()
}

/// The relational tables being filled, project by project: [`Relational::push_project`]
/// for each project (a stream calls it per activity and drains the rows with
/// [`Relational::take`]), [`Relational::push_diagnostics`] for what was found.
#[derive(Debug, Clone)]
pub struct Relational {
    lang: String,
    tables: Vec<Table>,
}

impl Relational {
    /// Empty tables (columns as documented above), texts shown in `lang` (a BCP 47 tag).
    pub fn new(lang: &str) -> Self {
        let tables = vec![
            Table::new(RELATIONAL_TABLES[0], &PROJECTS_COLUMNS),
            Table::new(RELATIONAL_TABLES[1], &RESULTS_COLUMNS),
            Table::new(RELATIONAL_TABLES[2], &INDICATORS_COLUMNS),
            Table::new(RELATIONAL_TABLES[3], &PERIODS_COLUMNS),
            Table::new(RELATIONAL_TABLES[4], &BUDGETS_COLUMNS),
            Table::new(RELATIONAL_TABLES[5], &TRANSACTIONS_COLUMNS),
            Table::new(RELATIONAL_TABLES[6], &DIAGNOSTICS_COLUMNS),
            Table::new(RELATIONAL_TABLES[7], &ACTIVITIES_COLUMNS),
            Table::new(RELATIONAL_TABLES[8], &ANSWERS_COLUMNS),
            Table::new(RELATIONAL_TABLES[9], &OBSERVATIONS_COLUMNS),
            Table::new(RELATIONAL_TABLES[10], &LESSONS_COLUMNS),
            Table::new(RELATIONAL_TABLES[11], &PLANS_COLUMNS),
            Table::new(RELATIONAL_TABLES[12], &FACTOR_ASSESSMENTS_COLUMNS),
            Table::new(RELATIONAL_TABLES[13], &PLANNED_DISBURSEMENTS_COLUMNS),
            Table::new(RELATIONAL_TABLES[14], &RECIPIENT_AREAS_COLUMNS),
        ];
        Self { lang: lang.to_owned(), tables }
    }

    /// Shows the texts of the projects pushed from now on in `lang` (a stream of several
    /// files sets each file's default language).
    pub fn set_language(&mut self, lang: &str) {
        lang.clone_into(&mut self.lang);
    }

    /// The rows held, in all tables (a streaming writer drains them past a limit).
    pub fn rows(&self) -> usize {
        self.tables.iter().map(|t| t.rows.len()).sum()
    }

    /// The tables, in [`RELATIONAL_TABLES`] order.
    pub fn tables(&self) -> &[Table] {
        &self.tables
    }

    /// The tables with their rows, leaving these empty (with the same columns): what a
    /// streaming writer calls after each batch of projects.
    pub fn take(&mut self) -> Vec<Table> {
        let empty = |t: &Table| Table { name: t.name.clone(), columns: t.columns.clone(), rows: Vec::new() };
        self.tables.iter_mut().map(|t| std::mem::replace(t, empty(t))).collect()
    }

    /// Adds one project: its row, its results, indicators, periods, budgets,
    /// transactions, planned disbursements and recipient countries and regions.
    pub fn push_project(&mut self, project: &Project) {
        let lang = self.lang.clone();
        let id = Cell::String(project.id.clone());
        self.tables[0].push(vec![
            id.clone(),
            Cell::text(project.title.show(&lang, "en")),
            project.status.as_ref().map(tag).into(),
            project.focus_area.clone().into(),
            project.parent.clone().into(),
            project.owner.clone().into(),
            project.planned.start.and_then(|d| d.earliest()).into(),
            project.planned.end.and_then(|d| d.latest()).into(),
            project.actual.start.and_then(|d| d.earliest()).into(),
            project.actual.end.and_then(|d| d.latest()).into(),
        ]);
        self.push_results(&id, &project.results);
        for b in &project.budgets {
            self.tables[4].push(vec![
                id.clone(),
                tag(&b.kind).into(),
                b.indicative.into(),
                b.period.start.and_then(|d| d.earliest()).into(),
                b.period.end.and_then(|d| d.latest()).into(),
                b.value.amount.into(),
                b.value.currency.as_str().into(),
                b.value_date.into(),
            ]);
        }
        let party = |p: Option<&crate::model::TransactionParty>| -> Cell {
            p.and_then(|p| p.organisation.clone().or_else(|| Some(p.name.show(&lang, "en").to_owned())))
                .filter(|s| !s.is_empty())
                .into()
        };
        for d in &project.planned_disbursements {
            self.tables[13].push(vec![
                id.clone(),
                tag(&d.kind).into(),
                d.period.start.and_then(|x| x.earliest()).into(),
                d.period.end.and_then(|x| x.latest()).into(),
                d.value.amount.into(),
                d.value.currency.as_str().into(),
                d.value_date.into(),
                party(d.provider.as_ref()),
                party(d.receiver.as_ref()),
            ]);
        }
        let areas = (project.recipient_countries.iter().map(|a| ("country", a)))
            .chain(project.recipient_regions.iter().map(|a| ("region", a)));
        for (area, a) in areas {
            self.tables[14].push(vec![
                id.clone(),
                area.into(),
                a.code.as_str().into(),
                a.vocabulary.clone().into(),
                a.vocabulary_uri.clone().into(),
                a.percentage.into(),
                Cell::text(a.name.show(&lang, "en")),
            ]);
        }
        for t in &project.transactions {
            self.tables[5].push(vec![
                id.clone(),
                tag(&t.transaction_type).into(),
                u64::from(t.transaction_type.code()).into(),
                t.date.into(),
                t.value_date.into(),
                t.value.amount.into(),
                t.value.currency.as_str().into(),
                party(t.provider.as_ref()),
                party(t.receiver.as_ref()),
            ]);
        }
    }

    /// Adds results owned by the project `owner` (a string cell, or null for the
    /// program's own results).
    pub fn push_results(&mut self, owner: &Cell, results: &[ResultItem]) {
        let lang = self.lang.clone();
        for result in results {
            let result_id = Cell::String(result.id.clone());
            self.tables[1].push(vec![
                owner.clone(),
                result_id.clone(),
                tag(&result.result_type).into(),
                Cell::text(result.title.show(&lang, "en")),
            ]);
            for indicator in &result.indicators {
                let indicator_id = Cell::String(indicator.id.clone());
                let measure: Cell = indicator.measure.as_ref().map(tag).into();
                let baseline = indicator.baselines.iter().max_by_key(|b| (b.year, b.date));
                self.tables[2].push(vec![
                    owner.clone(),
                    result_id.clone(),
                    indicator_id.clone(),
                    Cell::text(indicator.title.show(&lang, "en")),
                    measure.clone(),
                    tag(&indicator.direction).into(),
                    tag(&indicator.cumulation).into(),
                    indicator.unit.clone().into(),
                    baseline.and_then(|b| b.value).into(),
                    baseline.and_then(|b| b.year).map(i64::from).map_or(Cell::Null, Cell::Int),
                    indicator.periods.len().into(),
                ]);
                for period in &indicator.periods {
                    let mut row = |kind: Option<&str>, v: Option<&PeriodValue>| {
                        let dimensions = v.and_then(dimension_key);
                        self.tables[3].push(vec![
                            owner.clone(),
                            result_id.clone(),
                            indicator_id.clone(),
                            period.start.into(),
                            period.end.into(),
                            kind.into(),
                            dimensions.into(),
                            v.and_then(|v| v.value).into(),
                            v.and_then(|v| v.numerator).into(),
                            v.and_then(|v| v.denominator).into(),
                            v.map_or(Cell::Null, |v| Cell::text(v.text.show(&lang, "en"))),
                            measure.clone(),
                        ]);
                    };
                    if period.targets.is_empty() && period.actuals.is_empty() {
                        row(None, None);
                    }
                    for v in &period.targets {
                        row(Some("target"), Some(v));
                    }
                    for v in &period.actuals {
                        row(Some("actual"), Some(v));
                    }
                }
            }
        }
    }

    /// Adds the portfolio's activities, evaluation answers, report observations,
    /// lessons, the program's activity plans and the learning-factor assessments (kartan
    /// JSON holds them; an IATI file has none).
    pub fn push_learning(&mut self, portfolio: &Portfolio) {
        let lang = self.lang.clone();
        for a in &portfolio.activities {
            let participants: Option<u64> =
                a.participants.iter().filter_map(|p| p.count).map(u64::from).reduce(|x, y| x + y);
            self.tables[7].push(vec![
                a.id.as_str().into(),
                a.project.clone().into(),
                tag(&a.kind).into(),
                Cell::text(a.title.show(&lang, "en")),
                a.state.as_ref().map(tag).into(),
                a.planned.start.and_then(|d| d.earliest()).into(),
                a.held.start.and_then(|d| d.earliest()).into(),
                a.held.end.and_then(|d| d.latest()).into(),
                participants.map_or(Cell::Null, Cell::from),
                a.plan.clone().into(),
            ]);
        }
        for e in &portfolio.evaluations {
            for (i, response) in e.responses.iter().enumerate() {
                for (question, answer) in &response.answers {
                    let (score, text, na) = match answer {
                        crate::model::Answer::Score(s) => (Cell::Decimal(*s), Cell::Null, false),
                        crate::model::Answer::Text(s) => (Cell::Null, Cell::text(s), false),
                        crate::model::Answer::NotApplicable => (Cell::Null, Cell::Null, true),
                    };
                    self.tables[8].push(vec![
                        e.id.as_str().into(),
                        (i + 1).into(),
                        response.id.clone().into(),
                        response.event.clone().into(),
                        question.as_str().into(),
                        score,
                        text,
                        na.into(),
                    ]);
                }
            }
        }
        for r in &portfolio.reports {
            for o in &r.observations {
                self.tables[9].push(vec![
                    r.id.as_str().into(),
                    tag(&r.kind).into(),
                    r.project.clone().into(),
                    r.date.and_then(|d| d.earliest()).into(),
                    o.id.as_str().into(),
                    Cell::text(o.text.show(&lang, "en")),
                    o.matrix_item.clone().into(),
                    o.level.as_ref().map(tag).into(),
                    o.strength.as_ref().map(tag).into(),
                ]);
            }
        }
        for l in &portfolio.lessons {
            self.tables[10].push(vec![
                l.id.as_str().into(),
                Cell::text(l.text.show(&lang, "en")),
                l.phase.clone().into(),
                l.source.clone().into(),
                l.date.and_then(|d| d.earliest()).into(),
                l.applied.len().into(),
            ]);
        }
        for plan in &portfolio.program.plans {
            self.tables[11].push(vec![
                plan.id.as_str().into(),
                tag(&plan.kind).into(),
                Cell::text(plan.title.show(&lang, "en")),
                plan.count.map_or(Cell::Null, |n| Cell::Int(i64::from(n))),
                Cell::text(plan.note.show(&lang, "en")),
            ]);
        }
        for f in &portfolio.factor_assessments {
            self.tables[12].push(vec![
                f.project.as_str().into(),
                f.factor.as_str().into(),
                f.score.into(),
                f.date.and_then(|d| d.earliest()).into(),
                Cell::text(f.assessor_role.show(&lang, "en")),
                Cell::text(f.comment.show(&lang, "en")),
            ]);
        }
    }

    /// Adds diagnostics found in `source` (a file name, or what the caller calls it).
    pub fn push_diagnostics(&mut self, source: &str, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            self.tables[6].push(vec![
                source.into(),
                tag(&d.severity).into(),
                d.code.as_str().into(),
                d.path.as_str().into(),
                d.message.as_str().into(),
            ]);
        }
    }
}
