//! Money grouped (`kartan::analysis::money`): budget, commitments and spending by
//! project, program, focus area, level, owner kind or year, per currency or converted
//! with the user's rate table.

use kartan::analysis::money::{money_table, GroupBy, RateTable};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use crate::error::{self as args, to_js, with_properties};
use crate::portfolio::{object, JsPortfolio};

/// The TypeScript type of `moneyTable`'s answer.
#[wasm_bindgen(typescript_custom_section)]
const MONEY_TYPES: &str = r#"
/** Money grouped (`Portfolio.moneyTable`): the table and the amounts that found no rate. */
export interface MoneyTable {
  table: Table;
  /** One `missing-rate` warning per amount with no rate (empty without a rate table). */
  diagnostics: Diagnostic[];
}
"#;

#[wasm_bindgen(js_class = Portfolio)]
impl JsPortfolio {
    /// Budget, commitments and spending grouped `by` `"project"`, `"program"`,
    /// `"focus_area"`, `"level"` (a project at two levels counts at each), `"owner_kind"`
    /// or `"year"` (of a budget or planned disbursement's period start, of a transaction's
    /// date). Columns: the
    /// group, `currency`, `budget` (the effective budget lines: a revision replaces the
    /// original of its period), `planned_disbursements` (what funders plan to pay, IATI
    /// `planned-disbursement`, effective lines likewise), `committed` (outgoing
    /// commitments, IATI type 2), `spent`
    /// (disbursements + expenditure, types 3 and 4: a commitment is never spending),
    /// `remaining` (budget − spent), `absorption` (spent ÷ budget, a fraction of the
    /// budget: `"0.45"` is 45 %), `transactions` (a count), `unconverted`. `null` means not
    /// reported, never `"0"`. One row per group and currency (currencies are never
    /// added) — unless `rates`, the text of a CSV rate table
    /// `date,currency,rate_to_target` (or `rate_to_SEK`, naming the target), converts
    /// every amount at the rate in force on its value date; then an amount with no rate
    /// leaves its figure `null`, counts in `unconverted` and has a diagnostic.
    /// `ratesFile` (default `"rates.csv"`) names the rate table in errors.
    ///
    /// @throws {Error} for an unknown `by`, or a bad rate table: the message names the
    /// file, line and column, also given as the properties `line` and `column`.
    #[wasm_bindgen(js_name = moneyTable, unchecked_return_type = "MoneyTable")]
    pub fn money_table(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] by: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] rates: JsValue,
        #[wasm_bindgen(js_name = ratesFile, unchecked_optional_param_type = "string")] rates_file: JsValue,
    ) -> Result<JsValue, JsValue> {
        let by: GroupBy = args::string("by", &by).map_err(to_js)?.parse().map_err(to_js)?;
        let rates = match args::optional_string("rates", &rates).map_err(to_js)? {
            None => None,
            Some(text) => {
                let file = args::optional_string("ratesFile", &rates_file).map_err(to_js)?;
                let file = file.as_deref().unwrap_or("rates.csv");
                Some(RateTable::from_csv(file, text.as_bytes()).map_err(|e| {
                    let line = Some(JsValue::from_f64(e.line as f64));
                    let column = e.column.map(|(n, _)| JsValue::from_f64(n as f64));
                    with_properties(&e, &[("line", line), ("column", column)])
                })?)
            }
        };
        let money = money_table(self.inner(), by, rates.as_ref());
        let answer = js_sys::Object::new();
        // Setting a property on a fresh object cannot fail.
        let _ = js_sys::Reflect::set(&answer, &"table".into(), &object(&money.table)?);
        let _ = js_sys::Reflect::set(&answer, &"diagnostics".into(), &object(&money.diagnostics)?);
        Ok(answer.into())
    }
}
