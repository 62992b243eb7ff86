//! IATI import on every real file: counts from `tests/vectors/iati/*.json` (counted
//! independently with Python), and real values from the files.

use std::collections::BTreeSet;
use std::path::Path;

use kartan::io::iati::{from_path, IatiImportReport, ImportOptions};
use kartan::{effective_budgets, ActivityStatus, BudgetKind, Direction, Measure, PartialDate, Portfolio, ResultType};
use rust_decimal::Decimal;

const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/real/");
const VECTORS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/iati/");

fn load(name: &str) -> (Portfolio, IatiImportReport) {
    from_path(Path::new(REAL).join("iati").join(name), &ImportOptions::new()).unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The counts a vector names, computed from the imported portfolio and its report.
fn count(p: &Portfolio, r: &IatiImportReport, what: &str) -> u64 {
    let projects = p.projects.iter();
    let indicators = || p.projects.iter().flat_map(|x| &x.results).flat_map(|r| &r.indicators);
    let periods = || indicators().flat_map(|i| &i.periods);
    let n = |it: usize| it as u64;
    match what {
        "projects" => n(p.projects.len()),
        "results" => n(projects.map(|x| x.results.len()).sum()),
        "indicators" => n(indicators().count()),
        "baselines" => n(indicators().map(|i| i.baselines.len()).sum()),
        "periods" => n(periods().count()),
        "targets" => n(periods().map(|p| p.targets.len()).sum()),
        "actuals" => n(periods().map(|p| p.actuals.len()).sum()),
        "period_dimensions" => {
            n(periods().flat_map(|p| p.targets.iter().chain(&p.actuals)).map(|v| v.dimensions.len()).sum())
        }
        "baseline_dimensions" => n(indicators().flat_map(|i| &i.baselines).map(|b| b.dimensions.len()).sum()),
        "indicators_without_period" => {
            assert_eq!(r.indicators_without_period, n(indicators().filter(|i| i.periods.is_empty()).count()));
            r.indicators_without_period
        }
        "indicators_without_measure" => {
            assert_eq!(r.indicators_without_measure, n(indicators().filter(|i| i.measure.is_none()).count()));
            r.indicators_without_measure
        }
        "periods_with_numeric_target_and_actual" => n(periods()
            .filter(|p| !p.targets.is_empty() && !p.actuals.is_empty())
            .filter(|p| p.targets.iter().chain(&p.actuals).all(|v| v.value.is_some()))
            .count()),
        "periods_with_a_target_without_number" => {
            n(periods().filter(|p| p.targets.iter().any(|t| t.value.is_none())).count())
        }
        "targets_without_value" => r.targets_without_value,
        "periods_with_several_actuals" => n(periods().filter(|p| p.actuals.len() > 1).count()),
        "budgets" => n(projects.map(|x| x.budgets.len()).sum()),
        "revised_budgets" => n(projects.flat_map(|x| &x.budgets).filter(|b| b.kind == BudgetKind::Revised).count()),
        "transactions" => n(projects.map(|x| x.transactions.len()).sum()),
        "reporting_orgs" => n(projects.filter_map(|x| x.owner.as_deref()).collect::<BTreeSet<_>>().len()),
        "participating_orgs" => n(projects.map(|x| x.participating.len()).sum()),
        "sectors" => n(projects.map(|x| x.sectors.len()).sum()),
        "planned_disbursements" => n(projects.map(|x| x.planned_disbursements.len()).sum()),
        "recipient_countries" => n(projects.map(|x| x.recipient_countries.len()).sum()),
        "recipient_regions" => n(projects.map(|x| x.recipient_regions.len()).sum()),
        "with_parent" => n(projects.filter(|x| x.parent.is_some()).count()),
        "carried_elements" => n(projects
            .map(|x| x.carried.elements.len() + x.transactions.iter().map(|t| t.carried.elements.len()).sum::<usize>())
            .sum()),
        other => panic!("unknown count {other:?} in a vector"),
    }
}

#[test]
fn every_vector_matches_the_import() {
    let mut seen = 0;
    for entry in std::fs::read_dir(VECTORS).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let vector: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let input = Path::new(REAL).join(vector["input"].as_str().unwrap());
        let (p, r) = from_path(&input, &ImportOptions::new()).unwrap();
        assert_eq!(r.activities_skipped, 0, "{}", input.display());
        assert!(r.errors().next().is_none(), "{}: {:?}", input.display(), r.errors().collect::<Vec<_>>());
        for (what, want) in vector["expected"].as_object().unwrap() {
            assert_eq!(count(&p, &r, what), want.as_u64().unwrap(), "{}: {what}", path.display());
        }
        seen += 1;
    }
    assert_eq!(seen, 7, "one vector per real IATI file");
}

#[test]
fn the_annotated_example_keeps_every_results_element() {
    let (p, r) = load("iati_standard_example_annotated_2.03.xml");
    assert_eq!(p.default_language, "en");
    assert_eq!(p.program.id, "AA-AAA-123456789");
    assert_eq!(p.program.title.get("en"), Some("IATI activities from Organisation name"));
    let x = &p.projects[0];
    assert_eq!(x.id, "AA-AAA-123456789-ABC123");
    assert_eq!(x.title.get("fr"), Some("Titre de l'activité"));
    assert_eq!(x.title.get("es"), Some("Título de la actividad"));
    assert_eq!(x.title.get("en"), Some("Activity title"));
    assert!(x.description.get("en").unwrap().starts_with("General activity description text."));
    assert_eq!(x.owner.as_deref(), Some("AA-AAA-123456789"));
    let owner = p.organisation("AA-AAA-123456789").unwrap();
    assert_eq!(owner.iati_type.as_deref(), Some("40"));
    assert_eq!(owner.name.get("fr"), Some("Nom de l'organisme"));
    let roles: Vec<&str> = x.participating.iter().map(|o| o.role.as_str()).collect();
    assert_eq!(roles, ["1", "2", "3"]);
    assert_eq!(x.participating[1].organisation.as_deref(), Some("CC-CCC-123456789"));
    assert_eq!(x.participating[1].activity_id.as_deref(), Some("CC-CCC-123456789-1234"));
    assert_eq!(x.status, Some(ActivityStatus::Implementation));
    assert_eq!(x.planned.start, Some("2012-04-15".parse::<PartialDate>().unwrap()));
    assert_eq!(x.actual.start, Some("2012-04-28".parse::<PartialDate>().unwrap()));
    assert_eq!(x.planned.end, Some("2015-12-31".parse::<PartialDate>().unwrap()));
    assert_eq!(x.actual.end, None);
    assert_eq!(x.budgets.len(), 1);
    assert_eq!((x.budgets[0].value.amount, x.budgets[0].value.currency.as_str()), (dec("3000"), "EUR"));
    assert!(x.budgets[0].indicative);
    assert_eq!(x.sectors.len(), 3);
    assert_eq!(x.sectors[2].vocabulary_uri.as_deref(), Some("http://example.com/vocab.html"));
    assert_eq!(x.sectors[0].percentage, Some(dec("50")));
    assert_eq!(x.classifications.get("sector").map(String::as_str), Some("111;112;A1"));
    assert_eq!(x.parent.as_deref(), Some("AA-AAA-123456789-6789"));

    let result = &x.results[0];
    assert_eq!(result.id, "AA-AAA-123456789-ABC123/R1");
    assert_eq!(result.result_type, ResultType::Output);
    assert_eq!(result.aggregation_status, Some(true));
    assert_eq!(result.document_links[0].categories, ["A01"]);
    assert_eq!(result.document_links[0].languages, ["en"]);
    assert_eq!(result.document_links[0].description.get("en"), Some("Report of results"));
    assert_eq!(result.references[0].vocabulary_uri.as_deref(), Some("http://example.com/indicators.html"));
    let ind = &result.indicators[0];
    assert_eq!(ind.id, "AA-AAA-123456789-ABC123/R1/I1");
    assert_eq!(
        (ind.measure, ind.direction, ind.aggregation_status),
        (Some(Measure::Unit), Direction::Ascending, Some(true))
    );
    let vocabularies: Vec<&str> = ind.references.iter().map(|r| r.vocabulary.as_str()).collect();
    assert_eq!(vocabularies, ["1", "7", "99"]);
    assert_eq!(ind.references[2].indicator_uri.as_deref(), Some("http://example.com/indicators.html"));
    let b = &ind.baselines[0];
    assert_eq!((b.year, b.value), (Some(2012), Some(dec("10"))));
    assert_eq!(b.date, chrono::NaiveDate::from_ymd_opt(2012, 1, 1));
    assert_eq!(b.locations, ["AF-KAN", "KH-PNH"]);
    assert_eq!(b.dimensions[0].name, "sex");
    assert_eq!(b.comment.get("en"), Some("Baseline comment text"));
    assert_eq!(b.document_links.len(), 1);
    let period = &ind.periods[0];
    assert_eq!(period.start.to_string(), "2013-01-01");
    assert_eq!(period.end.to_string(), "2013-03-31");
    assert_eq!(period.targets[0].value, Some(dec("10")));
    assert_eq!(period.actuals[0].value, Some(dec("11")));
    assert_eq!(period.targets[0].comment.get("en"), Some("Target comment text"));
    assert_eq!(period.actuals[0].dimensions.len(), 2);
    assert_eq!(period.actuals[0].document_links.len(), 1);
    // The transaction is read (issue 15); what is not modelled is reported with its first place.
    assert!(r.not_modelled("iati-activity/transaction").is_none());
    let tx = &p.projects[0].transactions;
    assert_eq!(tx.len(), 1);
    let t = &tx[0];
    assert_eq!(t.reference.as_deref(), Some("1234"));
    assert_eq!(t.humanitarian, Some(true));
    assert_eq!(t.transaction_type, kartan::TransactionType::IncomingFunds);
    assert_eq!(t.date.map(|d| d.to_string()).as_deref(), Some("2012-01-01"));
    assert_eq!((t.value.amount, t.value.currency.as_str()), (dec("1000"), "EUR"));
    assert_eq!(t.value_date.map(|d| d.to_string()).as_deref(), Some("2012-01-01"));
    assert_eq!(t.description.get("en"), Some("Transaction description text"));
    let provider = t.provider.as_ref().unwrap();
    assert_eq!(provider.organisation.as_deref(), Some("BB-BBB-123456789"));
    assert_eq!(provider.activity.as_deref(), Some("BB-BBB-123456789-1234AA"));
    assert_eq!(provider.iati_type.as_deref(), Some("10"));
    assert_eq!(provider.name.get("en"), Some("Agency B"));
    let receiver = t.receiver.as_ref().unwrap();
    assert_eq!(receiver.activity.as_deref(), Some("AA-AAA-123456789-1234"));
    assert_eq!(receiver.name.get("en"), Some("Agency A"));
    let sector = r.carried("iati-activity/transaction/sector").unwrap();
    assert_eq!(sector.count, 1);
    assert!(sector.first.line > 200, "{}", sector.first);
    assert_eq!(r.carried("iati-activity/description[@type=2]").unwrap().count, 1);
}

#[test]
fn narratives_without_a_language_take_the_activitys() {
    let (p, _) = load("nl_mfa_xm-dac-7_activities_2018.xml");
    // The activities say xml:lang="nl"; the reporting org's narrative says "en".
    assert!(p.projects.iter().all(|x| x.title.get("nl").is_some()), "titles in nl");
    assert_eq!(p.organisation("XM-DAC-7").unwrap().name.get("en"), Some("Ministry of Foreign Affairs (DGIS)"));
    assert_eq!(p.projects.iter().filter(|x| x.status.is_some()).count(), 13);
}

#[test]
fn revised_budgets_replace_originals_never_add() {
    let (p, _) = load("results_worldbank_44000_2021.xml");
    // World Bank publishes an original and a revised line for every period.
    let x = &p.projects[0];
    let all: Decimal = x.budgets.iter().map(|b| b.value.amount).sum();
    let effective: Vec<_> = effective_budgets(&x.budgets);
    assert_eq!(effective.len() * 2, x.budgets.len());
    assert!(effective.iter().all(|b| b.kind == BudgetKind::Revised));
    let counted: Decimal = effective.iter().map(|b| b.value.amount).sum();
    assert!(counted < all);
}

#[test]
fn text_values_are_kept_as_text_and_reported() {
    let (p, r) = load("results_worldbank_44000_2021.xml");
    let targets: Vec<_> = p
        .projects
        .iter()
        .flat_map(|x| &x.results)
        .flat_map(|r| &r.indicators)
        .flat_map(|i| &i.periods)
        .flat_map(|p| &p.targets)
        .collect();
    let yes = targets.iter().filter(|t| t.value.is_none() && t.text.get("und") == Some("Yes")).count();
    assert_eq!(yes, 42);
    assert_eq!(r.values_not_numbers, 207);
    // Qualitative indicators' texts are expected; numeric ones get a warning with line:column.
    assert!(r.diagnostics.iter().all(|d| d.code == "iati-value-not-a-number"));
    let (_, small) = load("results_small_rich_ngo_2021.xml");
    let d = small.diagnostics.iter().find(|d| d.message.contains("740,000")).unwrap();
    assert!(d.path.ends_with("results_small_rich_ngo_2021.xml:5822:5"), "{}", d.path);
    assert!(d.message.contains("separators"), "{}", d.message);
}

#[test]
fn cordaid_marginal_breakdowns_stay_separate_actuals() {
    let (p, _) = load("results_nl_ngos_2021.xml");
    let period = p
        .projects
        .iter()
        .flat_map(|x| &x.results)
        .flat_map(|r| &r.indicators)
        .flat_map(|i| &i.periods)
        .find(|p| p.actuals.len() > 1)
        .unwrap();
    let names: BTreeSet<&str> = period.actuals.iter().flat_map(|a| &a.dimensions).map(|d| d.name.as_str()).collect();
    assert!(names.len() > 1, "{names:?}");
    assert!(period.actuals.iter().all(|a| !a.dimensions.is_empty()), "no undisaggregated total");
}
