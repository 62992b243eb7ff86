//! Levels, organisations and target groups.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::text::Text;

/// The level an actor works at: the rows of the seed's results matrix.
///
/// Jems, the EU's Interreg monitoring system, classifies target groups on the same axis
/// (national / regional / local public authority).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// *Nationell nivå*: ministries, the agency, other agencies.
    National,
    /// *Regional nivå*: regional bodies, county administrative boards, organisations.
    Regional,
    /// *Lokal nivå*: municipalities, business organisations, project owners and leaders.
    Local,
}

impl Level {
    /// All levels, national first (the seed's row order).
    pub const ALL: [Level; 3] = [Level::National, Level::Regional, Level::Local];

    /// The level's name in `lang` (`sv` or anything else for English).
    pub fn label(self, lang: &str) -> &'static str {
        let sv = lang.starts_with("sv");
        match (self, sv) {
            (Level::National, true) => "Nationell nivå",
            (Level::Regional, true) => "Regional nivå",
            (Level::Local, true) => "Lokal nivå",
            (Level::National, false) => "National level",
            (Level::Regional, false) => "Regional level",
            (Level::Local, false) => "Local level",
        }
    }

    /// The snake_case code used in kartan JSON (`national`, `regional`, `local`).
    pub fn code(self) -> &'static str {
        match self {
            Level::National => "national",
            Level::Regional => "regional",
            Level::Local => "local",
        }
    }
}

/// What kind of organisation an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// *Kommun*.
    Municipality,
    /// *Kommunalt näringslivs- eller utvecklingsbolag*.
    MunicipalCompany,
    /// *Kommunalt samverkansorgan*.
    MunicipalCooperationBody,
    /// *Regionalt självstyrelseorgan* / region.
    RegionalBody,
    /// *Länsstyrelse*.
    CountyAdministrativeBoard,
    /// *Departement*.
    Ministry,
    /// A government agency (*myndighet*).
    Agency,
    /// *Näringslivsorganisation*.
    BusinessOrganisation,
    /// A non-governmental organisation.
    Ngo,
    /// A university or research body.
    Academic,
    /// A private company.
    Company,
    /// Anything else.
    Other,
}

/// An organisation: owner of a project, participant, publisher.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Unique id within the portfolio (e.g. an IATI organisation identifier).
    pub id: String,
    /// The organisation's name.
    pub name: Text,
    /// What kind of organisation it is, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<OrganisationKind>,
    /// The level it works at, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// IATI `OrganisationType` code (e.g. `10` government), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iati_type: Option<String>,
    /// Region, county or municipality the organisation belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

/// A target group of the program (*målgrupp*): a kind of actor at a level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetGroup {
    /// Unique id within the portfolio.
    pub id: String,
    /// The group's name, as the program states it.
    pub name: Text,
    /// The kinds of organisation in the group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<OrganisationKind>,
    /// The level the group works at, when the program says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
}

/// A focus area of the program (*fokusområde*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FocusArea {
    /// Unique id within the portfolio.
    pub id: String,
    /// The focus area's name.
    pub name: Text,
    /// A longer description.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub description: Text,
}
