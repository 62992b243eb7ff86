//! IATI planned disbursements and recipient countries and regions, modelled (issue 15):
//! read from the IATI standard's own annotated example, written back in their schema
//! place; a planned disbursement that cannot be read whole is carried, never dropped
//! (Sida's `5e-10`, which is not an `xsd:decimal`).

use chrono::NaiveDate;
use kartan::io::iati::{from_slice, to_iati, to_iati_string, ImportOptions};
use kartan::{BudgetKind, PartialDate, Severity};
use rust_decimal::Decimal;

fn real(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../../shared/data/real/iati/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn the_standard_example_s_recipients_and_planned_disbursements_are_read_and_written_back() {
    let (p, r) = from_slice(&real("iati_standard_example_annotated_2.03.xml"), &ImportOptions::new()).unwrap();
    let a = &p.projects[0];
    let countries: Vec<(&str, Option<String>)> =
        a.recipient_countries.iter().map(|c| (c.code.as_str(), c.percentage.map(|d| d.to_string()))).collect();
    assert_eq!(countries, [("AF", Some("25".to_owned())), ("AG", Some("25".to_owned()))]);
    assert!(a.recipient_countries.iter().all(|c| c.vocabulary.is_none()));
    let regions: Vec<(&str, Option<&str>, Option<&str>, Option<String>)> = a
        .recipient_regions
        .iter()
        .map(|x| {
            (x.code.as_str(), x.vocabulary.as_deref(), x.vocabulary_uri.as_deref(), x.percentage.map(|d| d.to_string()))
        })
        .collect();
    assert_eq!(
        regions,
        [
            ("489", Some("1"), None, Some("25".to_owned())),
            ("A1", Some("99"), Some("http://example.com/vocab.html"), Some("25".to_owned())),
        ]
    );
    // the example's countries and regions share the activity: 4 × 25 % = 100 %
    let shares: Decimal = a.recipient_countries.iter().chain(&a.recipient_regions).filter_map(|x| x.percentage).sum();
    assert_eq!(shares, Decimal::from(100));

    let planned = &a.planned_disbursements;
    assert_eq!(planned.len(), 2);
    let first = &planned[0];
    assert_eq!(first.kind, BudgetKind::Original);
    assert_eq!((first.value.amount, first.value.currency.as_str()), (Decimal::from(3000), "EUR"));
    assert_eq!(first.value_date, Some(day("2014-01-01")));
    assert_eq!(
        (first.period.start, first.period.end),
        (Some(PartialDate::Date(day("2014-01-01"))), Some(PartialDate::Date(day("2014-12-31"))))
    );
    let provider = first.provider.as_ref().unwrap();
    assert_eq!(
        (provider.organisation.as_deref(), provider.activity.as_deref(), provider.iati_type.as_deref()),
        (Some("BB-BBB-123456789"), Some("BB-BBB-123456789-1234AA"), Some("10"))
    );
    assert_eq!(provider.name.best("en", "en"), Some("Agency B"));
    let receiver = first.receiver.as_ref().unwrap();
    assert_eq!(
        (receiver.organisation.as_deref(), receiver.activity.as_deref(), receiver.iati_type.as_deref()),
        (Some("AA-AAA-123456789"), Some("AA-AAA-123456789-1234"), Some("23"))
    );
    assert!(planned[1].provider.is_none() && planned[1].receiver.is_none());

    // counted and modelled, not carried; a transaction's own recipient country still is
    assert_eq!(r.count("planned-disbursement"), 2);
    assert_eq!((r.count("recipient-country"), r.count("recipient-region")), (2, 2));
    for path in
        ["iati-activity/planned-disbursement", "iati-activity/recipient-country", "iati-activity/recipient-region"]
    {
        assert!(r.carried(path).is_none() && r.not_modelled(path).is_none(), "{path}");
    }
    assert!(r.carried("iati-activity/transaction/recipient-country").is_some());

    // written back in the schema's order, and read again the same
    let (xml, _) = to_iati(&p);
    let activity = &xml[..xml.find("</iati-activity>").unwrap()];
    let at = |s: &str| activity.find(s).unwrap_or_else(|| panic!("{s} not in the export:\n{activity}"));
    assert!(at("<activity-date") < at("<recipient-country code=\"AF\" percentage=\"25\"/>"));
    assert!(
        at("<recipient-country code=\"AG\"")
            < at("<recipient-region code=\"489\" vocabulary=\"1\" percentage=\"25\"/>")
    );
    assert!(
        at("<recipient-region code=\"A1\" vocabulary=\"99\" vocabulary-uri=\"http://example.com/vocab.html\"")
            < at("<sector")
    );
    assert!(at("</budget>") < at("<planned-disbursement type=\"1\">"));
    assert!(activity.rfind("</planned-disbursement>").unwrap() < at("<capital-spend"));
    assert!(at("<capital-spend") < at("<transaction"));
    let (again, _) = from_slice(xml.as_bytes(), &ImportOptions::new()).unwrap();
    let b = &again.projects[0];
    assert_eq!(b.planned_disbursements, a.planned_disbursements);
    assert_eq!((&b.recipient_countries, &b.recipient_regions), (&a.recipient_countries, &a.recipient_regions));
}

#[test]
fn a_planned_disbursement_that_cannot_be_read_whole_is_carried_with_a_warning() {
    let (p, r) = from_slice(&real("results_sida_se0_sample_2021.xml"), &ImportOptions::new()).unwrap();
    let modelled: usize = p.projects.iter().map(|x| x.planned_disbursements.len()).sum();
    let carried: Vec<&String> = p
        .projects
        .iter()
        .flat_map(|x| &x.carried.elements)
        .filter(|e| e.starts_with("<planned-disbursement"))
        .collect();
    // 188 in the file (ElementTree): 172 with an xsd:decimal value, 16 without
    assert_eq!((modelled, carried.len()), (172, 16));
    assert!(carried.iter().any(|e| e.contains(">5e-10</value>")), "{carried:?}");
    let warnings: Vec<_> = r.diagnostics.iter().filter(|d| d.code == "iati-planned-disbursement-carried").collect();
    assert_eq!(warnings.len(), 16);
    assert!(warnings.iter().all(|d| d.severity == Severity::Warning));
    assert!(warnings.iter().any(|d| d.message.starts_with("planned-disbursement/value \"5e-10\": ")), "{warnings:?}");
    assert!(warnings
        .iter()
        .all(|d| d.message.ends_with("carried verbatim (an export of the activity writes it back), not modelled")));
    assert_eq!(r.carried("iati-activity/planned-disbursement[unreadable]").map(|c| c.count), Some(16));
    assert_eq!(r.count("planned-disbursement"), 188);
    let xml = to_iati_string(&p);
    assert!(carried.iter().all(|e| xml.contains(e.as_str())));
}

#[test]
fn bad_planned_disbursements_are_carried_and_a_bad_share_is_located() {
    // No currency anywhere, a bad period date, an unknown child: each line is carried
    // whole with a warning at its line:column; the readable one is modelled. A
    // recipient country's share that is not a number is an error at its place (the
    // activity's shares cannot be trusted: it is skipped, as for a sector).
    let xml = r#"<iati-activities version="2.03">
<iati-activity><iati-identifier>A-1</iati-identifier>
<planned-disbursement><period-start iso-date="2024-01-01"/><value value-date="2024-01-01">10</value></planned-disbursement>
<planned-disbursement><period-start iso-date="2024-13-01"/><value currency="EUR" value-date="2024-01-01">20</value></planned-disbursement>
<planned-disbursement><period-start iso-date="2024-01-01"/><value currency="EUR" value-date="2024-01-01">30</value><note/></planned-disbursement>
<planned-disbursement type="2"><period-start iso-date="2024-01-01"/><value currency="EUR" value-date="2024-01-01">40</value></planned-disbursement>
</iati-activity>
<iati-activity><iati-identifier>A-2</iati-identifier><recipient-country code="KE" percentage="half"/></iati-activity>
</iati-activities>"#;
    let (p, r) = from_slice(xml.as_bytes(), &ImportOptions::new().source_name("t.xml".to_owned())).unwrap();
    let a = &p.projects[0];
    assert_eq!(a.planned_disbursements.len(), 1);
    assert_eq!(
        (a.planned_disbursements[0].kind, a.planned_disbursements[0].value.amount),
        (BudgetKind::Revised, Decimal::from(40))
    );
    assert_eq!(a.carried.elements.len(), 3, "{:?}", a.carried.elements);
    let carried: Vec<(&str, &str)> = r
        .diagnostics
        .iter()
        .filter(|d| d.code == "iati-planned-disbursement-carried")
        .map(|d| (d.path.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(carried.len(), 3, "{carried:?}");
    assert!(
        carried[0].0 == "t.xml:3:1" && carried[0].1.starts_with("planned-disbursement value has no @currency"),
        "{carried:?}"
    );
    assert!(carried[1].0 == "t.xml:4:1" && carried[1].1.contains("\"2024-13-01\""), "{carried:?}");
    assert!(
        carried[2].0 == "t.xml:5:1" && carried[2].1.starts_with("planned-disbursement has a child note"),
        "{carried:?}"
    );
    // the second activity is skipped with the bad share named and located
    assert_eq!((r.activities_imported, r.activities_skipped), (1, 1));
    let bad = r.errors().find(|d| d.code == "iati-bad-number").unwrap();
    assert!(bad.path.starts_with("t.xml:8:") && bad.message.starts_with("recipient-country/@percentage: "), "{bad:?}");
    // the export writes the carried lines back verbatim
    let out = to_iati_string(&p);
    assert!(a.carried.elements.iter().all(|e| out.contains(e.as_str())));
}

#[test]
fn a_repeated_child_or_a_bad_date_is_never_read_over_silently() {
    // Found by a tester who had not seen the code: two values, two types, two provider
    // orgs used to keep the last silently, and a transaction with a bad date was kept
    // undated and then left out of the export.
    let xml = r#"<iati-activities version="2.03">
<iati-activity default-currency="EUR"><iati-identifier>A-1</iati-identifier>
<budget><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value value-date="2024-01-01">5</value><value value-date="2024-01-01">6</value></budget>
<planned-disbursement><period-start iso-date="2024-01-01"/><value value-date="2024-01-01">5</value><value value-date="2024-01-01">6</value></planned-disbursement>
<planned-disbursement><period-start iso-date="2024-01-01"/><value value-date="2024-01-01">7</value><provider-org ref="P1"/><provider-org ref="P2"/></planned-disbursement>
<transaction><transaction-type code="3"/><transaction-type code="2"/><transaction-date iso-date="2024-02-01"/><value value-date="2024-02-01">13</value></transaction>
<transaction><transaction-type code="3"/><transaction-date iso-date="2024-02-01"/><value value-date="2024-02-01">13</value><value value-date="2024-02-01">14</value></transaction>
<transaction><transaction-type code="3"/><transaction-date iso-date="2021-02-30"/><value value-date="2021-02-01">11</value></transaction>
<transaction><transaction-type code="3"/><transaction-date iso-date="2024-03-01"/><value value-date="2024-03-01">20</value></transaction>
</iati-activity>
</iati-activities>"#;
    let (p, r) = from_slice(xml.as_bytes(), &ImportOptions::new().source_name("t.xml".to_owned())).unwrap();
    let a = &p.projects[0];
    // the one whole transaction is modelled; the three others are carried whole
    assert_eq!(a.transactions.len(), 1);
    assert_eq!(a.transactions[0].value.amount, Decimal::from(20));
    assert!(a.planned_disbursements.is_empty());
    let carried: Vec<&String> = a.carried.elements.iter().collect();
    assert_eq!(carried.iter().filter(|e| e.starts_with("<transaction")).count(), 3);
    assert_eq!(carried.iter().filter(|e| e.starts_with("<planned-disbursement")).count(), 2);
    let errors: Vec<(&str, &str, &str)> =
        r.errors().map(|d| (d.code.as_str(), d.path.as_str(), d.message.as_str())).collect();
    let has = |code: &str, at: &str, text: &str| {
        errors.iter().any(|(c, p, m)| *c == code && p.starts_with(at) && m.contains(text))
    };
    assert!(
        has("iati-repeated-element", "t.xml:3:", "budget has two value elements; the last one is used"),
        "{errors:?}"
    );
    assert!(has("iati-repeated-element", "t.xml:6:", "transaction has two transaction-type elements"), "{errors:?}");
    assert!(has("iati-repeated-element", "t.xml:7:", "transaction has two value elements"), "{errors:?}");
    assert!(
        has("iati-bad-date", "t.xml:8:", "the transaction is carried verbatim, not in the money figures"),
        "{errors:?}"
    );
    let warned: Vec<&str> = r
        .diagnostics
        .iter()
        .filter(|d| d.code == "iati-planned-disbursement-carried")
        .map(|d| d.message.as_str())
        .collect();
    assert!(warned[0].starts_with("planned-disbursement has two value elements"), "{warned:?}");
    assert!(warned[1].starts_with("planned-disbursement has two provider-org elements"), "{warned:?}");
    // everything carried is written back
    let out = to_iati_string(&p);
    assert!(carried.iter().all(|e| out.contains(e.as_str())), "{out}");
    assert!(out.contains(r#"<transaction-date iso-date="2021-02-30"/>"#));
}
