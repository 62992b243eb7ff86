//! Where each child of `iati-activity` goes: the IATI 2.03 schema's sequence, by which
//! the writer puts modelled and carried elements in their place.

/// The children of `iati-activity` in the order of the IATI 2.03 schema's sequence; an
/// element of another namespace follows them (`xsd:any namespace="##other"`).
pub(super) const ACTIVITY_ORDER: [&str; 34] = [
    "iati-identifier",
    "reporting-org",
    "title",
    "description",
    "participating-org",
    "other-identifier",
    "activity-status",
    "activity-date",
    "contact-info",
    "activity-scope",
    "recipient-country",
    "recipient-region",
    "location",
    "sector",
    "tag",
    "country-budget-items",
    "humanitarian-scope",
    "policy-marker",
    "collaboration-type",
    "default-flow-type",
    "default-finance-type",
    "default-aid-type",
    "default-tied-status",
    "budget",
    "planned-disbursement",
    "capital-spend",
    "transaction",
    "document-link",
    "related-activity",
    "legacy-data",
    "conditions",
    "result",
    "crs-add",
    "fss",
];

/// The place of a carried element among `iati-activity`'s children: its index in
/// [`ACTIVITY_ORDER`]; after them for an element with a prefix or a default namespace
/// of its own (another vocabulary) or one the schema does not name.
pub(in crate::io::iati) fn rank(fragment: &str) -> usize {
    let tag = fragment.get(1..).unwrap_or_default();
    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    let name = tag.split(|c: char| c.is_ascii_whitespace() || c == '/').next().unwrap_or_default();
    let own_namespace = tag.split_ascii_whitespace().any(|a| a.starts_with("xmlns=") || a.starts_with("xmlns "));
    match ACTIVITY_ORDER.iter().position(|n| *n == name) {
        Some(i) if !own_namespace => i,
        _ => ACTIVITY_ORDER.len(),
    }
}
