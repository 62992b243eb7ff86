//! The decimal mode for Arrow: how a face writes a table's decimal columns, exactly as
//! `decimal128(38, s)` or as the nearest `float64`, without an Arrow dependency here.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::{Cell, DType, Table};

/// The precision of the exact decimal columns: Arrow's `decimal128` maximum.
pub const DECIMAL128_PRECISION: u8 = 38;

/// How a face writes decimal columns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Decimals {
    /// The nearest `float64`: what analysts usually compute with (the default of the
    /// Python tables). A decimal with more significant digits than a double holds is
    /// rounded.
    #[default]
    Float,
    /// Exact `decimal128(38, s)`, `s` the largest scale in the column, so every value is
    /// kept digit for digit (`decimal.Decimal` in pandas, `Decimal` in polars).
    Exact,
}

/// A decimal column as Arrow `decimal128(precision, scale)`: each value is its digits
/// at `scale` (`12.5` at scale 2 is `1250`), null where the cell is null.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decimal128Column {
    /// Always [`DECIMAL128_PRECISION`].
    pub precision: u8,
    /// The largest scale of the column's values (0 when it has none).
    pub scale: i8,
    /// The unscaled values.
    pub values: Vec<Option<i128>>,
}

/// A decimal column in the asked [`Decimals`] mode.
#[derive(Debug, Clone, PartialEq)]
pub enum DecimalColumn {
    /// [`Decimals::Float`].
    Float(Vec<Option<f64>>),
    /// [`Decimals::Exact`].
    Exact(Decimal128Column),
}

/// A decimal that does not fit its column's `decimal128(38, s)`: at the column's
/// largest scale it needs more than 38 digits. The face can ask for floats instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("table {table:?}, column {column:?}, row {row}: {value} does not fit decimal128(38, {scale})")]
pub struct DecimalFitError {
    /// The table.
    pub table: String,
    /// The column.
    pub column: String,
    /// 0-based row index.
    pub row: usize,
    /// The value.
    pub value: Decimal,
    /// The column's scale.
    pub scale: u32,
}

impl Decimal128Column {
    /// `values` at their largest scale. `table` and `column` name the place for the error.
    ///
    /// # Errors
    /// [`DecimalFitError`] for the first value that needs more than 38 digits at that
    /// scale (e.g. 10^28 beside a value with 28 decimals).
    pub fn of(table: &str, column: &str, values: &[Option<Decimal>]) -> Result<Self, DecimalFitError> {
        let scale = values.iter().flatten().map(Decimal::scale).max().unwrap_or(0);
        let limit = 10i128.pow(u32::from(DECIMAL128_PRECISION));
        let mut out = Vec::with_capacity(values.len());
        for (row, value) in values.iter().enumerate() {
            out.push(match value {
                None => None,
                Some(d) => Some(
                    10i128
                        .checked_pow(scale - d.scale())
                        .and_then(|f| d.mantissa().checked_mul(f))
                        .filter(|x| x.abs() < limit)
                        .ok_or_else(|| DecimalFitError {
                            table: table.to_owned(),
                            column: column.to_owned(),
                            row,
                            value: *d,
                            scale,
                        })?,
                ),
            });
        }
        // rust_decimal's scale is at most 28.
        let scale = i8::try_from(scale).unwrap_or(i8::MAX);
        Ok(Self { precision: DECIMAL128_PRECISION, scale, values: out })
    }
}

impl Table {
    /// Column `index` (a [`DType::Decimal`] column) for an Arrow writer: exact
    /// `decimal128(38, s)` or the nearest `float64`, null where the cell is null (or not
    /// a decimal; [`Table::check`] guarantees there is none). `None` when `index` is not
    /// a decimal column.
    ///
    /// # Errors
    /// [`DecimalFitError`] in [`Decimals::Exact`] mode for a value that does not fit.
    pub fn decimal_column(&self, index: usize, mode: Decimals) -> Option<Result<DecimalColumn, DecimalFitError>> {
        let column = self.columns.get(index).filter(|c| c.dtype == DType::Decimal)?;
        let values: Vec<Option<Decimal>> = self
            .rows
            .iter()
            .map(|r| match r.get(index) {
                Some(Cell::Decimal(d)) => Some(*d),
                _ => None,
            })
            .collect();
        Some(DecimalColumn::of(&self.name, &column.name, &values, mode))
    }
}

impl DecimalColumn {
    /// `values` (one per row, `None` for null) in `mode`. `table` and `column` name the
    /// place for the error.
    ///
    /// # Errors
    /// [`DecimalFitError`] in [`Decimals::Exact`] mode for a value that does not fit.
    pub fn of(table: &str, column: &str, values: &[Option<Decimal>], mode: Decimals) -> Result<Self, DecimalFitError> {
        match mode {
            Decimals::Float => Ok(Self::Float(values.iter().map(|d| d.and_then(|d| d.to_f64())).collect())),
            Decimals::Exact => Decimal128Column::of(table, column, values).map(Self::Exact),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn exact_mode_scales_to_the_largest_scale_and_keeps_nulls() {
        let mut t = Table::new("t", &[("x", DType::Decimal), ("s", DType::String)]);
        for v in [Some("4354438151.00"), None, Some("-0.125"), Some("7")] {
            t.push(vec![v.map(dec).into(), "a".into()]);
        }
        let Some(Ok(DecimalColumn::Exact(c))) = t.decimal_column(0, Decimals::Exact) else { panic!() };
        assert_eq!((c.precision, c.scale), (38, 3));
        assert_eq!(c.values, vec![Some(4_354_438_151_000), None, Some(-125), Some(7000)]);
        let Some(Ok(DecimalColumn::Float(f))) = t.decimal_column(0, Decimals::Float) else { panic!() };
        assert_eq!(f, vec![Some(4_354_438_151.0), None, Some(-0.125), Some(7.0)]);
        assert!(t.decimal_column(1, Decimals::Exact).is_none(), "a text column has no decimal form");
        assert!(t.decimal_column(2, Decimals::Exact).is_none());
    }

    #[test]
    fn a_value_past_38_digits_is_an_error_naming_the_place() {
        let mut t = Table::new("projects", &[("budget", DType::Decimal)]);
        t.push(vec![dec("0.0000000000000000000000000001").into()]);
        t.push(vec![dec("79228162514264337593543950335").into()]);
        let err = t.decimal_column(0, Decimals::Exact).unwrap().unwrap_err();
        assert_eq!(err.row, 1);
        assert_eq!(
            err.to_string(),
            "table \"projects\", column \"budget\", row 1: 79228162514264337593543950335 does not fit decimal128(38, 28)"
        );
        // Floats always fit (rounded).
        assert!(t.decimal_column(0, Decimals::Float).unwrap().is_ok());
    }
}
