//! `analysis::breakdown::breakdown` refuses what it cannot group by, and
//! `report::language` what the report is not written in: the faces (command, Python,
//! JS) give these messages.

use kartan::analysis::breakdown::{breakdown, BreakdownError};
use kartan::{Portfolio, Program, Project, Text};

fn portfolio() -> Portfolio {
    let mut p = Portfolio::new("sv", Program::new("P", Text::one("sv", "P")));
    let mut a = Project::new("A", Text::one("sv", "A"));
    a.classifications.insert("priority_axis".into(), "1".into());
    let mut b = Project::new("B", Text::one("sv", "B"));
    b.classifications.insert("sector".into(), "111".into());
    p.projects = vec![a, b];
    p
}

#[test]
fn an_unknown_dimension_names_the_ones_there_are() {
    // `breakdown("bogus")` put every project under "(none)" without a word.
    let err = breakdown(&portfolio(), "bogus", None).unwrap_err();
    assert_eq!(err.code(), "unknown_dimension");
    assert_eq!(
        err.to_string(),
        r#"unknown breakdown "bogus": expected "status", "region", "focus_area", "owner_kind" or a classification scheme of the portfolio ("priority_axis", "sector")"#
    );
    let empty = Portfolio::new("sv", Program::new("P", Text::one("sv", "P")));
    assert!(breakdown(&empty, "bogus", None).unwrap_err().to_string().ends_with("(it has none)"));
    // A scheme one project uses groups the others under "(none)", as before.
    let b = breakdown(&portfolio(), "sector", None).unwrap();
    assert_eq!(b.groups.iter().map(|g| g.key.as_str()).collect::<Vec<_>>(), ["(none)", "111"]);
    assert_eq!(breakdown(&portfolio(), "status", None).unwrap_err(), BreakdownError::NeedsAsOf);
    assert!(breakdown(&portfolio(), "region", None).is_ok());
}

#[test]
fn report_languages_are_checked() {
    assert_eq!(kartan::learning_report::language("en"), Ok("en"));
    assert_eq!(kartan::learning_report::language("sv"), Ok("sv"));
    let err = kartan::learning_report::language("xx").unwrap_err();
    assert_eq!(err.to_string(), r#"unknown report language "xx": expected "sv" or "en""#);
}
