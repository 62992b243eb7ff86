//! Budgets of the IATI importer: a revised line (type 2) is kept beside the original and
//! replaces it for the same period in [`effective_budgets`](crate::effective_budgets).

use super::activity::{Activity, Importer};
use super::reader::{attributes, Elem, Item};
use super::report::Count;
use super::ImportError;
use crate::model::{parse_decimal, Budget, BudgetKind, DateRange, Money, PartialDate, Project};

impl Importer<'_, '_> {
    pub(crate) fn budget(
        &mut self,
        elem: &Elem<'_>,
        act: &mut Activity,
        project: &mut Project,
        currency: Option<&str>,
    ) -> Result<(), ImportError> {
        const CTX: &str = "iati-activity/budget";
        self.cur.report.count(Count::Budget);
        // IATI: a budget without @status is indicative (BudgetStatus 1).
        let mut budget = Budget {
            kind: BudgetKind::Original,
            period: DateRange::default(),
            value: Money::new(Default::default(), ""),
            indicative: true,
            value_date: None,
        };
        for attr in attributes(elem) {
            let (name, value) = attr.map_err(|m| self.attr_error(elem, m))?;
            match (name, value.trim()) {
                (b"type", "2") => budget.kind = BudgetKind::Revised,
                (b"type", "1" | "") => {}
                (b"type", other) => {
                    let d = self.cur.warning(
                        elem.offset,
                        "iati-unknown-code",
                        format!(
                            "budget/@type {other:?} is not a BudgetType code (1 original, 2 revised); read as original"
                        ),
                    );
                    act.notes.push(d);
                }
                (b"status", "2") => budget.indicative = false,
                (b"status", "1" | "") => {}
                (b"status", other) => {
                    let d = self.cur.warning(
                        elem.offset,
                        "iati-unknown-code",
                        format!("budget/@status {other:?} is not a BudgetStatus code (1 indicative, 2 committed); read as indicative, the IATI default"),
                    );
                    act.notes.push(d);
                }
                _ => self.cur.attribute_unmodelled(CTX, elem, name),
            }
        }
        let (mut amount, mut value_seen) = (None, false);
        let mut currency = currency.map(str::to_owned);
        if !elem.empty {
            loop {
                let child = match self.cur.next()? {
                    Item::Open(child) => child,
                    Item::Close(_) => break,
                    Item::Text(_) => continue,
                    Item::Eof => return Err(self.cur.truncated()),
                };
                match child.name() {
                    b"period-start" | b"period-end" => {
                        let (ctx, element, what) = if child.name() == b"period-start" {
                            ("iati-activity/budget/period-start", "budget/period-start", "start")
                        } else {
                            ("iati-activity/budget/period-end", "budget/period-end", "end")
                        };
                        self.cur.other_attributes(ctx, &child, &[b"iso-date"])?;
                        let raw = self.attr_value(&child, b"iso-date")?;
                        // A bad date drops that date, never the budget line or the activity.
                        let day = match self.iso_date(ctx, &child, b"iso-date", raw.as_deref()) {
                            Ok(day) => Some(PartialDate::Date(day)),
                            Err(fault) => {
                                let message = format!(
                                    "{}; the budget line is kept with its period {what} unknown",
                                    fault.describe(element, "iso-date")
                                );
                                if fault.is_bad_value() {
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
                        self.cur.skip_content(ctx, &child)?;
                    }
                    b"value" => {
                        const VALUE: &str = "iati-activity/budget/value";
                        value_seen = true;
                        let mut value_date = None;
                        for attr in attributes(&child) {
                            let (name, value) = attr.map_err(|m| self.attr_error(&child, m))?;
                            match name {
                                b"currency" if !value.trim().is_empty() => currency = Some(value.trim().to_owned()),
                                b"currency" => {}
                                b"value-date" => value_date = Some(value.into_owned()),
                                _ => self.cur.attribute_unmodelled(VALUE, &child, name),
                            }
                        }
                        budget.value_date = match self.iso_date(VALUE, &child, b"value-date", value_date.as_deref()) {
                            Ok(day) => Some(day),
                            Err(fault @ super::activity::DateFault::NotADate(_)) => {
                                let message = format!(
                                    "{}; the budget line is kept without a value date",
                                    fault.describe("budget/value", "value-date")
                                );
                                let d = self.cur.error(child.offset, "iati-bad-date", message);
                                act.lose(d);
                                None
                            }
                            Err(_) => None,
                        };
                        let text = self.cur.text(VALUE, &child)?;
                        match parse_decimal(&text) {
                            Ok(v) => amount = Some(v),
                            Err(e) => {
                                let d = self.cur.error(child.offset, "iati-bad-number", format!("budget/value: {e}"));
                                act.fail(d);
                            }
                        }
                    }
                    _ => self.cur.skip_unmodelled(CTX, &child)?,
                }
            }
        }
        match (amount, currency) {
            (Some(amount), Some(currency)) => {
                budget.value = Money::new(amount, currency);
                project.budgets.push(budget);
            }
            (Some(_), None) => {
                let d = self.cur.warning(elem.offset, "iati-budget-no-currency", "budget value has no @currency and the activity no @default-currency; the budget line is not imported");
                act.notes.push(d);
            }
            (None, _) if !value_seen => {
                let d = self.cur.warning(
                    elem.offset,
                    "iati-missing-element",
                    "budget has no value; the budget line is not imported",
                );
                act.notes.push(d);
            }
            (None, _) => {}
        }
        Ok(())
    }
}
