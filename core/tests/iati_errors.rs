//! IATI import of bad and unusual input: truncated, not XML, wrong root, bad numbers,
//! hierarchy cycles, non-UTF-8, and the tolerance real publishers need.

use std::path::Path;

use kartan::io::iati::{from_slice, ImportError, ImportOptions};
use kartan::io::{load_bytes, LoadError};
use kartan::{Measure, Severity};

const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/real/iati/");

fn lenient() -> ImportOptions {
    ImportOptions::new()
}

fn strict() -> ImportOptions {
    ImportOptions::new().strict(true)
}

/// A file with `activities` inside the root.
fn file(activities: &str) -> String {
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\">\n{activities}</iati-activities>\n")
}

/// A minimal activity with `extra` after the title.
fn activity(id: &str, extra: &str) -> String {
    format!(
        "<iati-activity xml:lang=\"sv\" default-currency=\"SEK\">\n<iati-identifier>{id}</iati-identifier>\n<reporting-org ref=\"SE-0\" type=\"10\"><narrative>Sida</narrative></reporting-org>\n<title><narrative>T {id}</narrative></title>\n{extra}</iati-activity>\n"
    )
}

#[test]
fn truncated_file_keeps_the_activities_before_the_cut_or_fails_strictly() {
    let bytes = std::fs::read(Path::new(REAL).join("results_small_rich_ngo_2021.xml")).unwrap();
    let cut = &bytes[..bytes.len() / 2];
    let (p, r) = from_slice(cut, &lenient()).unwrap();
    assert!(!p.projects.is_empty() && p.projects.len() < 11, "{}", p.projects.len());
    let e = r.errors().next().unwrap();
    assert_eq!(e.code, "iati-not-well-formed");
    // The activity the cut falls in is counted as skipped: nothing goes without a number.
    assert_eq!(r.activities_skipped, 1);
    assert_eq!(r.activities_imported + r.activities_skipped, r.count("iati-activity"));
    // `io::load_with_report` keeps the report that `io::load` leaves out.
    let loaded = kartan::io::load_bytes_with_report(cut, Path::new("cut.xml")).unwrap();
    assert_eq!(loaded.portfolio, p);
    assert_eq!(loaded.format, kartan::io::Format::IatiXml);
    assert_eq!(loaded.skipped(), 1);
    // The errors come with notes (periods repeated per disaggregation, read as one).
    let error = loaded.read_diagnostics().iter().find(|d| d.severity == kartan::Severity::Error).unwrap();
    assert_eq!(error.code, "iati-not-well-formed");
    assert!(error.path.starts_with("cut.xml:"));
    let err = from_slice(cut, &strict()).unwrap_err();
    assert!(matches!(err, ImportError::Xml { .. }), "{err}");
    // The location is the end of the input: the last line.
    let last_line = cut.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    match err {
        ImportError::Xml { location, .. } => assert_eq!(location.line, last_line),
        other => panic!("{other}"),
    }
}

#[test]
fn not_xml_empty_and_wrong_root_are_errors_with_a_place() {
    let err = from_slice(b"hello, world", &lenient()).unwrap_err();
    assert!(matches!(err, ImportError::NotIati { .. }), "{err}");
    let err = from_slice(b"", &lenient()).unwrap_err();
    assert!(err.to_string().contains("no element"), "{err}");
    let err = from_slice(
        b"<?xml version=\"1.0\"?>\n<iati-organisations version=\"2.03\"/>",
        &ImportOptions::new().source_name("org.xml"),
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "org.xml:2:1: expected an <iati-activities> root element, found <iati-organisations>");
    let bad = b"<iati-activities><iati-activity></iati-activities>";
    let err = from_slice(bad, &strict()).unwrap_err();
    assert_eq!(err.to_string(), "1:33: not well-formed XML: ill-formed document: expected `</iati-activity>`, but `</iati-activities>` was found");
    let (_, r) = from_slice(bad, &lenient()).unwrap();
    assert_eq!(r.errors().next().unwrap().path, "1:33");
    // Through the format-detecting loader.
    let err = load_bytes(b"<root/>", Path::new("x.xml")).unwrap_err();
    assert!(matches!(err, LoadError::Iati { .. }), "{err}");
    assert!(err.to_string().starts_with("x.xml:1:1: expected an <iati-activities>"), "{err}");
}

#[test]
fn a_thousands_separator_in_a_value_is_a_diagnostic_with_line_and_column() {
    let xml = file(&activity(
        "SE-0-1",
        "<result type=\"1\"><title><narrative>R</narrative></title>\n<indicator measure=\"1\"><title><narrative>I</narrative></title>\n<period><period-start iso-date=\"2020-01-01\"/><period-end iso-date=\"2020-12-31\"/>\n  <target value=\"1,000\"/></period></indicator></result>\n",
    ));
    let (p, r) = from_slice(xml.as_bytes(), &ImportOptions::new().source_name("f.xml")).unwrap();
    let d = &r.diagnostics[0];
    assert_eq!((d.code.as_str(), d.severity), ("iati-value-not-a-number", Severity::Warning));
    assert_eq!(d.path, "f.xml:10:3");
    assert!(d.message.contains("target/@value") && d.message.contains("\"1,000\""), "{}", d.message);
    let target = &p.projects[0].results[0].indicators[0].periods[0].targets[0];
    assert_eq!(target.value, None, "never a silent 1");
    assert_eq!(target.text.get("und"), Some("1,000"));
}

#[test]
fn a_bad_budget_number_skips_the_activity_leniently_and_fails_strictly() {
    let bad = "<budget type=\"1\"><period-start iso-date=\"2020-01-01\"/><period-end iso-date=\"2020-12-31\"/><value value-date=\"2020-01-01\">1.5E6</value></budget>\n";
    let xml = file(&(activity("SE-0-1", bad) + &activity("SE-0-2", "")));
    let (p, r) = from_slice(xml.as_bytes(), &lenient()).unwrap();
    assert_eq!(p.projects.len(), 1);
    assert_eq!(p.projects[0].id, "SE-0-2");
    assert_eq!(r.activities_skipped, 1);
    let e = r.errors().next().unwrap();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("iati-bad-number", "7:90"));
    assert!(e.message.contains("exponent"), "{}", e.message);
    let err = from_slice(xml.as_bytes(), &strict()).unwrap_err();
    assert!(err.to_string().starts_with("7:90: [iati-bad-number]"), "{err}");
}

#[test]
fn a_hierarchy_cycle_is_an_error_not_a_hang() {
    let a = activity("A", "<related-activity ref=\"C\" type=\"1\"/>\n");
    let b = activity("B", "<related-activity ref=\"A\" type=\"1\"/>\n");
    let c = activity("C", "<related-activity ref=\"B\" type=\"1\"/>\n");
    let d = activity("D", "<related-activity ref=\"D\" type=\"1\"/>\n");
    let e = activity("E", "<related-activity ref=\"A\" type=\"1\"/>\n");
    let xml = file(&[a, b, c, d, e].concat());
    let (p, r) = from_slice(xml.as_bytes(), &lenient()).unwrap();
    let cycles: Vec<_> = r.errors().filter(|d| d.code == "hierarchy-cycle").collect();
    assert_eq!(cycles.len(), 2, "{cycles:?}");
    assert!(cycles[0].message.contains("A → C → B"), "{}", cycles[0].message);
    // Each cycle is broken once; the rest of the tree stands.
    let parents: Vec<Option<&str>> = p.projects.iter().map(|x| x.parent.as_deref()).collect();
    assert_eq!(parents, [Some("C"), None, Some("B"), None, Some("A")]);
    assert!(from_slice(xml.as_bytes(), &strict()).is_err());
}

#[test]
fn child_links_set_the_parent_of_children_without_one() {
    let xml = file(&(activity("P", "<related-activity ref=\"K\" type=\"2\"/>\n") + &activity("K", "")));
    let (p, _) = from_slice(xml.as_bytes(), &lenient()).unwrap();
    assert_eq!(p.project("K").unwrap().parent.as_deref(), Some("P"));
}

#[test]
fn non_utf8_is_an_error_with_a_place() {
    let mut bytes =
        file(&(activity("A", "") + &activity("B", "<description><narrative>caf\u{e9}</narrative></description>\n")))
            .into_bytes();
    let pos = bytes.windows(2).position(|w| w == "\u{e9}".as_bytes()).unwrap();
    bytes.splice(pos..pos + 2, [0xE9]);
    let err = from_slice(&bytes, &strict()).unwrap_err();
    match &err {
        ImportError::Xml { location, .. } => {
            let line = bytes[..pos].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
            let column = pos - bytes[..pos].iter().rposition(|&b| b == b'\n').unwrap();
            assert_eq!((location.line, location.column), (line, column as u64), "{err}");
        }
        other => panic!("{other}"),
    }
    let (p, r) = from_slice(&bytes, &lenient()).unwrap();
    assert_eq!(p.projects.len(), 1, "the activity before the bad byte is kept");
    assert_eq!(r.errors().count(), 1);
}

#[test]
fn tolerant_of_what_publishers_do() {
    let body = "<usg:extra xmlns:usg=\"http://usg\"><usg:x/></usg:extra>\n\
<result type=\"2\" akvo:id=\"7\" xmlns:akvo=\"http://akvo.org\"><title><narrative>R</narrative></title>\n\
<indicator><title><narrative>No measure, no period</narrative></title></indicator>\n\
<indicator measure=\"5\" ascending=\"0\"><title><narrative>Q</narrative></title>\n\
<period><period-start iso-date=\"2020-01-01\"/><period-end iso-date=\"2020-12-31\"/>\n\
<target><comment><narrative xml:lang=\"EN\">Only a comment</narrative></comment></target></period></indicator>\n\
<akvo:result><akvo:indicator/></akvo:result></result>\n";
    let xml = format!(
        "\u{feff}{}",
        file(&activity("X-1", body).replace("<iati-activity ", "<iati-activity version=\"2.01\" "))
    );
    let (p, r) = from_slice(xml.as_bytes(), &lenient()).unwrap();
    let result = &p.projects[0].results[0];
    assert_eq!(result.indicators.len(), 2);
    assert_eq!(result.indicators[0].measure, None);
    assert_eq!(r.indicators_without_measure, 1);
    assert_eq!(r.indicators_without_period, 1);
    assert_eq!(r.targets_without_value, 1);
    let target = &result.indicators[1].periods[0].targets[0];
    assert_eq!((target.value, target.comment.get("en")), (None, Some("Only a comment")));
    assert_eq!(result.indicators[1].direction, kartan::Direction::Descending);
    assert_eq!(r.carried("iati-activity/usg:extra").unwrap().count, 1);
    assert_eq!(r.not_modelled("iati-activity/result/akvo:result").unwrap().count, 1);
    assert!(r.not_modelled("iati-activity/result/@akvo:id").is_some());
    assert!(r.errors().next().is_none());
    // The caller may declare the default measure.
    let (p, r) = from_slice(xml.as_bytes(), &ImportOptions::new().default_measure(Some(Measure::Unit))).unwrap();
    assert_eq!(p.projects[0].results[0].indicators[0].measure, Some(Measure::Unit));
    assert_eq!(r.indicators_without_measure, 1);
}

#[test]
fn a_missing_identifier_or_result_type_skips_only_that_activity() {
    let no_id = "<iati-activity><title><narrative>no id</narrative></title></iati-activity>\n";
    let bad_type = activity("B", "<result type=\"7\"><title><narrative>R</narrative></title></result>\n");
    let xml = file(&[no_id.to_owned(), bad_type, activity("C", "")].concat());
    let (p, r) = from_slice(xml.as_bytes(), &lenient()).unwrap();
    assert_eq!(p.projects.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(), ["C"]);
    assert_eq!(r.activities_skipped, 2);
    let codes: Vec<&str> = r.errors().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["iati-missing-identifier", "iati-unknown-code"]);
}

#[test]
fn an_attribute_named_twice_is_not_well_formed() {
    let dup = activity("SE-0-1", "").replacen(
        "default-currency=\"SEK\"",
        "default-currency=\"SEK\" default-currency=\"EUR\"",
        1,
    );
    let xml = file(&format!("{}{dup}", activity("SE-0-0", "")));
    let (p, r) = from_slice(xml.as_bytes(), &lenient()).unwrap();
    assert_eq!(p.projects.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(), ["SE-0-0"]);
    let e = r.errors().next().unwrap();
    assert_eq!(e.code, "iati-not-well-formed");
    assert_eq!(e.path, "8:1");
    assert!(e.message.contains("duplicated attribute \"default-currency\""), "{}", e.message);
    let err = from_slice(xml.as_bytes(), &strict()).unwrap_err();
    assert!(err.to_string().contains("duplicated attribute"), "{err}");
    // Nine attributes: the check goes on past the eight it keeps inline.
    let many: String = (0..9).map(|i| format!(" a{i}=\"{i}\"")).collect();
    let dup = activity("SE-0-2", "").replacen("<iati-activity", &format!("<iati-activity{many} a8=\"again\""), 1);
    let (_, r) = from_slice(file(&dup).as_bytes(), &lenient()).unwrap();
    assert!(r.errors().next().unwrap().message.contains("duplicated attribute \"a8\""));
}

#[test]
fn an_empty_activity_has_no_children_and_the_activity_after_it_is_kept() {
    // `<iati-activity/>` used to read the elements after it as its children: the next
    // activity was swallowed (and lost) with it.
    let xml = file(&format!("<iati-activity/>\n{}", activity("B", "")));
    for options in [lenient(), lenient().threads(1)] {
        let (p, r) = from_slice(xml.as_bytes(), &options).unwrap();
        assert_eq!(p.projects.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(), ["B"]);
        assert_eq!((r.activities_imported, r.activities_skipped), (1, 1));
        let e = r.errors().next().unwrap();
        assert_eq!((e.code.as_str(), e.path.as_str()), ("iati-missing-identifier", "3:1"));
    }
}

/// Inputs on which `fuzz/fuzz_targets/iati_parallel.rs` found the segmented import on
/// several threads to differ from the one-thread import; the first byte is the target's
/// segment-size byte (segment size = 1 + 4 × byte).
#[test]
fn fuzz_regressions_read_in_segments_give_the_one_thread_import() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.file_name().unwrap().to_string_lossy().starts_with("iati_parallel-") {
            continue;
        }
        seen += 1;
        let data = std::fs::read(&path).unwrap();
        let (&size, xml) = data.split_first().unwrap();
        let segment_size = 1 + usize::from(size) * 4;
        for strict in [false, true] {
            let one = from_slice(xml, &ImportOptions::new().strict(strict).threads(1));
            let many = kartan::io::iati::from_slice_in_segments(
                xml,
                &ImportOptions::new().strict(strict).threads(3),
                segment_size,
            );
            match (one, many) {
                (Ok(one), Ok(many)) => {
                    assert_eq!(one.0, many.0, "{}", path.display());
                    assert_eq!(one.1, many.1, "{}", path.display());
                }
                (Err(one), Err(many)) => assert_eq!(one.to_string(), many.to_string()),
                (one, many) => panic!("{}: {:?} vs {:?}", path.display(), one.err(), many.err()),
            }
        }
    }
    assert!(seen >= 1);
}

/// The tester's files in `tests/data/iati_bad/`.
fn bad(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/iati_bad").join(name)).unwrap()
}

/// The one error of a lenient import of `bytes` (named `name`), with what was kept.
fn the_error(bytes: &[u8], name: &str) -> (Vec<String>, kartan::Diagnostic) {
    let (p, r) = from_slice(bytes, &ImportOptions::new().source_name(name)).unwrap();
    let errors: Vec<_> = r.errors().cloned().collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    (p.projects.iter().map(|x| x.id.clone()).collect(), errors[0].clone())
}

#[test]
fn a_bad_character_reference_is_located_at_the_reference() {
    // `&#0;` on line 22 (after `T&#228;&#x1F600;`) was reported at 1:1.
    let bytes = bad("bad_charref.xml");
    let (kept, e) = the_error(&bytes, "b.xml");
    assert_eq!(kept, ["SE-1-A"]);
    assert_eq!(e.code, "iati-not-well-formed");
    assert!(e.path.starts_with("b.xml:22:"), "{}", e.path);
    let column = 1 + "  <title><narrative xml:lang=\"sv\">T&#228;&#x1F600;".chars().count();
    assert_eq!(e.path, format!("b.xml:22:{column}"));
    assert!(e.message.contains("&#0;"), "{}", e.message);
    // A surrogate, and characters XML 1.0 forbids (`&#1;`, `&#xFFFE;`), the same way.
    for reference in ["&#xD800;", "&#1;", "&#x1F;", "&#xFFFE;"] {
        let xml = String::from_utf8(bytes.clone()).unwrap().replace("&#0;", reference);
        let (_, e) = the_error(xml.as_bytes(), "b.xml");
        assert_eq!(e.path, format!("b.xml:22:{column}"), "{reference}: {}", e.message);
        assert!(e.message.contains(reference), "{}", e.message);
        let err = from_slice(xml.as_bytes(), &strict()).unwrap_err();
        assert!(err.to_string().starts_with(&format!("22:{column}: not well-formed XML: {reference}")), "{err}");
    }
    // Allowed references still read.
    let xml = String::from_utf8(bytes).unwrap().replace("&#0;", "&#9;");
    let (p, _) = from_slice(xml.as_bytes(), &lenient()).unwrap();
    assert_eq!(p.projects[1].title.get("sv"), Some("Tä😀\t"));
}

#[test]
fn a_character_reference_xml_forbids_in_an_attribute_is_refused() {
    let xml = file(&activity("SE-0-1", "<activity-status code=\"2&#1;\"/>\n"));
    let (p, r) = from_slice(xml.as_bytes(), &lenient()).unwrap();
    assert!(p.projects.is_empty());
    let e = r.errors().next().unwrap();
    assert_eq!(e.path, "7:1");
    assert!(e.message.contains("@code: the character U+0001 is not allowed in XML 1.0"), "{}", e.message);
}

#[test]
fn a_raw_control_character_is_refused_at_its_place() {
    // A NUL inside a title was read into the title.
    let (kept, e) = the_error(&bad("nul_byte.xml"), "n.xml");
    assert_eq!(kept, ["SE-1-A"]);
    let column = 1 + "  <title><narrative xml:lang=\"sv\">Tit".len();
    assert_eq!(e.path, format!("n.xml:22:{column}"));
    assert!(e.message.contains("the character U+0000 is not allowed in XML 1.0"), "{}", e.message);
    // Other C0 controls, in text, in an attribute and in a skipped element, too.
    for (extra, at) in [
        ("<title><narrative>a\u{1}b</narrative></title>\n", "7:20"),
        ("<activity-status code=\"2\u{1B}\"/>\n", "7:25"),
        ("<transaction><value>1\u{7}</value></transaction>\n", "7:22"),
    ] {
        let xml = file(&activity("SE-0-1", extra));
        let (p, r) = from_slice(xml.as_bytes(), &lenient()).unwrap();
        assert!(p.projects.is_empty(), "{extra:?}");
        let e = r.errors().next().unwrap();
        assert_eq!(e.path, at, "{extra:?}: {}", e.message);
        assert!(from_slice(xml.as_bytes(), &strict()).is_err());
    }
}

#[test]
fn an_attribute_named_twice_is_refused_whatever_reads_it() {
    // `<activity-status code="2" code="3"/>`: the first code was read, the second dropped.
    let (kept, e) = the_error(&bad("duplicate_attribute.xml"), "d.xml");
    assert!(kept.is_empty(), "{kept:?}");
    assert_eq!(e.path, "d.xml:7:3");
    assert!(e.message.contains("duplicated attribute \"code\""), "{}", e.message);
    // In an element that is not modelled (skipped) as well.
    let xml =
        file(&activity("SE-0-1", "<transaction><value currency=\"SEK\" currency=\"EUR\">1</value></transaction>\n"));
    let (p, r) = from_slice(xml.as_bytes(), &lenient()).unwrap();
    assert!(p.projects.is_empty());
    assert_eq!(r.errors().next().unwrap().path, "7:14");
    // And a malformed attribute list (no value).
    let xml = file(&activity("SE-0-1", "<transaction><value currency>1</value></transaction>\n"));
    let (_, r) = from_slice(xml.as_bytes(), &lenient()).unwrap();
    assert!(r.errors().next().unwrap().message.contains("bad attribute"));
}

#[test]
fn a_default_namespace_is_a_warning() {
    let (p, r) = from_slice(&bad("default_namespace.xml"), &ImportOptions::new().source_name("ns.xml")).unwrap();
    assert_eq!(p.projects.len(), 2, "read all the same");
    let warning = r.diagnostics.iter().find(|d| d.code == "iati-namespace").expect("a warning");
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(warning.path, "ns.xml:2:1");
    assert!(warning.message.contains("\"http://example.org/ns\""), "{}", warning.message);
    // Prefixed namespaces (extensions) are not warned about.
    let xml =
        file(&activity("SE-0-1", "")).replace("version=\"2.03\"", "version=\"2.03\" xmlns:akvo=\"http://akvo.org\"");
    let (_, r) = from_slice(xml.as_bytes(), &lenient()).unwrap();
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
}

#[test]
fn utf16_is_named_as_such() {
    let bytes = bad("utf16.xml");
    assert!(kartan::io::is_utf16(&bytes));
    let err = load_bytes(&bytes, Path::new("u.xml")).unwrap_err();
    assert!(matches!(err, LoadError::Utf16 { .. }), "{err}");
    assert!(err.to_string().starts_with("u.xml: the file is UTF-16 text; kartan reads UTF-8 only"), "{err}");
    let err = from_slice(&bytes, &ImportOptions::new().source_name("u.xml")).unwrap_err();
    assert!(err.to_string().contains("u.xml:1:1: not well-formed XML: the file is UTF-16 text"), "{err}");
    // Without a byte-order mark, either byte order.
    let text: String = String::from_utf8(bytes[2..].chunks(2).map(|c| c[0]).collect()).unwrap();
    for unit in [u16::to_le_bytes, u16::to_be_bytes] {
        let no_bom: Vec<u8> = text.encode_utf16().flat_map(unit).collect();
        assert!(matches!(load_bytes(&no_bom, Path::new("u.xml")), Err(LoadError::Utf16 { .. })));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("u.xml");
    std::fs::write(&path, &bytes).unwrap();
    assert!(matches!(kartan::io::load(&path), Err(LoadError::Utf16 { .. })));
}

#[test]
fn an_attribute_named_twice_is_refused_in_every_kind_of_element_of_a_real_file() {
    // The attributes of an element are checked as its reader reads them, or as it is
    // skipped: whatever the element, a name given twice must not pass. IATI's own
    // annotated example has every element of the standard.
    let text = std::fs::read_to_string(Path::new(REAL).join("iati_standard_example_annotated_2.03.xml")).unwrap();
    let mut names: Vec<(&str, usize)> = Vec::new();
    let mut at = 0;
    while let Some(i) = text[at..].find('<').map(|i| at + i) {
        let name: &str = text[i + 1..].split(|c: char| c.is_whitespace() || c == '>' || c == '/').next().unwrap_or("");
        let first_char = name.chars().next().unwrap_or('?');
        if first_char.is_ascii_alphabetic() && !names.iter().any(|(n, _)| *n == name) {
            names.push((name, i + 1 + name.len()));
        }
        at = i + 1;
    }
    assert!(names.len() > 60, "{}", names.len());
    for (name, end) in names {
        let doubled = format!("{} dupx=\"1\" dupx=\"2\"{}", &text[..end], &text[end..]);
        let refused = match from_slice(doubled.as_bytes(), &lenient()) {
            Err(e) => e.to_string().contains("duplicated attribute \"dupx\""),
            Ok((_, r)) => r.errors().any(|e| e.message.contains("duplicated attribute \"dupx\"")),
        };
        assert!(refused, "<{name} dupx=\"1\" dupx=\"2\"> passed");
    }
}
