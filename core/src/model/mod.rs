//! The domain model: types, ids, texts, dates, and the diagnostic everyone reports with.
//!
//! The model knows no file format and no rule; `crate::io` reads and writes it,
//! `crate::analysis` computes on it.

mod activity;
mod date;
mod diagnostic;
mod edit;
mod evaluation;
mod learning;
mod matrix;
mod money;
pub(crate) mod number;
mod organisation;
mod portfolio;
mod program;
mod project;
mod report;
mod results;
mod text;
pub(crate) mod unique;

pub use activity::{Activity, ActivityKind, ActivityPlan, ActivityState, Output, Participation, Scope};
pub use date::{DateParseError, DateRange, PartialDate};
pub use diagnostic::{pointer_token, Diagnostic, Severity};
pub use edit::{EditError, Entry};
pub use evaluation::{Answer, Evaluation, Instrument, Question, Response, Scale, ScalePoint};
pub use learning::{Application, ApplicationKind, CyclePhase, FactorAssessment, LearningFactor, LearningModel, Lesson};
pub use matrix::{MatrixColumn, MatrixItem, MatrixRow, ResultsMatrix};
pub use money::{
    add_amount, effective_budgets, effective_planned_disbursements, sum_amounts, totals_by_currency, Budget,
    BudgetKind, Money, PlannedDisbursement, Transaction, TransactionParty, TransactionType, AMOUNT_LIMIT,
};
pub use number::{decimal_of_f64, parse_decimal, NumberError};
pub use organisation::{FocusArea, Level, Organisation, OrganisationKind, TargetGroup};
pub use portfolio::{Portfolio, FORMAT};
pub use program::{LegalBasis, Program};
pub use project::{ActivityStatus, Carried, ParticipatingOrg, Partner, PartnerRole, Project, RecipientArea, Sector};
pub use report::{EvidenceStrength, Observation, Report, ReportKind};
pub use results::{
    Baseline, Cumulation, Dimension, Direction, DocumentLink, Indicator, Measure, Period, PeriodValue, Reference,
    Result, ResultType,
};
pub use text::Text;
