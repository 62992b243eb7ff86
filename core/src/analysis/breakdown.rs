//! The portfolio in numbers (report section 8): projects and budgets by classification,
//! region, focus area, status as of a date; partners by role.
//!
//! Budgets are the lines that count ([`crate::effective_budgets`]: a revised line
//! replaces the original for its period), summed exactly per currency — amounts in
//! different currencies are never added. A total that passes the largest exact amount
//! ([`crate::model::AMOUNT_LIMIT`], about 7.9 × 10^28) is `None`, never a saturated or
//! wrong number; `kartan validate` reports it as `budget-overflow`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::tables::{DType, Table};
use crate::model::{add_amount, totals_by_currency, PartnerRole, Portfolio, Project};

/// One group of a breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "BreakdownGroup")]
pub struct Group {
    /// The group's key (a classification value, a region, a status …); `(none)` for
    /// projects without one.
    pub key: String,
    /// Projects in the group.
    pub projects: u64,
    /// Their budgets, exact, per ISO 4217 currency (currency → amount; `None` when the
    /// amounts pass [`crate::model::AMOUNT_LIMIT`]).
    pub budget: BTreeMap<String, Option<Decimal>>,
}

/// Projects grouped along one dimension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Breakdown {
    /// What the groups are (e.g. `regional_programme`, `region`, `status`).
    pub dimension: String,
    /// True when a project can be in several groups (regions), so group budgets do
    /// not add up to the portfolio total.
    pub overlapping: bool,
    /// The groups: most projects first, then by key.
    pub groups: Vec<Group>,
}

/// Adds `amount` to the total for `currency` ([`add_amount`]: `None` once it passes the limit).
fn add_to(totals: &mut BTreeMap<String, Option<Decimal>>, currency: &str, amount: Option<Decimal>) {
    let t = totals.entry(currency.to_owned()).or_insert(Some(Decimal::ZERO));
    *t = amount.and_then(|a| add_amount(*t, a));
}

/// The key used for projects with no value.
pub const NONE_KEY: &str = "(none)";

/// A project's budget per currency: its effective budget lines summed (`None`: past
/// [`crate::model::AMOUNT_LIMIT`]).
pub fn project_budget(project: &Project) -> BTreeMap<String, Option<Decimal>> {
    // Inserted one by one: `collect` into a map sorts its input again, one more
    // instance of the standard sort in the WebAssembly module (`crate::sort`).
    let mut out = BTreeMap::new();
    for (c, t) in totals_by_currency(&project.budgets) {
        out.insert(c.to_owned(), t);
    }
    out
}

/// The portfolio's total budget per currency (`None`: past [`crate::model::AMOUNT_LIMIT`]).
pub fn budget_total(portfolio: &Portfolio) -> BTreeMap<String, Option<Decimal>> {
    let mut out = BTreeMap::new();
    for p in &portfolio.projects {
        for (c, a) in project_budget(p) {
            add_to(&mut out, &c, a);
        }
    }
    out
}

fn group_by<'p>(
    portfolio: &'p Portfolio,
    dimension: &str,
    overlapping: bool,
    keys: impl Fn(&'p Project) -> Vec<String>,
) -> Breakdown {
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    for p in &portfolio.projects {
        let mut ks = keys(p);
        if ks.is_empty() {
            ks.push(NONE_KEY.to_owned());
        }
        let budget = project_budget(p);
        for k in ks {
            let g = groups.entry(k.clone()).or_insert_with(|| Group { key: k, projects: 0, budget: BTreeMap::new() });
            g.projects += 1;
            for (c, a) in &budget {
                add_to(&mut g.budget, c, *a);
            }
        }
    }
    let mut groups: Vec<Group> = groups.into_values().collect();
    crate::sort::sort_by(&mut groups, |a, b| b.projects.cmp(&a.projects).then_with(|| a.key.cmp(&b.key)));
    Breakdown { dimension: dimension.to_owned(), overlapping, groups }
}

/// The dimensions [`breakdown`] knows besides the classification schemes.
pub const DIMENSIONS: [&str; 4] = ["status", "region", "focus_area", "owner_kind"];

/// Why [`breakdown`] cannot group the projects.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BreakdownError {
    /// `by` is neither one of [`DIMENSIONS`] nor a classification scheme that a project of
    /// the portfolio uses (grouping by it would put every project under `(none)`).
    #[error(
        "unknown breakdown {by:?}: expected \"status\", \"region\", \"focus_area\", \"owner_kind\" or a classification scheme of the portfolio ({})",
        if schemes.is_empty() { "it has none".to_owned() } else { schemes.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", ") }
    )]
    UnknownDimension {
        /// What was asked for.
        by: String,
        /// The classification schemes the portfolio's projects use, sorted.
        schemes: Vec<String>,
    },
    /// `status` depends on the date: [`by_status`] needs one.
    #[error("breakdown by \"status\" needs as_of: the status on which date?")]
    NeedsAsOf,
}

impl BreakdownError {
    /// A stable code: `unknown_dimension` or `needs_as_of`.
    pub fn code(&self) -> &'static str {
        match self {
            BreakdownError::UnknownDimension { .. } => "unknown_dimension",
            BreakdownError::NeedsAsOf => "needs_as_of",
        }
    }
}

/// The classification schemes that the portfolio's projects use, sorted.
pub fn classification_schemes(portfolio: &Portfolio) -> Vec<String> {
    let mut schemes: Vec<String> = portfolio.projects.iter().flat_map(|p| p.classifications.keys()).cloned().collect();
    crate::sort::sort_unstable(&mut schemes);
    schemes.dedup();
    schemes
}

/// Projects grouped by `by`: `"status"` ([`by_status`], as of `as_of`), `"region"`,
/// `"focus_area"`, `"owner_kind"`, or a classification scheme that a project uses
/// ([`by_classification`]).
///
/// # Errors
/// [`BreakdownError::UnknownDimension`] for anything else, naming the schemes there are;
/// [`BreakdownError::NeedsAsOf`] for `"status"` without a date.
pub fn breakdown(portfolio: &Portfolio, by: &str, as_of: Option<NaiveDate>) -> Result<Breakdown, BreakdownError> {
    Ok(match by {
        "status" => by_status(portfolio, as_of.ok_or(BreakdownError::NeedsAsOf)?),
        "region" => by_region(portfolio),
        "focus_area" => by_focus_area(portfolio),
        "owner_kind" => by_owner_kind(portfolio),
        scheme => {
            if !portfolio.projects.iter().any(|p| p.classifications.contains_key(scheme)) {
                let schemes = classification_schemes(portfolio);
                return Err(BreakdownError::UnknownDimension { by: scheme.to_owned(), schemes });
            }
            by_classification(portfolio, scheme)
        }
    })
}

/// Projects by the value of classification `scheme` (e.g. `regional_programme`); a
/// scheme that no project uses puts every project under `(none)` ([`breakdown`] refuses
/// it instead).
pub fn by_classification(portfolio: &Portfolio, scheme: &str) -> Breakdown {
    group_by(portfolio, scheme, false, |p| p.classifications.get(scheme).cloned().into_iter().collect())
}

/// Projects by region; a project in several regions counts in each (`overlapping`).
pub fn by_region(portfolio: &Portfolio) -> Breakdown {
    group_by(portfolio, "region", true, |p| p.regions.clone())
}

/// Projects by focus area id.
pub fn by_focus_area(portfolio: &Portfolio) -> Breakdown {
    group_by(portfolio, "focus_area", false, |p| p.focus_area.clone().into_iter().collect())
}

/// Projects by owner organisation's kind (`municipality`, … or `(none)`).
pub fn by_owner_kind(portfolio: &Portfolio) -> Breakdown {
    group_by(portfolio, "owner_kind", false, |p| {
        p.owner
            .as_deref()
            .and_then(|o| portfolio.organisation(o))
            .and_then(|o| o.kind)
            .and_then(|k| serde_json::to_value(k).ok())
            .and_then(|v| v.as_str().map(str::to_owned))
            .into_iter()
            .collect()
    })
}

/// A project's status as of `as_of`: its recorded IATI status when there is one
/// (`implementation`, `closed` …); otherwise from its planned dates: `not_started`
/// (planned start after `as_of`), `ended` (planned end before `as_of`), `running`, or
/// `unknown` when the dates do not decide.
pub fn status_as_of(project: &Project, as_of: NaiveDate) -> String {
    if let Some(s) = project.status {
        return serde_json::to_value(s).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
    }
    let start = project.planned.start.and_then(|d| d.earliest());
    let end = project.planned.end.and_then(|d| d.latest());
    match (start, end) {
        (Some(s), _) if s > as_of => "not_started",
        (_, Some(e)) if e < as_of => "ended",
        (Some(_), Some(_)) => "running",
        _ => "unknown",
    }
    .to_owned()
}

/// Projects by [`status_as_of`].
pub fn by_status(portfolio: &Portfolio, as_of: NaiveDate) -> Breakdown {
    group_by(portfolio, "status", false, |p| vec![status_as_of(p, as_of)])
}

/// Partners by role across the portfolio.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct RoleSummary {
    /// The role's Jems code (`LP`, `PP`, `AP`), or `(none)`.
    pub role: String,
    /// Partner entries with that role.
    pub partners: u64,
    /// Their budgets, exact, per currency (`None` when the amounts pass
    /// [`crate::model::AMOUNT_LIMIT`]).
    pub budget: BTreeMap<String, Option<Decimal>>,
}

/// Partners by role (LP, PP, AP, then those without a role).
pub fn partners_by_role(portfolio: &Portfolio) -> Vec<RoleSummary> {
    let order =
        [Some(PartnerRole::LeadPartner), Some(PartnerRole::ProjectPartner), Some(PartnerRole::AssociatedPartner), None];
    order
        .iter()
        .map(|role| {
            let mut s = RoleSummary {
                role: role.map_or(NONE_KEY, PartnerRole::code).to_owned(),
                partners: 0,
                budget: BTreeMap::new(),
            };
            for part in portfolio.projects.iter().flat_map(|p| &p.partners).filter(|x| x.role == *role) {
                s.partners += 1;
                if let Some(m) = &part.budget {
                    add_to(&mut s.budget, &m.currency, Some(m.amount));
                }
            }
            s
        })
        .filter(|s| s.partners > 0)
        .collect()
}

/// A breakdown as a table `portfolio_<dimension>`: key, projects, currency, budget —
/// one row per group and currency (a group without budget has one row with nulls).
pub fn breakdown_table(b: &Breakdown) -> Table {
    let mut t = Table::new(
        &format!("portfolio_{}", b.dimension),
        &[("key", DType::String), ("projects", DType::Int), ("currency", DType::String), ("budget", DType::Decimal)],
    );
    for g in &b.groups {
        if g.budget.is_empty() {
            t.push(vec![g.key.as_str().into(), g.projects.into(), None::<String>.into(), None::<Decimal>.into()]);
        }
        for (c, a) in &g.budget {
            t.push(vec![g.key.as_str().into(), g.projects.into(), c.as_str().into(), (*a).into()]);
        }
    }
    t
}

/// Partners by role as a table `partners_by_role`: role, partners, currency, budget —
/// one row per role and currency (a role without budgets has one row with nulls).
pub fn roles_table(roles: &[RoleSummary]) -> Table {
    let mut t = Table::new(
        "partners_by_role",
        &[("role", DType::String), ("partners", DType::Int), ("currency", DType::String), ("budget", DType::Decimal)],
    );
    for r in roles {
        if r.budget.is_empty() {
            t.push(vec![r.role.as_str().into(), r.partners.into(), None::<String>.into(), None::<Decimal>.into()]);
        }
        for (c, a) in &r.budget {
            t.push(vec![r.role.as_str().into(), r.partners.into(), c.as_str().into(), (*a).into()]);
        }
    }
    t
}
