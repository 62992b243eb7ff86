//! Money and geography of the IATI writer: `recipient-country` and `recipient-region`,
//! `planned-disbursement` and `transaction`, with their period, value and parties, in
//! the IATI 2.03 schema's order.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{bool_code, full, Writer};
use crate::model::{BudgetKind, Money, PlannedDisbursement, RecipientArea, Transaction, TransactionParty};

impl Writer<'_> {
    /// `recipient-country` or `recipient-region` elements (`name`) for `areas`.
    pub(super) fn areas(&mut self, depth: usize, name: &str, areas: &[RecipientArea]) {
        for area in areas {
            let pct = area.percentage.map(|p| p.to_string());
            let attrs = [
                ("code", Some(area.code.as_str())),
                ("vocabulary", area.vocabulary.as_deref()),
                ("vocabulary-uri", area.vocabulary_uri.as_deref()),
                ("percentage", pct.as_deref()),
            ];
            if area.name.is_blank() {
                self.empty(depth, name, &attrs);
            } else {
                self.text_element(depth, name, &attrs, &area.name);
            }
        }
    }

    /// A `planned-disbursement` (type, period, value, provider, receiver). IATI requires
    /// a period start and a value date: a line without a full start date is not
    /// exported (a warning); without a value date, the start is written as the value
    /// date (a warning).
    pub(super) fn planned_disbursement(&mut self, path: &str, line: &PlannedDisbursement) {
        let Some(start) = full(&line.period.start) else {
            self.warn(path, "planned disbursement has no full period start, which IATI requires; not exported");
            return;
        };
        let kind = if line.kind == BudgetKind::Revised { "2" } else { "1" };
        self.open(2, "planned-disbursement", &[("type", Some(kind))]);
        self.out.push_str(">\n");
        let period = (start, full(&line.period.end));
        self.period_value(path, "planned disbursement", period, &line.value, line.value_date);
        self.parties(&line.provider, &line.receiver);
        self.close(2, "planned-disbursement");
    }

    /// The `period-start`, `period-end` (when known) and `value` of a budget line or
    /// planned disbursement (`what`, at `path`). IATI requires `@value-date`: without a
    /// value date, the period start is written as it, with a warning.
    pub(super) fn period_value(
        &mut self,
        path: &str,
        what: &str,
        (start, end): (NaiveDate, Option<NaiveDate>),
        value: &Money,
        value_date: Option<NaiveDate>,
    ) {
        self.empty(3, "period-start", &[("iso-date", Some(&start.to_string()))]);
        if let Some(end) = end {
            self.empty(3, "period-end", &[("iso-date", Some(&end.to_string()))]);
        }
        let value_date = value_date.unwrap_or_else(|| {
            self.warn(
                format!("{path}/value_date"),
                format!(
                    "{what} has no value date; the period start {start} is written as @value-date, which IATI requires"
                ),
            );
            start
        });
        self.open(3, "value", &[("currency", Some(&value.currency)), ("value-date", Some(&value_date.to_string()))]);
        let _ = writeln!(self.out, ">{}</value>", value.amount);
    }

    /// The `provider-org` and `receiver-org` of a transaction or a planned disbursement.
    fn parties(&mut self, provider: &Option<TransactionParty>, receiver: &Option<TransactionParty>) {
        for (name, activity_attr, party) in
            [("provider-org", "provider-activity-id", provider), ("receiver-org", "receiver-activity-id", receiver)]
        {
            let Some(party) = party else { continue };
            let attrs = [
                ("ref", party.organisation.as_deref()),
                (activity_attr, party.activity.as_deref()),
                ("type", party.iati_type.as_deref()),
            ];
            if party.name.is_blank() {
                self.empty(3, name, &attrs);
            } else {
                self.text_element(3, name, &attrs, &party.name);
            }
        }
    }

    /// A `transaction` in the IATI schema's order (type, date, value, description,
    /// provider, receiver). IATI requires a date and a value date: a transaction without
    /// a date is not exported (a warning); without a value date, its date is written as
    /// the value date (a warning).
    pub(super) fn transaction(&mut self, path: &str, t: &Transaction) {
        let Some(date) = t.date else {
            self.warn(path, "transaction has no date, which IATI requires; not exported");
            return;
        };
        let humanitarian = t.humanitarian.map(bool_code);
        self.open(2, "transaction", &[("ref", t.reference.as_deref()), ("humanitarian", humanitarian)]);
        self.carried_attributes(&t.carried);
        self.out.push_str(">\n");
        let code = t.transaction_type.code().to_string();
        self.empty(3, "transaction-type", &[("code", Some(&code))]);
        self.empty(3, "transaction-date", &[("iso-date", Some(&date.to_string()))]);
        let value_date = t.value_date.unwrap_or_else(|| {
            self.warn(
                format!("{path}/value_date"),
                format!(
                    "transaction has no value date; its date {date} is written as @value-date, which IATI requires"
                ),
            );
            date
        });
        self.open(3, "value", &[("currency", Some(&t.value.currency)), ("value-date", Some(&value_date.to_string()))]);
        let _ = writeln!(self.out, ">{}</value>", t.value.amount);
        if !t.description.is_blank() {
            self.text_element(3, "description", &[], &t.description);
        }
        self.parties(&t.provider, &t.receiver);
        // The children kartan does not model all follow receiver-org in the schema.
        let carried = t.carried.elements.as_slice();
        self.carry(3, carried, &vec![0; carried.len()], &mut 0, 1);
        self.close(2, "transaction");
    }
}
