//! Entity lists as tables: projects, and indicator periods (one row per target/actual
//! pair). Flattening only: every number comes from the model as it is; sums use the
//! core's own helpers (`kartan::effective_budgets`).

use kartan::Portfolio;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::convert::{first_day, last_day, tag};
use std::sync::Arc;

use arrow_array::builder::{Date32Builder, Decimal128Builder, StringBuilder};

use crate::table::{date32, Column};

/// How decimals go into a table: the nearest `float64` (the default, what analysts
/// compute with), or exact `decimal128(38, s)` with `s` the largest scale in the column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decimals {
    /// `float64`.
    Float,
    /// `decimal128(38, s)`.
    Exact,
}

/// A column of decimals as an Arrow array. Exact columns use the largest scale of the
/// column; a value that would need more than 38 digits at that scale is an error
/// naming the column (the caller can ask for floats instead).
pub(crate) fn decimal_column(name: &str, values: &[Option<Decimal>], decimals: Decimals) -> Result<Column, String> {
    match decimals {
        Decimals::Float => Ok(Column::Float(values.iter().map(|d| f64_of(*d)).collect())),
        Decimals::Exact => {
            let scale = values.iter().flatten().map(Decimal::scale).max().unwrap_or(0);
            let limit = 10i128.pow(38);
            let mut builder = Decimal128Builder::with_capacity(values.len());
            for value in values {
                match value {
                    None => builder.append_null(),
                    Some(d) => {
                        let scaled = 10i128
                            .checked_pow(scale - d.scale())
                            .and_then(|f| d.mantissa().checked_mul(f))
                            .filter(|x| x.abs() < limit)
                            .ok_or_else(|| {
                                format!(
                                    "column {name:?}: {d} does not fit decimal128(38, {scale}); use decimals=\"float\""
                                )
                            })?;
                        builder.append_value(scaled);
                    }
                }
            }
            let scale = i8::try_from(scale).map_err(|e| format!("column {name:?}: {e}"))?;
            let array =
                builder.finish().with_precision_and_scale(38, scale).map_err(|e| format!("column {name:?}: {e}"))?;
            Ok(Column::Array(Arc::new(array)))
        }
    }
}

fn f64_of(d: Option<Decimal>) -> Option<f64> {
    d.and_then(|d| d.to_f64())
}

fn nonempty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

/// The projects table's columns.
pub(crate) fn projects(p: &Portfolio, lang: &str, decimals: Decimals) -> Result<Vec<(&'static str, Column)>, String> {
    let n = p.projects.len();
    let mut cols: Vec<(&'static str, Vec<Option<String>>)> =
        ["id", "title", "status", "owner", "focus_area", "parent", "levels", "regions", "currency"]
            .into_iter()
            .map(|c| (c, Vec::with_capacity(n)))
            .collect();
    let (mut planned_start, mut planned_end, mut actual_start, mut actual_end) =
        (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut budget, mut results, mut indicators) =
        (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    for project in &p.projects {
        let effective = kartan::effective_budgets(&project.budgets);
        let mut currencies: Vec<&str> = effective.iter().map(|b| b.value.currency.as_str()).collect();
        currencies.sort_unstable();
        currencies.dedup();
        // A total only in one currency; amounts in several currencies are never added.
        let total = match currencies.as_slice() {
            [_] => kartan::sum_amounts(effective.iter().map(|b| b.value.amount)),
            _ => None,
        };
        let row = [
            Some(project.id.clone()),
            nonempty(project.title.show(lang, "en")),
            project.status.as_ref().map(tag),
            project.owner.clone(),
            project.focus_area.clone(),
            project.parent.clone(),
            nonempty(&project.levels.iter().map(tag).collect::<Vec<_>>().join(", ")),
            nonempty(&project.regions.join(", ")),
            nonempty(&currencies.join(", ")),
        ];
        for ((_, col), value) in cols.iter_mut().zip(row) {
            col.push(value);
        }
        planned_start.push(first_day(project.planned.start));
        planned_end.push(last_day(project.planned.end));
        actual_start.push(first_day(project.actual.start));
        actual_end.push(last_day(project.actual.end));
        budget.push(total);
        results.push(i64::try_from(project.results.len()).ok());
        indicators.push(i64::try_from(project.results.iter().map(|r| r.indicators.len()).sum::<usize>()).ok());
    }
    let mut text = cols.into_iter();
    let mut next = || text.next().map(|(name, v)| (name, Column::Text(v)));
    let mut out = Vec::new();
    for _ in 0..6 {
        out.extend(next());
    }
    out.push(("planned_start", Column::Date(planned_start)));
    out.push(("planned_end", Column::Date(planned_end)));
    out.push(("actual_start", Column::Date(actual_start)));
    out.push(("actual_end", Column::Date(actual_end)));
    out.extend(next()); // levels
    out.extend(next()); // regions
    out.push(("budget", decimal_column("budget", &budget, decimals)?));
    out.extend(next()); // currency
    out.push(("results", Column::Int(results)));
    out.push(("indicators", Column::Int(indicators)));
    Ok(out)
}

/// The indicator periods table's columns: one row per period and disaggregation, with
/// the target and the actual side by side. Built straight into Arrow builders (this is
/// the table of large IATI files).
pub(crate) fn periods(p: &Portfolio, lang: &str, decimals: Decimals) -> Result<Vec<(&'static str, Column)>, String> {
    const TEXT: [&str; 11] = [
        "project",
        "result",
        "result_type",
        "indicator",
        "indicator_title",
        "measure",
        "cumulation",
        "unit",
        "dimensions",
        "target_text",
        "actual_text",
    ];
    const NUMS: [&str; 6] =
        ["target", "actual", "target_numerator", "target_denominator", "actual_numerator", "actual_denominator"];
    let mut text: Vec<StringBuilder> = TEXT.iter().map(|_| StringBuilder::new()).collect();
    let mut nums: Vec<Vec<Option<Decimal>>> = NUMS.iter().map(|_| Vec::new()).collect();
    let (mut start, mut end) = (Date32Builder::new(), Date32Builder::new());
    let owners = std::iter::once((None, &p.program.results))
        .chain(p.projects.iter().map(|pr| (Some(pr.id.as_str()), &pr.results)));
    for (project, results) in owners {
        for result in results {
            let result_type = tag(&result.result_type);
            for indicator in &result.indicators {
                let title = indicator.title.show(lang, "en");
                let measure = indicator.measure.as_ref().map(tag);
                let cumulation = tag(&indicator.cumulation);
                for period in &indicator.periods {
                    for (key, t, a) in kartan::analysis::tables::period_pairs(&period.targets, &period.actuals) {
                        let t = t.and_then(|i| period.targets.get(i));
                        let a = a.and_then(|i| period.actuals.get(i));
                        let row: [Option<&str>; 11] = [
                            project,
                            Some(&result.id),
                            Some(&result_type),
                            Some(&indicator.id),
                            Some(title).filter(|s| !s.is_empty()),
                            measure.as_deref(),
                            Some(&cumulation),
                            indicator.unit.as_deref(),
                            key.as_deref(),
                            t.map(|v| v.text.show(lang, "en")).filter(|s| !s.is_empty()),
                            a.map(|v| v.text.show(lang, "en")).filter(|s| !s.is_empty()),
                        ];
                        for (builder, value) in text.iter_mut().zip(row) {
                            builder.append_option(value);
                        }
                        start.append_option(date32(period.start));
                        end.append_option(date32(period.end));
                        let values = [
                            t.and_then(|v| v.value),
                            a.and_then(|v| v.value),
                            t.and_then(|v| v.numerator),
                            t.and_then(|v| v.denominator),
                            a.and_then(|v| v.numerator),
                            a.and_then(|v| v.denominator),
                        ];
                        for (column, value) in nums.iter_mut().zip(values) {
                            column.push(value);
                        }
                    }
                }
            }
        }
    }
    let mut text = TEXT.into_iter().zip(text).map(|(n, mut b)| (n, Column::Array(Arc::new(b.finish()))));
    let mut columns = Vec::with_capacity(NUMS.len());
    for (name, values) in NUMS.into_iter().zip(&nums) {
        columns.push((name, decimal_column(name, values, decimals)?));
    }
    let mut nums = columns.into_iter();
    let mut out: Vec<(&'static str, Column)> = Vec::new();
    out.extend(text.by_ref().take(8));
    out.push(("period_start", Column::Array(Arc::new(start.finish()))));
    out.push(("period_end", Column::Array(Arc::new(end.finish()))));
    out.extend(text.by_ref().take(1)); // dimensions
    out.extend(nums.by_ref().take(2)); // target, actual
    out.extend(text); // target_text, actual_text
    out.extend(nums); // numerators and denominators
    Ok(out)
}
