//! The learning report on a real IATI file with thousands of indicator periods
//! (`results_nl_ngos_2021.xml`: 182 activities, 6,888 periods after the import joins the
//! periods repeated per disaggregation), as a person reads it (issue 17, "the report as
//! people see it"): a disaggregated baseline is never shown as the indicator's, and a
//! long portfolio lists each indicator's latest period, once, instead of 10,000 rows.

use std::path::Path;

use chrono::NaiveDate;
use kartan::io::iati::{from_path, ImportOptions};
use kartan::learning_report::{build, to_html, Block, ReportOptions, Table};

const NGOS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/real/iati/results_nl_ngos_2021.xml");

fn report() -> (kartan::Portfolio, kartan::learning_report::LearningReport) {
    let (p, _) = from_path(Path::new(NGOS), &ImportOptions::new()).unwrap();
    let r = build(&p, &ReportOptions::new("en", NaiveDate::from_ymd_opt(2021, 12, 31).unwrap()));
    (p, r)
}

#[test]
fn a_long_portfolio_lists_each_indicators_latest_period_once() {
    let (p, r) = report();
    let s = r.section("results").unwrap();
    let periods: usize = p.indicators().map(|(_, i)| i.periods.len()).sum();
    assert_eq!(periods, 6_888);
    assert!(matches!(&s.blocks[0], Block::Notice { text, .. }
        if text.starts_with("6888 indicator periods: each indicator's latest period is shown here")));

    // The recorded values: one row per indicator (the tables before the progress heading).
    let end = s
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { text } if text.starts_with("Progress as of")))
        .unwrap();
    let recorded: Vec<&Table> =
        s.blocks[..end].iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect();
    let indicators = p.indicators().count();
    assert_eq!(recorded.iter().map(|t| t.rows.len()).sum::<usize>(), indicators);

    // NL-KVK-41160054-112711/R1/I1 has three periods (2018, 2019, 2020) and six
    // baselines, each of one group (Direct/Indirect, Gender): the latest period, and the
    // baselines counted, not listed as if each were the total.
    let heading = s
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { text } if text.starts_with("Project NL-KVK-41160054-112711:")));
    let Some(Block::Table(t)) = heading.and_then(|i| s.blocks.get(i + 1)) else { panic!("no table for the project") };
    assert_eq!(
        t.rows[0],
        [
            "NL-KVK-41160054-112711/R1/I1 Number of beneficiaries reached (PE)",
            "unit",
            "6 disaggregated values",
            "2020-01-01 – 2020-12-31",
            "",
            "6 disaggregated values"
        ]
    );
    // The per-period progress table is left out with a notice, as above 5,000 periods.
    assert!(s.blocks.iter().any(|b| matches!(b, Block::Notice { text, .. }
        if text.ends_with("indicator periods: progress per period is not listed here (see the kartan API)."))));
}

#[test]
fn the_html_report_of_a_long_portfolio_stays_readable_in_size() {
    // 3.5 MB when issue 17 was filed, 2.5 MB with one row per period; 1.5 MB now.
    let (_, r) = report();
    let html = to_html(&r);
    assert!(html.len() < 1_600_000, "{} bytes", html.len());
}
