//! Activities: dated things the program or a project does.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::{DateRange, PartialDate};
use super::organisation::Level;
use super::text::Text;

/// The kinds of activity the seed names among its means (*Hur?*) and tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// *Utvecklingsprojekt*.
    DevelopmentProject,
    /// *Temapublikation*.
    ThemePublication,
    /// *Seminarium*.
    Seminar,
    /// *Projektledarträff*.
    ProjectLeaderMeeting,
    /// *Kunskapsstöd*.
    KnowledgeSupport,
    /// *Konferens*.
    Conference,
    /// *Projektpublikation*.
    ProjectPublication,
    /// *Rapport*.
    Report,
    /// *Utbildningsinsats*.
    Training,
    /// *Extern utvärdering*.
    ExternalEvaluation,
    /// A book.
    Book,
    /// *Utvärdering* of an event (e.g. of a project-leader meeting).
    EventEvaluation,
    /// Anything else.
    Other,
}

impl ActivityKind {
    /// The kind's name in `lang` (`sv` or English).
    pub fn label(self, lang: &str) -> &'static str {
        let sv = lang.starts_with("sv");
        let (s, e) = match self {
            ActivityKind::DevelopmentProject => ("Utvecklingsprojekt", "Development project"),
            ActivityKind::ThemePublication => ("Temapublikation", "Theme publication"),
            ActivityKind::Seminar => ("Seminarium", "Seminar"),
            ActivityKind::ProjectLeaderMeeting => ("Projektledarträff", "Project-leader meeting"),
            ActivityKind::KnowledgeSupport => ("Kunskapsstöd", "Knowledge support"),
            ActivityKind::Conference => ("Konferens", "Conference"),
            ActivityKind::ProjectPublication => ("Projektpublikation", "Project publication"),
            ActivityKind::Report => ("Rapport", "Report"),
            ActivityKind::Training => ("Utbildningsinsats", "Training"),
            ActivityKind::ExternalEvaluation => ("Extern utvärdering", "External evaluation"),
            ActivityKind::Book => ("Bok", "Book"),
            ActivityKind::EventEvaluation => ("Utvärdering", "Evaluation"),
            ActivityKind::Other => ("Övrigt", "Other"),
        };
        if sv {
            s
        } else {
            e
        }
    }
}

/// Whether an activity is run for the program's own organisation or for others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// *Intern*: within the agency.
    Internal,
    /// *Extern*: with or for the target groups and partners.
    External,
}

/// Where an activity stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActivityState {
    /// Planned, not yet held.
    Planned,
    /// Held (or published, for an output).
    Held,
    /// Cancelled.
    Cancelled,
}

/// Who took part: a count per target group and/or level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Participation {
    /// The target group's id, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_group: Option<String>,
    /// The level, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// The participants' role (project leaders, project owners, external participants …).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub role: Text,
    /// How many took part; `None` when the source names the group but not the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
}

/// Something an activity produced: a publication, a book, a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Output {
    /// The output's title, as published.
    pub title: Text,
    /// What kind of output it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ActivityKind>,
    /// Where it can be found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it appeared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
}

/// A dated thing the program or a project does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// Unique id within the portfolio.
    pub id: String,
    /// The kind of activity.
    pub kind: ActivityKind,
    /// The title.
    pub title: Text,
    /// A description.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    /// Internal or external; `None` when not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// The project that runs it; `None` for the program's own activities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    /// The plan (see [`ActivityPlan`]) this activity carries out, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    /// Planned, held or cancelled; `None` when the source does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ActivityState>,
    /// The planned dates.
    #[serde(default, skip_serializing_if = "DateRange::is_unknown")]
    pub planned: DateRange,
    /// The dates it was actually held.
    #[serde(default, skip_serializing_if = "DateRange::is_unknown")]
    pub held: DateRange,
    /// Who took part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participation>,
    /// What it produced.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outputs: Vec<Output>,
    /// Matrix items it is meant to serve.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matrix_items: Vec<String>,
}

/// A planned number of activities of one kind: part of the map, so that
/// "14 project-leader meetings planned, n held" can be checked against reality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityPlan {
    /// Unique id within the portfolio.
    pub id: String,
    /// The kind of activity planned.
    pub kind: ActivityKind,
    /// What the plan says, as the program words it.
    pub title: Text,
    /// How many are planned; `None` when the program gives no number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Notes (who takes part, what is covered).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub note: Text,
}
