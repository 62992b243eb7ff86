//! Transactions of the IATI importer: IATI `transaction` → [`Transaction`], what was
//! committed, paid out, spent or received (the budget says what was planned).
//!
//! Read: `@ref`, `@humanitarian`, `transaction-type/@code`, `transaction-date/@iso-date`,
//! `value` (with `@currency`, else the activity's `@default-currency`, and
//! `@value-date`), `description`, `provider-org` and `receiver-org` (`@ref`, `@type`,
//! `@provider-activity-id`/`@receiver-activity-id`, narratives). The other children
//! (sector, recipient country and region, flow, finance, aid and tied types,
//! disbursement channel) and attributes are carried verbatim in
//! [`Transaction::carried`] and listed in the import report's `carried`. A transaction
//! that cannot be read whole (an unknown type, an amount that is not a number, no
//! currency, a bad date, a repeated child) is an error, and is carried whole in
//! [`Project::carried`]: left out of the money figures, never dropped from the file.

use super::activity::{Activity, DateFault, Importer};
use super::reader::{attributes, Elem};
use super::report::Count;
use super::ImportError;
use crate::model::{parse_decimal, Carried, Money, Project, Text, Transaction, TransactionParty, TransactionType};

const CTX: &str = "iati-activity/transaction";

impl Importer<'_, '_> {
    /// Reads one `transaction` into `project.transactions`. A transaction without a
    /// known type or a readable amount and currency cannot be counted: that is an error
    /// diagnostic (the command exits 1), and the transaction is carried whole in
    /// `project.carried`, never silently skipped or dropped.
    pub(crate) fn transaction(
        &mut self,
        elem: &Elem<'_>,
        act: &mut Activity,
        project: &mut Project,
        currency: Option<&str>,
    ) -> Result<(), ImportError> {
        self.cur.report.count(Count::Transaction);
        let (mut reference, mut humanitarian) = (None, None);
        let mut carried = Carried::default();
        for attr in attributes(elem) {
            let (name, value) = attr.map_err(|m| self.attr_error(elem, m))?;
            match (name, value.trim()) {
                (b"ref", "") => {}
                (b"ref", v) => reference = Some(v.to_owned()),
                (b"humanitarian", "1" | "true") => humanitarian = Some(true),
                (b"humanitarian", "0" | "false") => humanitarian = Some(false),
                (b"humanitarian", other) => {
                    let d = self.cur.warning(
                        elem.offset,
                        "iati-unknown-code",
                        format!(
                            "transaction/@humanitarian {other:?} is not a boolean (1, 0, true, false); left unknown"
                        ),
                    );
                    act.notes.push(d);
                }
                _ => {
                    self.cur.record_attribute(CTX, elem, name, true);
                    let name = String::from_utf8_lossy(name).into_owned();
                    carried.attributes.push([name, value.to_string()]);
                }
            }
        }
        let mut transaction_type = None;
        let (mut type_seen, mut value_seen) = (false, false);
        let (mut date, mut value_date, mut amount) = (None, None, None);
        let mut currency = currency.map(str::to_owned);
        let (mut description, mut provider, mut receiver) = (Text::new(), None, None);
        // A transaction that cannot be read whole (a repeated child, a bad date) is carried.
        let (mut seen, mut whole) = ([false; 5], true);
        while let Some(child) = self.child(elem)? {
            let once = [&b"transaction-type"[..], b"transaction-date", b"value", b"provider-org", b"receiver-org"];
            if let Some(k) = once.iter().position(|n| *n == child.name()) {
                if std::mem::replace(&mut seen[k], true) && whole {
                    whole = false;
                    let twice = String::from_utf8_lossy(once[k]);
                    let message = format!(
                        "transaction has two {twice} elements; the transaction is carried verbatim, not in the money figures"
                    );
                    let d = self.cur.error(child.offset, "iati-repeated-element", message);
                    act.lose(d);
                }
            }
            match child.name() {
                b"transaction-type" => {
                    type_seen = true;
                    const TYPE: &str = "iati-activity/transaction/transaction-type";
                    self.cur.other_attributes(TYPE, &child, &[b"code"])?;
                    let code = self.attr_value(&child, b"code")?.unwrap_or_default().into_owned();
                    transaction_type = TransactionType::from_code(&code);
                    if transaction_type.is_none() {
                        let d = self.cur.error(
                            child.offset,
                            "iati-unknown-code",
                            format!("transaction-type/@code {code:?} is not a TransactionType code (1-13); the transaction is carried verbatim, not in the money figures"),
                        );
                        act.lose(d);
                    }
                    self.cur.skip_content(TYPE, &child)?;
                }
                b"transaction-date" => {
                    const DATE: &str = "iati-activity/transaction/transaction-date";
                    self.cur.other_attributes(DATE, &child, &[b"iso-date"])?;
                    let raw = self.attr_value(&child, b"iso-date")?;
                    date = self.transaction_date(DATE, &child, raw.as_deref(), "transaction-date", "iso-date", act);
                    // A bad date (an error) leaves nothing an export could write: carried.
                    whole &= date.is_some() || raw.as_deref().is_none_or(|r| r.trim().is_empty());
                    self.cur.skip_content(DATE, &child)?;
                }
                b"value" => {
                    value_seen = true;
                    const VALUE: &str = "iati-activity/transaction/value";
                    let mut raw_date = None;
                    for attr in attributes(&child) {
                        let (name, value) = attr.map_err(|m| self.attr_error(&child, m))?;
                        match name {
                            b"currency" if !value.trim().is_empty() => currency = Some(value.trim().to_owned()),
                            b"currency" => {}
                            b"value-date" => raw_date = Some(value.into_owned()),
                            _ => self.cur.attribute_unmodelled(VALUE, &child, name),
                        }
                    }
                    value_date = self.transaction_date(
                        VALUE,
                        &child,
                        raw_date.as_deref(),
                        "transaction/value",
                        "value-date",
                        act,
                    );
                    let text = self.cur.text(VALUE, &child)?;
                    match parse_decimal(&text) {
                        Ok(v) => amount = Some(v),
                        Err(e) => {
                            let d = self.cur.error(
                                child.offset,
                                "iati-bad-number",
                                format!("transaction/value: {e}; the transaction is carried verbatim, not in the money figures"),
                            );
                            act.lose(d);
                        }
                    }
                }
                b"description" => {
                    self.cur.other_attributes("iati-activity/transaction/description", &child, &[])?;
                    self.text_into("iati-activity/transaction/description", &child, &act.lang, &mut description)?;
                }
                b"provider-org" => {
                    let ctx = "iati-activity/transaction/provider-org";
                    provider = Some(self.transaction_party(&child, act, ctx, b"provider-activity-id")?);
                }
                b"receiver-org" => {
                    let ctx = "iati-activity/transaction/receiver-org";
                    receiver = Some(self.transaction_party(&child, act, ctx, b"receiver-activity-id")?);
                }
                _ => carried.elements.push(self.cur.carry(CTX, &child, child.name(), &act.scope)?),
            }
        }
        if !whole {
            return self.carry_unread(elem, act, project);
        }
        let (Some(transaction_type), Some(amount)) = (transaction_type, amount) else {
            // A bad code or number was reported where it was read; what is missing entirely
            // is reported here, so that no transaction is dropped without an error.
            let missing: Vec<&str> = [(type_seen, "transaction-type"), (value_seen, "value")]
                .into_iter()
                .filter_map(|(seen, name)| (!seen).then_some(name))
                .collect();
            if !missing.is_empty() {
                let d = self.cur.error(
                    elem.offset,
                    "iati-missing-element",
                    format!(
                        "transaction has no {}; the transaction is carried verbatim, not in the money figures",
                        missing.join(" and no ")
                    ),
                );
                act.lose(d);
            }
            return self.carry_unread(elem, act, project);
        };
        let Some(currency) = currency else {
            let d = self.cur.error(
                elem.offset,
                "iati-transaction-no-currency",
                "transaction value has no @currency and the activity no @default-currency; the transaction is carried verbatim, not in the money figures",
            );
            act.lose(d);
            return self.carry_unread(elem, act, project);
        };
        project.transactions.push(Transaction {
            reference,
            transaction_type,
            date,
            value: Money::new(amount, currency),
            value_date,
            description,
            provider,
            receiver,
            humanitarian,
            carried,
        });
        Ok(())
    }

    /// A transaction that could not be read whole (its error is reported): carried
    /// verbatim in the project, so that an export writes it back and nothing is
    /// dropped; the money figures leave it out, and the error says so.
    fn carry_unread(&mut self, elem: &Elem<'_>, act: &mut Activity, project: &mut Project) -> Result<(), ImportError> {
        let fragment = self.cur.carry_read("iati-activity", elem, b"transaction[unreadable]", &act.scope)?;
        act.carry(&mut project.carried, fragment);
        Ok(())
    }

    /// A transaction's date attribute: a bad date is lost (an error, the transaction is
    /// kept without it); a missing or blank one a warning.
    fn transaction_date(
        &mut self,
        ctx: &str,
        elem: &Elem<'_>,
        raw: Option<&str>,
        element: &str,
        attribute: &str,
        act: &mut Activity,
    ) -> Option<chrono::NaiveDate> {
        match self.iso_date(ctx, elem, attribute.as_bytes(), raw) {
            Ok(day) => Some(day),
            Err(fault @ DateFault::NotADate(_)) => {
                let message = if element == "transaction-date" {
                    format!(
                        "{}; the transaction is carried verbatim, not in the money figures",
                        fault.describe(element, attribute)
                    )
                } else {
                    format!("{}; the transaction is kept without it", fault.describe(element, attribute))
                };
                let d = self.cur.error(elem.offset, "iati-bad-date", message);
                act.lose(d);
                None
            }
            Err(fault) if element == "transaction-date" => {
                let message = format!("{}; the transaction is kept without a date", fault.describe(element, attribute));
                let d = self.cur.warning(elem.offset, "iati-missing-date", message);
                act.notes.push(d);
                None
            }
            Err(_) => None,
        }
    }

    /// `provider-org` or `receiver-org` of a transaction or a planned disbursement
    /// (`ctx`: its path, for the report).
    pub(crate) fn transaction_party(
        &mut self,
        elem: &Elem<'_>,
        act: &mut Activity,
        ctx: &str,
        activity_attr: &[u8],
    ) -> Result<TransactionParty, ImportError> {
        let mut party = TransactionParty::default();
        for attr in attributes(elem) {
            let (name, value) = attr.map_err(|m| self.attr_error(elem, m))?;
            let value = value.trim();
            match name {
                b"ref" if !value.is_empty() => party.organisation = Some(value.to_owned()),
                b"type" if !value.is_empty() => party.iati_type = Some(value.to_owned()),
                n if n == activity_attr && !value.is_empty() => party.activity = Some(value.to_owned()),
                b"ref" | b"type" => {}
                n if n == activity_attr => {}
                _ => self.cur.attribute_unmodelled(ctx, elem, name),
            }
        }
        self.text_into(ctx, elem, &act.lang, &mut party.name)?;
        Ok(party)
    }
}
