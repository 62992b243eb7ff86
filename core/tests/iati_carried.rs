//! What kartan does not model is carried (issue 15, deliverable 2): an IATI activity's
//! other attributes and child elements, and a transaction's, are kept verbatim in
//! `Carried` and written back by the export in their IATI 2.03 schema place; by every
//! reader (one thread, segments in parallel, streaming).

use std::path::Path;

use kartan::io::iati::{from_slice, from_slice_in_segments, to_iati_string, ImportOptions};

const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/real/iati/");

fn real(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(REAL).join(name)).unwrap()
}

#[test]
fn every_carried_element_of_every_real_file_is_exported_verbatim() {
    for entry in std::fs::read_dir(REAL).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let (portfolio, report) = from_slice(&bytes, &ImportOptions::new().threads(1)).unwrap();
        let xml = to_iati_string(&portfolio);
        let mut elements = 0;
        for project in &portfolio.projects {
            let carried = project.transactions.iter().map(|t| &t.carried).chain([&project.carried]);
            for element in carried.flat_map(|c| &c.elements) {
                assert!(xml.contains(element.as_str()), "{}: {element} is not in the export", path.display());
                elements += 1;
            }
        }
        let reported: u64 = report.carried.iter().filter(|c| !c.path.contains("/@")).map(|c| c.count).sum();
        assert_eq!(elements as u64, reported, "{}", path.display());
        // Read in small segments on two threads: the same projects and report.
        let (parts, parts_report) =
            from_slice_in_segments(&bytes, &ImportOptions::new().threads(2), 64 * 1024).unwrap();
        assert_eq!(parts, portfolio, "{}", path.display());
        assert_eq!(parts_report.carried, report.carried, "{}", path.display());
    }
}

#[test]
fn a_d_portal_activity_keeps_its_attributes_and_unmodelled_elements() {
    let (portfolio, report) = from_slice(&real("results_nl_ngos_2021.xml"), &ImportOptions::new()).unwrap();
    let first = &portfolio.projects[0];
    assert_eq!(first.id, "NL-KVK-41160054-112711");
    let attributes: Vec<[&str; 2]> = first.carried.attributes.iter().map(|[n, v]| [n.as_str(), v.as_str()]).collect();
    assert_eq!(
        attributes[..6],
        [
            ["xmlns:dstore", "http://d-portal.org/xmlns/dstore"],
            ["xmlns:iati-activities", "http://d-portal.org/xmlns/iati-activities"],
            ["dstore:dataset", "cordaid-41160054"],
            ["dstore:index", "47"],
            ["hierarchy", "1"],
            ["humanitarian", "0"],
        ]
    );
    // Description type 2 comes before type 1 in the source; the export writes type 1
    // (modelled) first, then the carried ones, in the description's place.
    assert!(
        first.carried.elements[0].starts_with("<description type=\"2\">\n   <narrative xml:lang=\"EN\">1. To capture")
    );
    assert!(first.carried.elements[1].starts_with("<description type=\"3\">"));
    let xml = to_iati_string(&portfolio);
    let type1 = xml.find("<description type=\"1\">").unwrap();
    let type2 = xml.find("<description type=\"2\">").unwrap();
    let participating = xml.find("<participating-org").unwrap();
    assert!(type1 < type2 && type2 < participating);
    assert!(xml.contains(" dstore:index=\"47\" hierarchy=\"1\" humanitarian=\"0\""));
    for (path, count) in [
        ("iati-activity/@hierarchy", 181),
        ("iati-activity/contact-info", 159),
        ("iati-activity/description[@type=2]", 94),
        ("iati-activity/related-activity[@type=3]", 98),
        ("iati-activity/transaction/recipient-country", 9),
    ] {
        assert_eq!(report.carried(path).map(|c| c.count), Some(count), "{path}");
        assert!(report.not_modelled(path).is_none(), "{path}");
    }
    // planned disbursements and recipient countries and regions are modelled now
    for path in
        ["iati-activity/planned-disbursement", "iati-activity/recipient-country", "iati-activity/recipient-region"]
    {
        assert!(report.carried(path).is_none() && report.not_modelled(path).is_none(), "{path}");
    }
}

#[test]
fn an_extension_element_keeps_its_namespace_and_goes_after_the_iati_elements() {
    let (portfolio, _) = from_slice(&real("results_sida_se0_sample_2021.xml"), &ImportOptions::new()).unwrap();
    let fragment = r#"<sida:contribution xmlns:sida="http://sida.se/ns/contribution#" contributionid="10339"/>"#;
    let project = portfolio.projects.iter().find(|p| p.carried.elements.iter().any(|e| e == fragment)).unwrap();
    let xml = to_iati_string(&portfolio);
    let at = xml.find(fragment).unwrap();
    let activity = &xml[..at];
    let start = activity.rfind("<iati-activity ").unwrap();
    assert!(activity[start..].contains(&format!("<iati-identifier>{}</iati-identifier>", project.id)));
    assert!(activity[start..].rfind("</result>").is_some(), "the extension follows the results");
}

#[test]
fn a_prefix_declared_on_the_root_is_declared_in_the_fragment() {
    let mut xml = String::from(r#"<iati-activities version="2.03" xmlns:akvo="http://akvo.org/iati-activities">"#);
    for i in 0..40 {
        xml.push_str(&format!(
            r#"<iati-activity akvo:id="{i}" hierarchy="2"><iati-identifier>A-{i}</iati-identifier><title><narrative>T</narrative></title><akvo:note kind="x">see: n &amp; m</akvo:note><activity-scope code="4"/><transaction akvo:t="1"><transaction-type code="3"/><transaction-date iso-date="2020-01-01"/><value currency="EUR" value-date="2020-01-01">5</value><flow-type code="10"/></transaction></iati-activity>"#
        ));
    }
    xml.push_str("</iati-activities>");
    let (one, _) = from_slice(xml.as_bytes(), &ImportOptions::new().threads(1)).unwrap();
    let carried = &one.projects[3].carried;
    assert_eq!(
        carried.attributes,
        [
            ["akvo:id".to_owned(), "3".to_owned()],
            ["hierarchy".to_owned(), "2".to_owned()],
            ["xmlns:akvo".to_owned(), "http://akvo.org/iati-activities".to_owned()],
        ]
    );
    // In the schema's order (the extension after the IATI elements), as the export writes them.
    assert_eq!(
        carried.elements,
        [
            r#"<activity-scope code="4"/>"#,
            r#"<akvo:note xmlns:akvo="http://akvo.org/iati-activities" kind="x">see: n &amp; m</akvo:note>"#,
        ]
    );
    let transaction = &one.projects[3].transactions[0].carried;
    assert_eq!(transaction.elements, [r#"<flow-type code="10"/>"#]);
    // The segments after the first know the root's declarations too.
    let (parts, _) = from_slice_in_segments(xml.as_bytes(), &ImportOptions::new().threads(2), 512).unwrap();
    assert_eq!(parts, one);
    // The export: activity-scope in its place (before the transaction), the extension last.
    let out = to_iati_string(&one);
    let activity = &out[out.find("<iati-identifier>A-3<").unwrap()..out.find("<iati-identifier>A-4<").unwrap()];
    let scope = activity.find("<activity-scope").unwrap();
    assert!(scope < activity.find("<transaction ").unwrap());
    assert!(activity.find("<akvo:note").unwrap() > activity.find("</transaction>").unwrap());
    let (again, _) = from_slice(out.as_bytes(), &ImportOptions::new()).unwrap();
    assert_eq!(again, one);
}
