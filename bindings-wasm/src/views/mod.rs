//! Plain typed objects handed to JS: shapes only, converted from the core model.
//!
//! Each type derives [`tsify::Tsify`], so its TypeScript declaration is generated into the
//! package's `.d.ts` (never written by hand). Field names are those of kartan JSON
//! (snake_case), the same in Rust, Python and JS, so the shared vectors in `tests/vectors/`
//! read the same everywhere; method names are camelCase, as JS expects. Exact decimals (values, targets, numerators) are strings such as `"43.75"`, so no digit
//! is lost to floating point; dates are ISO 8601 strings (`YYYY-MM-DD`, or `YYYY` /
//! `YYYY-MM` where the source only knows that much).

mod diagnostic;
mod indicator;
mod matrix;
mod project;
mod reality;
mod results;
mod survey;

pub use diagnostic::{Diagnostic, Severity};
pub use indicator::{
    Baseline, Cumulation, Dimension, Direction, Indicator, IndicatorSummary, Measure, Period, PeriodValue,
};
pub use matrix::{MatrixItem, MatrixRow};
pub use project::{ActivityStatus, Level, ProgramSummary, ProjectSummary};
pub use reality::{
    EvidenceStrength, ImportReport, ItemReality, LinkedIndicator, Location, MapReality, MatrixColumn, NotModelled,
    PlanReality, Unexpected, UnexpectedGroup, Verdict,
};
pub use results::{
    Breakdown, BreakdownValue, ChartSpec, Compared, Contribution, Contributor, Figure, IndicatorProgress,
    IndicatorValues, LifeFigures, Mismatch, PeriodFigures, PeriodProgress, Periods, Progress, Rollup, RollupLife,
    RollupPeriod, Side, Statement, TargetSource, Track,
};
pub use survey::{
    AnswerCount, EventStats, QuestionStats, Survey, SurveyImport, TableImportReport, TableKind, TablePlace, TableSkip,
    TrendPoint,
};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// A human text in one or more languages: BCP 47 tag → text, e.g.
/// `{ sv: "Syfte", en: "Purpose" }`. Every language of the source is kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[tsify(hashmap_as_object)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl From<&kartan::Text> for Text {
    fn from(text: &kartan::Text) -> Self {
        Text(text.to_map())
    }
}

impl From<Text> for kartan::Text {
    fn from(text: Text) -> Self {
        kartan::Text::from(text.0)
    }
}

/// An exact decimal as text (`"43.75"`), the form kartan JSON writes.
pub(crate) fn decimal(d: Option<&rust_decimal::Decimal>) -> Option<String> {
    d.map(ToString::to_string)
}
