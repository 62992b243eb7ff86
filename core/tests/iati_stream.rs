//! The streaming IATI import (`for_each_activity`) against the whole-file import on
//! every real file, the periods table it feeds (rows counted against
//! `tests/vectors/iati/*.json`), and bad input.

use std::collections::BTreeSet;
use std::convert::Infallible;
use std::path::{Path, PathBuf};

use kartan::analysis::tables::{empty_periods_table, periods_table, project_periods_table};
use kartan::io::iati::{
    for_each_activity, from_path, from_reader, IatiImportReport, ImportError, ImportOptions, StreamError,
    StreamedActivity,
};
use kartan::{Portfolio, Severity};

const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/real/iati/");
const VECTORS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/iati/");

const NOT_APPLIED: &str = "iati-stream-link-not-applied";
const NO_CYCLES: &str = "iati-stream-cycles-not-checked";

fn real_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(REAL)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 7, "{files:?}");
    files
}

/// Streams `bytes`, collecting what is handed out.
fn stream(
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<(Vec<StreamedActivity>, Portfolio, IatiImportReport), ImportError> {
    let mut out = Vec::new();
    match for_each_activity(bytes, options, |a| {
        out.push(a);
        Ok::<(), Infallible>(())
    }) {
        Ok((rest, report)) => Ok((out, rest, report)),
        Err(StreamError::Import(e)) => Err(e),
        Err(e) => panic!("{e:?}"),
    }
}

/// The first number of a message ("3 related-activity …" → 3).
fn leading_number(message: &str) -> usize {
    message.split_whitespace().next().unwrap().parse().unwrap()
}

#[test]
fn streams_give_the_projects_report_and_program_of_from_path_on_every_real_file() {
    for path in real_files() {
        let name = path.display().to_string();
        let (whole, whole_report) = from_path(&path, &ImportOptions::new()).unwrap();
        let options = ImportOptions::new().source_name(&name);
        let file = std::fs::File::open(&path).unwrap();
        let mut got = Vec::new();
        let (rest, report) = for_each_activity(file, &options, |a| {
            got.push(a);
            Ok::<(), Infallible>(())
        })
        .unwrap();

        // The same projects, in order; only parents set by a link to an earlier child differ.
        assert_eq!(got.len(), whole.projects.len(), "{name}");
        let mut unlinked = 0;
        for (a, w) in got.iter().zip(&whole.projects) {
            if &a.project != w {
                assert_eq!(a.project.parent, None, "{name}: {}", w.id);
                assert!(w.parent.is_some(), "{name}: {}", w.id);
                let mut linked = a.project.clone();
                linked.parent = w.parent.clone();
                assert_eq!(&linked, w, "{name}");
                unlinked += 1;
            }
        }
        let warned = report.diagnostics.iter().find(|d| d.code == NOT_APPLIED);
        assert_eq!(warned.map_or(0, |d| leading_number(&d.message)), unlinked, "{name}");
        let with_parent = got.iter().filter(|a| a.project.parent.is_some()).count();
        let note = report.diagnostics.iter().find(|d| d.code == NO_CYCLES);
        assert_eq!(note.map_or(0, |d| leading_number(&d.message)), with_parent, "{name}");
        if let Some(note) = note {
            assert_eq!(note.severity, Severity::Info);
        }

        // The rest of the portfolio is the whole import's, without projects.
        let mut frame = whole.clone();
        frame.projects.clear();
        assert_eq!(rest, frame, "{name}");
        // Each activity names organisations of the portfolio; together, all of them.
        let named: BTreeSet<&str> = got.iter().flat_map(|a| &a.organisations).map(|o| o.id.as_str()).collect();
        let all: BTreeSet<&str> = rest.organisations.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(named, all, "{name}");
        assert!(got.iter().all(|a| a.default_language == whole.default_language));

        // The same report, plus what the stream could not do, minus cycle errors.
        let mut expected = whole_report.clone();
        expected.diagnostics.retain(|d| d.code != "hierarchy-cycle");
        let mut stream_report = report.clone();
        stream_report.diagnostics.retain(|d| d.code != NOT_APPLIED && d.code != NO_CYCLES);
        assert_eq!(stream_report, expected, "{name}");
    }
}

#[test]
fn a_child_before_its_parent_keeps_no_parent_and_is_counted() {
    let act = |id: &str, extra: &str| {
        format!("<iati-activity><iati-identifier>{id}</iati-identifier>{extra}</iati-activity>\n")
    };
    let xml = format!(
        "<iati-activities version=\"2.03\">\n{}{}{}{}{}</iati-activities>\n",
        act("EARLY", ""),
        act("P", "<related-activity ref=\"EARLY\" type=\"2\"/><related-activity ref=\"LATE\" type=\"2\"/>"),
        act("LATE", ""),
        act("X", "<related-activity ref=\"Y\" type=\"1\"/>"),
        act("Y", "<related-activity ref=\"X\" type=\"1\"/>"),
    );
    let (got, _, report) = stream(xml.as_bytes(), &ImportOptions::new()).unwrap();
    let parents: Vec<(&str, Option<&str>)> =
        got.iter().map(|a| (a.project.id.as_str(), a.project.parent.as_deref())).collect();
    // The whole-file import links EARLY too, and breaks the X ↔ Y cycle.
    assert_eq!(parents, [("EARLY", None), ("P", None), ("LATE", Some("P")), ("X", Some("Y")), ("Y", Some("X"))]);
    let d = report.diagnostics.iter().find(|d| d.code == NOT_APPLIED).unwrap();
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.starts_with("1 related-activity type-2"), "{}", d.message);
    assert!(d.message.contains("P → EARLY"), "{}", d.message);
    let note = report.diagnostics.iter().find(|d| d.code == NO_CYCLES).unwrap();
    assert!(note.message.starts_with("3 project(s) have a parent"), "{}", note.message);
    assert_eq!(report.errors().count(), 0);
    let (whole, whole_report) = from_reader(xml.as_bytes(), &ImportOptions::new()).unwrap();
    assert_eq!(whole.project("EARLY").unwrap().parent.as_deref(), Some("P"));
    assert_eq!(whole_report.errors().filter(|d| d.code == "hierarchy-cycle").count(), 1);
}

#[test]
fn periods_rows_streamed_per_project_are_the_whole_table_and_fit_the_vectors() {
    let mut vectors: Vec<PathBuf> = std::fs::read_dir(VECTORS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    vectors.sort();
    assert_eq!(vectors.len(), 7);
    for vector in vectors {
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&vector).unwrap()).unwrap();
        let input = Path::new(REAL).join(Path::new(v["input"].as_str().unwrap()).file_name().unwrap());
        let expected = |k: &str| usize::try_from(v["expected"][k].as_u64().unwrap()).unwrap();
        let name = input.display().to_string();

        // Streamed: a header, then each project's rows.
        let mut csv = Vec::new();
        empty_periods_table().write_csv(&mut csv, true).unwrap();
        let mut rows = 0;
        let file = std::fs::File::open(&input).unwrap();
        let (_, report) = for_each_activity(file, &ImportOptions::new(), |a| {
            let table = project_periods_table(&a.project, &a.default_language);
            table.check().unwrap();
            rows += table.rows.len();
            table.write_csv(&mut csv, false)
        })
        .unwrap();
        let (whole, _) = from_path(&input, &ImportOptions::new()).unwrap();
        let table = periods_table(&whole, &whole.default_language);
        assert_eq!(String::from_utf8(csv).unwrap(), table.to_csv(), "{name}");
        assert_eq!(rows, table.rows.len());

        // Every target has a row; those with a number or a text show it.
        let col = |c: &str| table.column(c).unwrap();
        let shown = |row: &Vec<kartan::analysis::tables::Cell>, a: &str, b: &str| {
            row[col(a)] != kartan::analysis::tables::Cell::Null || row[col(b)] != kartan::analysis::tables::Cell::Null
        };
        let targets_shown = table.rows.iter().filter(|r| shown(r, "target", "target_text")).count();
        assert_eq!(targets_shown, expected("targets") - expected("targets_without_value"), "{name}");
        let actuals_shown = table.rows.iter().filter(|r| shown(r, "actual", "actual_text")).count();
        let actuals_without_value = usize::try_from(report.actuals_without_value).unwrap();
        assert_eq!(actuals_shown, expected("actuals") - actuals_without_value, "{name}");
        // One row per period at least; at most one per target, actual and empty period.
        let periods = expected("periods");
        assert!(table.rows.len() >= periods, "{name}");
        assert!(table.rows.len() <= expected("targets") + expected("actuals") + periods, "{name}");
        // Rows of one period have its dates: every row's period is one of the indicator's.
        let dated = table.rows.iter().filter(|r| r[col("period_start")] != kartan::analysis::tables::Cell::Null);
        assert_eq!(dated.count(), table.rows.len());
    }
}

#[test]
fn periods_rows_for_the_nl_ngos_file() {
    // 6,966 periods as written (6,888 once the repeats per disaggregation are read as
    // one), 4,379 targets and 7,579 actuals give 9,098 rows: 15 targets of a repeat now
    // sit beside the actual of another repeat of their period (9,113 rows before).
    let (whole, _) = from_path(Path::new(REAL).join("results_nl_ngos_2021.xml"), &ImportOptions::new()).unwrap();
    let table = periods_table(&whole, "en");
    assert_eq!(table.rows.len(), 9098);
    assert_eq!(table.columns.len(), 19);
}

#[test]
fn a_truncated_file_hands_out_every_activity_before_the_cut() {
    let bytes = std::fs::read(Path::new(REAL).join("results_nl_ngos_2021.xml")).unwrap();
    for cut in [bytes.len() / 3, bytes.len() / 2, bytes.len() - 30] {
        let cut = &bytes[..cut];
        let (whole, whole_report) = from_reader(cut, &ImportOptions::new()).unwrap();
        let (got, _, report) = stream(cut, &ImportOptions::new()).unwrap();
        assert!(!got.is_empty());
        let ids: Vec<&str> = got.iter().map(|a| a.project.id.as_str()).collect();
        let whole_ids: Vec<&str> = whole.projects.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, whole_ids);
        let errors = |r: &IatiImportReport| r.errors().cloned().collect::<Vec<_>>();
        assert_eq!(errors(&report), errors(&whole_report));
        assert_eq!(errors(&report)[0].code, "iati-not-well-formed");
        // Strict: the same error; what came before it was handed out.
        let strict = ImportOptions::new().strict(true);
        let whole_err = from_reader(cut, &strict).unwrap_err().to_string();
        let mut handed = 0;
        let err = for_each_activity(cut, &strict, |_| {
            handed += 1;
            Ok::<(), Infallible>(())
        })
        .unwrap_err();
        assert_eq!(err.to_string(), whole_err);
        assert_eq!(handed, whole.projects.len());
    }
}

#[test]
fn non_utf8_gives_the_same_error_and_keeps_the_activities_before_it() {
    let mut bytes = std::fs::read(Path::new(REAL).join("results_small_rich_ngo_2021.xml")).unwrap();
    // A Latin-1 byte in the first narrative of the sixth activity.
    let starts: Vec<usize> =
        bytes.windows(15).enumerate().filter(|(_, w)| w == b"<iati-activity ").map(|(i, _)| i).collect();
    let narrative = starts[5] + bytes[starts[5]..].windows(10).position(|w| w == b"<narrative").unwrap();
    let title = narrative + bytes[narrative..].iter().position(|&b| b == b'>').unwrap() + 1;
    bytes.insert(title, 0xE9);
    let (whole, whole_report) = from_reader(&bytes[..], &ImportOptions::new()).unwrap();
    let (got, _, report) = stream(&bytes, &ImportOptions::new()).unwrap();
    assert_eq!(got.len(), 5);
    assert_eq!(whole.projects.len(), 5);
    let errors = |r: &IatiImportReport| r.errors().cloned().collect::<Vec<_>>();
    assert_eq!(errors(&report), errors(&whole_report));
    assert_eq!(errors(&report).len(), 1);
    let strict = ImportOptions::new().strict(true);
    let whole_err = from_reader(&bytes[..], &strict).unwrap_err().to_string();
    assert_eq!(stream(&bytes, &strict).unwrap_err().to_string(), whole_err);
}

#[test]
fn a_callback_error_stops_the_reading() {
    let bytes = std::fs::read(Path::new(REAL).join("results_small_rich_ngo_2021.xml")).unwrap();
    let mut seen = 0;
    let err = for_each_activity(&bytes[..], &ImportOptions::new(), |a| {
        seen += 1;
        if seen == 3 {
            return Err(format!("stop at {}", a.project.id));
        }
        Ok(())
    })
    .unwrap_err();
    assert_eq!(seen, 3);
    match err {
        StreamError::Callback(message) => assert!(message.starts_with("stop at NL-KVK-"), "{message}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn not_iati_is_an_import_error() {
    let err = stream(b"<html/>", &ImportOptions::new()).unwrap_err();
    assert!(matches!(err, ImportError::NotIati { .. }), "{err}");
}
