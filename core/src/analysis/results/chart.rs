//! A Vega-Lite v6 chart per indicator: actual and target per period, with the baseline.

use serde_json::{json, Value};

use crate::model::Indicator;

use super::progress::baseline_of;
use super::rollup::Rollup;
use super::values::IndicatorValues;
use super::Figure;

/// The Vega-Lite v6 specification of one indicator's chart: a line of the period
/// actuals and a dashed line of the period targets against the period end, and a
/// horizontal rule at the baseline when there is one.
///
/// Values are numbers in the indicator's unit (percent for percentages; an undefined
/// `0/0` percentage is left out, not drawn as 0). Data are inline, so the spec renders
/// offline. Build `values` from `indicator` with [`super::IndicatorQuery::values`] (or take [`super::IndicatorQuery::chart`]);
/// the title is the indicator's id and its title in `lang` (BCP 47), falling back to
/// English, then any language.
pub fn indicator_chart_spec(indicator: &Indicator, values: &IndicatorValues<'_>, lang: &str) -> Value {
    let points: Vec<_> = values.periods.iter().map(|p| (p.end, p.actual, p.target)).collect();
    line_chart(indicator, values.measure, &points, "actual and target per period, with the baseline", lang)
}

/// The Vega-Lite v6 specification of a program indicator's roll-up (DESIGN.md rule 5):
/// the rolled-up actual and target per program period (e.g. per year), as
/// [`indicator_chart_spec`] draws an indicator's own periods, with the program
/// indicator's baseline when it has one. Values in the indicator's unit (percent for
/// percentages, pooled as Σnumerators ÷ Σdenominators by the roll-up).
pub fn rollup_chart_spec(indicator: &Indicator, rollup: &Rollup<'_>, lang: &str) -> Value {
    let points: Vec<_> = rollup.periods.iter().map(|p| (p.end, p.actual, p.target)).collect();
    line_chart(
        indicator,
        rollup.measure,
        &points,
        "rolled-up actual and target per program period, with the baseline",
        lang,
    )
}

/// One line per series (actual, target) against the period end, and the baseline rule.
fn line_chart(
    indicator: &Indicator,
    measure: crate::model::Measure,
    points: &[(chrono::NaiveDate, Option<Figure>, Option<Figure>)],
    what: &str,
    lang: &str,
) -> Value {
    let title = format!("{} {}", indicator.id, indicator.title.show(lang, "en")).trim().to_owned();
    let id = &indicator.id;
    let indicator = Some(indicator);
    let number = |d: rust_decimal::Decimal| d.to_string().parse::<f64>().ok();
    let mut rows = Vec::new();
    for &(end, actual, target) in points {
        for (series, figure) in [("actual", actual), ("target", target)] {
            if let Some(v) = figure.and_then(|f| f.value).and_then(number) {
                rows.push(json!({"period_end": end.to_string(), "series": series, "value": v}));
            }
        }
    }
    let unit = if measure == crate::model::Measure::Percentage {
        "%".to_owned()
    } else {
        indicator.and_then(|i| i.unit.clone()).unwrap_or_default()
    };
    let mut layers = vec![json!({
        "data": {"values": rows},
        "mark": {"type": "line", "point": true},
        "encoding": {
            "x": {"field": "period_end", "type": "temporal", "title": "Period end"},
            "y": {"field": "value", "type": "quantitative", "title": unit},
            "color": {"field": "series", "type": "nominal", "title": null},
            "strokeDash": {"field": "series", "type": "nominal", "legend": null}
        }
    })];
    let baseline = indicator.zip(indicator.and_then(|i| i.measure)).and_then(|(i, m)| baseline_of(i, m));
    if let Some(b) = baseline.and_then(|(v, _)| number(v)) {
        layers.push(json!({
            "data": {"values": [{"baseline": b}]},
            "mark": {"type": "rule", "strokeDash": [2, 2], "color": "gray"},
            "encoding": {"y": {"field": "baseline", "type": "quantitative"}}
        }));
    }
    json!({
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "description": format!("Indicator {id}: {what}"),
        "title": title,
        "width": 400,
        "height": 200,
        "layer": layers
    })
}
