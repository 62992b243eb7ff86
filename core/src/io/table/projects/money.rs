//! The mapping's `[[budgets]]` and `[[transactions]]`: several money columns of a row
//! read as budget lines and transactions of its project (issue 15, planned against
//! realised money from a list of operations).

use crate::model::{Budget, Project, Transaction};

use super::super::mapping::{FieldSpec, ProjectMapping};
use super::{Ctx, RawRow, TableError};

impl<'t> Ctx<'t> {
    /// Adds the row's budget lines (over the project's planned dates, read before) and
    /// transactions to `p`. A cell that is not a number, a currency that
    /// is not a code, a transaction with no full date (a year alone is none): a located skip of the field
    /// `budgets` / `transactions` (an error when strict), never 0.
    pub(super) fn money_columns(
        &mut self,
        row: &'t RawRow,
        m: &ProjectMapping,
        p: &mut Project,
    ) -> Result<(), TableError> {
        let fallback = m.columns.currency.as_ref();
        for b in &m.budgets {
            let field = "budgets";
            let currency = b.currency.as_ref().or(fallback);
            if let Some(value) = self.money(row, field, Some(&b.amount), currency, m.locale.as_ref())? {
                let kind = b.kind.unwrap_or_default();
                p.budgets.push(Budget { kind, period: p.planned, value, indicative: false, value_date: None });
            }
        }
        for t in &m.transactions {
            let field = "transactions";
            let currency = t.currency.as_ref().or(fallback);
            let Some(value) = self.money(row, field, Some(&t.amount), currency, m.locale.as_ref())? else { continue };
            let date = self.date(row, field, t.date.as_ref(), m)?;
            let Some(day) = date.as_ref().and_then(crate::model::PartialDate::full) else {
                let reason = format!(
                    "the transaction {} {} has no full date (YYYY-MM-DD): it is lost",
                    value.amount, value.currency
                );
                self.problem(row, t.date.as_ref().and_then(FieldSpec::column), field, reason)?;
                continue;
            };
            // A transaction has a type (the mapping reader refuses one without).
            let Some(transaction_type) = t.transaction_type else { continue };
            p.transactions.push(Transaction {
                reference: None,
                transaction_type,
                date: Some(day),
                value,
                value_date: None,
                description: crate::model::Text::default(),
                provider: None,
                receiver: None,
                humanitarian: None,
                carried: crate::model::Carried::default(),
            });
        }
        Ok(())
    }
}
