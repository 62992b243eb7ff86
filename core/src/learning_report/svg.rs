//! Charts drawn as inline SVG for the HTML report, from the report's own Vega-Lite
//! specifications, so that a chart shows offline with no script and no chart runtime
//! (and prints). It draws the two shapes the report makes: bars (stacked by colour,
//! vertical for an ordinal x, horizontal for a nominal y) and lines over time. Any other
//! specification gives `None`, and the chart's data table stands alone.

use std::fmt::Write as _;

use chrono::Datelike as _;
use html_escape::encode_text as text;
use serde_json::Value;

/// Colours of the series, in order (Vega's "tableau10").
const PALETTE: [&str; 10] =
    ["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d", "#bab0ac"];
/// The drawing's width in SVG units; it is scaled to the page's width.
const W: f64 = 400.0;

/// The chart as `<svg>…</svg>` with a legend list, or `None` for a shape it does not draw.
pub(crate) fn chart(spec: &Value) -> Option<String> {
    let outer = spec.get("spec").unwrap_or(spec);
    // A layered chart is drawn from its first layer, which may share the outer encoding.
    let view = outer.get("layer").and_then(|l| l.get(0)).unwrap_or(outer);
    let values = [view, outer, spec].iter().find_map(|v| v["data"]["values"].as_array())?;
    let enc = if view["encoding"]["x"].is_object() { &view["encoding"] } else { &outer["encoding"] };
    let mark = view["mark"].as_str().or_else(|| view["mark"]["type"].as_str())?;
    let color = enc["color"]["field"].as_str();
    let field = |axis: &str| enc[axis]["field"].as_str();
    let kind = |axis: &str| enc[axis]["type"].as_str().unwrap_or("");
    let (svg, keys) = match (mark, kind("x"), kind("y")) {
        ("bar", "ordinal" | "nominal", "quantitative") => {
            // Bars side by side per colour key (Vega-Lite `xOffset`), else stacked.
            let grouped = enc["xOffset"]["field"].is_string();
            bars(values, field("x")?, field("y")?, color, (false, grouped), None)?
        }
        ("bar", "quantitative", "ordinal" | "nominal") => {
            let domain = enc["x"]["scale"]["domain"].as_array().map(|d| (num(&d[0]), num(&d[1])));
            bars(values, field("y")?, field("x")?, color, (true, false), domain)?
        }
        ("line" | "point", "temporal", "quantitative") => {
            lines(values, field("x")?, field("y")?, color, enc["y"]["scale"]["zero"] == false)?
        }
        _ => return None,
    };
    let mut out = svg;
    if keys.len() > 1 {
        out.push_str("<ul class=\"legend\">");
        for (i, k) in keys.iter().enumerate() {
            let _ = write!(out, "<li><i style=\"background:{}\"></i>{}</li>", PALETTE[i % 10], text(k));
        }
        out.push_str("</ul>");
    }
    Some(out)
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or(0.0)
}

fn key(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_owned)
}

/// Keys in first-seen order, and the index of one.
fn index(keys: &mut Vec<String>, k: String) -> usize {
    keys.iter().position(|x| *x == k).unwrap_or_else(|| {
        keys.push(k);
        keys.len() - 1
    })
}

fn open(height: f64, out: &mut String) {
    let _ = write!(out, "<svg viewBox=\"0 0 400 {}\" aria-hidden=\"true\" focusable=\"false\">", n(height));
}

/// A coordinate as a whole SVG unit: integers only, so that no float formatting code
/// enters the WebAssembly module (it cost kilobytes).
#[allow(clippy::cast_possible_truncation)]
fn n(v: f64) -> i64 {
    v.round() as i64
}

/// Bars per category, stacked by colour key, or side by side when `grouped` (vertical
/// bars only): (svg, colour keys).
fn bars(
    values: &[Value],
    cat: &str,
    val: &str,
    color: Option<&str>,
    (horizontal, grouped): (bool, bool),
    domain: Option<(f64, f64)>,
) -> Option<(String, Vec<String>)> {
    let (mut cats, mut keys) = (Vec::new(), Vec::new());
    let mut cells: Vec<(usize, usize, f64)> = Vec::new();
    for v in values {
        let c = index(&mut cats, key(&v[cat]));
        let k = color.map_or(0, |f| index(&mut keys, key(&v[f])));
        cells.push((c, k, num(&v[val])));
    }
    // The tallest bar: a category's total when stacked, its largest cell when grouped.
    let totals: Vec<f64> = (0..cats.len())
        .map(|c| {
            let of_c = cells.iter().filter(|x| x.0 == c).map(|x| x.2);
            if grouped {
                of_c.fold(0.0, f64::max)
            } else {
                of_c.sum()
            }
        })
        .collect();
    let (lo, hi) = domain.unwrap_or((0.0, totals.iter().copied().fold(0.0, f64::max)));
    if cats.is_empty() || hi <= lo {
        return None;
    }
    let mut out = String::new();
    if horizontal {
        // One row per category: its label, then its bar.
        let height = cats.len() as f64 * 34.0 + 16.0;
        open(height, &mut out);
        for (c, name) in cats.iter().enumerate() {
            let y = c as f64 * 34.0;
            let _ = write!(out, "<text x=\"0\" y=\"{}\">{}</text>", n(y + 11.0), text(name));
            let mut x0 = lo;
            for &(_, k, v) in cells.iter().filter(|x| x.0 == c) {
                let (a, b) = ((x0 - lo) / (hi - lo) * W, (x0 + v - lo) / (hi - lo) * W);
                let _ = write!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"{}\"/>",
                    n(a),
                    n(y + 14.0),
                    n((b - a).max(0.0)),
                    PALETTE[k % 10]
                );
                x0 += v;
            }
        }
        let _ = write!(
            out,
            "<text x=\"0\" y=\"{}\">{}</text><text x=\"400\" y=\"{}\" text-anchor=\"end\">{}</text></svg>",
            n(height - 2.0),
            tick(lo),
            n(height - 2.0),
            tick(hi)
        );
    } else {
        let (height, base) = (200.0, 180.0);
        open(height, &mut out);
        let step = (W - 30.0) / cats.len() as f64;
        let slots = if grouped { keys.len().max(1) } else { 1 };
        let width = step * 0.8 / slots as f64;
        for (c, name) in cats.iter().enumerate() {
            let x = 30.0 + c as f64 * step;
            let mut y0 = 0.0;
            for &(_, k, v) in cells.iter().filter(|x| x.0 == c) {
                let h = (v / hi * (base - 10.0)).max(0.0);
                let (slot, below) = if grouped { (k, 0.0) } else { (0, y0) };
                let _ = write!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
                    n(x + step * 0.1 + slot as f64 * width),
                    n(base - below - h),
                    n(width),
                    n(h),
                    PALETTE[k % 10]
                );
                y0 += h;
            }
            let _ =
                write!(out, "<text x=\"{}\" y=\"196\" text-anchor=\"middle\">{}</text>", n(x + step / 2.0), text(name));
        }
        out.push_str("<text x=\"0\" y=\"180\">0</text>");
        axis(180, &tick(hi), &mut out);
    }
    Some((out, keys))
}

/// One line per colour key over dates: (svg, colour keys).
fn lines(values: &[Value], x: &str, y: &str, color: Option<&str>, no_zero: bool) -> Option<(String, Vec<String>)> {
    let mut keys = Vec::new();
    let mut points: Vec<(usize, f64, f64)> = Vec::new();
    for v in values {
        let date = chrono::NaiveDate::parse_from_str(v[x].as_str()?.get(..10)?, "%Y-%m-%d").ok()?;
        let k = color.map_or(0, |f| index(&mut keys, key(&v[f])));
        points.push((k, f64::from(date.num_days_from_ce()), num(&v[y])));
    }
    let (x0, x1) = points.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let start = if no_zero { f64::MAX } else { 0.0 };
    let (y0, y1) = points.iter().fold((start, f64::MIN), |(a, b), p| (a.min(p.2), b.max(p.2)));
    if points.is_empty() || y1 <= y0 {
        return None;
    }
    let (height, base) = (200.0, 185.0);
    let px = |d: f64| if x1 > x0 { 30.0 + (d - x0) / (x1 - x0) * (W - 40.0) } else { W / 2.0 };
    let py = |v: f64| base - (v - y0) / (y1 - y0) * (base - 10.0);
    let mut out = String::new();
    open(height, &mut out);
    for k in 0..keys.len().max(1) {
        let mut pts: Vec<&(usize, f64, f64)> = points.iter().filter(|p| p.0 == k).collect();
        crate::sort::sort_by(&mut pts, |a, b| a.1.total_cmp(&b.1));
        let _ = write!(out, "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"{}\" points=\"", PALETTE[k % 10]);
        for p in &pts {
            let _ = write!(out, "{},{} ", n(px(p.1)), n(py(p.2)));
        }
        out.push_str("\"/>");
        for p in pts {
            let _ = write!(
                out,
                "<circle r=\"3\" cx=\"{}\" cy=\"{}\" fill=\"{}\"/>",
                n(px(p.1)),
                n(py(p.2)),
                PALETTE[k % 10]
            );
        }
    }
    let _ = write!(out, "<text x=\"0\" y=\"185\">{}</text>", tick(y0));
    axis(185, &tick(y1), &mut out);
    Some((out, keys))
}

/// The top label and the base line of a vertical axis, closing the drawing.
fn axis(base: i64, top: &str, out: &mut String) {
    let _ = write!(
        out,
        "<text x=\"0\" y=\"14\">{top}</text><line x1=\"30\" x2=\"400\" y1=\"{base}\" y2=\"{base}\" stroke=\"#56616d\"/></svg>"
    );
}

/// An axis end as a short number (`5`, `0.25`), written by serde_json (already in the
/// module) rather than by Rust's float formatting.
fn tick(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r.fract() == 0.0 {
        n(r).to_string()
    } else {
        serde_json::json!(r).to_string()
    }
}
