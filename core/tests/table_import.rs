//! Tables in: CSV, XLSX and JSON records through a project mapping — the good paths
//! (BOM, multi-line cells, trailing empty column, locale only when declared, XLSX
//! dates) and the bad tables (a missing mapped column, a non-numeric budget, a date in
//! an unknown format, duplicate project ids, an empty file).

use kartan::io::table::{
    import_projects, read_table, read_table_bytes, ProjectMapping, SourceKind, SourceOptions, TableError,
};
use rust_decimal::Decimal;

const MAPPING: &str = r#"
kind = "projects"
language = "sv"
[columns]
id = "id"
title = "titel"
owner = "ägare"
start = "start"
end = "slut"
budget = "budget"
currency = { value = "SEK" }
regions = [{ column = "län", split = "," }]
status = { column = "status", values = { "pågår" = "implementation", avslutat = "closed" } }
[classifications]
focus = "fokus"
"#;

fn mapping() -> ProjectMapping {
    ProjectMapping::from_toml(MAPPING, "test.toml").unwrap()
}

fn csv(text: &str) -> Result<kartan::io::table::ProjectImport, TableError> {
    let m = mapping();
    let table = read_table_bytes(text.as_bytes(), "projekt.csv", SourceKind::Csv, &m.source)?;
    import_projects(&table, &m)
}

const HEADER: &str = "id,titel,ägare,start,slut,budget,län,status,fokus,\r\n";

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn csv_with_bom_multiline_cell_and_trailing_empty_column() {
    let text = format!(
        "\u{feff}{HEADER}P1,\"Lärande\r\nnätverk\",Region Västerbotten,2019-03-01,2021-12-31,1234567.50,\"Västerbotten, Norrbotten\",pågår,lokal,\r\nP2,Kunskapsstöd,Umeå kommun,2020-01-15,,250000,Västerbotten,avslutat,,\r\n"
    );
    let imp = csv(&text).unwrap();
    assert_eq!((imp.report.rows_read, imp.report.rows_imported), (2, 2));
    assert!(imp.report.skipped.is_empty(), "{:?}", imp.report.skipped);
    let p1 = &imp.projects[0];
    assert_eq!(p1.title.get("sv"), Some("Lärande\r\nnätverk"));
    assert_eq!(p1.budgets[0].value.amount, dec("1234567.50"));
    assert_eq!(p1.regions, ["Västerbotten", "Norrbotten"]);
    assert_eq!(p1.status, Some(kartan::ActivityStatus::Implementation));
    assert_eq!(p1.classifications["focus"], "lokal");
    let p2 = &imp.projects[1];
    assert_eq!(p2.planned.end, None);
    assert_eq!(p2.status, Some(kartan::ActivityStatus::Closed));
    assert!(p2.classifications.is_empty());
    assert_eq!(imp.organisations.len(), 2);
}

#[test]
fn locale_is_used_only_when_the_mapping_declares_it() {
    let text = format!("{HEADER}P1,T,O,7.3.2019,31.12.2021,\"1 234 567,50\",X,pågår,,\r\n");
    // Without a locale: both dates and the budget are reported, naming row and column.
    let imp = csv(&text).unwrap();
    let places: Vec<String> = imp.report.skipped.iter().map(|s| s.place.to_string()).collect();
    assert_eq!(
        places,
        [
            "projekt.csv: row 2, column \"start\"",
            "projekt.csv: row 2, column \"slut\"",
            "projekt.csv: row 2, column \"budget\""
        ]
    );
    assert!(imp.report.skipped[2].reason.contains("separators are not allowed"), "{}", imp.report.skipped[2].reason);
    assert!(imp.projects[0].budgets.is_empty());
    // With a Swedish locale declared: read.
    let mut m = mapping();
    m.locale = Some(kartan::io::table::Locale {
        decimal_separator: Some(",".into()),
        thousands_separator: Some(" ".into()),
        date_formats: vec!["%d.%m.%Y".into()],
        ..Default::default()
    });
    let table = read_table_bytes(text.as_bytes(), "projekt.csv", SourceKind::Csv, &m.source).unwrap();
    let imp = import_projects(&table, &m).unwrap();
    assert!(imp.report.skipped.is_empty(), "{:?}", imp.report.skipped);
    assert_eq!(imp.projects[0].budgets[0].value.amount, dec("1234567.50"));
    assert_eq!(imp.projects[0].planned.to_string(), "2019-03-07 – 2021-12-31");
}

#[test]
fn semicolon_delimited_csv() {
    let mut m = mapping();
    m.source.delimiter = Some(";".into());
    let text = HEADER.replace(',', ";") + "P1;T;O;2019-01-01;2019-12-31;10.5;X;pågår;;\n";
    let table = read_table_bytes(text.as_bytes(), "p.csv", SourceKind::Csv, &m.source).unwrap();
    let imp = import_projects(&table, &m).unwrap();
    assert_eq!(imp.projects[0].budgets[0].value.amount, dec("10.5"));
}

#[test]
#[cfg(feature = "spreadsheets")]
fn xlsx_sheet_with_date_cells() {
    let m = ProjectMapping::from_toml(
        r#"
language = "sv"
source = { sheet = "Projekt" }
[columns]
id = "Projekt-id"
title = "Namn"
owner = "Ägare"
start = "Start"
end = "Slut"
budget = "Budget"
currency = "Valuta"
"#,
        "xlsx.toml",
    )
    .unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/table_fixtures/projects.xlsx");
    let table = read_table(path, &m.source).unwrap();
    assert_eq!(table.headers, ["Projekt-id", "Namn", "Ägare", "Start", "Slut", "Budget", "Valuta"]);
    let imp = import_projects(&table, &m).unwrap();
    assert!(imp.report.skipped.is_empty(), "{:?}", imp.report.skipped);
    assert_eq!(imp.projects.len(), 2);
    assert_eq!(imp.projects[0].title.get("sv"), Some("Lärande\nnätverk"));
    assert_eq!(imp.projects[0].planned.to_string(), "2019-03-01 – 2021-12-31");
    assert_eq!(imp.projects[0].budgets[0].value.amount, dec("1234567.5"));
    assert_eq!(imp.projects[1].budgets[0].value.amount, dec("250000"));
    // The first sheet is not the table; naming a sheet that does not exist is an error.
    let e = read_table(path, &SourceOptions { sheet: Some("Saknas".into()), ..SourceOptions::default() }).unwrap_err();
    assert!(e.to_string().contains("no sheet \"Saknas\"; the workbook has: Om, Projekt"), "{e}");
}

#[test]
fn json_records() {
    let m = mapping();
    let json = r#"[{"id": "P1", "titel": "T", "ägare": "O", "budget": 1500.25, "start": "2019-01-01", "län": "X", "status": "pågår", "slut": null, "fokus": ""}]"#;
    let table = read_table_bytes(json.as_bytes(), "p.json", SourceKind::Json, &m.source).unwrap();
    let imp = import_projects(&table, &m).unwrap();
    assert_eq!(imp.projects[0].budgets[0].value.amount, dec("1500.25"));
}

#[test]
fn mapping_round_trips_through_toml() {
    let m = mapping();
    let again = ProjectMapping::from_toml(&m.to_toml().unwrap(), "again.toml").unwrap();
    assert_eq!(again, m);
    let shipped = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/mappings/projektbanken.toml");
    assert_eq!(
        ProjectMapping::load(shipped).unwrap().columns.title,
        kartan::io::table::FieldSpec::Column("projektnamn".into())
    );
    let e =
        ProjectMapping::from_toml("[columns]\nid = \"a\"\ntitle = \"b\"\nbudgett = \"c\"\n", "typo.toml").unwrap_err();
    assert!(e.to_string().starts_with("typo.toml: ") && e.to_string().contains("budgett"), "{e}");
}

// ---- bad tables ----

#[test]
fn bad_missing_mapped_column() {
    let e = csv("id,titel,ägare,start,slut,län,status,fokus\nP1,T,O,,,X,pågår,\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "projekt.csv: the mapping's columns.budget names column \"budget\", which the table does not have; its columns are: id, titel, ägare, start, slut, län, status, fokus"
    );
}

#[test]
fn bad_mapping_field_with_neither_column_nor_value() {
    let mut m = mapping();
    m.columns.currency = Some(kartan::io::table::FieldSpec::Detailed {
        column: None,
        value: None,
        split: None,
        values: Default::default(),
    });
    let table =
        read_table_bytes(format!("{HEADER}P1,T,O,,,1,X,pågår,,\n").as_bytes(), "p.csv", SourceKind::Csv, &m.source)
            .unwrap();
    let e = import_projects(&table, &m).unwrap_err();
    assert_eq!(e.to_string(), "p.csv: the mapping's columns.currency names neither a column nor a value");
}

#[test]
fn bad_non_numeric_budget() {
    let text = format!("{HEADER}P1,T,O,,,12 000 kr,X,pågår,,\n");
    let imp = csv(&text).unwrap();
    assert_eq!(imp.report.skipped.len(), 1);
    let s = &imp.report.skipped[0];
    assert_eq!(s.place.to_string(), "projekt.csv: row 2, column \"budget\"");
    assert!(s.reason.starts_with("budget: invalid number \"12 000 kr\""), "{}", s.reason);
    // Strict mappings stop at the first bad cell.
    let mut m = mapping();
    m.strict = true;
    let table = read_table_bytes(text.as_bytes(), "projekt.csv", SourceKind::Csv, &m.source).unwrap();
    let e = import_projects(&table, &m).unwrap_err();
    assert!(e.to_string().starts_with("projekt.csv: row 2, column \"budget\": budget: invalid number"), "{e}");
}

#[test]
fn bad_date_in_unknown_format() {
    let text = format!("{HEADER}P1,T,O,14 april 2010,,,X,pågår,,\n");
    let imp = csv(&text).unwrap();
    let s = &imp.report.skipped[0];
    assert_eq!(s.place.to_string(), "projekt.csv: row 2, column \"start\"");
    assert!(s.reason.contains("\"14 april 2010\" is in no known format"), "{}", s.reason);
    assert_eq!(imp.projects[0].planned.start, None);
}

#[test]
fn bad_duplicate_project_ids_name_both_rows() {
    // The second P1 starts on line 4 (after a multi-line cell) but is row 4 either way;
    // the error names spreadsheet rows.
    let text = format!("{HEADER}P1,\"a\nb\",O,,,,X,pågår,,\nP2,T,O,,,,X,pågår,,\nP1,T,O,,,,X,pågår,,\n");
    let e = csv(&text).unwrap_err();
    assert_eq!(e.to_string(), "projekt.csv: duplicate project id \"P1\" in row 2 and row 4 (column \"id\")");
    assert!(matches!(e, TableError::DuplicateId { first_row: 2, second_row: 4, .. }));
}

#[test]
fn bad_empty_files() {
    for (bytes, kind, name) in [
        (&b""[..], SourceKind::Csv, "e.csv"),
        (&b"\xEF\xBB\xBF \r\n"[..], SourceKind::Csv, "e.csv"),
        (&b"[]"[..], SourceKind::Json, "e.json"),
        (&b""[..], SourceKind::Json, "e.json"),
        #[cfg(feature = "spreadsheets")]
        (&b""[..], SourceKind::Spreadsheet, "e.xlsx"),
    ] {
        let e = read_table_bytes(bytes, name, kind, &SourceOptions::default()).unwrap_err();
        assert_eq!(e.to_string(), format!("{name}: the table is empty: expected a header row and at least one record"));
    }
    // A header and no records is a table with nothing to import, not an error.
    let imp = csv(HEADER).unwrap();
    assert_eq!((imp.report.rows_read, imp.projects.len()), (0, 0));
}

#[test]
fn bad_rows_and_values_are_reported_not_dropped() {
    let text = format!("{HEADER},no id,O,,,,X,pågår,,\n,,,,,,,,,\nP1,T,O,,,,X,kanske,,\n");
    let imp = csv(&text).unwrap();
    let got: Vec<String> = imp.report.skipped.iter().map(|s| format!("{} | {}", s.place, s.reason)).collect();
    assert_eq!(got[0], "projekt.csv: row 2, column \"id\" | no project id: the row is skipped");
    assert_eq!(got[1], "projekt.csv: row 3 | blank row");
    assert!(
        got[2]
            .starts_with("projekt.csv: row 4, column \"status\" | value \"kanske\" is not among the mapping's values"),
        "{}",
        got[2]
    );
    assert_eq!((imp.report.rows_read, imp.report.rows_imported), (3, 1));
    let diags = imp.report.diagnostics();
    assert_eq!(diags[0].message, "read 3 records (4 lines), imported 1, skipped 3 rows or cells");
    // A lost id (the whole row) and a lost status are errors; a blank row loses nothing.
    let fields: Vec<Option<&str>> = imp.report.skipped.iter().map(|s| s.field.as_deref()).collect();
    assert_eq!(fields, [Some("columns.id"), None, Some("columns.status")]);
    assert!(imp.report.lost_values());
    let summary: Vec<(String, kartan::Severity, &str)> = diags
        .iter()
        .filter(|d| d.code == "table-skipped-column")
        .map(|d| (d.path.clone(), d.severity, d.message.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            (
                "projekt.csv: column \"id\"".to_owned(),
                kartan::Severity::Error,
                "1 cells of column \"id\" (columns.id) were skipped: their values are lost; first at row 2"
            ),
            ("projekt.csv".to_owned(), kartan::Severity::Warning, "1 rows were skipped; first at row 3"),
            (
                "projekt.csv: column \"status\"".to_owned(),
                kartan::Severity::Error,
                "1 cells of column \"status\" (columns.status) were skipped: their values are lost; first at row 4"
            ),
        ]
    );
    let errors = diags.iter().filter(|d| d.severity == kartan::Severity::Error && d.code == "table-skip").count();
    assert_eq!(errors, 2);
}

#[test]
fn not_utf8_and_unknown_kinds() {
    let e = read_table_bytes(b"id,titel\nP1,Tillv\xe4xt\n", "latin1.csv", SourceKind::Csv, &SourceOptions::default())
        .unwrap_err();
    assert!(e.to_string().starts_with("latin1.csv: row 2, line 2: not UTF-8 text in field 2"), "{e}");
    let e = read_table("projekt.pdf", &SourceOptions::default()).unwrap_err();
    assert!(matches!(e, TableError::UnknownKind { .. }));
    let e = read_table_bytes(b"{\"a\": 1}", "o.json", SourceKind::Json, &SourceOptions::default()).unwrap_err();
    assert_eq!(e.to_string(), "o.json: expected a JSON array of objects");
}

#[test]
fn both_mapping_kinds_read_toml_and_json_and_refuse_the_other_kind() {
    use kartan::io::table::{MappingError, ProjectMapping, SurveyMapping};
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/mappings/");
    let project = ProjectMapping::load(format!("{dir}projektbanken.toml")).unwrap();
    let again = ProjectMapping::from_toml(&project.to_toml().unwrap(), "again.toml").unwrap();
    assert_eq!(again, project);
    let json = serde_json::to_string(&project).unwrap();
    assert_eq!(ProjectMapping::from_json(&json, "p.json").unwrap(), project);
    let survey = SurveyMapping::load(format!("{dir}carpentries_post_survey.toml")).unwrap();
    assert_eq!(SurveyMapping::from_toml(&survey.to_toml().unwrap(), "s.toml").unwrap(), survey);
    let text = survey.to_toml().unwrap();
    let text = if text.contains("kind = \"survey\"") {
        text.replace("kind = \"survey\"", "kind = \"projects\"")
    } else {
        format!("kind = \"projects\"\n{text}")
    };
    let wrong = SurveyMapping::from_toml(&text, "s.toml").unwrap_err();
    assert!(matches!(wrong, MappingError::Invalid { .. }), "{wrong}");
    assert!(wrong.to_string().contains("kind is \"projects\" but this is read as a \"survey\" mapping"), "{wrong}");
}

#[test]
fn mapping_errors_name_the_key_and_its_line_and_column_in_toml_and_json() {
    use kartan::io::table::{ProjectMapping, SurveyMapping};
    // A wrong type: the key path, what was expected, where the value starts.
    let toml = "strict = \"yes\"\n[columns]\nid = \"id\"\ntitle = \"name\"\n";
    let e = ProjectMapping::from_toml(toml, "m.toml").unwrap_err().to_string();
    assert_eq!(e, "m.toml: at strict: invalid type: string \"yes\", expected a boolean at line 1 column 10");
    let json = "{\"columns\": {\"id\": \"id\", \"title\": \"name\"},\n  \"strict\": \"yes\"}";
    let e = ProjectMapping::from_json(json, "m.json").unwrap_err().to_string();
    assert_eq!(e, "m.json: at strict: invalid type: string \"yes\", expected a boolean at line 2 column 13");
    // An unknown key in an array of tables; a missing field names its table.
    let toml = "evaluation_id = \"E\"\ntitle = \"t\"\nscales = {}\n[[questions]]\ncolumn = \"A\"\n[[questions]]\ncolumn = \"B\"\nscael = \"yn\"\n";
    let e = SurveyMapping::from_toml(toml, "s.toml").unwrap_err().to_string();
    assert!(e.starts_with("s.toml: at questions[1].scael: unknown field `scael`, expected one of"), "{e}");
    assert!(e.ends_with("at line 8 column 9"), "{e}");
    let e = SurveyMapping::from_json("{\"evaluation_id\": \"E\", \"title\": \"t\"}", "s.json").unwrap_err().to_string();
    assert_eq!(e, "s.json: at .: missing field `scales` at line 1 column 1");
    // A key given twice: JSON refuses it as TOML does.
    let e =
        ProjectMapping::from_json("{\"columns\": {\"id\": \"id\", \"id\": \"nr\"}}", "m.json").unwrap_err().to_string();
    assert!(e.starts_with("m.json: at columns.id: duplicate key \"id\""), "{e}");
    let e = ProjectMapping::from_toml("[columns]\nid = \"id\"\nid = \"nr\"\n", "m.toml").unwrap_err().to_string();
    assert!(e.starts_with("m.toml: TOML parse error at line 3, column 1"), "{e}");
}

#[test]
fn mapping_values_no_mapping_takes_are_refused_where_they_are() {
    use kartan::io::table::{ProjectMapping, SurveyMapping};
    let survey = |scale: &str| {
        let text = format!("evaluation_id = \"E\"\ntitle = \"t\"\n[scales.s]\nlabels = [\"a\", \"b\"]\n{scale}\n[[questions]]\ncolumn = \"A\"\n");
        SurveyMapping::from_toml(&text, "s.toml").map(|_| ()).map_err(|e| e.to_string())
    };
    // Not a finite number: refused, never read as an absent value.
    for (line, message) in [
        ("first_score = nan", "s.toml: at scales.s.first_score: nan is not a finite number at line 5 column 15"),
        ("max = inf", "s.toml: at scales.s.max: inf is not a finite number at line 5 column 7"),
        ("min = -1e400", "s.toml: at scales.s.min: -1e400 is not a finite number at line 5 column 7"),
        ("max = 99999999999999999999", "s.toml: at scales.s.max: the integer 99999999999999999999 is out of range: at most 64 bits at line 5 column 7"),
    ] {
        assert_eq!(survey(line), Err(message.to_owned()), "{line}");
    }
    assert_eq!(survey("first_score = 0"), Ok(()));
    // A date-time is no mapping value: quote it.
    let e =
        SurveyMapping::from_toml("evaluation_id = \"E\"\ntitle = 1979-05-27\nscales = {}\nquestions = []\n", "s.toml")
            .unwrap_err()
            .to_string();
    assert_eq!(e, "s.toml: at title: the date-time 1979-05-27 is not a mapping value: write it as a string (\"1979-05-27\") at line 2 column 9");
    // A field's table refuses a key it does not know, and says what a field is.
    let project = |columns: &str| {
        ProjectMapping::from_toml(&format!("[columns]\nid = \"id\"\ntitle = \"name\"\n{columns}\n"), "p.toml")
            .map(|_| ())
            .map_err(|e| e.to_string())
    };
    let e = project("regions = [{ column = \"län\", spilt = \",\" }]").unwrap_err();
    assert!(e.starts_with("p.toml: at columns.regions[0].spilt: unknown field `spilt`, expected one of `column`, `value`, `split`, `values` at line 4 column"), "{e}");
    let e = project("owner = 5").unwrap_err();
    assert_eq!(e, "p.toml: at columns.owner: invalid type: integer `5`, expected a column name, or a table with column, value, split or values at line 4 column 9");
    assert_eq!(project("regions = [{ column = \"län\", split = \",\" }]"), Ok(()));
    let e = ProjectMapping::from_toml("[columns]\nid = 7\ntitle = \"name\"\n", "p.toml").unwrap_err().to_string();
    assert_eq!(e, "p.toml: at columns.id: invalid type: integer `7`, expected a column name, or a list of column names at line 2 column 6");
    let id = ProjectMapping::from_toml("[columns]\nid = [\"a\", \"b\"]\ntitle = \"name\"\n", "p.toml").unwrap();
    assert_eq!(id.columns.id.columns(), ["a", "b"]);
    // A JSON mapping may start with a byte-order mark, as kartan JSON may.
    let json = "\u{FEFF}{\"columns\": {\"id\": \"id\", \"title\": \"name\"}}";
    assert!(ProjectMapping::from_json(json, "p.json").is_ok());
}
