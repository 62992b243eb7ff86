//! Bad tables and mappings found by testing (the inputs are kept in
//! `tests/table_fixtures/bad/`): each is refused or reported with the file and the
//! place, never read into something else silently (DESIGN.md rules 7 and 8).

use std::path::PathBuf;

use kartan::io::table::{
    import_projects, import_survey, load_evaluation, load_portfolio, read_table_bytes, MappingError, ProjectMapping,
    SourceKind, SourceOptions, SurveyMapping, TableError,
};

fn bad(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/table_fixtures/bad")).join(name)
}

/// The message with the fixture folder taken off the file name.
fn message(e: &dyn std::fmt::Display) -> String {
    let folder = format!("{}/", bad("").display()).replace("//", "/");
    e.to_string().replace(&folder, "")
}

fn csv(text: &str) -> Result<kartan::io::table::RawTable, TableError> {
    read_table_bytes(text.as_bytes(), "t.csv", SourceKind::Csv, &SourceOptions::default())
}

const PROJECTS: &str = "[columns]\nid = \"id\"\ntitle = \"name\"\nbudget = \"budget\"\ncurrency = { value = \"SEK\" }\nstart = \"start\"\n";

fn projects(table: &[u8], name: &str) -> Result<kartan::io::table::ProjectImport, TableError> {
    let m = ProjectMapping::from_toml(PROJECTS, "m.toml").unwrap();
    let kind = if name.ends_with(".json") { SourceKind::Json } else { SourceKind::Csv };
    import_projects(&read_table_bytes(table, name, kind, &m.source)?, &m)
}

#[test]
fn an_unclosed_quote_is_an_error_naming_where_it_opened() {
    let e = load_portfolio(bad("06_unclosed_quote.csv"), bad("06_mapping.toml")).unwrap_err();
    assert_eq!(
        message(&e),
        "06_unclosed_quote.csv: row 2: a quote opened at line 2 column 4 is never closed \
         (the rest of the file would be read into one cell)"
    );
    assert!(matches!(e, TableError::Parse { .. }));
    // After multi-line cells and escaped quotes; in the header; with another delimiter.
    let e = csv("a,b\n1,\"x\ny\"\n2,\"say \"\"hi\"\"\n3,z\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.csv: row 3: a quote opened at line 4 column 3 is never closed (the rest of the file would be read into one cell)"
    );
    let e = csv("a,\"b\n1,2\n").unwrap_err();
    assert!(e.to_string().starts_with("t.csv: row 1: a quote opened at line 1 column 3 is never closed"), "{e}");
    let semicolon = SourceOptions { delimiter: Some(";".into()), ..SourceOptions::default() };
    let e = read_table_bytes(b"a;b\r\n1;\"2\r\n", "s.csv", SourceKind::Csv, &semicolon).unwrap_err();
    assert!(e.to_string().starts_with("s.csv: row 2: a quote opened at line 2 column 3"), "{e}");
}

#[test]
fn quotes_that_close_and_quotes_inside_plain_cells_are_read() {
    // Multi-line and escaped quoted cells in the last record; a quote inside an
    // unquoted cell is text (RFC 4180 quotes only whole cells); a quoted cell followed
    // by text; trailing blank lines.
    let t = csv("a,b,c\n1,\"x\ny\",\"say \"\"hi\"\"\"\n2,12\" pipe,\"q\"r\n\n\n").unwrap();
    assert_eq!(t.rows[0].cells, ["1", "x\ny", "say \"hi\""]);
    assert_eq!(t.rows[1].cells, ["2", "12\" pipe", "qr"]);
    let t = csv("a,b\n1,\"\"\n").unwrap();
    assert_eq!(t.rows[0].cells, ["1", ""]);
}

#[test]
fn a_short_row_is_an_error_like_a_long_one() {
    let e = load_portfolio(bad("17_ragged_short.csv"), bad("06_mapping.toml")).unwrap_err();
    assert_eq!(
        message(&e),
        "17_ragged_short.csv: row 2: 3 cells but the header has 4 columns (no cell for column \"start\")"
    );
    let e = csv("a,b,c\n\"1\n\",2,3\n1\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.csv: row 3 (line 4): 1 cells but the header has 3 columns (no cell for column \"b\" and after)"
    );
    let e = csv("a,b\n1,2,3\n").unwrap_err();
    assert_eq!(e.to_string(), "t.csv: row 2: 3 cells but the header has 2 columns (cell 3 is not empty)");
    // A row of empty cells is a blank row, which the import reports; a header that ends
    // in a delimiter has no column there.
    let imp = projects(b"id,name,budget,start\n,\nP1,T,1,2020-01-01\n", "p.csv").unwrap();
    assert_eq!(imp.report.skipped.len(), 1);
    assert_eq!(imp.report.skipped[0].reason, "blank row");
    assert_eq!(csv("a,b,\n1,2\n").unwrap().rows[0].cells, ["1", "2"]);
}

#[test]
fn a_repeated_key_in_a_json_record_is_an_error() {
    let e = load_portfolio(bad("07_table_dupkey.json"), bad("06_mapping.toml")).unwrap_err();
    assert_eq!(
        message(&e),
        "07_table_dupkey.json: 1:16: at /0/id: duplicate key \"id\": a key may appear once in an object"
    );
    // Syntax errors keep their place; a record that is no object says where it is; bytes
    // that are not UTF-8 are refused with their place.
    let e = projects(b"[{\"id\": \"P1\",\n \"name\": }]", "r.json").unwrap_err();
    assert_eq!(e.to_string(), "r.json: 2:10: at /0/name: expected value");
    let e = projects(b"[{\"id\": \"P1\"},\n  7]", "r.json").unwrap_err();
    assert_eq!(e.to_string(), "r.json: 2:3: at /1: expected an object (a record)");
    let e = projects(b"[{\"id\": \"P1\", \"name\": \"Tillv\xe4xt\"}]", "r.json").unwrap_err();
    assert_eq!(e.to_string(), "r.json: 1:29: not UTF-8: invalid byte sequence at byte 28; JSON must be UTF-8");
}

#[test]
fn a_json_boolean_is_not_a_number_and_says_so() {
    let (_, report) = load_portfolio(bad("08_table_json_numbers.json"), bad("06_mapping.toml")).unwrap();
    let reasons: Vec<String> = report.skipped.iter().map(|s| format!("{} | {}", message(&s.place), s.reason)).collect();
    assert!(
        reasons.contains(
            &"08_table_json_numbers.json: record 2 (/1), column \"budget\" | budget: a JSON boolean (true) is not a number; the cell is skipped"
                .to_owned()
        ),
        "{reasons:?}"
    );
    // A boolean date, an array; text that is a word is no number (not "exponent notation").
    let imp = projects(br#"[{"id": "P1", "name": "T", "budget": [1], "start": false}]"#, "r.json").unwrap();
    let reasons: Vec<&str> = imp.report.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "a JSON boolean (false) is not a date; the cell is skipped",
            "budget: a JSON array ([1]) is not a number; the cell is skipped"
        ]
    );
    let imp = projects(b"id,name,budget,start\nP1,T,true,\n", "p.csv").unwrap();
    assert_eq!(imp.report.skipped[0].reason, "budget: invalid number \"true\": not a number; the cell is skipped");
    // A survey score.
    let m = SurveyMapping::from_toml(
        "evaluation_id = \"E\"\ntitle = \"T\"\n[scales.n]\nmin = 0\nmax = 10\n[[questions]]\ncolumn = \"Score\"\nscale = \"n\"\n",
        "s.toml",
    )
    .unwrap();
    let table = read_table_bytes(br#"[{"Score": true}, {"Score": 7}]"#, "r.json", SourceKind::Json, &m.source).unwrap();
    let imp = import_survey(&table, &m).unwrap();
    assert_eq!(imp.report.skipped[0].reason, "a JSON boolean (true) is not a number; the cell is skipped");
}

#[test]
fn a_json_number_that_may_have_been_rounded_is_skipped_not_rounded() {
    // Record 1's budget 12345678901234567.89 reads as the float 12345678901234568: once
    // imported as that, silently (DESIGN.md rules 7 and 8).
    let (portfolio, report) = load_portfolio(bad("08_table_json_numbers.json"), bad("06_mapping.toml")).unwrap();
    assert!(portfolio.projects[0].budgets.is_empty());
    let reasons: Vec<String> = report.skipped.iter().map(|s| format!("{} | {}", message(&s.place), s.reason)).collect();
    assert!(
        reasons.contains(
            &"08_table_json_numbers.json: record 1 (/0), column \"budget\" | budget: the JSON number 12345678901234568 may have been rounded when read (a JSON number with a fraction or exponent keeps at most 15 significant digits, whole numbers up to 2^53); write it as a string; the cell is skipped"
                .to_owned()
        ),
        "{reasons:?}"
    );
    // Up to 15 significant digits a JSON float is exact; a string keeps every digit; a
    // whole number is read as an integer.
    let imp = projects(
        br#"[{"id": "A", "name": "a", "budget": 1234567890123.45, "start": null}, {"id": "B", "name": "b", "budget": "12345678901234567.89"}, {"id": "C", "name": "c", "budget": 12345678901234567}]"#,
        "r.json",
    )
    .unwrap();
    let budgets: Vec<String> = imp.projects.iter().map(|p| p.budgets[0].value.amount.to_string()).collect();
    assert_eq!(budgets, ["1234567890123.45", "12345678901234567.89", "12345678901234567"]);
    assert!(imp.report.skipped.is_empty(), "{:?}", imp.report.skipped);
    // A survey score the same way.
    let m = SurveyMapping::from_toml(
        "evaluation_id = \"E\"\ntitle = \"T\"\n[scales.n]\nmin = 0\nmax = 10\n[[questions]]\ncolumn = \"Score\"\nscale = \"n\"\n",
        "s.toml",
    )
    .unwrap();
    let table =
        read_table_bytes(br#"[{"Score": 0.30000000000000004}, {"Score": 7.5}]"#, "r.json", SourceKind::Json, &m.source)
            .unwrap();
    let imp = import_survey(&table, &m).unwrap();
    assert_eq!(imp.report.skipped.len(), 1);
    assert!(imp.report.skipped[0].reason.starts_with("the JSON number 0.30000000000000004 may have been rounded"));
}

#[test]
fn survey_mapping_mistakes_name_the_mapping_and_the_key() {
    let e = load_evaluation(bad("data_ok.csv"), bad("s_dup_labels.toml")).unwrap_err();
    assert_eq!(
        message(&e),
        "s_dup_labels.toml: at scales.agree.labels[2]: scale \"agree\" has the label \"agree\" twice (label 3) at line 4 column 31"
    );
    assert!(matches!(e, TableError::Mapping(MappingError::Invalid { .. })));
    let e = load_evaluation(bad("data_ok.csv"), bad("s_na_in_labels.toml")).unwrap_err();
    assert_eq!(
        message(&e),
        "s_na_in_labels.toml: at scales.agree.not_applicable[0]: scale \"agree\" lists \"Agree\" both as a label \
         (label 3) and in `not_applicable`: its answers would be counted as not applicable at line 5 column 19"
    );
    let survey = |body: &str| {
        let text = format!("evaluation_id = \"E\"\ntitle = \"T\"\n{body}");
        SurveyMapping::from_toml(&text, "s.toml").map(|_| ()).map_err(|e| e.to_string())
    };
    let cases = [
        (
            "[scales.n]\nmin = 5\nmax = 1\n[[questions]]\ncolumn = \"A\"\nscale = \"n\"\n",
            "s.toml: at scales.n.max: scale \"n\" must have either `labels` or both `min` and `max` (min < max) at line 5 column 7",
        ),
        (
            "[scales.n]\nmin = 1\n[[questions]]\ncolumn = \"A\"\nscale = \"n\"\n",
            "s.toml: at scales.n: scale \"n\" must have either `labels` or both `min` and `max` (min < max) at line 3 column 1",
        ),
        (
            "[scales.n]\nmin = 0\nmax = 10\nnot_applicable = [\"N/A\", \"0\"]\n[[questions]]\ncolumn = \"A\"\nscale = \"n\"\n",
            "s.toml: at scales.n.not_applicable[1]: scale \"n\" lists \"0\" in `not_applicable`, but it is a score of \
             the scale (0..10): its answers would be counted as not applicable at line 6 column 26",
        ),
        (
            "scales = {}\n[[questions]]\ncolumn = \"A\"\n[[questions]]\ncolumn = \"B\"\nid = \"A\"\n",
            "s.toml: at questions[1].id: question id \"A\" appears twice in `questions` at line 8 column 6",
        ),
        (
            "scales = {}\n[[questions]]\ncolumn = \"A\"\nscale = \"agree\"\n",
            "s.toml: at questions[0].scale: question \"A\" names scale \"agree\", which `scales` does not declare at line 6 column 9",
        ),
        (
            "scales = {}\n[[questions]]\ncolumn = \"A\"\nreverse = true\n",
            "s.toml: at questions[0].reverse: question \"A\" is reverse-coded but has no scale at line 6 column 11",
        ),
        (
            "scales = {}\nquestions = []\n[source]\ndelimiter = \";;\"\n",
            "s.toml: at source.delimiter: delimiter \";;\" must be one ASCII character at line 6 column 13",
        ),
    ];
    for (body, want) in cases {
        assert_eq!(survey(body), Err(want.to_owned()), "{body}");
    }
    // A number outside the range may mean "not applicable"; labels that differ are fine.
    assert_eq!(
        survey("[scales.n]\nmin = 0\nmax = 10\nnot_applicable = [\"-1\", \"N/A\"]\n[[questions]]\ncolumn = \"A\"\nscale = \"n\"\n"),
        Ok(())
    );
    // JSON mappings are located the same way.
    let json = "{\"evaluation_id\": \"E\", \"title\": \"T\",\n \"scales\": {\"a\": {\"labels\": [\"Yes\", \"No\"], \"not_applicable\": [\"no\"]}},\n \"questions\": []}";
    let e = SurveyMapping::from_json(json, "s.json").unwrap_err();
    assert!(
        e.to_string()
            .starts_with("s.json: at scales.a.not_applicable[0]: scale \"a\" lists \"no\" both as a label (label 2)"),
        "{e}"
    );
    assert!(e.to_string().ends_with("at line 2 column 63"), "{e}");
}

#[test]
fn a_mapping_built_in_code_is_checked_by_the_import() {
    let table = read_table_bytes(b"A\nYes\n", "s.csv", SourceKind::Csv, &SourceOptions::default()).unwrap();
    let mut m = SurveyMapping::from_toml(
        "evaluation_id = \"E\"\ntitle = \"T\"\n[scales.yn]\nlabels = [\"Yes\", \"No\"]\n[[questions]]\ncolumn = \"A\"\nscale = \"yn\"\n",
        "s.toml",
    )
    .unwrap();
    m.scales.get_mut("yn").unwrap().not_applicable.push("yes".into());
    let e = import_survey(&table, &m).unwrap_err();
    assert!(e.to_string().starts_with("s.csv: scale \"yn\" lists \"yes\" both as a label (label 1)"), "{e}");
}

#[test]
fn project_mapping_settings_name_the_mapping() {
    let e = ProjectMapping::from_toml(&format!("{PROJECTS}[source]\ndelimiter = \";;\"\n"), "p.toml").unwrap_err();
    assert_eq!(
        e.to_string(),
        "p.toml: at source.delimiter: delimiter \";;\" must be one ASCII character at line 8 column 13"
    );
    let e =
        ProjectMapping::from_toml("[columns]\nid = \"id\"\ntitle = \"name\"\nowner = { split = \",\" }\n", "p.toml")
            .unwrap_err();
    assert_eq!(
        e.to_string(),
        "p.toml: at columns.owner: the mapping's columns.owner names neither a column nor a value at line 4 column 9"
    );
    let e = ProjectMapping::from_toml(&format!("{PROJECTS}[source]\ndelimiter = '\"'\n"), "p.toml").unwrap_err();
    assert!(e.to_string().contains("delimiter \"\\\"\" cannot be a delimiter"), "{e}");
    // Separators that cannot be told apart.
    let e = ProjectMapping::from_toml(
        &format!("{PROJECTS}[locale]\ndecimal_separator = \",\"\nthousands_separator = \",\"\n"),
        "p.toml",
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "p.toml: at locale.thousands_separator: thousands separator \",\" is also the decimal separator: numbers \
         would be ambiguous at line 9 column 23"
    );
    let e =
        ProjectMapping::from_toml(&format!("{PROJECTS}[locale]\nthousands_separator = \".\"\n"), "p.toml").unwrap_err();
    assert!(e.to_string().contains("thousands separator \".\" is also the decimal separator"), "{e}");
    let e =
        ProjectMapping::from_toml(&format!("{PROJECTS}[locale]\ndecimal_separator = \"\"\n"), "p.toml").unwrap_err();
    assert!(e.to_string().contains("decimal separator \"\" must be a character other than a digit or sign"), "{e}");
    // Tab, written either way, is one.
    for tab in ["'\\t'", "\"\\t\""] {
        assert!(ProjectMapping::from_toml(&format!("{PROJECTS}[source]\ndelimiter = {tab}\n"), "p.toml").is_ok());
    }
}

#[test]
fn a_mapping_that_is_not_utf8_is_a_syntax_error_with_its_place() {
    let e = ProjectMapping::load(bad("14_mapping_notutf8.toml")).unwrap_err();
    assert_eq!(
        message(&e),
        "14_mapping_notutf8.toml: not UTF-8: invalid byte sequence at byte 30 (line 3 column 11); a mapping must be UTF-8"
    );
    assert!(matches!(e, MappingError::Syntax { .. }), "{e:?}");
    let e = load_portfolio(bad("17_ragged_short.csv"), bad("14_mapping_notutf8.toml")).unwrap_err();
    assert!(matches!(e, TableError::Mapping(MappingError::Syntax { .. })), "{e:?}");
}

#[test]
fn an_empty_mapping_says_so_the_same_way_in_toml_and_json() {
    let e = load_portfolio(bad("17_ragged_short.csv"), bad("15_mapping_empty.json")).unwrap_err();
    assert_eq!(message(&e), "15_mapping_empty.json: the mapping is empty: missing field `columns` at line 1 column 1");
    for name in ["mapping.toml", "mapping.json"] {
        for text in ["", " \n\t", "\u{feff}\n"] {
            let e = ProjectMapping::from_named_text(text, name).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("{name}: the mapping is empty: missing field `columns` at line 1 column 1")
            );
            let e = SurveyMapping::from_named_text(text, name).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("{name}: the mapping is empty: missing field `evaluation_id` at line 1 column 1")
            );
        }
    }
}

/// The messages the bindings' tests expect (bindings-wasm/tests/tables.test.mjs,
/// bindings-python/tests/test_learning.py), through the bytes API.
#[test]
fn binding_messages_through_the_bytes_api() {
    use kartan::io::table::{evaluation_from_bytes, portfolio_from_bytes};
    let m = "[columns]\nid = \"id\"\ntitle = \"name\"\n";
    let e = portfolio_from_bytes(b"id,name\nP1,\"a\nP2,b\n", "table.csv", m, "mapping.toml").unwrap_err();
    assert_eq!(
        e.to_string(),
        "table.csv: row 2: a quote opened at line 2 column 4 is never closed (the rest of the file would be read into one cell)"
    );
    let e = portfolio_from_bytes(b"id,name,x\nP1,a\n", "table.csv", m, "mapping.toml").unwrap_err();
    assert_eq!(e.to_string(), "table.csv: row 2: 2 cells but the header has 3 columns (no cell for column \"x\")");
    let e = portfolio_from_bytes(br#"[{"id": "P1", "id": "P2", "name": "a"}]"#, "dup.json", m, "m.toml").unwrap_err();
    assert_eq!(e.to_string(), "dup.json: 1:18: at /0/id: duplicate key \"id\": a key may appear once in an object");
    let e = evaluation_from_bytes(b"A\nYes\n", "s.csv", "", "mapping.toml").unwrap_err();
    assert_eq!(e.to_string(), "mapping.toml: the mapping is empty: missing field `evaluation_id` at line 1 column 1");
    let survey = "evaluation_id = \"E\"\ntitle = \"t\"\n[scales.yn]\nlabels = [\"No\", \"Yes\"]\nnot_applicable = [\"yes\"]\n[[questions]]\ncolumn = \"A\"\nscale = \"yn\"\n";
    let e = evaluation_from_bytes(b"A\nYes\n", "s.csv", survey, "mapping.toml").unwrap_err();
    assert_eq!(
        e.to_string(),
        "mapping.toml: at scales.yn.not_applicable[0]: scale \"yn\" lists \"yes\" both as a label (label 2) and in \
         `not_applicable`: its answers would be counted as not applicable at line 5 column 19"
    );
}
