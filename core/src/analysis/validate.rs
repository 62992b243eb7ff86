//! Validation: every problem in a portfolio at once, as diagnostics.
//!
//! [`validate`] never stops at the first problem (the way cedar returns its list of
//! detailed errors): it returns every [`Diagnostic`], each with a stable kebab-case
//! `code`, a [`Severity`], a JSON pointer (RFC 6901) into the portfolio's kartan JSON form
//! and one English sentence that names the ids involved and says what was expected.
//! An `error` means the portfolio is invalid; a `warning` means a number or a link cannot
//! be trusted; an `info` is worth knowing.
//!
//! The checks never read the wall clock: the ones about "today" use the `as_of` date
//! passed in. Dates known only partly (a year, a month, a day without a year) are compared
//! only when the verdict is certain ([`crate::model::PartialDate::certainly_before`]).
//! Every number is compared exactly (decimals, never floats), and arithmetic on input
//! values is checked, so no input makes validation panic.
//!
//! The codes, their severities and meanings are listed in the documentation of
//! [`validate`] and in [`CODES`].
//!
//! # Order
//!
//! The order is deterministic: checks run in a fixed order (ids, references, cycles,
//! dates, money, sectors, texts, indicators, activities, evaluations), each in document order.

mod dates;
mod evaluations;
mod ids;
mod indicators;
mod money;
mod refs;
mod sectors;
mod texts;

use chrono::NaiveDate;

use crate::model::{Diagnostic, Measure, Portfolio, Severity};

/// Every code [`validate`] can return, with its severity and a one-line description
/// (the table in the documentation of [`validate`]).
pub const CODES: &[(&str, Severity, &str)] = &[
    ("format", Severity::Error, "`format` is not \"kartan/1\""),
    ("invalid-default-language", Severity::Error, "`default_language` is empty or not a well-formed BCP 47 tag"),
    ("invalid-language-tag", Severity::Warning, "a text's language key is not a well-formed BCP 47 tag"),
    ("duplicate-language", Severity::Warning, "a text has one language under two keys that differ only in case"),
    ("empty-id", Severity::Error, "an id is empty or blank"),
    ("duplicate-id", Severity::Error, "an id is used twice in one id space"),
    ("dangling-reference", Severity::Error, "a reference names an id that does not exist"),
    ("project-cycle", Severity::Error, "projects' parent links form a cycle"),
    ("contributor-cycle", Severity::Error, "indicators' contributors form a cycle"),
    ("contributor-measure-mismatch", Severity::Warning, "a contributor's measure differs from its indicator's"),
    ("level-mismatch", Severity::Warning, "an observation's level differs from its matrix item's level"),
    ("end-before-start", Severity::Error, "a date range or period ends before it starts"),
    ("period-outside-program", Severity::Warning, "dates lie certainly outside the program period"),
    ("invalid-currency", Severity::Error, "a currency is not three ASCII capital letters"),
    ("negative-budget", Severity::Error, "a budget amount is below zero"),
    ("mixed-currencies", Severity::Error, "budgets summed into one total are in more than one currency"),
    ("overlapping-budget-periods", Severity::Warning, "budget lines that both count cover overlapping periods"),
    ("budget-overflow", Severity::Error, "budget lines add up beyond the largest exact amount"),
    ("spending-over-budget", Severity::Warning, "a project's spending in a currency is above its budget"),
    ("spending-outside-dates", Severity::Warning, "a disbursement or expenditure is dated outside its project's dates"),
    ("commitment-without-budget", Severity::Warning, "a project commits money in a currency it has no budget in"),
    (
        "sector-percentage-sum",
        Severity::Warning,
        "a project's sector percentages in one vocabulary do not add up to 100",
    ),
    ("empty-text", Severity::Error, "a required text is blank in every language"),
    ("missing-default-language", Severity::Info, "a text lacks the default language but has others"),
    ("missing-measure", Severity::Warning, "an indicator has no measure"),
    ("percentage-without-counts", Severity::Warning, "a percentage has no numerator and denominator"),
    ("inconsistent-percentage", Severity::Error, "a percentage differs from 100 · numerator / denominator"),
    ("zero-denominator", Severity::Warning, "a denominator is 0: the percentage is undefined"),
    ("numerator-exceeds-denominator", Severity::Warning, "a numerator is larger than its denominator"),
    ("negative-count", Severity::Error, "a numerator or denominator is below zero"),
    ("value-on-qualitative", Severity::Warning, "a nominal or qualitative indicator carries a number"),
    ("duplicate-period", Severity::Error, "an indicator has two periods with the same dates"),
    ("overlapping-periods", Severity::Warning, "an indicator's periods overlap"),
    ("dimension-duplicate", Severity::Warning, "a period has two values for the same disaggregation"),
    ("baseline-year-mismatch", Severity::Warning, "a baseline's year and date differ"),
    ("held-in-future", Severity::Warning, "an activity marked held has held dates after as_of"),
    ("planned-but-past", Severity::Info, "a planned activity's dates have passed and it is not held"),
    ("activity-state-conflict", Severity::Warning, "a planned or cancelled activity has held dates"),
    ("actual-in-future", Severity::Warning, "a project's actual dates are after as_of"),
    ("status-closed-without-end", Severity::Warning, "a closed project has no actual end"),
    ("past-planned-end", Severity::Info, "a running project is past its planned end"),
    ("plan-exceeded", Severity::Warning, "more activities carry out a plan than its count"),
    ("plan-kind-mismatch", Severity::Warning, "an activity's kind differs from its plan's kind"),
    ("project-count-mismatch", Severity::Info, "the stated project count differs from the projects recorded"),
    ("unknown-question", Severity::Error, "an answer refers to an unknown question"),
    ("answer-kind-mismatch", Severity::Error, "an answer's kind does not fit its question's scale"),
    ("score-out-of-scale", Severity::Error, "a score is not on its scale"),
    ("invalid-scale", Severity::Error, "a scale cannot be answered on"),
    ("missing-factor-scale", Severity::Warning, "factor assessments exist but no factor scale is declared"),
    ("duplicate-assessment", Severity::Warning, "one project, factor and date is assessed twice"),
];

/// Checks a portfolio and returns every diagnostic found (errors, warnings, infos). An
/// empty list means the portfolio is valid and nothing is worth reporting.
///
/// `as_of` is the date the checks that depend on "today" use (`held-in-future`,
/// `planned-but-past`, `actual-in-future`, `past-planned-end`); the wall clock is never
/// read. Each diagnostic has a stable `code` (see the table below),
/// a severity, a JSON pointer into the portfolio's kartan JSON form, and a message that
/// names the ids involved and what was expected. The order is deterministic.
///
/// # Codes
///
/// The same list is available to programs as [`CODES`].
///
/// | code | severity | what it means |
/// |---|---|---|
/// | `format` | error | `format` is not `"kartan/1"` |
/// | `invalid-default-language` | error | `default_language` is empty or not a well-formed BCP 47 tag |
/// | `invalid-language-tag` | warning | a text's language key is not a well-formed BCP 47 tag |
/// | `duplicate-language` | warning | a text has one language under two keys that differ only in case (`sv` and `SV`: BCP 47 tags do not depend on case), so one of the two versions is never shown |
/// | `empty-id` | error | an id is empty or blank |
/// | `duplicate-id` | error | an id is used twice in one id space (the message names both places) |
/// | `dangling-reference` | error | a reference names an id that does not exist in its id space |
/// | `project-cycle` | error | projects' `parent` links form a cycle (reported once per cycle) |
/// | `contributor-cycle` | error | indicators' `contributors` form a cycle, or an indicator contributes to itself |
/// | `contributor-measure-mismatch` | warning | a contributor's measure differs from the indicator it rolls up into |
/// | `level-mismatch` | warning | an observation's level differs from its matrix item's level |
/// | `end-before-start` | error | a date range or indicator period ends before it starts |
/// | `period-outside-program` | warning | a project's dates or an indicator period lie certainly outside the program period |
/// | `invalid-currency` | error | a currency is not three ASCII capital letters (ISO 4217 form) |
/// | `negative-budget` | error | a budget amount is below zero |
/// | `mixed-currencies` | error | budgets summed into one total (a project's, the program's, the projects' total) are in more than one currency |
/// | `overlapping-budget-periods` | warning | two budget lines that both count (see [`crate::model::effective_budgets`]) cover overlapping periods |
/// | `budget-overflow` | error | the budget lines that count (a project's, the program's, or the projects' together) add up in one currency beyond the largest exact amount, [`crate::model::AMOUNT_LIMIT`] (about 7.9 × 10^28): no report or table gives a number for that total |
/// | `spending-over-budget` | warning | a project's disbursements and expenditures in one currency add up to more than its budget lines that count in that currency (issue 15) |
/// | `spending-outside-dates` | warning | a disbursement or expenditure is dated certainly before its project's start or after its end (actual dates, else planned) |
/// | `commitment-without-budget` | warning | a project records an outgoing commitment in a currency in which it has no budget line |
/// | `sector-percentage-sum` | warning | a project's sectors of one vocabulary have percentages that do not add up to 100, or some of them have none (IATI ruleset 2.1.2); vocabulary `1` when none is given |
/// | `empty-text` | error | a required text (a title, a name, a matrix item, a lesson …) is blank in every language |
/// | `missing-default-language` | info | a text has no version in the portfolio's default language but has others |
/// | `missing-measure` | warning | an indicator has no measure: no arithmetic is done on it |
/// | `percentage-without-counts` | warning | a percentage value has no numerator and denominator, so it cannot be pooled (rule 1) |
/// | `inconsistent-percentage` | error | a percentage value differs from 100 · numerator / denominator beyond its rounding |
/// | `zero-denominator` | warning | a denominator is 0: the percentage is undefined, not 0 % (rule 1) |
/// | `numerator-exceeds-denominator` | warning | a numerator is larger than its denominator (over 100 %) |
/// | `negative-count` | error | a numerator or denominator is below zero |
/// | `value-on-qualitative` | warning | a nominal or qualitative indicator carries a number (rule 6: they do not sum) |
/// | `duplicate-period` | error | one indicator has two periods with the same start and end |
/// | `overlapping-periods` | warning | one indicator has periods that overlap |
/// | `dimension-duplicate` | warning | one period has two targets or two actuals for the same disaggregation |
/// | `baseline-year-mismatch` | warning | a baseline's `year` and `date` name different years |
/// | `held-in-future` | warning | an activity marked held has held dates after `as_of` |
/// | `planned-but-past` | info | a planned activity's planned dates are before `as_of` and it is not recorded as held |
/// | `activity-state-conflict` | warning | an activity marked planned or cancelled has held dates |
/// | `actual-in-future` | warning | a project's actual start or end is after `as_of` |
/// | `status-closed-without-end` | warning | a closed project has no actual end date |
/// | `past-planned-end` | info | a project in pipeline or implementation is past its planned end at `as_of` |
/// | `plan-exceeded` | warning | more activities carry out a plan than the plan's count |
/// | `plan-kind-mismatch` | warning | an activity's kind differs from the kind of the plan it carries out |
/// | `project-count-mismatch` | info | the program's stated project count differs from the projects recorded |
/// | `unknown-question` | error | an answer refers to a question the evaluation's instrument does not have |
/// | `answer-kind-mismatch` | error | a score answers a free-text question, or a text answers a scored question |
/// | `score-out-of-scale` | error | a score is not on its scale (not one of the points, or outside min..max) |
/// | `invalid-scale` | error | a scale has no points, repeated scores or min above max, or a factor scale is free text |
/// | `missing-factor-scale` | warning | factor assessments exist but the program declares no `factor_scale` |
/// | `duplicate-assessment` | warning | one project, factor and date is assessed twice |
///
/// # Performance
///
/// Runs in time roughly linear in the size of the portfolio (ids are looked up in hash
/// maps; cycles are found without recursion): a portfolio of 100,000 projects (77 MB of
/// compact kartan JSON) validates in about a second in a release build.
pub fn validate(portfolio: &Portfolio, as_of: NaiveDate) -> Vec<Diagnostic> {
    let mut cx = Ctx { p: portfolio, as_of, out: Vec::new() };
    let index = ids::Index::build(&mut cx);
    refs::check(&mut cx, &index);
    refs::cycles(&mut cx, &index);
    dates::ranges(&mut cx, &index);
    money::check(&mut cx);
    sectors::check(&mut cx);
    texts::check(&mut cx);
    indicators::check(&mut cx, &index);
    dates::activities(&mut cx, &index);
    evaluations::check(&mut cx);
    cx.out
}

/// What every check needs: the portfolio, the `as_of` date and the output list.
pub(crate) struct Ctx<'a> {
    p: &'a Portfolio,
    as_of: NaiveDate,
    out: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn error(&mut self, code: &str, path: impl Into<String>, message: impl Into<String>) {
        self.out.push(Diagnostic::error(code, path, message));
    }

    fn warning(&mut self, code: &str, path: impl Into<String>, message: impl Into<String>) {
        self.out.push(Diagnostic::warning(code, path, message));
    }

    fn info(&mut self, code: &str, path: impl Into<String>, message: impl Into<String>) {
        self.out.push(Diagnostic::info(code, path, message));
    }
}

/// The snake_case name of a measure, as in kartan JSON.
fn measure_name(m: Measure) -> &'static str {
    match m {
        Measure::Unit => "unit",
        Measure::Percentage => "percentage",
        Measure::Nominal => "nominal",
        Measure::Ordinal => "ordinal",
        Measure::Qualitative => "qualitative",
    }
}

#[cfg(test)]
mod tests;
