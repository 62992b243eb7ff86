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
        let mut budget = Budget {
            kind: BudgetKind::Original,
            period: DateRange::default(),
            value: Money::new(Default::default(), ""),
            indicative: false,
        };
        for attr in attributes(elem) {
            let (name, value) = attr.map_err(|m| self.attr_error(elem, m))?;
            match (name, value.trim()) {
                (b"type", "2") => budget.kind = BudgetKind::Revised,
                (b"type", _) => {}
                (b"status", s) => budget.indicative = s == "1",
                _ => self.cur.attribute_unmodelled(CTX, elem, name),
            }
        }
        let mut amount = None;
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
                        let text = self.attr_value(&child, b"iso-date")?.unwrap_or_default();
                        let day = self.date(child.offset, "budget period iso-date", &text, act).map(PartialDate::Date);
                        if child.name() == b"period-start" {
                            budget.period.start = day;
                        } else {
                            budget.period.end = day;
                        }
                        self.cur.skip(&child)?;
                    }
                    b"value" => {
                        for attr in attributes(&child) {
                            let (name, value) = attr.map_err(|m| self.attr_error(&child, m))?;
                            match name {
                                b"currency" if !value.trim().is_empty() => currency = Some(value.trim().to_owned()),
                                b"currency" | b"value-date" => {}
                                _ => self.cur.attribute_unmodelled("iati-activity/budget/value", &child, name),
                            }
                        }
                        let text = self.cur.text("iati-activity/budget/value", &child)?;
                        match parse_decimal(&text) {
                            Ok(v) => amount = Some(v),
                            Err(e) => {
                                let d = self.cur.error(child.offset, "iati-bad-number", format!("budget/value: {e}"));
                                act.errors.push(d);
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
            (None, _) => {}
        }
        Ok(())
    }
}
