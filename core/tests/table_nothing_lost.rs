//! Issue 14, Tables: small made-up inputs in `tests/data/tables14/` that lost or misread
//! data before, each checked for what the import now reads and reports.

use kartan::io::table::{load_portfolio, load_survey};
use kartan::learning_report::{build, to_markdown, ReportOptions};
use kartan::Severity;

fn data(name: &str) -> String {
    format!("{}/../tests/data/tables14/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn as_of() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()
}

#[test]
fn unreadable_amounts_are_errors_and_the_total_says_what_it_misses() {
    let (portfolio, report) = load_portfolio(data("thousands_dot.csv"), data("thousands_dot.toml")).unwrap();
    assert_eq!(report.lost("columns.budget"), 2);
    let by_column = report.skipped_by_column();
    assert_eq!(by_column.len(), 1);
    assert_eq!((by_column[0].column.as_deref(), by_column[0].count), (Some("amount"), 2));
    assert_eq!(by_column[0].first.iter().map(|p| p.row).collect::<Vec<_>>(), [2, 4]);
    let options = ReportOptions::new("en", as_of()).with_table_import(&report);
    assert!(options.read_diagnostics.iter().any(|d| d.severity == Severity::Error && d.code == "table-skipped-column"));
    let text = to_markdown(&build(&portfolio, &options));
    assert!(text.contains("| The projects | EUR | 500 (from 1 of 3 projects; 2 amounts unreadable) | 1 |"), "{text}");
    assert!(text.contains("2 budget amounts in the input could not be read"), "{text}");
    assert!(text.contains("Table values that could not be read were skipped"), "{text}");
    assert!(!text.contains("Validation found no problems.\n\n## ") || text.contains("Reading the input reported"));
}

#[test]
fn a_quote_closed_by_another_character_is_a_warning_and_quoting_can_be_turned_off() {
    let (portfolio, report) = load_portfolio(data("curly_quote.csv"), data("curly_quote.toml")).unwrap();
    // Read with quoting: the cell of P1 swallows the rows up to the next `"`: 1 record of 5.
    assert_eq!((report.rows_read, report.lines_read), (1, Some(6)));
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    let w = &report.warnings[0];
    assert_eq!((w.place.row, w.place.column.as_deref()), (2, Some("title")));
    assert!(w.reason.contains("a quoted cell spans 5 lines"), "{}", w.reason);
    assert!(report.diagnostics().iter().any(|d| d.code == "table-warning" && d.severity == Severity::Warning));
    assert!(portfolio.projects.len() < 5);
    // With quoting off, every line is a record, and `"` stays in the text.
    let (portfolio, report) = load_portfolio(data("curly_quote.csv"), data("curly_quote_unquoted.toml")).unwrap();
    assert_eq!((report.rows_read, report.lines_read, report.warnings.len()), (5, Some(6), 0));
    assert_eq!(portfolio.projects.len(), 5);
    assert_eq!(portfolio.projects[0].title.show("en", "en"), "\"Bolaget” AB");
}

#[test]
fn focus_areas_are_created_from_the_values_or_declared() {
    let (portfolio, report) = load_portfolio(data("focus_areas.csv"), data("focus_areas_created.toml")).unwrap();
    assert!(report.skipped.is_empty());
    let ids: Vec<&str> = portfolio.program.focus_areas.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["Näringsliv", "Tillväxt"]);
    // "näringsliv" names the same area (labels compare case-insensitively).
    assert_eq!(portfolio.projects[2].focus_area.as_deref(), Some("Näringsliv"));
    assert!(kartan::analysis::validate(&portfolio, as_of()).iter().all(|d| d.severity != Severity::Error));

    let (portfolio, report) = load_portfolio(data("focus_areas.csv"), data("focus_areas_declared.toml")).unwrap();
    let areas: Vec<Option<&str>> = portfolio.projects.iter().map(|p| p.focus_area.as_deref()).collect();
    assert_eq!(areas, [Some("business"), None, Some("business")]);
    assert_eq!(report.lost("columns.focus_area"), 1);
    assert!(report.skipped[0].reason.contains("focus area \"Tillväxt\" is none of the mapping's focus_areas"));
    assert!(kartan::analysis::validate(&portfolio, as_of()).iter().all(|d| d.severity != Severity::Error));
}

#[test]
fn a_survey_alone_is_its_own_portfolio_with_its_events() {
    let survey = load_survey(data("survey_events.csv"), data("survey_events.toml")).unwrap();
    assert!(survey.report.skipped.is_empty(), "N/A is a declared missing value: {:?}", survey.report.skipped);
    let ids: Vec<&str> = survey.activities.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["Workshop A", "Workshop B"]);
    assert!(survey.activities.iter().all(|a| a.kind == kartan::model::ActivityKind::Training));
    let portfolio = survey.into_portfolio();
    assert_eq!(portfolio.program.id, "post-survey");
    assert!(kartan::analysis::validate(&portfolio, as_of()).iter().all(|d| d.severity != Severity::Error));
    let report = build(&portfolio, &ReportOptions::new("en", as_of()));
    assert_eq!(report.title, "Learning report: Post-workshop survey");
    assert_eq!(portfolio.evaluations[0].responses[1].answers.len(), 0, "N/A is no answer, never 0");
}

#[test]
fn partner_budgets_are_shown_apart_in_the_budget_section() {
    let real = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/real/cohesion/");
    let (portfolio, report) = load_portfolio(
        format!("{real}se_interreg_swedish_partners_2021-2027.json"),
        format!("{}/../examples/mappings/interreg_partners.toml", env!("CARGO_MANIFEST_DIR")),
    )
    .unwrap();
    let text = to_markdown(&build(&portfolio, &ReportOptions::new("en", as_of()).with_table_import(&report)));
    // SOURCES.md: 1,196 partner rows, total partnerbudget 212.4 M.
    assert!(text.contains("| Partner budgets | EUR | 212,449,300.01 | 1196 |"), "{text}");
    assert!(!text.contains("No budgets recorded."));
}
