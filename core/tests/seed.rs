//! The embedded seed portfolio (`kartan::embedded::seed`) against the seed document
//! `shared/seed/000_38254233df71abd7.txt`: counts, exact Swedish wording, ids, languages,
//! and a JSON round trip.

use std::collections::BTreeSet;

use kartan::embedded::{seed, SEED_JSON};
use kartan::io::json;
use kartan::{ActivityKind, ActivityState, Level, OrganisationKind, PartialDate, Portfolio, Text};

/// The seed document, next to the repository (`<root>/main` and `<root>/shared`); a git
/// worktree one level deeper (`<root>/wt/<branch>`) finds it one level further up.
fn seed_document() -> String {
    let relative = "shared/seed/000_38254233df71abd7.txt";
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [manifest.join("../..").join(relative), manifest.join("../../..").join(relative)];
    candidates
        .iter()
        .find_map(|path| std::fs::read_to_string(path).ok())
        .unwrap_or_else(|| panic!("seed document not found at {candidates:?}"))
}

fn sv(text: &Text) -> &str {
    text.get("sv").unwrap_or_else(|| panic!("no sv text in {text:?}"))
}

/// Every `Text` in the portfolio, with a path saying where it is.
fn all_texts(p: &Portfolio) -> Vec<(String, &Text)> {
    let mut out: Vec<(String, &Text)> = Vec::new();
    let prog = &p.program;
    out.push(("program/title".into(), &prog.title));
    out.push(("program/subtitle".into(), &prog.subtitle));
    out.push(("program/purpose".into(), &prog.purpose));
    for (i, b) in prog.legal_basis.iter().enumerate() {
        out.push((format!("program/legal_basis/{i}/title"), &b.title));
        out.push((format!("program/legal_basis/{i}/quote"), &b.quote));
    }
    out.extend(prog.rationale.iter().enumerate().map(|(i, t)| (format!("program/rationale/{i}"), t)));
    out.extend(prog.means.iter().enumerate().map(|(i, t)| (format!("program/means/{i}"), t)));
    out.extend(prog.target_groups.iter().map(|g| (format!("target_group {}", g.id), &g.name)));
    out.extend(prog.focus_areas.iter().map(|f| (format!("focus_area {}", f.id), &f.name)));
    for row in &prog.matrix.rows {
        out.extend(row.actors.iter().map(|a| (format!("matrix {} actor", row.level.code()), a)));
    }
    out.extend(prog.matrix.items().map(|(_, _, item)| (format!("matrix item {}", item.id), &item.text)));
    for plan in &prog.plans {
        out.push((format!("plan {} title", plan.id), &plan.title));
        if !plan.note.is_blank() {
            out.push((format!("plan {} note", plan.id), &plan.note));
        }
    }
    let learning = &prog.learning;
    for f in &learning.factors {
        out.push((format!("factor {} name", f.id), &f.name));
        out.push((format!("factor {} text", f.id), &f.text));
        out.extend(f.traits.iter().map(|t| (format!("factor {} trait", f.id), t)));
    }
    out.extend(learning.cycle.iter().map(|c| (format!("cycle {}", c.id), &c.name)));
    out.extend(learning.principles.iter().enumerate().map(|(i, t)| (format!("principle {i}"), t)));
    out.push(("learning/note".into(), &learning.note));
    out.extend(p.organisations.iter().map(|o| (format!("organisation {}", o.id), &o.name)));
    for a in &p.activities {
        out.push((format!("activity {} title", a.id), &a.title));
        if !a.description.is_blank() {
            out.push((format!("activity {} description", a.id), &a.description));
        }
        out.extend(a.participants.iter().map(|r| (format!("activity {} participant", a.id), &r.role)));
        out.extend(a.outputs.iter().map(|o| (format!("activity {} output", a.id), &o.title)));
    }
    out.extend(p.evaluations.iter().map(|e| (format!("evaluation {}", e.id), &e.title)));
    out
}

#[test]
fn embedded_json_parses_and_is_the_seed() {
    let p = json::from_str(SEED_JSON).unwrap();
    assert_eq!(p, seed());
    assert_eq!(p.format, "kartan/1");
    assert_eq!(p.default_language, "sv");
}

#[test]
fn program_header_purpose_and_agency() {
    let p = seed();
    assert_eq!(sv(&p.program.title), "Program för lokalt och regionalt tillväxtarbete");
    assert_eq!(sv(&p.program.subtitle), "Lärande i programmet");
    assert_eq!(
        sv(&p.program.purpose),
        "Tillväxtverket vill stärka aktörer på lokal och regional nivå och bidra till ett ökat lärande när det \
         gäller näringslivsutveckling och tillväxt"
    );
    let agency_id = p.program.managed_by.as_deref().unwrap();
    let agency = p.organisation(agency_id).unwrap();
    assert_eq!(sv(&agency.name), "Tillväxtverket");
    assert_eq!(agency.kind, Some(OrganisationKind::Agency));
    assert_eq!(agency.level, Some(Level::National));
    assert_eq!(p.organisations.len(), 1);
}

#[test]
fn target_groups_and_focus_areas() {
    let p = seed();
    let groups: Vec<(&str, &[OrganisationKind], Option<Level>)> =
        p.program.target_groups.iter().map(|g| (sv(&g.name), g.kinds.as_slice(), g.level)).collect();
    assert_eq!(
        groups,
        vec![
            ("Kommuner", &[OrganisationKind::Municipality][..], Some(Level::Local)),
            (
                "Kommunala näringslivs- och utvecklingsbolag",
                &[OrganisationKind::MunicipalCompany][..],
                Some(Level::Local)
            ),
            ("Kommunala samverkansorgan", &[OrganisationKind::MunicipalCooperationBody][..], Some(Level::Regional)),
            ("Regionala självstyrelseorgan", &[OrganisationKind::RegionalBody][..], Some(Level::Regional)),
            ("Länsstyrelser", &[OrganisationKind::CountyAdministrativeBoard][..], Some(Level::Regional)),
        ]
    );
    let areas: Vec<&str> = p.program.focus_areas.iter().map(|f| sv(&f.name)).collect();
    assert_eq!(areas, ["Lokal näringslivsutveckling", "Regionala tillväxtprocesser"]);
}

#[test]
fn rationale_is_verbatim() {
    let p = seed();
    let rationale: Vec<&str> = p.program.rationale.iter().map(sv).collect();
    assert_eq!(rationale.len(), 7);
    // The seed's own wording, "och" included.
    assert_eq!(rationale[0], "Ökat fokus och på tillväxtfrågor lokalt och regionalt");
    assert_eq!(rationale[5], "Nya metoder (syre) efterfrågas i tillväxtarbetet");
    assert_eq!(rationale[6], "Belysa vikten av utvecklingsarbete");
    // Every point appears as a bullet in the source document.
    let document = seed_document();
    for point in &rationale {
        assert!(document.contains(&format!("- {point}\n")), "not a bullet of the seed: {point}");
    }
}

#[test]
fn legal_basis_is_the_ordinance_with_its_quote() {
    let p = seed();
    assert_eq!(p.program.legal_basis.len(), 1);
    let basis = &p.program.legal_basis[0];
    assert_eq!(basis.reference, "Förordning (2009:145)");
    assert_eq!(sv(&basis.title), "Instruktion för tillväxtverket");
    let quote = sv(&basis.quote);
    assert!(quote.starts_with("Tillväxtverket ska främja samarbete, samordning, erfarenhetsutbyte och lärande"));
    assert!(quote.ends_with("och regionala aktörer med ansvar för regionala tillväxtfrågor."));
    let document = seed_document();
    assert!(document.contains(&format!("”{quote}”")), "the quote differs from the seed");
}

#[test]
fn means_and_activity_kinds() {
    let p = seed();
    assert_eq!(p.program.means.len(), 4);
    assert_eq!(sv(&p.program.means[3]), "Externa och interna aktiviteter och samarbeten");
    assert_eq!(
        p.program.activity_kinds,
        [
            ActivityKind::DevelopmentProject,
            ActivityKind::ThemePublication,
            ActivityKind::Seminar,
            ActivityKind::ProjectLeaderMeeting,
            ActivityKind::KnowledgeSupport,
            ActivityKind::Conference,
            ActivityKind::ProjectPublication,
            ActivityKind::Report,
        ]
    );
    // The kinds are the ones the third means point lists, in its order.
    let listed: Vec<&str> = sv(&p.program.means[2]).split(", ").collect();
    assert_eq!(listed.len(), p.program.activity_kinds.len());
}

#[test]
fn matrix_rows_counts_and_texts() {
    let p = seed();
    let m = &p.program.matrix;
    let shape: Vec<(Level, usize, usize, usize)> =
        m.rows.iter().map(|r| (r.level, r.actors.len(), r.experiences.len(), r.effects.len())).collect();
    assert_eq!(shape, [(Level::National, 3, 2, 3), (Level::Regional, 4, 5, 4), (Level::Local, 4, 5, 5)]);

    let actors: Vec<&str> = m.rows[0].actors.iter().map(sv).collect();
    assert_eq!(actors, ["Departement", "Tillväxtverket", "Myndigheter"]);
    let actors: Vec<&str> = m.rows[1].actors.iter().map(sv).collect();
    assert_eq!(actors, ["Regionala organ", "Länsstyrelser", "RKG", "Organisationer"]);

    let text = |id: &str| sv(&m.item(id).unwrap().2.text).to_owned();
    assert_eq!(text("M-NAT-EXP-1"), "Goda exempel, metoder");
    assert_eq!(text("M-NAT-EXP-2"), "Utv. omr. (ex samverkan lokal och regional nivå)");
    assert_eq!(text("M-NAT-EFF-1"), "Förbättring av internt och externt arbetssätt (process)");
    assert_eq!(text("M-REG-EXP-1"), "Inspiration");
    assert_eq!(text("M-REG-EXP-5"), "Utv. omr. (ex samverkan)");
    assert_eq!(text("M-REG-EFF-2"), "Grund för program och policybeslut");
    assert_eq!(text("M-REG-EFF-3"), "Nya samverkansparter");
    assert_eq!(text("M-LOC-EXP-5"), "Utv. omr. (ex off upphandling, näringslivsklimat, handel som tillväxtfaktor)");
    assert_eq!(text("M-LOC-EFF-5"), "Ökad tillväxt");
    assert_eq!(m.item("M-LOC-EFF-5").map(|(level, _, _)| level), Some(Level::Local));
    assert!(m.item("M-NAT-EXP-3").is_none());
}

#[test]
fn matrix_items_are_in_the_seed_table() {
    // Each row of the seed's matrix is one line: the cells of a row, joined by spaces,
    // give the seed's cell text.
    let document = seed_document();
    let p = seed();
    for row in &p.program.matrix.rows {
        let heading = format!("<b>{}</b> ", row.level.label("sv"));
        let line = document.lines().find(|l| l.starts_with(&heading)).unwrap();
        let cells: Vec<&str> = line[heading.len()..].split('\t').collect();
        let join = |texts: Vec<&str>| texts.join(" ");
        assert_eq!(cells[0], join(row.actors.iter().map(sv).collect()));
        assert_eq!(cells[1], join(row.experiences.iter().map(|i| sv(&i.text)).collect()));
        assert_eq!(cells[2], join(row.effects.iter().map(|i| sv(&i.text)).collect()));
    }
}

#[test]
fn every_id_is_unique() {
    let p = seed();
    let prog = &p.program;
    let mut ids: Vec<&str> = vec![prog.id.as_str()];
    ids.extend(prog.target_groups.iter().map(|g| g.id.as_str()));
    ids.extend(prog.focus_areas.iter().map(|f| f.id.as_str()));
    ids.extend(prog.matrix.items().map(|(_, _, i)| i.id.as_str()));
    ids.extend(prog.plans.iter().map(|plan| plan.id.as_str()));
    ids.extend(prog.learning.factors.iter().map(|f| f.id.as_str()));
    ids.extend(prog.learning.cycle.iter().map(|c| c.id.as_str()));
    ids.extend(p.organisations.iter().map(|o| o.id.as_str()));
    ids.extend(p.activities.iter().map(|a| a.id.as_str()));
    ids.extend(p.evaluations.iter().map(|e| e.id.as_str()));
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids in {ids:?}");
    assert_eq!(prog.matrix.items().count(), 2 + 3 + 5 + 4 + 5 + 5);
}

#[test]
fn references_resolve() {
    let p = seed();
    let plans: BTreeSet<&str> = p.program.plans.iter().map(|plan| plan.id.as_str()).collect();
    for a in &p.activities {
        let plan = a.plan.as_deref().unwrap();
        assert!(plans.contains(plan), "activity {} names unknown plan {plan}", a.id);
        assert!(a.project.is_none());
    }
    for e in &p.evaluations {
        assert!(plans.contains(e.plan.as_deref().unwrap()));
    }
}

#[test]
fn learning_factors_traits_cycle_and_principles() {
    let p = seed();
    let l = &p.program.learning;
    let ids: Vec<&str> = l.factors.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["LF-1", "LF-2", "LF-3", "LF-4", "LF-5", "LF-6"]);
    let labels: Vec<&str> = l.factors.iter().map(|f| f.label.as_deref().unwrap()).collect();
    assert_eq!(labels, ["1", "2", "3", "4", "4", "5"]);
    assert_eq!(sv(&l.factors[1].text), "Att alla i projektet har (och upplever sig ha) handlingsutrymme");
    let culture = &l.factors[4];
    assert_eq!(sv(&culture.name), "kultur");
    let traits: Vec<&str> = culture.traits.iter().map(sv).collect();
    assert_eq!(
        traits,
        [
            "öppenhet och tillit snarare än rädsla eller ängslan",
            "en betoning av initiativ och risktagande",
            "en tolerans för olikheter, osäkerhet och fel",
            "uppmuntran av alternativtänkande och (om-)prövning av etablerade tanke- och arbetssätt",
        ]
    );
    assert!(l.factors.iter().filter(|f| f.id != "LF-5").all(|f| f.traits.is_empty()));
    assert!(l.factor_scale.is_none());

    let phases: Vec<&str> = l.cycle.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(phases, ["analysis", "reflection", "dissemination", "development"]);
    assert_eq!(l.principles.len(), 5);
    assert_eq!(sv(&l.principles[4]), "Tid för analys, reflektion, spridning och utveckling måste byggas in");
    let note = sv(&l.note);
    assert!(note.contains("Tid för analys, reflektion, spridning och utveckling måste byggas in"));
    assert!(note.contains("Projekten är våra kunskapsbärare/ambassadörer internt och externt"));
    assert!(note.contains("Hur förvaltar vi vår projektportfölj?"));
    assert!(note.contains("Stämde kartan med verkligheten?"));
}

#[test]
fn tools_for_the_next_program() {
    let p = seed();
    assert!(p.projects.is_empty());
    assert_eq!(p.program.stated_project_count, Some(30));
    let plan = |id: &str| p.program.plans.iter().find(|plan| plan.id == id).unwrap();

    let meetings = plan("PLAN-PLM");
    assert_eq!((meetings.kind, meetings.count), (ActivityKind::ProjectLeaderMeeting, Some(14)));
    assert_eq!(sv(&meetings.title), "14 Projektledarträffar");
    // No meeting of the 14 is dated in the seed, so none is recorded.
    assert!(p.activities.iter().all(|a| a.plan.as_deref() != Some("PLAN-PLM")));

    let reports = plan("PLAN-REPORTS");
    assert_eq!((reports.kind, reports.count), (ActivityKind::Report, None));
    assert_eq!(sv(&reports.title), "Delrapporter, slutrapporter (30 projekt + utbildningsinsatser)");

    let theme = plan("PLAN-THEME");
    assert_eq!((theme.kind, theme.count), (ActivityKind::ThemePublication, Some(3)));
    let theme_titles: Vec<&str> = p
        .activities
        .iter()
        .filter(|a| a.plan.as_deref() == Some("PLAN-THEME"))
        .flat_map(|a| a.outputs.iter().map(|o| sv(&o.title)))
        .collect();
    assert_eq!(theme_titles, ["Bank mäklare ingenjör", "Lokalt tillväxtarbete 1-2"]);

    let book = p.activity("ACT-BOOK").unwrap();
    assert_eq!(book.kind, ActivityKind::Book);
    assert_eq!(book.outputs.len(), 1);
    assert_eq!(sv(&book.outputs[0].title), "Den innovativa kommunen");
    assert_eq!(book.outputs[0].kind, Some(ActivityKind::Book));

    let external = plan("PLAN-EXT-EVAL");
    assert_eq!((external.kind, external.count), (ActivityKind::ExternalEvaluation, Some(1)));

    let evaluation = p.evaluations.iter().find(|e| e.id == "EVAL-PLM").unwrap();
    assert_eq!(evaluation.plan.as_deref(), Some("PLAN-PLM"));
    assert!(evaluation.instrument.questions.is_empty());
    assert!(evaluation.responses.is_empty() && evaluation.events.is_empty());
}

#[test]
fn closing_meeting_has_no_year() {
    let p = seed();
    let closing = p.activity("ACT-PLM-CLOSING").unwrap();
    assert_eq!(closing.kind, ActivityKind::ProjectLeaderMeeting);
    assert_eq!(closing.state, Some(ActivityState::Planned));
    assert_eq!(closing.planned.start, Some(PartialDate::MonthDay { month: 4, day: 14 }));
    assert_eq!(closing.planned.end, Some(PartialDate::MonthDay { month: 4, day: 15 }));
    assert_eq!(closing.planned.start.map(|d| d.to_string()).as_deref(), Some("--04-14"));
    assert_eq!(closing.planned.end.map(|d| d.to_string()).as_deref(), Some("--04-15"));
    assert!(closing.held.is_unknown());
    let roles: Vec<&str> = closing.participants.iter().map(|r| sv(&r.role)).collect();
    assert_eq!(roles, ["projektledare", "projektägare", "externa deltagare"]);
    assert!(closing.participants.iter().all(|r| r.count.is_none()));
}

#[test]
fn nothing_is_invented() {
    let p = seed();
    assert!(p.program.period.is_unknown());
    assert!(p.program.budgets.is_empty());
    assert!(p.program.results.is_empty());
    assert!(p.reports.is_empty() && p.lessons.is_empty() && p.factor_assessments.is_empty());
    // The only dates are the closing meeting's, with no year.
    for a in &p.activities {
        assert!(a.held.is_unknown(), "{}", a.id);
        assert!(a.outputs.iter().all(|o| o.date.is_none() && o.url.is_none()), "{}", a.id);
        if a.id != "ACT-PLM-CLOSING" {
            assert!(a.planned.is_unknown() && a.state.is_none(), "{}", a.id);
        }
    }
}

#[test]
fn every_text_has_swedish_and_english() {
    let p = seed();
    let texts = all_texts(&p);
    assert!(texts.len() > 100, "only {} texts found", texts.len());
    for (place, text) in texts {
        let languages: Vec<&str> = text.languages().collect();
        assert_eq!(languages, ["en", "sv"], "{place}");
        assert!(text.iter().all(|(_, s)| !s.trim().is_empty()), "{place}: blank text");
    }
}

#[test]
fn json_round_trip() {
    let p = seed();
    let written = json::to_string(&p);
    let read = json::from_str(&written).unwrap();
    assert_eq!(read, p);
    // Writing again gives the same text: the canonical form is stable.
    assert_eq!(json::to_string(&read), written);
}

#[test]
fn swedish_texts_are_verbatim_in_the_document() {
    // The source marks key terms with `*…*`; without the marks, every point is a line
    // (or, for the learning factors, the end of a numbered line) of the document.
    let document = seed_document().replace('*', "");
    let lines: Vec<&str> = document.lines().map(str::trim_end).collect();
    let p = seed();
    let l = &p.program.learning;
    let bullets = p.program.means.iter().chain(&l.principles).chain(l.factors.iter().flat_map(|f| &f.traits));
    for text in bullets {
        let line = format!("- {}", sv(text));
        assert!(lines.contains(&line.as_str()), "not a line of the seed: {line}");
    }
    for f in &l.factors {
        let line = format!("{}. {}", f.label.as_deref().unwrap(), sv(&f.text));
        assert!(lines.contains(&line.as_str()), "not a line of the seed: {line}");
        assert!(sv(&f.text).contains(sv(&f.name)), "{}: name not in text", f.id);
    }
    let lower = document.to_lowercase();
    for g in &p.program.target_groups {
        assert!(lower.contains(&sv(&g.name).to_lowercase()), "{}", g.id);
    }
    for f in &p.program.focus_areas {
        assert!(document.contains(sv(&f.name)), "{}", f.id);
    }
    for plan in &p.program.plans {
        assert!(lines.contains(&sv(&plan.title)), "plan {} title is not a line of the seed", plan.id);
    }
}

#[test]
fn validator_finds_no_errors() {
    let p = seed();
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let errors: Vec<_> =
        kartan::analysis::validate(&p, as_of).into_iter().filter(|d| d.severity == kartan::Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}
