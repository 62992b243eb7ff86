//! Rendering the report as one self-contained HTML file.
//!
//! The file opens offline: the CSS is inline, nothing is loaded from the network, and no
//! script is needed to read it. Every text is escaped with `html-escape`, so a title
//! `<script>alert(1)</script>` shows as text. A chart is embedded as its Vega-Lite JSON
//! in a `<script type="application/json">` block (with `<`, `>` and `&` written as JSON
//! `\u` escapes, so `</script>` in the data cannot end the block), drawn as inline SVG
//! (`svg.rs`; no chart runtime), and described by its data as a plain table (the text
//! alternative, shown once when the table right before the chart is the same). Wide
//! tables scroll in their own box; a column of numbers is right-aligned.

use std::fmt::Write as _;

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use super::label;
use super::model::{Block, LearningReport, NoticeKind, Table};

const CSS: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;line-height:1.5;color:#1d2329;background:#fff;margin:0}
main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{font-size:clamp(1.3rem,4vw,1.8rem);margin-bottom:.2rem}h2{border-bottom:2px solid #d5dde5;padding-bottom:.2rem;margin-top:2.5rem}
h1,h2,h3,p,li,dd{overflow-wrap:anywhere}
h3{margin-top:1.5rem}.as-of{color:#56616d;margin-top:0}.subtitle{font-size:1.15rem;font-weight:600;margin:.2rem 0}
nav ol{columns:2 14rem;padding-left:1.5rem}nav .empty,nav .empty a{color:#56616d}
.scroll{overflow-x:auto;margin:.75rem 0}
table{border-collapse:collapse;width:100%;font-size:.92rem;font-variant-numeric:tabular-nums}
th,td{border:1px solid #d5dde5;padding:.3rem .5rem;text-align:left;vertical-align:top}.n{text-align:right;white-space:nowrap}
th{background:#eef2f6}caption{text-align:left;font-style:italic;padding:.2rem 0}
dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0;min-width:0}
blockquote{border-left:4px solid #9fb3c8;margin:1rem 0;padding:.2rem 1rem;color:#33404d}
.notice{padding:.5rem .8rem;border-radius:4px;background:#f4f6f8;border-left:4px solid #9fb3c8}
.notice.no_data{background:#fff8e6;border-left-color:#e0a800}.notice.warning{background:#fdecea;border-left-color:#c62828}
.severity-error{color:#b71c1c;font-weight:600}.severity-warning{color:#8a5300}
figure{margin:1rem 0}figcaption{font-weight:600}svg{width:100%;max-width:40rem;height:auto;font-size:11px;fill:#1d2329}
.legend{padding:0;font-size:.85rem}.legend li,.legend i{display:inline-block;margin-right:.6em}.legend i{width:.8em;height:.8em;margin-right:.3em}
section.empty h2{font-size:1.2rem;margin-top:1.5rem}section.empty h3{display:none}section.empty .notice{background:none;border:0;padding:0;color:#56616d}
td.d{white-space:nowrap}.diagnostics{min-width:36rem}.diagnostics td:last-child{width:50%}code{overflow-wrap:anywhere}
@media print{nav{display:none}.scroll{overflow:visible}section.full:not(:first-of-type){break-before:page}figure,tr,.notice{break-inside:avoid}h2,h3{break-after:avoid}details>*{display:block}}
";

/// Renders the report as one self-contained HTML document (UTF-8), ending with a newline.
pub fn to_html(report: &LearningReport) -> String {
    let lang = report.lang.as_str();
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main>\n",
        attr(&report.lang),
        text(&report.title)
    );
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", text(&report.title));
    if !report.subtitle.is_empty() {
        let _ = writeln!(out, "<p class=\"subtitle\">{}</p>", text(&report.subtitle));
    }
    let _ = writeln!(out, "<p class=\"as-of\">{} {}</p>\n</header>", label(lang, "Per", "As of"), report.as_of);
    let _ = writeln!(out, "<nav aria-label=\"{}\">\n<ol>", attr(label(lang, "Innehåll", "Contents")));
    for s in &report.sections {
        let (class, note) = if has_data(s) {
            ("", "")
        } else {
            (" class=\"empty\"", label(lang, " – inget registrerat", " – nothing recorded"))
        };
        let _ = writeln!(out, "<li{class}><a href=\"#{}\">{}</a>{note}</li>", attr(&anchor(&s.id)), text(&s.title));
    }
    out.push_str("</ol>\n</nav>\n");
    let mut ids = 0;
    for s in &report.sections {
        let class = if has_data(s) { "full" } else { "empty" };
        let _ = writeln!(
            out,
            "<section id=\"{}\" class=\"{class}\">\n<h2>{}. {}</h2>",
            attr(&anchor(&s.id)),
            s.number,
            text(&s.title)
        );
        for (i, block) in s.blocks.iter().enumerate() {
            // A table that a chart right after it draws is the chart's text alternative:
            // it is shown once, and the chart points at it.
            if let (Block::Table(t), Some(Block::Chart { fallback, .. })) = (block, s.blocks.get(i + 1)) {
                if t == fallback {
                    continue;
                }
            }
            block_html(lang, block, &mut ids, &mut out);
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// True when the section holds more than headings and "nothing recorded" notices.
fn has_data(s: &super::model::Section) -> bool {
    s.blocks.iter().any(|b| !matches!(b, Block::Heading { .. } | Block::Notice { kind: NoticeKind::NoData, .. }))
}

/// An element id from a section id: letters, digits, `-` and `_` only.
fn anchor(id: &str) -> String {
    let clean: String =
        id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    format!("s-{clean}")
}

fn block_html(lang: &str, block: &Block, ids: &mut usize, out: &mut String) {
    match block {
        Block::Heading { text: t } => {
            let _ = writeln!(out, "<h3>{}</h3>", text(t));
        }
        Block::Paragraph { text: t } => {
            let _ = writeln!(out, "<p>{}</p>", lines(t));
        }
        Block::Quote { text: t, source } => {
            let _ = write!(out, "<blockquote><p>{}</p>", lines(t));
            if let Some(source) = source {
                let _ = write!(out, "<footer>— {}</footer>", text(source));
            }
            out.push_str("</blockquote>\n");
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let _ = write!(out, "<{tag}>");
            for item in items {
                let _ = write!(out, "<li>{}</li>", lines(item));
            }
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Table(table) => table_html(table, out),
        Block::KeyValues { pairs } => {
            out.push_str("<dl>");
            for p in pairs {
                let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", text(&p.key), lines(&p.value));
            }
            out.push_str("</dl>\n");
        }
        Block::Notice { kind, text: t } => {
            let class = match kind {
                NoticeKind::NoData => "no_data",
                NoticeKind::Info => "info",
                NoticeKind::Warning => "warning",
            };
            let _ = writeln!(out, "<p class=\"notice {class}\">{}</p>", lines(t));
        }
        Block::Chart { title, spec, fallback } => {
            // The figure is labelled by its caption and described by its data table (the
            // text alternative); the SVG itself is hidden from assistive technology.
            *ids += 1;
            let id = *ids;
            let _ = writeln!(
                out,
                "<figure class=\"chart\" role=\"group\" aria-labelledby=\"c{id}\" aria-describedby=\"d{id}\">\n<figcaption id=\"c{id}\">{}</figcaption>",
                text(title)
            );
            let drawn = super::svg::chart(spec);
            if let Some(svg) = &drawn {
                out.push_str(svg);
            }
            let _ = writeln!(
                out,
                "<script type=\"application/json\" class=\"vega-lite\">{}</script>",
                json_for_script(spec)
            );
            let summary = label(lang, "Diagrammets data", "The chart's data");
            if drawn.is_some() {
                let _ = write!(out, "<details id=\"d{id}\" open><summary>{summary}</summary>");
                table_html(fallback, out);
                out.push_str("</details>\n");
            } else {
                let _ = write!(out, "<div id=\"d{id}\">");
                table_html(fallback, out);
                out.push_str("</div>\n");
            }
            out.push_str("</figure>\n");
        }
        Block::Diagnostics { items } => {
            out.push_str("<div class=\"scroll\">");
            let _ = write!(
                out,
                "<table class=\"diagnostics\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
                label(lang, "Allvarlighet", "Severity"),
                label(lang, "Kod", "Code"),
                label(lang, "Plats", "Path"),
                label(lang, "Meddelande", "Message")
            );
            for d in items {
                let sev = d.severity.to_string();
                let _ = write!(
                    out,
                    "<tr><td class=\"severity-{sev}\">{sev}</td><td><code>{}</code></td><td><code>{}</code></td><td>{}</td></tr>",
                    text(&d.code),
                    text(&d.path),
                    lines(&d.message)
                );
            }
            out.push_str("</tbody></table></div>\n");
        }
    }
}

fn table_html(table: &Table, out: &mut String) {
    // A column whose every cell is a number is right-aligned (`.n`, tabular figures).
    let numeric: Vec<bool> = (0..table.columns.len())
        .map(|i| {
            let mut cells = table.rows.iter().filter_map(|r| r.get(i)).filter(|c| !c.is_empty()).peekable();
            cells.peek().is_some() && cells.all(|c| is_number(c))
        })
        .collect();
    let class = |i: usize| if numeric.get(i).copied().unwrap_or(false) { " class=\"n\"" } else { "" };
    // A date or a period (`2018-01-01 – 2018-12-31`) is not broken at its hyphens.
    let cell_class = |i: usize, c: &str| match class(i) {
        "" if is_date(c) => " class=\"d\"",
        n => n,
    };
    out.push_str("<div class=\"scroll\"><table>");
    if let Some(caption) = &table.caption {
        let _ = write!(out, "<caption>{}</caption>", text(caption));
    }
    out.push_str("<thead><tr>");
    for (i, c) in table.columns.iter().enumerate() {
        let _ = write!(out, "<th scope=\"col\"{}>{}</th>", class(i), text(c));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let _ = write!(out, "<td{}>{}</td>", cell_class(i, c), lines(c));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>\n");
}

/// A date (`2018-01-01`) or a period of two (`2018-01-01 – 2018-12-31`).
fn is_date(cell: &str) -> bool {
    cell.split(" – ").all(|d| {
        d.len() == 10
            && d.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
    })
}

/// A cell that reads as a number: `1,500`, `-3.5`, `94.5 %`, `43.75 (35/80)`,
/// `1 850 000 SEK` (an amount with its currency code); not a date or a range.
fn is_number(cell: &str) -> bool {
    let cell = cell.trim();
    let body = match cell.rsplit_once(' ') {
        Some((amount, code)) if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) => amount,
        _ => cell,
    };
    let body = body.strip_prefix('-').unwrap_or(body);
    body.starts_with(|c: char| c.is_ascii_digit())
        && body.chars().all(|c| c.is_ascii_digit() || " \u{a0},.%()/".contains(c))
}

/// Escaped text whose line breaks become `<br>`.
fn lines(t: &str) -> String {
    t.split('\n').map(|l| text(l.trim_end_matches('\r')).into_owned()).collect::<Vec<_>>().join("<br>")
}

/// JSON that is safe inside `<script type="application/json">`: `<`, `>` and `&` (which
/// JSON allows only inside strings) are written as `\u003c`, `\u003e`, `\u0026`, so no
/// `</script>` or `<!--` can appear; the JSON value is unchanged.
pub(crate) fn json_for_script(value: &serde_json::Value) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learning_report::build::{build, ReportOptions};
    use crate::learning_report::testdata;

    fn html() -> String {
        to_html(&build(&testdata::portfolio(), &ReportOptions::new("en", testdata::as_of())))
    }

    #[test]
    fn project_title_with_script_is_escaped() {
        let html = html();
        assert!(html.contains("Project PRJ-1: Handel | tillväxt &lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!html.contains("<script>alert"));
        // The only script elements are JSON data blocks.
        assert_eq!(
            html.matches("<script").count(),
            html.matches("<script type=\"application/json\" class=\"vega-lite\">").count()
        );
        assert!(html.matches("<script").count() >= 1);
    }

    #[test]
    fn nothing_is_loaded_from_the_network() {
        let html = html();
        for pattern in ["src=", "href=\"http", "href=\"//", "url(", "@import", "<link", "<iframe", "<img"] {
            assert!(!html.contains(pattern), "found {pattern}");
        }
        // URLs appear only as the Vega-Lite `$schema` identifier inside JSON data.
        let urls = html.matches("https://").count() + html.matches("http://").count();
        assert_eq!(urls, html.matches("\"$schema\":\"https://vega.github.io/schema/vega-lite/v6.json\"").count());
    }

    #[test]
    fn script_end_in_chart_data_cannot_break_out() {
        let spec = serde_json::json!({"title": "</script><script>alert(1)</script> & <!--"});
        let safe = json_for_script(&spec);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        assert_eq!(serde_json::from_str::<serde_json::Value>(&safe).unwrap(), spec);
    }

    #[test]
    fn document_is_complete_and_sections_are_anchored() {
        let html = html();
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(html.ends_with("</html>\n"));
        assert_eq!(html.matches("<section id=\"s-").count(), 9);
        assert!(html.contains("<a href=\"#s-map_vs_reality\">Did the map match reality?</a>"));
        assert!(html.contains("<p class=\"notice no_data\">No learning-factor assessments recorded yet.</p>"));
    }

    #[test]
    fn every_table_scrolls_and_number_columns_are_right_aligned() {
        let html = html();
        assert_eq!(html.matches("<table").count(), html.matches("<div class=\"scroll\"><table").count());
        assert!(html.contains("<th scope=\"col\" class=\"n\">"), "a numeric column is marked");
        assert!(html.contains("font-variant-numeric:tabular-nums"));
        for (cell, number) in [("1,500", true), ("94.5 %", true), ("43.75 (35/80)", true), ("-3", true)] {
            assert_eq!(is_number(cell), number, "{cell}");
        }
        for cell in ["2009-01-01 – 2011-12-31", "P01", "unit (personer)", "", "1 200 KRONOR"] {
            assert!(!is_number(cell), "{cell}");
        }
        assert!(is_number("1\u{a0}850\u{a0}000 SEK") && is_date("2018-01-01 – 2018-12-31") && !is_date("2018"));
    }

    #[test]
    fn every_chart_is_drawn_and_has_a_text_alternative() {
        let html = html();
        let figures: Vec<&str> = html.split("<figure").skip(1).map(|f| &f[..f.find("</figure>").unwrap()]).collect();
        assert!(!figures.is_empty());
        for (i, f) in figures.iter().enumerate() {
            let id = i + 1;
            assert!(f.contains(&format!("aria-labelledby=\"c{id}\" aria-describedby=\"d{id}\"")), "{f}");
            assert!(f.contains(&format!("<figcaption id=\"c{id}\">")));
            // The description is the chart's data as a table, inside the figure.
            let desc = &f[f.find(&format!("id=\"d{id}\"")).unwrap()..];
            assert!(desc.contains("<table>") && desc.contains("<td"));
            assert!(f.contains("<svg viewBox=") && (f.contains("<rect ") || f.contains("<circle ")), "no marks: {f}");
        }
        // No chart runtime: the only scripts are the JSON specifications.
        assert_eq!(html.matches("<script").count(), figures.len());
    }

    #[test]
    fn a_table_drawn_by_the_next_chart_is_shown_once() {
        let report = build(&crate::embedded::example(), &ReportOptions::new("en", testdata::as_of()));
        let html = to_html(&report);
        let mut pairs = 0;
        for s in &report.sections {
            for pair in s.blocks.windows(2) {
                if let [Block::Table(t), Block::Chart { fallback, .. }] = pair {
                    if t == fallback {
                        pairs += 1;
                        let mut alone = String::new();
                        table_html(t, &mut alone);
                        assert_eq!(html.matches(&alone).count(), 1, "{alone}");
                    }
                }
            }
        }
        assert!(pairs > 0, "the example has a table with its chart");
    }

    #[test]
    fn sections_without_data_are_marked_and_print_css_is_there() {
        let p = crate::model::Portfolio::new(
            "en",
            crate::model::Program::new("P", crate::model::Text::sv_en("Programmet", "The program")),
        );
        let html = to_html(&build(&p, &ReportOptions::new("en", testdata::as_of())));
        assert!(html.contains("<section id=\"s-map\" class=\"empty\">"));
        assert!(html.contains(
            "<li class=\"empty\"><a href=\"#s-map\">The map: the results matrix</a> – nothing recorded</li>"
        ));
        assert_eq!(html.matches("Not in this file: ").count(), 1);
        assert!(html.contains(
            "Not in this file: purpose, target groups, focus areas, rationale, legal basis, means, kinds of activity."
        ));
        let print = &html[html.find("@media print{").unwrap()..];
        assert!(print.contains(".scroll{overflow:visible}") && print.contains("break-before:page"));
        assert!(print.contains("figure,tr,.notice{break-inside:avoid}"));
    }
}
