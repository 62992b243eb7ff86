//! Projects of the portfolio.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::DateRange;
use super::money::{Budget, Money, Transaction};
use super::organisation::Level;
use super::results::Result;
use super::text::Text;

/// IATI `ActivityStatus` (codes 1-6), used for projects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    /// 1 — Pipeline/identification.
    Pipeline,
    /// 2 — Implementation.
    Implementation,
    /// 3 — Finalisation (physical activity complete, finances open).
    Finalisation,
    /// 4 — Closed.
    Closed,
    /// 5 — Cancelled.
    Cancelled,
    /// 6 — Suspended.
    Suspended,
}

impl ActivityStatus {
    /// All statuses in code order.
    pub const ALL: [ActivityStatus; 6] = [
        ActivityStatus::Pipeline,
        ActivityStatus::Implementation,
        ActivityStatus::Finalisation,
        ActivityStatus::Closed,
        ActivityStatus::Cancelled,
        ActivityStatus::Suspended,
    ];

    /// The IATI code, 1-6.
    pub fn iati_code(self) -> u8 {
        self as u8 + 1
    }

    /// The status for an IATI code, if it is 1-6.
    pub fn from_iati_code(code: &str) -> Option<Self> {
        let n: usize = code.trim().parse().ok()?;
        Self::ALL.get(n.checked_sub(1)?).copied()
    }

    /// The IATI name (English).
    pub fn name(self) -> &'static str {
        match self {
            ActivityStatus::Pipeline => "Pipeline/identification",
            ActivityStatus::Implementation => "Implementation",
            ActivityStatus::Finalisation => "Finalisation",
            ActivityStatus::Closed => "Closed",
            ActivityStatus::Cancelled => "Cancelled",
            ActivityStatus::Suspended => "Suspended",
        }
    }
}

/// A sector a project works in: IATI `sector`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    /// IATI `SectorVocabulary` code (`1` DAC 5-digit, `2` DAC 3-digit, `99` own …); `None`
    /// when the source does not say (IATI then means `1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vocabulary: Option<String>,
    /// The vocabulary's address, for vocabularies 98 and 99.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vocabulary_uri: Option<String>,
    /// The code in that vocabulary (e.g. `15110`).
    pub code: String,
    /// The share of the project in this sector, in percent (`25` for 25 %).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::number::strict_opt::serialize",
        deserialize_with = "crate::model::number::strict_opt::deserialize"
    )]
    #[schemars(schema_with = "crate::model::number::schema_opt")]
    pub percentage: Option<rust_decimal::Decimal>,
    /// The sector's name, as the source gives it.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub name: Text,
}

/// A country or region that benefits from a project: IATI `recipient-country` (in
/// [`Project::recipient_countries`]) or `recipient-region` (in
/// [`Project::recipient_regions`]).
///
/// Shares are percentages (`60` for 60 %); IATI asks that the shares of a project's
/// countries and regions together make 100.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecipientArea {
    /// A country's ISO 3166-1 alpha-2 code (`KE`), or a region's code in its
    /// vocabulary (`298`, Africa, regional, in the OECD DAC vocabulary).
    pub code: String,
    /// A region's IATI `RegionVocabulary` code (`1` OECD DAC, `2` UN M49, `99` own);
    /// `None` for a country, and for a region whose source does not say (IATI then
    /// means `1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vocabulary: Option<String>,
    /// The vocabulary's address, for vocabulary 99.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vocabulary_uri: Option<String>,
    /// The share of the project that goes to this country or region, in percent.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::number::strict_opt::serialize",
        deserialize_with = "crate::model::number::strict_opt::deserialize"
    )]
    #[schemars(schema_with = "crate::model::number::schema_opt")]
    pub percentage: Option<rust_decimal::Decimal>,
    /// The name, as the source gives it.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub name: Text,
}

/// An organisation taking part in a project, and its role: IATI `participating-org`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParticipatingOrg {
    /// IATI `OrganisationRole` code: `1` funding, `2` accountable, `3` extending,
    /// `4` implementing.
    pub role: String,
    /// The organisation's id in the portfolio's `organisations`, when the source names
    /// one (IATI `@ref`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The name as given for this project (organisations without an id have only this).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub name: Text,
    /// IATI `OrganisationType` code as given for this project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iati_type: Option<String>,
    /// The organisation's own identifier for this project (IATI `@activity-id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity_id: Option<String>,
}

/// A project in the portfolio (or a sub-project, through `parent`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Unique id within the portfolio (e.g. the IATI identifier or case number).
    pub id: String,
    /// The project's title.
    pub title: Text,
    /// A description.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    /// The owning organisation's id (*projektägare*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The project manager's role (never a person's name or contact).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager_role: Option<Text>,
    /// The focus area's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus_area: Option<String>,
    /// The levels the project works at.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<Level>,
    /// The parent project's id, for a sub-project. Projects form a tree, never a cycle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The ids of child projects as this project's source declares them (IATI
    /// `related-activity` type 2), in the source's order. The tree itself is given by
    /// each child's `parent`; this keeps the declaration, also of a child that is not
    /// in the portfolio.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<String>,
    /// The language of the project's texts when it is not the portfolio's
    /// `default_language` (IATI `iati-activity/@xml:lang`), as a BCP 47 tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_language: Option<String>,
    /// IATI activity status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ActivityStatus>,
    /// Planned start and end.
    #[serde(default, skip_serializing_if = "DateRange::is_unknown")]
    pub planned: DateRange,
    /// Actual start and end.
    #[serde(default, skip_serializing_if = "DateRange::is_unknown")]
    pub actual: DateRange,
    /// Budget lines (a revised line replaces the original for the same period).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budgets: Vec<Budget>,
    /// Money committed, paid out, spent or received (IATI `transaction`), in the order
    /// the source gives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transactions: Vec<Transaction>,
    /// Payments planned for coming periods (IATI `planned-disbursement`), in the order
    /// the source gives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub planned_disbursements: Vec<crate::model::PlannedDisbursement>,
    /// The countries that benefit, with their shares (IATI `recipient-country`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipient_countries: Vec<RecipientArea>,
    /// The regions that benefit, with their vocabulary and shares (IATI
    /// `recipient-region`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipient_regions: Vec<RecipientArea>,
    /// Region, county or municipality the project works in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
    /// Free classification by scheme, e.g. `priority_axis`, `thematic_objective`,
    /// `regional_programme`, IATI `sector`.
    #[serde(
        default,
        skip_serializing_if = "std::collections::BTreeMap::is_empty",
        deserialize_with = "crate::model::unique::deserialize"
    )]
    pub classifications: std::collections::BTreeMap<String, String>,
    /// Sectors with their vocabulary and share (IATI `sector`); every sector is kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<Sector>,
    /// Participating organisations with their roles (IATI `participating-org`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participating: Vec<ParticipatingOrg>,
    /// The project's results and indicators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<Result>,
    /// Matrix items the project expects to contribute to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributes_to: Vec<String>,
    /// The organisations taking part, with their role and budget share (Interreg/Jems
    /// partnerships). The owner may also appear here as lead partner.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<Partner>,
    /// What the source had that kartan does not model, kept verbatim so that an export
    /// to the same format writes it back (IATI: the `iati-activity`'s other attributes
    /// and child elements, see [`Carried`]). Opaque: kartan neither reads nor checks it.
    #[serde(default, skip_serializing_if = "Carried::is_empty")]
    pub carried: Carried,
}

/// Source XML that kartan does not model, carried through unchanged (IATI import →
/// export; DESIGN.md rule 8: nothing is lost). Opaque to kartan: no analysis reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Carried {
    /// The element's attributes that kartan does not model, in the source's order, as
    /// `[qualified name, value]` pairs; the value unescaped (`a & b`, not `a &amp; b`).
    /// A namespace declaration (`xmlns:dstore`) that a carried attribute's prefix needs
    /// is among them. E.g. `["hierarchy", "1"]`, `["dstore:index", "47"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<[String; 2]>,
    /// The child elements that kartan does not model, in the IATI schema's order (the
    /// source's order among elements of one name; an export writes them so), each a
    /// well-formed XML fragment exactly as the source wrote it (`<activity-scope
    /// code="2"/>`), with a declaration added for any namespace prefix that the source
    /// declared on an enclosing element, so that the fragment stands alone. The export
    /// writes each where the IATI 2.03 schema places an element of its name (an element
    /// of another namespace: after the IATI elements).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elements: Vec<String>,
}

impl Carried {
    /// True when nothing is carried.
    pub fn is_empty(&self) -> bool {
        self.attributes.is_empty() && self.elements.is_empty()
    }
}

/// A partner's role in a project, as Jems (the Interreg monitoring system) names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartnerRole {
    /// LP — lead partner: applies and carries the project's responsibility.
    LeadPartner,
    /// PP — project partner: takes part and holds a budget.
    ProjectPartner,
    /// AP — associated partner: takes part without a budget of its own.
    AssociatedPartner,
}

impl PartnerRole {
    /// The Jems code: `LP`, `PP` or `AP`.
    pub fn code(self) -> &'static str {
        match self {
            PartnerRole::LeadPartner => "LP",
            PartnerRole::ProjectPartner => "PP",
            PartnerRole::AssociatedPartner => "AP",
        }
    }

    /// The role for a Jems code (`LP`, `PP`, `AP`, any case), if it is one.
    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim().to_ascii_uppercase().as_str() {
            "LP" => Some(PartnerRole::LeadPartner),
            "PP" => Some(PartnerRole::ProjectPartner),
            "AP" => Some(PartnerRole::AssociatedPartner),
            _ => None,
        }
    }
}

/// An organisation taking part in a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// The organisation's id; `None` when the source withholds the name (the
    /// partner's role and budget still count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Its role, when the source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<PartnerRole>,
    /// Its share of the project budget, when the source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Money>,
}

impl Project {
    /// A project with an id and a title and nothing else.
    pub fn new(id: impl Into<String>, title: Text) -> Self {
        Self {
            id: id.into(),
            title,
            description: Text::new(),
            owner: None,
            manager_role: None,
            focus_area: None,
            levels: Vec::new(),
            parent: None,
            children: Vec::new(),
            default_language: None,
            status: None,
            planned: DateRange::default(),
            actual: DateRange::default(),
            budgets: Vec::new(),
            transactions: Vec::new(),
            planned_disbursements: Vec::new(),
            recipient_countries: Vec::new(),
            recipient_regions: Vec::new(),
            regions: Vec::new(),
            classifications: Default::default(),
            sectors: Vec::new(),
            participating: Vec::new(),
            results: Vec::new(),
            contributes_to: Vec::new(),
            partners: Vec::new(),
            carried: Carried::default(),
        }
    }
}
