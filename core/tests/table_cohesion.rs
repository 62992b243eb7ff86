//! Real portfolios from tables: Tillväxtverket's Projektbanken (374 ERDF projects) and
//! the Swedish partners in Interreg 2021-2027 (1,196 partner rows), each through the
//! mapping shipped in `examples/mappings/`. Expected figures were computed from the
//! JSON files independently, with Python's `json` and `decimal` modules, by
//! `tests/reference/cohesion_reference.py`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use kartan::analysis::breakdown::{budget_total, by_classification, by_region, by_status, partners_by_role};
use kartan::io::table::{import_projects, read_table, ProjectImport, ProjectMapping};
use kartan::{PartnerRole, Program, Text};
use rust_decimal::Decimal;

const COHESION: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/real/cohesion/");
const MAPPINGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/mappings/");

fn import(data: &str, mapping: &str) -> ProjectImport {
    let mapping = ProjectMapping::load(format!("{MAPPINGS}{mapping}")).unwrap();
    let table = read_table(format!("{COHESION}{data}"), &mapping.source).unwrap();
    import_projects(&table, &mapping).unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn counts(b: &kartan::analysis::breakdown::Breakdown) -> BTreeMap<&str, u64> {
    b.groups.iter().map(|g| (g.key.as_str(), g.projects)).collect()
}

#[test]
fn projektbanken_erdf_2014_2020() {
    let imp = import("se_tillvaxtverket_erdf_projektbanken_2014-2020_snapshot2016.json", "projektbanken.toml");
    assert_eq!(imp.report.rows_read, 374);
    assert_eq!(imp.report.rows_imported, 374);
    assert!(imp.report.skipped.is_empty(), "{:?}", imp.report.skipped);
    assert_eq!(imp.projects.len(), 374);
    assert_eq!(imp.organisations.len(), 221, "beneficiaries, by name");
    let p = &imp.projects[0];
    assert_eq!(p.id, "20200940");
    assert_eq!(p.title.get("sv"), Some("Ortsammanbindande nät Arjeplogs kommun"));
    assert_eq!(p.owner.as_deref(), Some("Arjeplogs kommun"));
    assert_eq!(p.planned.to_string(), "2017-01-02 – 2020-04-30");
    assert_eq!(p.budgets[0].value.amount, dec("3929285"));
    assert_eq!(p.budgets[0].value.currency, "SEK");
    assert_eq!(p.regions, ["Norrbotten"]);
    assert_eq!(p.classifications["regional_programme"], "Övre Norrland");

    let portfolio =
        imp.into_portfolio("sv", Program::new("erdf-2014-2020", Text::one("sv", "Regionalfonden 2014-2020")));
    // The file's own total.
    assert_eq!(budget_total(&portfolio)["SEK"], Some(dec("4354438151")));

    let programmes = by_classification(&portfolio, "regional_programme");
    let want: BTreeMap<&str, u64> = [
        ("Norra Mellansverige", 80),
        ("Övre Norrland", 76),
        ("Skåne-Blekinge", 45),
        ("Mellersta Norrland", 43),
        ("Östra Mellansverige", 38),
        ("Västsverige", 31),
        ("Småland med öarna", 29),
        ("Nationellt regionalfondsprogram", 17),
        ("Stockholm", 15),
    ]
    .into_iter()
    .collect();
    assert_eq!(counts(&programmes), want);
    let sek = |key: &str| programmes.groups.iter().find(|g| g.key == key).unwrap().budget["SEK"].unwrap();
    assert_eq!(sek("Övre Norrland"), dec("888522427"));
    assert_eq!(sek("Nationellt regionalfondsprogram"), dec("648763989"));
    assert_eq!(sek("Stockholm"), dec("231754308"));
    let table = kartan::analysis::breakdown::breakdown_table(&programmes);
    table.check().unwrap();
    assert_eq!(table.name, "portfolio_regional_programme");
    assert_eq!(table.to_csv().lines().nth(1), Some("Norra Mellansverige,80,SEK,707612199"));
    let sum: Decimal = programmes.groups.iter().map(|g| g.budget["SEK"].unwrap()).sum();
    assert_eq!(sum, dec("4354438151"));

    let axes = by_classification(&portfolio, "priority_axis");
    assert_eq!(axes.groups.len(), 23);
    assert_eq!(
        (axes.groups[0].key.as_str(), axes.groups[0].projects),
        ("Att stärka forskning, teknisk utveckling och innovation", 70)
    );
    let objectives = by_classification(&portfolio, "thematic_objective");
    assert_eq!(objectives.groups.len(), 6);
    assert_eq!(objectives.groups[0].projects, 146);

    let counties = by_region(&portfolio);
    assert!(counties.overlapping);
    assert_eq!(counties.groups.len(), 21, "all 21 counties");
    assert_eq!((counties.groups[0].key.as_str(), counties.groups[0].projects), ("Västerbotten", 72));
    assert_eq!((counties.groups[1].key.as_str(), counties.groups[1].projects), ("Norrbotten", 67));

    // Status as of the snapshot date, from the planned dates (the file has no status).
    let status = by_status(&portfolio, NaiveDate::from_ymd_opt(2016, 10, 14).unwrap());
    let status = counts(&status);
    assert_eq!(status.values().sum::<u64>(), 374);
    assert!(status.contains_key("running"));
}

#[test]
fn load_portfolio_from_table_and_mapping_files() {
    let (portfolio, report) = kartan::io::table::load_portfolio(
        format!("{COHESION}se_tillvaxtverket_erdf_projektbanken_2014-2020_snapshot2016.json"),
        format!("{MAPPINGS}projektbanken.toml"),
    )
    .unwrap();
    assert_eq!(report.rows_imported, 374);
    assert_eq!(portfolio.program.id, "erdf-2014-2020");
    assert_eq!(portfolio.default_language, "sv");
    assert_eq!(portfolio.projects.len(), 374);
    assert_eq!(budget_total(&portfolio)["SEK"], Some(dec("4354438151")));
    // The portfolio is valid kartan JSON: it survives a write and a read.
    let json = kartan::io::json::to_string(&portfolio);
    assert_eq!(kartan::io::json::from_slice(json.as_bytes()).unwrap(), portfolio);
    assert!(kartan::analysis::validate(&portfolio, NaiveDate::from_ymd_opt(2016, 10, 14).unwrap())
        .iter()
        .all(|d| d.severity != kartan::Severity::Error));
}

#[test]
fn interreg_swedish_partners_2021_2027() {
    let imp = import("se_interreg_swedish_partners_2021-2027.json", "interreg_partners.toml");
    assert_eq!(imp.report.rows_read, 1196);
    assert_eq!(imp.report.rows_imported, 1196);
    // The file holds end dates that are no calendar day (2027-02-31, 2026-09-31): each
    // is skipped and reported with its row and column, never moved to another day.
    let skipped: Vec<(usize, &str)> =
        imp.report.skipped.iter().map(|s| (s.place.row, s.place.column.as_deref().unwrap())).collect();
    assert_eq!(
        skipped,
        [
            (259, "slutdatum"),
            (303, "slutdatum"),
            (702, "slutdatum"),
            (706, "slutdatum"),
            (710, "slutdatum"),
            (729, "slutdatum"),
            (752, "slutdatum")
        ]
    );
    assert!(
        imp.report.skipped[0].reason.contains("\"2027-02-31\" is not a calendar date"),
        "{}",
        imp.report.skipped[0].reason
    );
    assert!(imp.report.skipped[0]
        .place
        .to_string()
        .ends_with("se_interreg_swedish_partners_2021-2027.json: record 259 (/258), column \"slutdatum\""));
    // A project is programme + name: 585 names, but DISCO is a project of both
    // Interreg Europe and Interreg North Sea.
    assert_eq!(imp.projects.len(), 586);
    let names: std::collections::BTreeSet<_> = imp.projects.iter().map(|p| p.title.get("en").unwrap()).collect();
    assert_eq!(names.len(), 585);
    assert!(imp.projects.iter().any(|p| p.id == "Interreg europe / DISCO"));
    assert!(imp.projects.iter().any(|p| p.id == "Interreg North Sea / DISCO"));
    // 17 rows withhold the organisation's name: kept, and said so.
    let unnamed = imp.report.notes.iter().filter(|n| n.reason.starts_with("no organisation name")).count();
    assert_eq!(unnamed, 17);
    assert_eq!(imp.organisations.len(), 588);
    // Rows of one project that disagree on project-level cells are noted, not merged silently.
    assert!(imp.report.notes.iter().any(|n| n.reason.contains("Baltic Sea Region / MaDaMe")), "{:?}", imp.report.notes);

    let portfolio = imp.into_portfolio("en", Program::new("interreg-2021-2027", Text::one("en", "Interreg 2021-2027")));
    // The validator finds the file's one project that ends before it starts.
    let errors: Vec<_> = kartan::analysis::validate(&portfolio, NaiveDate::from_ymd_opt(2026, 6, 9).unwrap())
        .into_iter()
        .filter(|d| d.severity == kartan::Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code, "end-before-start");
    assert!(errors[0].message.contains("BBU - Baltic Biking UPGRADE"));
    let partners: usize = portfolio.projects.iter().map(|p| p.partners.len()).sum();
    assert_eq!(partners, 1196);
    let roles = partners_by_role(&portfolio);
    let by: BTreeMap<&str, (u64, Decimal)> =
        roles.iter().map(|r| (r.role.as_str(), (r.partners, r.budget["EUR"].unwrap()))).collect();
    assert_eq!(by["LP"], (188, dec("61195118.07")));
    assert_eq!(by["PP"].0, 838);
    assert_eq!(by["AP"].0, 170);
    let table = kartan::analysis::breakdown::roles_table(&roles);
    table.check().unwrap();
    assert_eq!(table.to_csv().lines().nth(1), Some("LP,188,EUR,61195118.07"));
    let total: Decimal = roles.iter().map(|r| r.budget["EUR"].unwrap()).sum();
    assert_eq!(total, dec("212449300.01"), "total partner budget, exact");
    let lead = portfolio
        .projects
        .iter()
        .flat_map(|p| &p.partners)
        .filter(|p| p.role == Some(PartnerRole::LeadPartner))
        .count();
    assert_eq!(lead, 188);

    let programmes = by_classification(&portfolio, "programme");
    let programmes = counts(&programmes);
    let want: BTreeMap<&str, u64> = [
        ("AURORA", 127),
        ("Baltic Sea Region", 85),
        ("Öresund-Kattegat-Skagerrak", 72),
        ("Sverige-Norge", 68),
        ("Interreg europe", 59),
        ("Interreg North Sea", 51),
        ("South Baltic Programme", 46),
        ("Central Baltic", 41),
        ("Northern Periphery and Arctic", 32),
        ("URBACT IV", 5),
    ]
    .into_iter()
    .collect();
    assert_eq!(programmes, want);
}
