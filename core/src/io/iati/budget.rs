//! Budgets and planned disbursements of the IATI importer: IATI `budget` →
//! [`Budget`], `planned-disbursement` → [`PlannedDisbursement`]. Both are money for a
//! period; a revised line (type 2) is kept beside the original and replaces it for the
//! same period in [`effective_budgets`](crate::effective_budgets).

use super::activity::{Activity, Importer};
use super::reader::{attributes, Elem, Item};
use super::report::Count;
use super::ImportError;
use crate::model::{
    parse_decimal, Budget, BudgetKind, DateRange, Money, PartialDate, PlannedDisbursement, Project, TransactionParty,
};

/// Which money-for-a-period element is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Line {
    /// `budget`: type and status, period, value.
    Budget,
    /// `planned-disbursement`: type, period, value, provider-org and receiver-org.
    PlannedDisbursement,
}

impl Importer<'_, '_> {
    /// Reads one `budget` or `planned-disbursement` into the project. A line without a
    /// readable amount is not imported (reported); a bad date drops that date only.
    pub(crate) fn budget(
        &mut self,
        elem: &Elem<'_>,
        act: &mut Activity,
        project: &mut Project,
        currency: Option<&str>,
        line: Line,
    ) -> Result<(), ImportError> {
        // The element's paths, as static texts (no allocation per element read).
        let [name, ctx, start_at, end_at, start_ctx, end_ctx, value_at, value_ctx] = match line {
            Line::Budget => [
                "budget",
                "iati-activity/budget",
                "budget/period-start",
                "budget/period-end",
                "iati-activity/budget/period-start",
                "iati-activity/budget/period-end",
                "budget/value",
                "iati-activity/budget/value",
            ],
            Line::PlannedDisbursement => [
                "planned-disbursement",
                "iati-activity/planned-disbursement",
                "planned-disbursement/period-start",
                "planned-disbursement/period-end",
                "iati-activity/planned-disbursement/period-start",
                "iati-activity/planned-disbursement/period-end",
                "planned-disbursement/value",
                "iati-activity/planned-disbursement/value",
            ],
        };
        self.cur.report.count(if line == Line::Budget { Count::Budget } else { Count::PlannedDisbursement });
        let (mut provider, mut receiver): (Option<TransactionParty>, Option<TransactionParty>) = (None, None);
        // A planned disbursement that cannot be read whole is carried verbatim (an export of
        // the activity writes it back), never dropped: `trouble` says why, for the warning.
        let planned = line == Line::PlannedDisbursement;
        let mut trouble: Option<String> = None;
        // IATI: a budget without @status is indicative (BudgetStatus 1).
        let mut budget = Budget {
            kind: BudgetKind::Original,
            period: DateRange::default(),
            value: Money::new(Default::default(), ""),
            indicative: true,
            value_date: None,
        };
        for attr in attributes(elem) {
            let (key, value) = attr.map_err(|m| self.attr_error(elem, m))?;
            match (key, value.trim()) {
                (b"type", "2") => budget.kind = BudgetKind::Revised,
                (b"type", "1" | "") => {}
                (b"type", other) => {
                    let d = self.cur.warning(
                        elem.offset,
                        "iati-unknown-code",
                        format!(
                            "{name}/@type {other:?} is not a BudgetType code (1 original, 2 revised); read as original"
                        ),
                    );
                    act.notes.push(d);
                }
                (b"status", "2") if line == Line::Budget => budget.indicative = false,
                (b"status", "1" | "") if line == Line::Budget => {}
                (b"status", other) if line == Line::Budget => {
                    let d = self.cur.warning(
                        elem.offset,
                        "iati-unknown-code",
                        format!("budget/@status {other:?} is not a BudgetStatus code (1 indicative, 2 committed); read as indicative, the IATI default"),
                    );
                    act.notes.push(d);
                }
                _ => self.cur.attribute_unmodelled(ctx, elem, key),
            }
        }
        let (mut amount, mut value_seen) = (None, false);
        let mut currency = currency.map(str::to_owned);
        // The children that occur once: a second one is never read over the first silently.
        let mut seen = [false; 5];
        if !elem.empty {
            loop {
                let child = match self.cur.next()? {
                    Item::Open(child) => child,
                    Item::Close(_) => break,
                    Item::Text(_) => continue,
                    Item::Eof => return Err(self.cur.truncated()),
                };
                let once = [&b"period-start"[..], b"period-end", b"value", b"provider-org", b"receiver-org"];
                if let Some(k) = once.iter().position(|n| *n == child.name()) {
                    if std::mem::replace(&mut seen[k], true) {
                        let twice = String::from_utf8_lossy(once[k]);
                        if planned {
                            trouble.get_or_insert(format!("{name} has two {twice} elements"));
                        } else {
                            let message = format!("{name} has two {twice} elements; the last one is used");
                            let d = self.cur.error(child.offset, "iati-repeated-element", message);
                            act.lose(d);
                        }
                    }
                }
                match child.name() {
                    b"period-start" | b"period-end" => {
                        let (what, element, child_ctx) = if child.name() == b"period-start" {
                            ("start", start_at, start_ctx)
                        } else {
                            ("end", end_at, end_ctx)
                        };
                        self.cur.other_attributes(child_ctx, &child, &[b"iso-date"])?;
                        let raw = self.attr_value(&child, b"iso-date")?;
                        // A bad date drops that date, never the line or the activity.
                        let day = match self.iso_date(child_ctx, &child, b"iso-date", raw.as_deref()) {
                            Ok(day) => Some(PartialDate::Date(day)),
                            Err(fault) => {
                                let message = format!(
                                    "{}; the {name} line is kept with its period {what} unknown",
                                    fault.describe(element, "iso-date")
                                );
                                if planned && fault.is_bad_value() {
                                    trouble.get_or_insert(fault.describe(element, "iso-date"));
                                } else if fault.is_bad_value() {
                                    let d = self.cur.error(child.offset, "iati-bad-date", message);
                                    act.lose(d);
                                } else {
                                    let d = self.cur.warning(child.offset, "iati-missing-date", message);
                                    act.notes.push(d);
                                }
                                None
                            }
                        };
                        if child.name() == b"period-start" {
                            budget.period.start = day;
                        } else {
                            budget.period.end = day;
                        }
                        self.cur.skip_content(child_ctx, &child)?;
                    }
                    b"value" => {
                        value_seen = true;
                        let mut value_date = None;
                        for attr in attributes(&child) {
                            let (key, value) = attr.map_err(|m| self.attr_error(&child, m))?;
                            match key {
                                b"currency" if !value.trim().is_empty() => currency = Some(value.trim().to_owned()),
                                b"currency" => {}
                                b"value-date" => value_date = Some(value.into_owned()),
                                _ => self.cur.attribute_unmodelled(value_ctx, &child, key),
                            }
                        }
                        budget.value_date = match self.iso_date(value_ctx, &child, b"value-date", value_date.as_deref())
                        {
                            Ok(day) => Some(day),
                            Err(fault @ super::activity::DateFault::NotADate(_)) if planned => {
                                trouble.get_or_insert(fault.describe(value_at, "value-date"));
                                None
                            }
                            Err(fault @ super::activity::DateFault::NotADate(_)) => {
                                let message = format!(
                                    "{}; the {name} line is kept without a value date",
                                    fault.describe(value_at, "value-date")
                                );
                                let d = self.cur.error(child.offset, "iati-bad-date", message);
                                act.lose(d);
                                None
                            }
                            Err(_) => None,
                        };
                        let text = self.cur.text(value_ctx, &child)?;
                        match parse_decimal(&text) {
                            Ok(v) => amount = Some(v),
                            Err(e) if planned => {
                                trouble.get_or_insert(format!("{name}/value {:?}: {e}", text.trim()));
                            }
                            Err(e) => {
                                let d = self.cur.error(child.offset, "iati-bad-number", format!("{name}/value: {e}"));
                                act.fail(d);
                            }
                        }
                    }
                    b"provider-org" if line == Line::PlannedDisbursement => {
                        let party_ctx = "iati-activity/planned-disbursement/provider-org";
                        provider = Some(self.transaction_party(&child, act, party_ctx, b"provider-activity-id")?);
                    }
                    b"receiver-org" if line == Line::PlannedDisbursement => {
                        let party_ctx = "iati-activity/planned-disbursement/receiver-org";
                        receiver = Some(self.transaction_party(&child, act, party_ctx, b"receiver-activity-id")?);
                    }
                    _ if planned => {
                        let child_name = String::from_utf8_lossy(child.name()).into_owned();
                        trouble.get_or_insert(format!("{name} has a child {child_name} that kartan does not model"));
                        self.cur.skip(&child)?;
                    }
                    _ => self.cur.skip_unmodelled(ctx, &child)?,
                }
            }
        }
        if planned && trouble.is_none() {
            if amount.is_none() {
                trouble = Some(format!("{name} has no value"));
            } else if currency.is_none() {
                trouble = Some(format!("{name} value has no @currency and the activity no @default-currency"));
            }
        }
        if let Some(why) = trouble {
            let fragment =
                self.cur.carry_read("iati-activity", elem, b"planned-disbursement[unreadable]", &act.scope)?;
            act.carry(&mut project.carried, fragment);
            let message =
                format!("{why}; the planned disbursement is carried verbatim (an export of the activity writes it back), not modelled");
            let d = self.cur.warning(elem.offset, "iati-planned-disbursement-carried", message);
            act.notes.push(d);
            return Ok(());
        }
        match (amount, currency) {
            (Some(amount), Some(currency)) => {
                budget.value = Money::new(amount, currency);
                match line {
                    Line::Budget => project.budgets.push(budget),
                    Line::PlannedDisbursement => project.planned_disbursements.push(PlannedDisbursement {
                        kind: budget.kind,
                        period: budget.period,
                        value: budget.value,
                        value_date: budget.value_date,
                        provider,
                        receiver,
                    }),
                }
            }
            (Some(_), None) => {
                let d = self.cur.warning(elem.offset, "iati-budget-no-currency", format!("{name} value has no @currency and the activity no @default-currency; the {name} line is not imported"));
                act.notes.push(d);
            }
            (None, _) if !value_seen => {
                let d = self.cur.warning(
                    elem.offset,
                    "iati-missing-element",
                    format!("{name} has no value; the {name} line is not imported"),
                );
                act.notes.push(d);
            }
            (None, _) => {}
        }
        Ok(())
    }
}
