//! The learning report on portfolios read from tables: section 8 (portfolio) for the
//! Projektbanken and Interreg files, section 6 (evaluations) for the Carpentries survey.

use chrono::NaiveDate;
use kartan::io::table::{load_evaluation, load_portfolio};
use kartan::learning_report::{build, to_html, to_markdown, Block, ReportOptions};

const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/real/");
const MAPPINGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/mappings/");

#[test]
fn projektbanken_portfolio_section() {
    let (portfolio, _) = load_portfolio(
        format!("{REAL}cohesion/se_tillvaxtverket_erdf_projektbanken_2014-2020_snapshot2016.json"),
        format!("{MAPPINGS}projektbanken.toml"),
    )
    .unwrap();
    let as_of = NaiveDate::from_ymd_opt(2016, 10, 14).unwrap();
    let report = build(&portfolio, &ReportOptions::new("sv", as_of));
    let s = report.section("portfolio").unwrap();
    let t: Vec<_> = s.tables().collect();
    let programme = t.iter().find(|t| t.columns[0] == "Regional programme").unwrap();
    assert_eq!(programme.rows[0], ["Norra Mellansverige", "80", "707\u{a0}612\u{a0}199 SEK"]);
    assert_eq!(programme.rows.len(), 9);
    let region = t.iter().find(|t| t.columns[0] == "Region").unwrap();
    assert_eq!(region.rows[0][..2], ["Västerbotten", "72"]);
    let status = t.iter().find(|t| t.columns[0] == "Status (IATI)").unwrap();
    assert!(status.rows.iter().any(|r| r[0] == "ej angivet; pågår enligt planerade datum"), "{:?}", status.rows);
    let budget = t.iter().find(|t| t.columns.get(2).is_some_and(|c| c == "Summa")).unwrap();
    assert_eq!(budget.rows, vec![vec!["Projekten", "SEK", "4\u{a0}354\u{a0}438\u{a0}151", "374"]]);
    // The whole report renders.
    assert!(to_markdown(&report).contains("Norra Mellansverige"));
    assert!(to_html(&report).contains("Norra Mellansverige"));
}

#[test]
fn interreg_partners_by_role() {
    let (portfolio, _) = load_portfolio(
        format!("{REAL}cohesion/se_interreg_swedish_partners_2021-2027.json"),
        format!("{MAPPINGS}interreg_partners.toml"),
    )
    .unwrap();
    let report = build(&portfolio, &ReportOptions::new("en", NaiveDate::from_ymd_opt(2026, 6, 9).unwrap()));
    let s = report.section("portfolio").unwrap();
    let roles = s.tables().find(|t| t.columns[0] == "Role").unwrap();
    assert_eq!(roles.rows[0], ["LP (lead partner)", "188", "61,195,118.07 EUR"]);
    assert_eq!(roles.rows.len(), 3);
}

#[test]
fn carpentries_evaluation_section() {
    let (evaluation, _) = load_evaluation(
        format!("{REAL}surveys/carpentries_instructor_training_post_survey_2018.csv"),
        format!("{MAPPINGS}carpentries_post_survey.toml"),
    )
    .unwrap();
    let mut portfolio = kartan::Portfolio::new(
        "en",
        kartan::Program::new("carpentries", kartan::Text::one("en", "Instructor training")),
    );
    portfolio.evaluations.push(evaluation);
    let report = build(&portfolio, &ReportOptions::new("en", NaiveDate::from_ymd_opt(2018, 9, 30).unwrap()));
    let s = report.section("evaluations").unwrap();
    let t: Vec<_> = s.tables().collect();
    let worth = t[0].rows.iter().find(|r| r[0].starts_with("Worth ")).unwrap();
    // n, missing, mean, median, sd, top two — as in the pandas reference.
    assert_eq!(worth[1..7], ["904", "63", "4.38", "5.00", "0.80", "90.4 %"]);
    let charts: Vec<&serde_json::Value> = s
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Chart { spec, .. } => Some(spec),
            _ => None,
        })
        .collect();
    assert_eq!(charts.len(), 2, "distribution and series trend");
    assert_eq!(charts[1]["spec"]["layer"][1]["encoding"]["size"]["field"], "n");
    let by_event = t.iter().find(|t| t.columns[0] == "Event").unwrap();
    assert_eq!(by_event.rows.len(), 80);
    assert_eq!(by_event.rows[0][..3], ["Online - June 8-9th 2016", "2016-06-09", "6"]);
}
