//! The loss ledger (issue 14, item 14; issue 15: carried): over every real IATI file and
//! the tests' IATI inputs, every element, attribute and text path of the input is
//! *modelled*, *carried* (kept verbatim, [`kartan::Carried`], and in the import report's
//! carried list with its count) or *listed* in the import report's not-modelled list
//! with its count (DESIGN.md rule 8); in the real files only the paths of
//! [`NOT_CARRIED`] are listed.
//!
//! The paths are enumerated generically with quick-xml, so a path that no code reads
//! makes this test fail until it is modelled or reported:
//!
//! - *listed*: the path, or an element above it, is in `IatiImportReport::not_modelled`;
//!   a plain entry's count is the input's count of that path. An entry with a
//!   predicate (`description[@type=2]`, `@iso-date[time zone]`) lists part of a path.
//! - *carried*: as modelled below (the export has the path and every value), and the
//!   report's carried entry counts the input's occurrences.
//! - *modelled*: import → export → import gives an equal portfolio, the export has the
//!   path, and every non-blank value the input has there is in the export too (after
//!   the normalisations kartan documents: trimmed, dates without a time zone, numbers
//!   by value, language subtags in lower case, narratives of one language joined with a
//!   blank line). Values the export leaves out because they are IATI's default, and
//!   attributes whose content moves to another path, are listed below with the reason.
//!
//! A file whose import has errors (a value dropped loudly) is left out of the ledger;
//! every real file is in it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use kartan::io::iati::{from_slice, to_iati, IatiImportReport, ImportOptions};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/real/iati/");
const TEST_DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/");

/// Attributes whose content the import moves to another path, with where it goes.
const MOVED: [(&str, &str); 1] =
    [("iati-activities/@version", "the import report's `version`; the export is IATI 2.03")];

/// What the real files still lose: listed as not modelled, neither modelled nor carried
/// (an attribute or child of an element that kartan models, which has no place to
/// carry it yet; the file's own attributes, which a portfolio has no place for).
const NOT_CARRIED: [(&str, &str); 12] = [
    ("iati-activities/@generated-datetime", "the file's, not an activity's"),
    ("iati-activities/@linked-data-default", "the file's, not an activity's"),
    ("iati-activity/activity-date/narrative", "a date's narrative: the date is modelled, its text has no place"),
    ("iati-activity/reporting-org/@secondary-reporter", "an attribute of a modelled element"),
    ("iati-activity/participating-org/@crs-channel-code", "an attribute of a modelled element"),
    ("iati-activity/description/@akvo:type", "an attribute of a modelled element"),
    ("iati-activity/budget/value/@akvo:label", "an attribute of a modelled element"),
    ("iati-activity/title/@xml:lang", "the element's language; its narratives keep theirs"),
    ("iati-activity/description/@xml:lang", "the element's language; its narratives keep theirs"),
    ("iati-activity/participating-org/@xml:lang", "the element's language; its narratives keep theirs"),
    ("iati-activity/sector/@xml:lang", "the element's language; its narratives keep theirs"),
    ("iati-activity/transaction/description/@xml:lang", "the element's language; its narratives keep theirs"),
];

/// Values that the export leaves out because they are IATI's default.
const DEFAULTS: [(&str, &str); 1] = [("iati-activity/result/indicator/@ascending", "1")];

/// Paths whose values kartan keeps but not their number: narratives of one language
/// are joined into one (each keeps its text, checked at `…/text()`), and several type-1
/// descriptions into one description, and periods repeated per disaggregation (same
/// dates, values for other dimensions) into one period with all their values
/// (`io::iati::repeated_periods`; each value is checked at its own path).
const JOINED: [&str; 4] = [
    "/narrative/@xml:lang",
    "iati-activity/description/@type",
    "iati-activity/result/indicator/period/period-start/@iso-date",
    "iati-activity/result/indicator/period/period-end/@iso-date",
];

/// Losses that kartan has and that are not yet reported: each with the reason. The
/// ledger fails when one of them no longer happens, so that it is taken off this list.
const KNOWN: [(&str, &str); 3] = [
    (
        "iati-activity/reporting-org/narrative/text()",
        "the organisation list keeps an organisation's first name; a reporting-org that names the same @ref otherwise loses its own name",
    ),
    ("iati-activity/reporting-org/narrative/@xml:lang", "as above, the language of that name"),
    ("iati-activity/reporting-org/@type", "as above, the organisation's first @type"),
];

/// The paths of a document with their counts, and the values found at each.
#[derive(Debug, Default)]
struct Paths {
    counts: BTreeMap<String, u64>,
    values: BTreeMap<String, Vec<String>>,
}

impl Paths {
    fn add(&mut self, path: String, value: Option<String>) {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            self.values.entry(path.clone()).or_default().push(v);
        }
        *self.counts.entry(path).or_default() += 1;
    }
}

/// Every element path (from below the root), attribute path (`…/@name`) and text path
/// (`…/text()`, for elements with text that is not blank) of `xml`, namespace
/// declarations aside. An element that holds no data (no text that is not blank, no
/// attribute with a value other than `xml:lang`, and no such element below it: `<narrative
/// xml:lang="en"/>`, `<comment><narrative/></comment>`, `<dimension/>`) is left out: the
/// import counts blank narratives and warns of an empty dimension, and there is nothing
/// in it to lose.
fn enumerate(xml: &[u8]) -> Paths {
    /// An open element: its path, its text so far, the paths and values found in it
    /// and below it, and whether any of them is data.
    struct Open {
        path: String,
        text: String,
        found: Vec<(String, Option<String>)>,
        data: bool,
    }
    let mut reader = Reader::from_reader(xml);
    let mut paths = Paths::default();
    let mut stack: Vec<Open> = Vec::new();
    // Paths are given as the import report gives them: from the activity down
    // (`iati-activity/title`), and from the root for the root's own attributes and
    // other children (`iati-activities/@version`).
    let open = |e: &BytesStart<'_>, stack: &[Open]| {
        let name = String::from_utf8(e.name().into_inner().to_vec()).unwrap();
        let path = match stack.last().map(|o| o.path.as_str()) {
            None => name.clone(),
            Some("iati-activities") if name == "iati-activity" => name.clone(),
            Some(parent) => format!("{parent}/{name}"),
        };
        let mut element = Open { path: path.clone(), text: String::new(), found: Vec::new(), data: false };
        if !stack.is_empty() {
            element.found.push((path.clone(), None));
        }
        for a in e.attributes() {
            let a = a.unwrap();
            let key = String::from_utf8(a.key.into_inner().to_vec()).unwrap();
            if key == "xmlns" || key.starts_with("xmlns:") {
                continue;
            }
            let value = a.normalized_value(quick_xml::XmlVersion::Implicit1_0).unwrap().into_owned();
            element.data |= key != "xml:lang" && !value.trim().is_empty();
            element.found.push((format!("{path}/@{key}"), Some(value)));
        }
        element
    };
    // Closes the element on top: its paths go to its parent, or to `paths` at the root.
    let close = |stack: &mut Vec<Open>, paths: &mut Paths| {
        let mut element = stack.pop().unwrap();
        if !element.text.trim().is_empty() && !stack.is_empty() {
            element.data = true;
            element.found.push((format!("{}/text()", element.path), Some(element.text)));
        }
        match stack.last_mut() {
            Some(parent) if element.data => {
                parent.data = true;
                parent.found.extend(element.found);
            }
            Some(_) => {}
            None => element.found.into_iter().for_each(|(path, value)| paths.add(path, value)),
        }
    };
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => {
                let element = open(&e, &stack);
                stack.push(element);
            }
            Event::Empty(e) => {
                let element = open(&e, &stack);
                stack.push(element);
                close(&mut stack, &mut paths);
            }
            Event::End(_) => close(&mut stack, &mut paths),
            Event::Text(t) => {
                if let Some(last) = stack.last_mut() {
                    last.text.push_str(&t.xml10_content().unwrap());
                }
            }
            Event::CData(t) => {
                if let Some(last) = stack.last_mut() {
                    last.text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::GeneralRef(r) => {
                if let Some(last) = stack.last_mut() {
                    let name = r.decode().unwrap();
                    let c = match r.resolve_char_ref().unwrap() {
                        Some(c) => c.to_string(),
                        None => quick_xml::escape::resolve_predefined_entity(&name).unwrap().to_owned(),
                    };
                    last.text.push_str(&c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    paths
}

/// A value as kartan keeps it: trimmed; an `xsd:date` without its time zone; a number
/// by value; a language tag with its language subtag in lower case.
fn normalise(path: &str, value: &str) -> String {
    let v = value.trim();
    if path.ends_with("@xml:lang") {
        let (lang, rest) = v.split_once('-').map_or((v, ""), |(l, r)| (l, r));
        return if rest.is_empty() {
            lang.to_ascii_lowercase()
        } else {
            format!("{}-{rest}", lang.to_ascii_lowercase())
        };
    }
    let b = v.as_bytes();
    if b.len() > 10 && b[4] == b'-' && b[7] == b'-' && matches!(b[10], b'Z' | b'+' | b'-') {
        return v[..10].to_owned();
    }
    if let Ok(d) = kartan::parse_decimal(v) {
        return d.normalize().to_string();
    }
    v.to_owned()
}

/// The values at each path, normalised, as a multiset; texts are split where kartan
/// joins narratives of one language (a blank line).
fn multiset(path: &str, values: &[String]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for v in values {
        for part in v.split("\n\n").filter(|p| !p.trim().is_empty()) {
            *out.entry(normalise(path, part)).or_default() += 1;
        }
    }
    out
}

/// A not-modelled path without its predicates: `a/b[@type=2]` → `a/b`.
fn base(path: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The path and the paths of the elements above it: `a/b/@c` → `a/b/@c`, `a/b`, `a`.
fn with_ancestors(path: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(path), |p| p.rsplit_once('/').map(|(head, _)| head))
}

/// The ledger of one input: every problem found, as lines.
fn ledger(name: &str, bytes: &[u8], report: &IatiImportReport) -> Vec<String> {
    let mut problems = Vec::new();
    let input = enumerate(bytes);
    let (portfolio, _) = from_slice(bytes, &ImportOptions::new()).unwrap();
    let (xml, _) = to_iati(&portfolio);
    let (again, _) = from_slice(xml.as_bytes(), &ImportOptions::new()).unwrap();
    if again != portfolio {
        problems.push(format!("{name}: import → export → import does not give the same portfolio"));
    }
    let output = enumerate(xml.as_bytes());
    // Listed: plain entries with their counts, and the bases of entries with predicates.
    let mut listed: BTreeSet<&str> = BTreeSet::new();
    // Entries with predicates, not modelled or carried (`description[@type=2]`): an
    // entry below them counts only the occurrences elsewhere.
    let partly: BTreeSet<String> = (report.not_modelled.iter().chain(&report.carried))
        .map(|e| base(&e.path))
        .filter(|b| report.not_modelled.iter().all(|e| e.path != *b))
        .collect();
    let partly_lost: BTreeSet<String> = report
        .not_modelled
        .iter()
        .map(|e| base(&e.path))
        .filter(|b| report.not_modelled.iter().all(|e| e.path != *b))
        .collect();
    for entry in &report.carried {
        let b = base(&entry.path);
        let counted = input.counts.get(&b).copied().unwrap_or(0);
        if counted == 0 || (b == entry.path && counted != entry.count) {
            problems.push(format!("{name}: {} is carried ×{} but occurs ×{counted}", entry.path, entry.count));
        }
    }
    for entry in &report.not_modelled {
        let b = base(&entry.path);
        if !input.counts.contains_key(&b) {
            problems.push(format!(
                "{name}: the report lists {} (×{}), which the input does not have",
                entry.path, entry.count
            ));
        }
        if b == entry.path {
            listed.insert(&entry.path);
            // Listed under a listed element, it would be counted twice.
            // Under an element listed in part (`description[@type=2]`), only the
            // occurrences in the rest are counted here.
            let counted = input.counts.get(&entry.path).copied().unwrap_or(0);
            let under_partly = with_ancestors(&entry.path).skip(1).any(|p| partly.contains(p));
            if counted != entry.count && !(under_partly && entry.count < counted) {
                problems.push(format!("{name}: {} is listed ×{} but occurs ×{counted}", entry.path, entry.count));
            }
        }
    }
    // A value that the import read and reported as unusable (`budget/@status "3" is
    // not a BudgetStatus code`) is not lost silently.
    let reported = |path: &str, value: &str| {
        let Some((_, attr)) = path.rsplit_once("/@") else { return false };
        let quoted = format!("@{attr} {value:?}");
        report.diagnostics.iter().any(|d| d.message.contains(&quoted))
    };
    let mut known_seen: BTreeSet<&str> = BTreeSet::new();
    for (path, &count) in &input.counts {
        if with_ancestors(path).any(|p| listed.contains(p) || partly_lost.contains(p)) {
            continue;
        }
        if MOVED.iter().any(|(p, _)| p == path) {
            continue;
        }
        let values = input.values.get(path).map(Vec::as_slice).unwrap_or_default();
        let excused = |v: &str| DEFAULTS.iter().any(|(p, d)| p == path && *d == v) || reported(path, v);
        if !output.counts.contains_key(path) {
            // Left out as IATI's default or reported: nothing is lost silently.
            let all_excused =
                !values.is_empty() && values.len() as u64 == count && values.iter().all(|v| excused(v.trim()));
            if !all_excused {
                problems.push(format!("{name}: {path} (×{count}) is neither exported nor listed as not modelled"));
            }
            continue;
        }
        let mut have = multiset(path, values);
        let mut out = output.values.get(path).map(|v| multiset(path, v)).unwrap_or_default();
        if JOINED.iter().any(|j| path.ends_with(j)) {
            have.values_mut().for_each(|n| *n = 1);
            out.values_mut().for_each(|n| *n = (*n).min(1));
        }
        let mut lost: Vec<(&String, usize)> = have
            .iter()
            .filter(|(v, _)| !excused(v))
            .filter_map(|(v, &n)| {
                let kept = out.get(v).copied().unwrap_or(0);
                (kept < n).then(|| (v, n - kept))
            })
            .collect();
        lost.truncate(3);
        if lost.is_empty() {
            continue;
        }
        if let Some((known, _)) = KNOWN.iter().find(|(p, _)| p == path) {
            known_seen.insert(known);
            continue;
        }
        problems.push(format!("{name}: {path}: values lost on the way through the model (first: {lost:?})"));
    }
    KNOWN_SEEN.with(|k| k.borrow_mut().extend(known_seen.iter().map(|s| s.to_string())));
    problems
}

thread_local! {
    /// The known losses that the inputs of this thread's ledgers showed.
    static KNOWN_SEEN: std::cell::RefCell<BTreeSet<String>> = const { std::cell::RefCell::new(BTreeSet::new()) };
}

/// The inputs: every real IATI file and every IATI file under `tests/data/`.
fn inputs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(REAL).unwrap().map(|e| e.unwrap().path()).collect();
    for dir in std::fs::read_dir(TEST_DATA).unwrap() {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            files.extend(std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()));
        }
    }
    files.retain(|f| f.extension().is_some_and(|e| e == "xml"));
    files.sort();
    files
}

#[test]
fn every_input_path_is_modelled_carried_or_listed_as_not_modelled() {
    let mut problems = Vec::new();
    let mut checked = Vec::new();
    let mut not_carried_seen = BTreeSet::new();
    for file in inputs() {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&file).unwrap();
        // Files that are not IATI activities, or that the import refuses, have no ledger.
        let Ok((_, report)) = from_slice(&bytes, &ImportOptions::new()) else { continue };
        if report.errors().next().is_some() || report.activities_imported == 0 {
            assert!(
                !file.starts_with(REAL),
                "{name}: a real file must import without errors: {:?}",
                report.errors().next()
            );
            continue;
        }
        problems.extend(ledger(&name, &bytes, &report));
        if file.starts_with(REAL) {
            for entry in &report.not_modelled {
                match NOT_CARRIED.iter().find(|(p, _)| *p == entry.path) {
                    Some((p, _)) => _ = not_carried_seen.insert(*p),
                    None => problems.push(format!("{name}: {} (×{}) is lost on export", entry.path, entry.count)),
                }
            }
        }
        checked.push(name);
    }
    for real in std::fs::read_dir(REAL).unwrap() {
        let real = real.unwrap().file_name().to_string_lossy().into_owned();
        assert!(checked.contains(&real), "{real} is not in the ledger");
    }
    for fixture in ["budgets.xml", "empty_dimension.xml", "export_losses.xml"] {
        assert!(checked.iter().any(|c| c == fixture), "{fixture} is not in the ledger: {checked:?}");
    }
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
    for (path, why) in NOT_CARRIED {
        assert!(not_carried_seen.contains(path), "{path} is listed as not carried ({why}) but no real file has it");
    }
    // A known loss that no input shows any more comes off the list.
    let seen = KNOWN_SEEN.with(|k| k.borrow().clone());
    for (path, why) in KNOWN {
        assert!(seen.contains(path), "{path} is listed as a known loss ({why}) but no input loses it");
    }
}

#[test]
fn the_ledger_finds_a_path_nobody_reads() {
    // A made-up element and attribute inside modelled elements: the import must list
    // them; here the report is emptied to show that the ledger would notice.
    let xml = std::fs::read(Path::new(TEST_DATA).join("iati_faults/export_losses.xml")).unwrap();
    let (_, mut report) = from_slice(&xml, &ImportOptions::new()).unwrap();
    assert!(ledger("export_losses.xml", &xml, &report).is_empty());
    report.not_modelled.retain(|n| n.path != "iati-activity/title/@akvo:short");
    let problems = ledger("export_losses.xml", &xml, &report);
    assert_eq!(
        problems,
        ["export_losses.xml: iati-activity/title/@akvo:short (×1) is neither exported nor listed as not modelled"]
    );
}
