//! A small portfolio shaped like the seed program, for the report's unit tests.
//!
//! Its texts come from the seed document (`shared/seed/`); the projects, activities,
//! reports and responses are made up for the tests and are not part of the seed.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::*;

pub(crate) fn as_of() -> NaiveDate {
    date(2011, 6, 30)
}

pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn item(id: &str, sv: &str, en: &str) -> MatrixItem {
    MatrixItem { id: id.into(), text: Text::sv_en(sv, en) }
}

fn dec(s: &str) -> Decimal {
    parse_decimal(s).unwrap()
}

fn activity(
    id: &str,
    kind: ActivityKind,
    plan: Option<&str>,
    state: ActivityState,
    held: Option<NaiveDate>,
) -> Activity {
    Activity {
        id: id.into(),
        kind,
        title: Text::sv_en(format!("Aktivitet {id}"), format!("Activity {id}")),
        description: Text::new(),
        scope: Some(Scope::External),
        project: None,
        plan: plan.map(Into::into),
        state: Some(state),
        planned: DateRange::default(),
        held: held.map(|d| DateRange::between(d, d)).unwrap_or_default(),
        participants: Vec::new(),
        outputs: Vec::new(),
        matrix_items: Vec::new(),
    }
}

/// Program, matrix (3 rows), plans (14 project-leader meetings), two projects, three
/// activities, a report with an expected and an unexpected observation, an evaluation
/// with three responses, learning factors and one lesson.
pub(crate) fn portfolio() -> Portfolio {
    let mut program = Program::new(
        "PRG",
        Text::sv_en("Program för lokalt och regionalt tillväxtarbete", "Programme for local and regional growth work"),
    );
    program.purpose = Text::sv_en(
        "Tillväxtverket vill stärka aktörer på lokal och regional nivå",
        "The agency wants to strengthen actors at local and regional level",
    );
    program.target_groups = vec![TargetGroup {
        id: "TG-1".into(),
        name: Text::sv_en("Kommuner", "Municipalities"),
        kinds: vec![OrganisationKind::Municipality],
        level: Some(Level::Local),
    }];
    program.focus_areas = vec![
        FocusArea {
            id: "FA-LOCAL".into(),
            name: Text::sv_en("Lokal näringslivsutveckling", "Local business development"),
            description: Text::new(),
        },
        FocusArea {
            id: "FA-REGIONAL".into(),
            name: Text::sv_en("Regionala tillväxtprocesser", "Regional growth processes"),
            description: Text::new(),
        },
    ];
    program.rationale = vec![Text::sv_en(
        "Behov av mötesplatser, lärande och samverkan",
        "A need for meeting places, learning and cooperation",
    )];
    program.legal_basis = vec![LegalBasis {
        reference: "Förordning (2009:145)".into(),
        title: Text::sv_en("Instruktion för Tillväxtverket", "Instruction for the agency"),
        quote: Text::sv_en(
            "Tillväxtverket ska främja samarbete, samordning, erfarenhetsutbyte och lärande",
            "The agency shall promote cooperation, coordination, exchange of experience and learning",
        ),
    }];
    program.means = vec![Text::sv_en(
        "Externa och interna aktiviteter och samarbeten",
        "External and internal activities and cooperation",
    )];
    program.activity_kinds = vec![ActivityKind::DevelopmentProject, ActivityKind::ProjectLeaderMeeting];
    program.budgets = vec![Budget {
        kind: BudgetKind::Original,
        period: DateRange::default(),
        value: Money::new(dec("1000000"), "SEK"),
        indicative: false,
        value_date: None,
    }];
    program.matrix = ResultsMatrix {
        rows: vec![
            MatrixRow {
                level: Level::National,
                actors: vec![Text::sv_en("Departement", "Ministries")],
                experiences: vec![item("M-NAT-EXP-1", "Goda exempel, metoder", "Good examples, methods")],
                effects: vec![item(
                    "M-NAT-EFF-1",
                    "Grund för program och policybeslut",
                    "A basis for programme and policy decisions",
                )],
            },
            MatrixRow {
                level: Level::Regional,
                actors: vec![Text::sv_en("Länsstyrelser", "County administrative boards")],
                experiences: vec![item("M-REG-EXP-1", "Nätverk", "Networks")],
                effects: vec![item("M-REG-EFF-1", "Nya samverkansparter", "New partners")],
            },
            MatrixRow {
                level: Level::Local,
                actors: vec![
                    Text::sv_en("Kommuner", "Municipalities"),
                    Text::sv_en("Projektledare", "Project leaders"),
                ],
                experiences: vec![item("M-LOC-EXP-1", "Inspiration", "Inspiration")],
                effects: vec![item("M-LOC-EFF-1", "Ökad tillväxt", "Increased growth")],
            },
        ],
    };
    program.plans = vec![ActivityPlan {
        id: "PLAN-PLM".into(),
        kind: ActivityKind::ProjectLeaderMeeting,
        title: Text::sv_en("14 projektledarträffar", "14 project-leader meetings"),
        count: Some(14),
        note: Text::new(),
    }];
    program.stated_project_count = Some(30);
    program.learning = LearningModel {
        factors: vec![LearningFactor {
            id: "LF-CULTURE".into(),
            label: Some("4".into()),
            name: Text::sv_en("Kultur", "Culture"),
            text: Text::sv_en("Att det finns en kultur för lärande", "A culture of learning"),
            traits: vec![Text::sv_en("öppenhet och tillit", "openness and trust")],
        }],
        factor_scale: None,
        cycle: vec![CyclePhase {
            id: "analysis".into(),
            name: Text::sv_en("Analys", "Analysis"),
            description: Text::new(),
        }],
        principles: vec![Text::sv_en("Lärandeprocessen är grunden", "The learning process is the foundation")],
        note: Text::new(),
    };

    let mut portfolio = Portfolio::new("sv", program);
    portfolio.organisations = vec![Organisation {
        id: "ORG-1".into(),
        name: Text::one("sv", "Exempelkommun"),
        kind: Some(OrganisationKind::Municipality),
        level: Some(Level::Local),
        iati_type: None,
        region: None,
    }];

    let mut p1 = Project::new("PRJ-1", Text::one("sv", "Handel | tillväxt <script>alert(1)</script>"));
    p1.owner = Some("ORG-1".into());
    p1.focus_area = Some("FA-LOCAL".into());
    p1.levels = vec![Level::Local];
    p1.status = Some(ActivityStatus::Implementation);
    p1.budgets = vec![
        Budget {
            kind: BudgetKind::Original,
            period: DateRange::between(date(2010, 1, 1), date(2010, 12, 31)),
            value: Money::new(dec("100"), "SEK"),
            indicative: false,
            value_date: None,
        },
        Budget {
            kind: BudgetKind::Revised,
            period: DateRange::between(date(2010, 1, 1), date(2010, 12, 31)),
            value: Money::new(dec("120.50"), "SEK"),
            indicative: false,
            value_date: None,
        },
    ];
    let mut ind = Indicator::new("IND-1", Some(Measure::Unit));
    ind.title = Text::sv_en("Antal nya samverkansparter", "Number of new partners");
    ind.matrix_items = vec!["M-REG-EFF-1".into()];
    ind.baselines = vec![Baseline { year: Some(2009), value: Some(dec("2")), ..Baseline::default() }];
    ind.periods = vec![Period {
        start: date(2010, 1, 1),
        end: date(2010, 12, 31),
        targets: vec![PeriodValue { value: Some(dec("10")), ..PeriodValue::default() }],
        actuals: vec![PeriodValue { value: Some(dec("7")), ..PeriodValue::default() }],
    }];
    p1.results = vec![Result {
        id: "RES-1".into(),
        result_type: ResultType::Outcome,
        aggregation_status: None,
        title: Text::sv_en("Fler parter", "More partners"),
        description: Text::new(),
        indicators: vec![ind],
        matrix_items: Vec::new(),
        document_links: Vec::new(),
        references: Vec::new(),
    }];
    let mut p2 = Project::new("PRJ-2", Text::sv_en("Regional samverkan", "Regional cooperation"));
    p2.focus_area = Some("FA-REGIONAL".into());
    p2.levels = vec![Level::Regional];
    p2.status = Some(ActivityStatus::Closed);
    portfolio.projects = vec![p1, p2];

    let mut plm1 = activity(
        "ACT-1",
        ActivityKind::ProjectLeaderMeeting,
        Some("PLAN-PLM"),
        ActivityState::Held,
        Some(date(2010, 3, 10)),
    );
    plm1.participants = vec![Participation {
        target_group: None,
        level: Some(Level::Local),
        role: Text::sv_en("Projektledare", "Project leaders"),
        count: Some(25),
    }];
    let plm2 = activity("ACT-2", ActivityKind::ProjectLeaderMeeting, Some("PLAN-PLM"), ActivityState::Planned, None);
    let mut publication =
        activity("ACT-3", ActivityKind::ThemePublication, None, ActivityState::Held, Some(date(2011, 2, 1)));
    publication.outputs = vec![Output {
        title: Text::one("sv", "Bank mäklare ingenjör"),
        kind: Some(ActivityKind::ThemePublication),
        url: None,
        date: Some(PartialDate::Year(2011)),
    }];
    portfolio.activities = vec![plm1, plm2, publication];

    portfolio.reports = vec![Report {
        id: "REP-1".into(),
        kind: ReportKind::Interim,
        title: Text::sv_en("Delrapport 1", "Interim report 1"),
        project: Some("PRJ-1".into()),
        activity: None,
        plan: None,
        date: Some(PartialDate::Year(2010)),
        author_role: Text::new(),
        narrative: Text::new(),
        observations: vec![
            Observation {
                id: "OBS-1".into(),
                text: Text::sv_en("Två nya parter", "Two new partners"),
                matrix_item: Some("M-REG-EFF-1".into()),
                level: Some(Level::Regional),
                strength: None,
                source: Text::new(),
            },
            Observation {
                id: "OBS-2".into(),
                text: Text::sv_en("Oväntat intresse från skolor", "Unexpected interest from schools"),
                matrix_item: None,
                level: Some(Level::Local),
                strength: None,
                source: Text::new(),
            },
        ],
    }];

    let points: Vec<ScalePoint> =
        (1..=5).map(|i| ScalePoint { score: Decimal::from(i), label: Text::one("en", i.to_string()) }).collect();
    let responses = [Some("4"), Some("5"), None]
        .iter()
        .map(|score| {
            let mut answers = BTreeMap::new();
            answers.insert("Q1".to_owned(), score.map_or(Answer::NotApplicable, |s| Answer::Score(dec(s))));
            Response { id: None, event: Some("ACT-1".into()), date: None, answers }
        })
        .collect();
    portfolio.evaluations = vec![Evaluation {
        id: "EVAL-1".into(),
        title: Text::sv_en("Utvärdering av projektledarträffarna", "Evaluation of the project-leader meetings"),
        instrument: Instrument {
            questions: vec![Question {
                id: "Q1".into(),
                text: Text::sv_en("Hur nöjd är du?", "How satisfied are you?"),
                scale: Scale::Points { points },
                reverse_coded: false,
            }],
        },
        events: vec!["ACT-1".into()],
        plan: Some("PLAN-PLM".into()),
        responses,
    }];
    portfolio.lessons = vec![Lesson {
        id: "LES-1".into(),
        text: Text::sv_en("Träffarna behöver mer tid för reflektion", "The meetings need more time for reflection"),
        phase: Some("analysis".into()),
        source: Some("EVAL-1".into()),
        theme: Text::new(),
        date: None,
        applied: vec![Application {
            kind: ApplicationKind::NextProgram,
            text: Text::sv_en("Längre träffar", "Longer meetings"),
            date: None,
        }],
    }];
    portfolio
}
