//! Money in the learning report (issue 15): section 8's budget against spending by year,
//! a chart and its data table per currency, and section 5's planned and spent money per
//! focus area and project. Expected figures were computed independently (Python's
//! standard library, no kartan) by `tests/reference/money_reference.py`; the embedded
//! example's year table is in `tests/vectors/examples/example.json` (core/tests/example.rs).

use std::path::Path;

use chrono::NaiveDate;
use kartan::io::iati::{from_path, ImportOptions};
use kartan::learning_report::{build, to_html, Block, LearningReport, ReportOptions, Table};

const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/real/");

fn charts<'a>(r: &'a LearningReport, section: &str) -> Vec<(&'a str, &'a serde_json::Value, &'a Table)> {
    r.section(section)
        .unwrap()
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Chart { title, spec, fallback } => Some((title.as_str(), spec, fallback)),
            _ => None,
        })
        .collect()
}

fn tables<'a>(r: &'a LearningReport, section: &str) -> Vec<&'a Table> {
    r.section(section).unwrap().tables().collect()
}

#[test]
fn iati_budget_and_spending_by_year() {
    let (p, _) = from_path(Path::new(REAL).join("iati/results_nl_ngos_2021.xml"), &ImportOptions::new()).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2021, 12, 31).unwrap();
    let r = build(&p, &ReportOptions::new("en", as_of));
    let by_year: Vec<_> = charts(&r, "portfolio").into_iter().filter(|c| c.0.starts_with("Budget and spent")).collect();
    assert_eq!(by_year.len(), 1, "one currency (EUR), one chart");
    let (title, spec, table) = by_year[0];
    assert_eq!(title, "Budget and spent by year (EUR)");
    assert_eq!(table.columns, ["Year", "Budget (EUR)", "Spent (EUR)", "Share spent"]);
    // tests/reference/money_reference.py: the effective budget lines by the year their
    // period starts, disbursements + expenditure by their year. No spending recorded in
    // 2022 and 2023: "–", never 0.
    let want = [
        ["2015", "438,236", "408,270", "93.16 %"],
        ["2016", "24,769,384", "5,667,836", "22.88 %"],
        ["2017", "17,463,583", "9,021,094", "51.66 %"],
        ["2018", "166,320,115.84", "13,315,778", "8.01 %"],
        ["2019", "16,259,511.73", "19,173,633.92", "117.92 %"],
        ["2020", "112,730,665.62", "91,090,135.84", "80.8 %"],
        ["2021", "21,567,145.17", "6,379,559.99", "29.58 %"],
        ["2022", "7,913,503.04", "–", ""],
        ["2023", "396,707", "–", ""],
    ];
    assert_eq!(table.rows, want);
    // The chart: budget and spent side by side per year, exact values as numbers.
    assert_eq!(spec["encoding"]["xOffset"]["field"], "figure");
    assert_eq!(spec["encoding"]["y"]["title"], "EUR");
    let values = spec["data"]["values"].as_array().unwrap();
    assert_eq!(values.len(), 9 + 7, "a budget bar per year, a spent bar for 2015-2021");
    assert_eq!(values[6], serde_json::json!({"year": "2018", "figure": "Budget", "amount": 166320115.844}));

    // Section 5: the same money per project, in EUR; the HTML draws the chart.
    let html = to_html(&r);
    assert!(html.contains("<figcaption id=\"c"), "a figure with its caption");
    let at = html.find(">Budget and spent by year (EUR)</figcaption>").unwrap();
    let figure = &html[at..at + html[at..].find("</figure>").unwrap()];
    assert_eq!(figure.matches("<rect ").count(), 16, "one bar per value, side by side");
    assert!(figure.contains("<li><i style=\"background:#4c78a8\"></i>Budget</li>"), "{figure}");
    assert!(figure.contains("<details id=\"d"), "the data table as the text alternative");
    let projects = tables(&r, "map_vs_reality").into_iter().find(|t| t.columns[0] == "Project").unwrap();
    assert_eq!(projects.columns[1], "Budget (EUR)");
}

#[test]
fn example_planned_and_spent_per_focus_area_in_swedish() {
    let p = kartan::embedded::example();
    let r = build(&p, &ReportOptions::new("sv", NaiveDate::from_ymd_opt(2012, 6, 30).unwrap()));
    let t = tables(&r, "map_vs_reality");
    let areas = t.iter().find(|t| t.columns[0] == "Fokusområde").unwrap();
    // FA-1: 16 projects, FA-2: 14; sums of the projects' effective lines and disbursements
    // (2009-2011 totals of money_reference.py: 54,650,000 budget, 48,417,000 spent).
    assert_eq!(
        areas.rows,
        [
            ["Lokal näringslivsutveckling", "28\u{a0}500\u{a0}000", "24\u{a0}334\u{a0}000", "85,38 %"],
            ["Regionala tillväxtprocesser", "26\u{a0}150\u{a0}000", "24\u{a0}083\u{a0}000", "92,1 %"],
        ]
    );
    let projects = t.iter().find(|t| t.columns[0] == "Projekt" && t.columns[1] == "Budget (SEK)").unwrap();
    assert_eq!(projects.rows.len(), 30);
    assert_eq!(projects.rows[13], ["P14", "1\u{a0}700\u{a0}000", "596\u{a0}000", "35,06 %"]);
}

#[test]
fn projects_without_money_are_counted_apart() {
    let mut p = kartan::embedded::example();
    for pr in &mut p.projects[..2] {
        pr.budgets.clear();
        pr.transactions.clear();
    }
    let r = build(&p, &ReportOptions::new("en", NaiveDate::from_ymd_opt(2012, 6, 30).unwrap()));
    let s = r.section("map_vs_reality").unwrap();
    assert!(s.blocks.iter().any(|b| matches!(b, Block::Paragraph { text }
        if text == "2 of 30 projects record no budget and no transaction (not counted as 0).")));
    let projects = tables(&r, "map_vs_reality").into_iter().find(|t| t.columns[0] == "Project").unwrap();
    assert_eq!(projects.rows.len(), 28);
    assert_eq!(projects.rows[0][0], "P03");
}
