//! IATI faults found with real publishers' files (issue 14, items 10-13), each kept as a
//! small made-up input in `tests/data/iati_faults/`: dates with a time zone, bad or
//! missing dates, an empty `<dimension/>`, budget status and value date, and what the
//! export lost or invented.

use std::path::Path;

use chrono::NaiveDate;
use kartan::io::iati::{from_slice, to_iati, IatiImportReport, ImportError, ImportOptions};
use kartan::{PartialDate, Portfolio, Severity};

const FAULTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/iati_faults/");

fn read(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(FAULTS).join(name)).unwrap()
}

fn import(name: &str) -> (Portfolio, IatiImportReport) {
    from_slice(&read(name), &ImportOptions::new().source_name(name)).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// `(severity, code, path, message)` of every diagnostic.
fn diagnostics(report: &IatiImportReport) -> Vec<(Severity, &str, &str, &str)> {
    report.diagnostics.iter().map(|d| (d.severity, d.code.as_str(), d.path.as_str(), d.message.as_str())).collect()
}

/// Import → export → import gives the same portfolio.
fn round_trips(portfolio: &Portfolio) -> String {
    let (xml, _) = to_iati(portfolio);
    let (again, _) = from_slice(xml.as_bytes(), &ImportOptions::new()).unwrap();
    assert_eq!(&again, portfolio, "round trip:\n{xml}");
    xml
}

#[test]
fn dates_with_a_time_zone_are_read_and_the_time_zone_is_reported() {
    let (p, r) = import("dates.xml");
    assert_eq!((r.activities_imported, r.activities_skipped), (2, 0));
    let zoned = &p.projects[0];
    assert_eq!(zoned.planned.start, Some(PartialDate::Date(day(2021, 12, 31))));
    assert_eq!(zoned.planned.end, Some(PartialDate::Date(day(2023, 6, 30))));
    assert_eq!(zoned.budgets[0].period.start, Some(PartialDate::Date(day(2022, 1, 1))));
    assert_eq!(zoned.budgets[0].value_date, Some(day(2022, 1, 1)));
    let period = &zoned.results[0].indicators[0].periods[0];
    assert_eq!((period.start, period.end), (day(2022, 1, 1), day(2022, 12, 31)));
    // The time zone itself has no place in kartan's dates: counted as not modelled.
    let tz = |path: &str| r.not_modelled(path).map(|n| n.count);
    assert_eq!(tz("iati-activity/activity-date/@iso-date[time zone]"), Some(2));
    assert_eq!(tz("iati-activity/budget/period-start/@iso-date[time zone]"), Some(1));
    assert_eq!(tz("iati-activity/budget/value/@value-date[time zone]"), Some(1));
    assert_eq!(tz("iati-activity/result/indicator/period/period-start/@iso-date[time zone]"), Some(1));
    assert_eq!(tz("iati-activity/result/indicator/period/period-end/@iso-date[time zone]"), Some(1));
}

#[test]
fn a_bad_or_missing_date_drops_the_date_never_the_activity() {
    let (p, r) = import("dates.xml");
    let bad = &p.projects[1];
    assert_eq!(bad.id, "XM-TEST-BAD-DATES");
    // Only the good dates are kept.
    assert_eq!((bad.planned.start, bad.actual.start, bad.planned.end), (None, None, None));
    assert_eq!(bad.actual.end, Some(PartialDate::Date(day(2023, 12, 31))));
    // The budget line is kept with what could be read.
    assert_eq!(bad.budgets.len(), 1);
    assert_eq!(bad.budgets[0].period.start, Some(PartialDate::Date(day(2022, 1, 1))));
    assert_eq!((bad.budgets[0].period.end, bad.budgets[0].value_date), (None, None));
    assert_eq!(bad.budgets[0].value.amount.to_string(), "500");
    // The baseline keeps its value without the bad year and date.
    let ind = &bad.results[0].indicators[0];
    assert_eq!((ind.baselines[0].year, ind.baselines[0].date), (None, None));
    assert_eq!(ind.baselines[0].value.map(|v| v.to_string()).as_deref(), Some("3"));
    // Of three periods, the two that cannot be placed in time are dropped, and say so.
    assert_eq!(ind.periods.len(), 1);
    assert_eq!(ind.periods[0].start, day(2023, 1, 1));
    assert_eq!(ind.periods[0].actuals[0].document_links[0].date, None);
    let found = diagnostics(&r);
    let expected = [
        (Severity::Warning, "iati-missing-date", "dates.xml:33:5", "activity-date has no @iso-date; the planned start is left unknown"),
        (Severity::Error, "iati-bad-date", "dates.xml:34:5", "activity-date/@iso-date \"2021-13-01\" is not a date (xsd:date: YYYY-MM-DD, optionally with a time zone such as Z or +02:00); the actual start is left unknown"),
        (Severity::Warning, "iati-missing-date", "dates.xml:35:5", "activity-date/@iso-date is empty; the planned end is left unknown"),
        (Severity::Error, "iati-bad-date", "dates.xml:39:7", "budget/period-end/@iso-date \"31/12/2022\" is not a date (xsd:date: YYYY-MM-DD, optionally with a time zone such as Z or +02:00); the budget line is kept with its period end unknown"),
        (Severity::Error, "iati-bad-date", "dates.xml:40:7", "budget/value/@value-date \"2022-02-30\" is not a date (xsd:date: YYYY-MM-DD, optionally with a time zone such as Z or +02:00); the budget line is kept without a value date"),
        (Severity::Error, "iati-bad-number", "dates.xml:46:9", "baseline/@year \"20x0\" is not a year; the baseline is kept without a year"),
        (Severity::Error, "iati-bad-date", "dates.xml:46:9", "baseline/@iso-date \"2020-02-30\" is not a date (xsd:date: YYYY-MM-DD, optionally with a time zone such as Z or +02:00); the baseline is kept without a date"),
        (Severity::Error, "iati-bad-period", "dates.xml:48:11", "period/period-start/@iso-date \"2022-00-01\" is not a date (xsd:date: YYYY-MM-DD, optionally with a time zone such as Z or +02:00); the period is not imported, with its 1 target(s) and 1 actual(s)"),
        (Severity::Error, "iati-bad-period", "dates.xml:53:9", "period has no period-start; the period is not imported, with its 1 target(s) and 0 actual(s)"),
        (Severity::Error, "iati-bad-date", "dates.xml:65:15", "document-date/@iso-date \"2023-13-13\" is not a date (xsd:date: YYYY-MM-DD, optionally with a time zone such as Z or +02:00); the document link is kept without a date"),
    ];
    assert_eq!(found, expected);
    // The wording follows what is there: never `@iso-date ""` for a missing attribute.
    assert!(r.diagnostics.iter().all(|d| !d.message.contains("\"\"")));
    // Strict mode still fails, on the first error.
    match from_slice(&read("dates.xml"), &ImportOptions::new().strict(true).source_name("dates.xml")) {
        Err(ImportError::Invalid { diagnostic }) => assert_eq!(diagnostic.path, "dates.xml:34:5"),
        other => panic!("{other:?}"),
    }
    // IATI needs both ends of a budget period: the export says it leaves that line out,
    // and everything else goes through unchanged.
    let (_, warnings) = to_iati(&p);
    let w: Vec<(&str, &str)> = warnings.iter().map(|d| (d.path.as_str(), d.message.as_str())).collect();
    assert!(w.contains(&("/projects/1/budgets/0", "budget period is not two full dates; not exported")), "{w:?}");
    let mut without = p.clone();
    without.projects[1].budgets.clear();
    round_trips(&without);
}

#[test]
fn an_empty_dimension_is_no_dimension_with_a_warning() {
    let (p, r) = import("empty_dimension.xml");
    let ind = &p.projects[0].results[0].indicators[0];
    assert!(ind.baselines[0].dimensions.is_empty());
    let period = &ind.periods[0];
    // The target stays the total, not a nameless disaggregated value.
    assert!(period.targets[0].is_total());
    assert!(period.actuals[0].is_total());
    assert_eq!(period.actuals[1].dimensions.len(), 1);
    assert_eq!(r.count("dimension"), 4);
    let warnings: Vec<(&str, &str)> = r
        .diagnostics
        .iter()
        .filter(|d| d.code == "iati-empty-dimension")
        .map(|d| (d.path.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [
            ("empty_dimension.xml:12:41", "baseline/dimension has neither @name nor @value; read as no dimension (the baseline is not disaggregated by it)"),
            ("empty_dimension.xml:16:31", "target/dimension has neither @name nor @value; read as no dimension (the target is not disaggregated by it)"),
            ("empty_dimension.xml:17:30", "actual/dimension has neither @name nor @value; read as no dimension (the actual is not disaggregated by it)"),
        ]
    );
    round_trips(&p);
}

#[test]
fn budget_status_defaults_to_indicative_and_is_always_exported_with_the_value_date() {
    let (p, r) = import("budgets.xml");
    let budgets = &p.projects[0].budgets;
    let status: Vec<bool> = budgets.iter().map(|b| b.indicative).collect();
    // No @status: indicative (IATI BudgetStatus 1); "3" is no code: warned, indicative.
    assert_eq!(status, [true, false, true, true]);
    assert_eq!(budgets[0].value_date, Some(day(2023, 11, 15)));
    let unknown: Vec<&str> =
        r.diagnostics.iter().filter(|d| d.code == "iati-unknown-code").map(|d| d.message.as_str()).collect();
    assert_eq!(unknown, ["budget/@status \"3\" is not a BudgetStatus code (1 indicative, 2 committed); read as indicative, the IATI default"]);
    let xml = round_trips(&p);
    assert_eq!(xml.matches("<budget type=\"1\" status=\"1\">").count(), 2, "{xml}");
    assert_eq!(xml.matches("<budget type=\"1\" status=\"2\">").count(), 1, "{xml}");
    assert_eq!(xml.matches("<budget type=\"2\" status=\"1\">").count(), 1, "{xml}");
    // The value date is the input's, not the period start.
    assert!(xml.contains("<value currency=\"EUR\" value-date=\"2023-11-15\">1000</value>"), "{xml}");
}

#[test]
fn a_budget_without_value_date_is_exported_with_the_period_start_and_a_warning() {
    let (mut p, _) = import("budgets.xml");
    p.projects[0].budgets[0].value_date = None;
    let (xml, warnings) = to_iati(&p);
    assert!(xml.contains("<value currency=\"EUR\" value-date=\"2024-01-01\">1000</value>"), "{xml}");
    let w: Vec<(&str, &str)> = warnings.iter().map(|d| (d.path.as_str(), d.message.as_str())).collect();
    assert!(
        w.contains(&(
            "/projects/0/budgets/0/value_date",
            "budget has no value date; the period start 2024-01-01 is written as @value-date, which IATI requires"
        )),
        "{w:?}"
    );
}

#[test]
fn export_keeps_language_children_and_invents_no_description() {
    let (p, r) = import("export_losses.xml");
    let parent = &p.projects[0];
    assert_eq!(parent.default_language.as_deref(), Some("fr"));
    assert_eq!(parent.children, ["XM-TEST-CHILD", "XM-OTHER-OUTSIDE"]);
    assert_eq!(p.projects[1].parent.as_deref(), Some("XM-TEST-PARENT"));
    let xml = round_trips(&p);
    assert!(xml.contains("<iati-activity xml:lang=\"fr\">"), "{xml}");
    assert!(!xml.contains("<iati-activity xml:lang=\"en\">"), "{xml}");
    assert!(xml.contains("<related-activity ref=\"XM-TEST-CHILD\" type=\"2\"/>"), "{xml}");
    assert!(xml.contains("<related-activity ref=\"XM-OTHER-OUTSIDE\" type=\"2\"/>"), "{xml}");
    assert!(xml.contains("<related-activity ref=\"XM-TEST-PARENT\" type=\"1\"/>"), "{xml}");
    // The parent has no description: none is invented.
    assert_eq!(xml.matches("<description").count(), 1, "{xml}");
    assert!(!xml.contains("<narrative/>"), "{xml}");
    // Namespaced extension attributes are listed as not modelled, with their counts.
    let nm = |path: &str| r.not_modelled(path).map(|n| (n.count, n.first.to_string()));
    assert_eq!(nm("iati-activity/iati-identifier/@akvo:id"), Some((1, "export_losses.xml:7:5".into())));
    assert_eq!(nm("iati-activity/title/@akvo:short"), Some((1, "export_losses.xml:9:5".into())));
    assert_eq!(nm("iati-activity/description/@akvo:type"), Some((1, "export_losses.xml:19:5".into())));
    assert_eq!(
        nm("iati-activity/result/indicator/period/period-start/@akvo:locked"),
        Some((1, "export_losses.xml:27:11".into()))
    );
}

#[test]
fn a_life_target_and_other_fields_without_an_iati_home_are_warned_on_export() {
    let (mut p, _) = import("export_losses.xml");
    let ind = &mut p.projects[1].results[0].indicators[0];
    ind.life_target = Some(12.into());
    ind.unit = Some("wells".into());
    p.projects[1].regions = vec!["SE-AB".into()];
    let (_, warnings) = to_iati(&p);
    let w: Vec<(&str, &str, &str)> = warnings
        .iter()
        .filter(|d| d.code == "iati-not-exported")
        .map(|d| (d.path.as_str(), d.message.as_str(), d.code.as_str()))
        .collect();
    assert_eq!(
        w,
        [
            ("/projects/1/regions", "project regions has no place in IATI 2.03 activities and is not exported (1 value(s); the first is at this path)", "iati-not-exported"),
            ("/projects/1/results/0/indicators/0/life_target", "indicator life_target has no place in IATI 2.03 activities and is not exported (1 value(s); the first is at this path)", "iati-not-exported"),
            ("/projects/1/results/0/indicators/0/unit", "indicator unit has no place in IATI 2.03 activities and is not exported (1 value(s); the first is at this path)", "iati-not-exported"),
        ]
    );
    assert!(warnings.iter().all(|d| d.severity == Severity::Warning));
}

#[test]
fn the_faults_read_the_same_on_several_threads() {
    for name in ["dates.xml", "empty_dimension.xml", "budgets.xml", "export_losses.xml"] {
        let bytes = read(name);
        let one = from_slice(&bytes, &ImportOptions::new().threads(1)).unwrap();
        let many = kartan::io::iati::from_slice_in_segments(&bytes, &ImportOptions::new().threads(4), 200).unwrap();
        assert_eq!(one, many, "{name}");
    }
}

#[test]
fn transactions_are_read_and_a_lost_one_is_an_error_naming_what_is_wrong() {
    let (p, r) = import("transactions.xml");
    assert_eq!((r.activities_imported, r.activities_skipped), (1, 0));
    let tx = &p.projects[0].transactions;
    assert_eq!(tx.len(), 2);
    assert_eq!(tx[0].transaction_type, kartan::TransactionType::Disbursement);
    assert_eq!((tx[0].value.amount.to_string(), tx[0].value.currency.as_str()), ("1500.50".into(), "SEK"));
    assert_eq!(tx[0].reference.as_deref(), Some("T1"));
    let receiver = tx[0].receiver.as_ref().unwrap();
    assert_eq!(
        (receiver.organisation.as_deref(), receiver.activity.as_deref()),
        (Some("XM-PARTNER"), Some("XM-PARTNER-1"))
    );
    assert_eq!((tx[1].value.amount.to_string(), tx[1].value.currency.as_str()), ("-20".into(), "EUR"));
    assert_eq!(tx[1].value_date, None);
    let errors: Vec<(&str, &str)> = diagnostics(&r)
        .into_iter()
        .filter(|d| d.0 == Severity::Error)
        .map(|(_, code, _, message)| (code, message))
        .collect();
    let has = |code: &str, text: &str| errors.iter().any(|(c, m)| *c == code && m.contains(text));
    assert!(has("iati-missing-element", "transaction has no transaction-type and no value"), "{errors:?}");
    assert!(has("iati-unknown-code", "transaction-type/@code \"99\" is not a TransactionType code"), "{errors:?}");
    assert!(has("iati-bad-date", "transaction-date/@iso-date \"2024-13-01\" is not a date"), "{errors:?}");
    assert!(has("iati-bad-number", "transaction/value"), "{errors:?}");
    assert_eq!(errors.len(), 4, "{errors:?}");
    // The export writes the date as the missing value date, with a warning; the rest round-trips.
    let (xml, warnings) = to_iati(&p);
    assert!(xml.contains("<value currency=\"EUR\" value-date=\"2024-03-01\">-20</value>"), "{xml}");
    assert!(warnings.iter().any(|w| w.path == "/projects/0/transactions/1/value_date"), "{warnings:?}");
    // The three that cannot be counted are carried whole, never dropped: the export
    // writes them back, as the source wrote them.
    let carried: Vec<&String> =
        p.projects[0].carried.elements.iter().filter(|e| e.starts_with("<transaction")).collect();
    assert_eq!(carried.len(), 3, "{carried:?}");
    assert!(carried.iter().all(|fragment| xml.contains(fragment.as_str())), "{xml}");
    assert_eq!(r.carried("iati-activity/transaction[unreadable]").map(|c| c.count), Some(3));
}
