//! Section 8, the portfolio: projects by focus area, level, owner kind and status (as
//! of the report date when no status is recorded), by each classification scheme and
//! region, partners by role; budget totals per currency; and the number of projects
//! stated against recorded. Classification, region, status and partner figures come
//! from [`crate::analysis::breakdown`].

use std::collections::{BTreeMap, HashMap};

use super::program::budget_totals;
use super::{none_last, Cx};
use crate::analysis::breakdown::{by_classification, by_region, partners_by_role, status_as_of, Breakdown, NONE_KEY};
use crate::learning_report::model::{Block, KeyValue, Section, Table};
use crate::model::{ActivityStatus, OrganisationKind};

/// Builds section 8.
pub(crate) fn section(cx: &Cx<'_>) -> Section {
    let p = cx.portfolio;
    let mut s = cx.section("portfolio", 8, "Projektportföljen", "The portfolio");
    let recorded = p.projects.len();
    let mut pairs = Vec::new();
    if let Some(stated) = p.program.stated_project_count {
        pairs.push(KeyValue::new(
            cx.t("Projekt enligt programmet", "Projects stated by the program"),
            stated.to_string(),
        ));
    }
    pairs.push(KeyValue::new(cx.t("Projekt registrerade", "Projects recorded"), recorded.to_string()));
    s.push(Block::KeyValues { pairs });
    match p.program.stated_project_count {
        Some(stated) if usize::try_from(stated).is_ok_and(|n| n != recorded) => s.push(Block::Notice {
            kind: crate::learning_report::model::NoticeKind::Info,
            text: match cx.lang() {
                "sv" => format!("Programmet anger {stated} projekt; {recorded} är registrerade."),
                _ => format!("The program states {stated} projects; {recorded} are recorded."),
            },
        }),
        _ => {}
    }
    if p.projects.is_empty() {
        s.push(cx.no_data("Inga projekt registrerade ännu.", "No projects recorded yet."));
    } else {
        breakdowns(cx, &mut s);
        classifications(cx, &mut s);
        project_list(cx, &mut s);
    }
    budgets(cx, &mut s);
    super::money::by_year(cx, &mut s);
    s
}

fn count_table(cx: &Cx<'_>, heading: (&str, &str), first: String, counts: Vec<(String, usize)>) -> [Block; 2] {
    let mut table = Table::new([first, cx.t("Projekt", "Projects")]);
    for (label, n) in counts {
        table.push_row([label, n.to_string()]);
    }
    [cx.heading(heading.0, heading.1), Block::Table(table)]
}

fn breakdowns(cx: &Cx<'_>, s: &mut Section) {
    let p = cx.portfolio;
    // Focus areas in program order, then unknown ids, then "not stated".
    let mut by_area: BTreeMap<(usize, String), usize> = BTreeMap::new();
    let area_index: HashMap<&str, usize> =
        p.program.focus_areas.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    for project in &p.projects {
        let key = match &project.focus_area {
            Some(id) => match area_index.get(id.as_str()) {
                Some(&i) => (i, cx.text_or_id(&p.program.focus_areas[i].name, id)),
                None => (usize::MAX - 1, id.clone()),
            },
            None => (usize::MAX, cx.not_stated()),
        };
        *by_area.entry(key).or_insert(0) += 1;
    }
    let rows = by_area.into_iter().map(|((_, name), n)| (name, n)).collect();
    s.blocks.extend(count_table(cx, ("Per fokusområde", "By focus area"), cx.t("Fokusområde", "Focus area"), rows));

    let mut by_level: BTreeMap<Option<crate::model::Level>, usize> = BTreeMap::new();
    for project in &p.projects {
        if project.levels.is_empty() {
            *by_level.entry(None).or_insert(0) += 1;
        }
        let mut levels = project.levels.clone();
        crate::sort::sort(&mut levels);
        levels.dedup();
        for level in levels {
            *by_level.entry(Some(level)).or_insert(0) += 1;
        }
    }
    let rows =
        none_last(by_level).into_iter().map(|(l, n)| (l.map_or_else(|| cx.not_stated(), |l| cx.level(l)), n)).collect();
    s.blocks.extend(count_table(cx, ("Per nivå", "By level"), cx.t("Nivå", "Level"), rows));
    s.push(cx.info(
        "Ett projekt som arbetar på flera nivåer räknas på var och en.",
        "A project that works at several levels is counted at each.",
    ));

    let kinds: HashMap<&str, Option<OrganisationKind>> =
        p.organisations.iter().map(|o| (o.id.as_str(), o.kind)).collect();
    let mut by_kind: BTreeMap<Option<OrganisationKind>, usize> = BTreeMap::new();
    for project in &p.projects {
        let kind = project.owner.as_deref().and_then(|o| kinds.get(o).copied().flatten());
        *by_kind.entry(kind).or_insert(0) += 1;
    }
    let rows = none_last(by_kind)
        .into_iter()
        .map(|(k, n)| (k.map_or_else(|| cx.not_stated(), |k| kind_label(cx, k)), n))
        .collect();
    s.blocks.extend(count_table(
        cx,
        ("Per typ av projektägare", "By owner kind"),
        cx.t("Projektägare", "Owner kind"),
        rows,
    ));

    // Recorded IATI status first; projects without one by their planned dates as of the
    // report date (analysis::breakdown::status_as_of).
    let mut by_status: BTreeMap<(Option<ActivityStatus>, String), usize> = BTreeMap::new();
    for project in &p.projects {
        let derived = match project.status {
            Some(_) => String::new(),
            None => status_as_of(project, cx.options.as_of),
        };
        *by_status.entry((project.status, derived)).or_insert(0) += 1;
    }
    let mut rows: Vec<(String, usize)> = Vec::new();
    let mut unstated: Vec<(String, usize)> = Vec::new();
    for ((st, derived), n) in by_status {
        match st {
            Some(st) => rows.push((status_label(cx, st), n)),
            None => unstated.push((derived_status_label(cx, &derived), n)),
        }
    }
    rows.extend(unstated);
    s.blocks.extend(count_table(cx, ("Per status", "By status"), cx.t("Status (IATI)", "Status (IATI)"), rows));
}

fn derived_status_label(cx: &Cx<'_>, code: &str) -> String {
    match code {
        "not_started" => {
            cx.t("ej angivet; ej startat enligt planerade datum", "not stated; not started by planned dates")
        }
        "running" => cx.t("ej angivet; pågår enligt planerade datum", "not stated; running by planned dates"),
        "ended" => cx.t("ej angivet; avslutat enligt planerade datum", "not stated; ended by planned dates"),
        _ => cx.not_stated(),
    }
}

/// At most this many groups are listed per classification; the rest are counted.
const GROUP_LIMIT: usize = 30;

fn money(cx: &Cx<'_>, budget: &BTreeMap<String, Option<rust_decimal::Decimal>>) -> String {
    super::join(budget.iter().map(|(c, a)| super::program::money_text(cx, a.map(|a| a.normalize()), c)))
}

fn breakdown_blocks(cx: &Cx<'_>, heading: String, first: String, b: &Breakdown, s: &mut Section) {
    s.push(Block::Heading { text: heading });
    let mut table = Table::new([first, cx.t("Projekt", "Projects"), cx.t("Budget", "Budget")]);
    for g in b.groups.iter().take(GROUP_LIMIT) {
        let key = if g.key == NONE_KEY { cx.not_stated() } else { g.key.clone() };
        table.push_row([key, g.projects.to_string(), money(cx, &g.budget)]);
    }
    s.push(Block::Table(table));
    if b.groups.len() > GROUP_LIMIT {
        let rest: u64 = b.groups[GROUP_LIMIT..].iter().map(|g| g.projects).sum();
        s.push(Block::Paragraph {
            text: match cx.lang() {
                "sv" => format!("… och {} grupper till med {rest} projekt.", b.groups.len() - GROUP_LIMIT),
                _ => format!("… and {} more groups with {rest} projects.", b.groups.len() - GROUP_LIMIT),
            },
        });
    }
    if b.overlapping {
        s.push(cx.info(
            "Ett projekt i flera grupper räknas i var och en, så summorna överlappar.",
            "A project in several groups counts in each, so the totals overlap.",
        ));
    }
}

/// Projects by each classification scheme (regional programme, priority axis …), by
/// region, and partners by role: from analysis::breakdown.
fn classifications(cx: &Cx<'_>, s: &mut Section) {
    let p = cx.portfolio;
    for scheme in &crate::analysis::breakdown::classification_schemes(p) {
        let b = by_classification(p, scheme);
        let heading = match cx.lang() {
            "sv" => format!("Per {}", scheme.replace('_', " ")),
            _ => format!("By {}", scheme.replace('_', " ")),
        };
        breakdown_blocks(cx, heading, super::capitalised(&scheme.replace('_', " ")), &b, s);
    }
    if p.projects.iter().any(|pr| !pr.regions.is_empty()) {
        breakdown_blocks(cx, cx.t("Per region", "By region"), cx.t("Region", "Region"), &by_region(p), s);
    }
    let roles = partners_by_role(p);
    if !roles.is_empty() {
        s.push(cx.heading("Partner per roll", "Partners by role"));
        let mut table = Table::new([cx.t("Roll", "Role"), cx.t("Partner", "Partners"), cx.t("Budget", "Budget")]);
        for r in &roles {
            let role = match r.role.as_str() {
                "LP" => cx.t("LP (huvudpartner)", "LP (lead partner)"),
                "PP" => cx.t("PP (projektpartner)", "PP (project partner)"),
                "AP" => cx.t("AP (associerad partner)", "AP (associated partner)"),
                _ => cx.not_stated(),
            };
            table.push_row([role, r.partners.to_string(), money(cx, &r.budget)]);
        }
        s.push(Block::Table(table));
    }
}

/// At most this many projects are listed one by one; the counts above cover them all.
pub(crate) const PROJECT_LIST_LIMIT: usize = 500;

fn project_list(cx: &Cx<'_>, s: &mut Section) {
    let p = cx.portfolio;
    s.push(cx.heading("Projekten", "The projects"));
    let areas: HashMap<&str, &crate::model::FocusArea> =
        p.program.focus_areas.iter().map(|a| (a.id.as_str(), a)).collect();
    let owners: HashMap<&str, &crate::model::Organisation> =
        p.organisations.iter().map(|o| (o.id.as_str(), o)).collect();
    let mut table = Table::new([
        cx.t("Id", "Id"),
        cx.t("Titel", "Title"),
        cx.t("Fokusområde", "Focus area"),
        cx.t("Nivåer", "Levels"),
        cx.t("Projektägare", "Owner"),
        cx.t("Status", "Status"),
        cx.t("Budget", "Budget"),
    ]);
    for project in p.projects.iter().take(PROJECT_LIST_LIMIT) {
        let area = project
            .focus_area
            .as_deref()
            .map_or_else(String::new, |id| areas.get(id).map_or_else(|| id.to_owned(), |a| cx.text_or_id(&a.name, id)));
        let owner = project.owner.as_deref().map_or_else(String::new, |id| {
            owners.get(id).map_or_else(|| id.to_owned(), |o| cx.text_or_id(&o.name, id))
        });
        let levels = super::join(project.levels.iter().map(|l| cx.level(*l)));
        let status = project.status.map_or_else(String::new, |st| status_label(cx, st));
        let budget =
            if project.budgets.is_empty() { String::new() } else { super::program::budget_text(cx, &project.budgets) };
        table.push_row([
            project.id.clone(),
            cx.text_or_id(&project.title, &project.id),
            area,
            levels,
            owner,
            status,
            budget,
        ]);
    }
    s.push(Block::Table(table));
    if p.projects.len() > PROJECT_LIST_LIMIT {
        s.push(Block::Notice {
            kind: crate::learning_report::model::NoticeKind::Info,
            text: match cx.lang() {
                "sv" => format!("De första {PROJECT_LIST_LIMIT} av {} projekt visas.", p.projects.len()),
                _ => format!("The first {PROJECT_LIST_LIMIT} of {} projects are listed.", p.projects.len()),
            },
        });
    }
}

fn budgets(cx: &Cx<'_>, s: &mut Section) {
    let p = cx.portfolio;
    s.push(cx.heading("Budget", "Budget"));
    let program = budget_totals(&p.program.budgets);
    // currency → (total, budget lines, projects with a line in the currency)
    let mut projects: BTreeMap<String, (Option<rust_decimal::Decimal>, usize, usize)> = BTreeMap::new();
    for project in &p.projects {
        for (currency, (amount, lines)) in budget_totals(&project.budgets) {
            let e = projects.entry(currency).or_insert((Some(rust_decimal::Decimal::ZERO), 0, 0));
            e.0 = amount.and_then(|a| crate::model::add_amount(e.0, a));
            e.1 += lines;
            e.2 += 1;
        }
    }
    // Partner budgets (Jems: each partner's share of a project), apart from the
    // projects' own budgets: they are another view of the same money, never added to it.
    let mut partners: BTreeMap<String, (Option<rust_decimal::Decimal>, usize, usize)> = BTreeMap::new();
    let partner_count: usize = p.projects.iter().map(|pr| pr.partners.len()).sum();
    for money in p.projects.iter().flat_map(|pr| &pr.partners).filter_map(|x| x.budget.as_ref()) {
        let e = partners.entry(money.currency.clone()).or_insert((Some(rust_decimal::Decimal::ZERO), 0, 0));
        e.0 = e.0.and_then(|t| crate::model::add_amount(Some(t), money.amount));
        e.1 += 1;
        e.2 += 1;
    }
    let (unread_projects, unread_partners) = (cx.options.unread_project_budgets, cx.options.unread_partner_budgets);
    if program.is_empty() && projects.is_empty() && partners.is_empty() {
        s.push(cx.no_data("Inga budgetar registrerade.", "No budgets recorded."));
        if unread_projects + unread_partners > 0 {
            s.push(unread_notice(cx, unread_projects + unread_partners));
        }
        return;
    }
    let mut table = Table::new([
        cx.t("Gäller", "For"),
        cx.t("Valuta", "Currency"),
        cx.t("Summa", "Total"),
        cx.t("Budgetrader", "Budget lines"),
    ]);
    for (currency, (amount, lines)) in program {
        table.push_row([
            cx.t("Programmet", "The program"),
            currency,
            super::program::amount_text(cx, amount),
            lines.to_string(),
        ]);
    }
    let scopes = [
        (cx.t("Projekten", "The projects"), projects, p.projects.len(), unread_projects, ("projekt", "projects")),
        (cx.t("Partnerbudgetar", "Partner budgets"), partners, partner_count, unread_partners, ("partner", "partners")),
    ];
    for (scope, totals, all, unread, (sv, en)) in scopes {
        for (currency, (amount, lines, with)) in totals {
            let mut total = super::program::amount_text(cx, amount);
            if unread > 0 {
                total.push_str(&match cx.lang() {
                    "sv" => format!(" (från {with} av {all} {sv}; {unread} belopp oläsbara)"),
                    _ => format!(" (from {with} of {all} {en}; {unread} amounts unreadable)"),
                });
            }
            table.push_row([scope.clone(), currency, total, lines.to_string()]);
        }
    }
    s.push(Block::Table(table));
    if unread_projects + unread_partners > 0 {
        s.push(unread_notice(cx, unread_projects + unread_partners));
    }
    s.push(cx.info(
        "Summor per valuta; olika valutor adderas aldrig. En reviderad budget ersätter den ursprungliga för samma period.",
        "Totals per currency; currencies are never added together. A revised budget replaces the original for the same period.",
    ));
    if partner_count > 0 {
        s.push(cx.info(
            "Partnerbudgetar är projektens fördelning på partner och adderas inte till projektens budgetar.",
            "Partner budgets are the projects' shares per partner and are not added to the projects' budgets.",
        ));
    }
    planned_and_spent(cx, s);
}

/// "Did we spend what we planned?": per currency, the plan and the money spent
/// (disbursements and expenditures) of the projects that record both, from the core's
/// spending table. A project with a plan but no realised money recorded is counted
/// apart, never as 0 spent.
fn planned_and_spent(cx: &Cx<'_>, s: &mut Section) {
    use crate::analysis::tables::{spending_table, Cell};
    use rust_decimal::Decimal;
    let table = spending_table(cx.portfolio);
    let col = |name: &str| table.columns.iter().position(|c| c.name == name).unwrap_or(usize::MAX);
    let (currency, planned, spent) = (col("currency"), col("planned"), col("spent"));
    let decimal = |row: &[Cell], i: usize| match row.get(i) {
        Some(Cell::Decimal(d)) => Some(*d),
        _ => None,
    };
    // (currency, planned, spent, projects with both, projects with a plan); a few
    // currencies: a list, not a map (the WebAssembly module).
    type Totals = (String, Option<Decimal>, Option<Decimal>, usize, usize);
    let mut totals: Vec<Totals> = Vec::new();
    for row in &table.rows {
        let Some(Cell::String(c)) = row.get(currency) else { continue };
        let (plan, used) = (decimal(row, planned), decimal(row, spent));
        if plan.is_none() && used.is_none() {
            continue;
        }
        let at = match totals.iter().position(|t| t.0 == *c) {
            Some(at) => at,
            None => {
                totals.push((c.clone(), Some(Decimal::ZERO), Some(Decimal::ZERO), 0, 0));
                totals.len() - 1
            }
        };
        let e = &mut totals[at];
        let e = (&mut e.1, &mut e.2, &mut e.3, &mut e.4);
        *e.3 += usize::from(plan.is_some());
        if let (Some(plan), Some(used)) = (plan, used) {
            *e.0 = crate::model::add_amount(*e.0, plan);
            *e.1 = crate::model::add_amount(*e.1, used);
            *e.2 += 1;
        }
    }
    if totals.iter().all(|t| t.3 == 0) {
        return;
    }
    crate::sort::sort_by(&mut totals, |a, b| a.0.cmp(&b.0));
    s.push(cx.heading("Planerat och använt", "Planned and spent"));
    let mut out = Table::new([
        cx.t("Valuta", "Currency"),
        cx.t("Planerat", "Planned"),
        cx.t("Använt", "Spent"),
        cx.t("Andel använd", "Share used"),
        cx.t("Projekt", "Projects"),
    ]);
    for (c, plan, used, both, with_plan) in totals.into_iter().filter(|t| t.3 > 0) {
        let share = plan
            .zip(used)
            .filter(|(p, _)| *p > Decimal::ZERO)
            .and_then(|(p, u)| u.checked_div(p))
            .map_or_else(String::new, |f| format!("{} %", (f * Decimal::ONE_HUNDRED).round_dp(1).normalize()));
        let projects = match cx.lang() {
            "sv" => format!("{both} av {with_plan} med budget"),
            _ => format!("{both} of {with_plan} with a budget"),
        };
        out.push_row([
            c,
            super::program::amount_text(cx, plan.map(|a| a.normalize())),
            super::program::amount_text(cx, used.map(|a| a.normalize())),
            share,
            projects,
        ]);
    }
    s.push(Block::Table(out));
    s.push(cx.info(
        "Använt är utbetalningar och utgifter (IATI-transaktionstyp 3 och 4), för de projekt som redovisar både budget och transaktioner i valutan; ett projekt utan redovisade transaktioner räknas inte som 0 använt.",
        "Spent is disbursements and expenditures (IATI transaction types 3 and 4), for the projects that record both a budget and transactions in the currency; a project with no transactions recorded is not counted as 0 spent.",
    ));
}

/// A warning that totals miss amounts the input held but that could not be read.
fn unread_notice(cx: &Cx<'_>, unread: usize) -> Block {
    Block::Notice {
        kind: crate::learning_report::model::NoticeKind::Warning,
        text: match cx.lang() {
            "sv" => format!("{unread} budgetbelopp i underlaget kunde inte läsas och saknas i summorna; se avsnitt 9."),
            _ => format!("{unread} budget amounts in the input could not be read and are missing from the totals; see section 9."),
        },
    }
}

fn kind_label(cx: &Cx<'_>, kind: OrganisationKind) -> String {
    let (sv, en) = match kind {
        OrganisationKind::Municipality => ("Kommun", "Municipality"),
        OrganisationKind::MunicipalCompany => ("Kommunalt bolag", "Municipal company"),
        OrganisationKind::MunicipalCooperationBody => ("Kommunalt samverkansorgan", "Municipal cooperation body"),
        OrganisationKind::RegionalBody => ("Regionalt självstyrelseorgan", "Regional body"),
        OrganisationKind::CountyAdministrativeBoard => ("Länsstyrelse", "County administrative board"),
        OrganisationKind::Ministry => ("Departement", "Ministry"),
        OrganisationKind::Agency => ("Myndighet", "Agency"),
        OrganisationKind::BusinessOrganisation => ("Näringslivsorganisation", "Business organisation"),
        OrganisationKind::Ngo => ("Ideell organisation", "NGO"),
        OrganisationKind::Academic => ("Universitet eller forskning", "Academic"),
        OrganisationKind::Company => ("Företag", "Company"),
        OrganisationKind::Other => ("Övrig", "Other"),
    };
    cx.t(sv, en)
}

fn status_label(cx: &Cx<'_>, status: ActivityStatus) -> String {
    let sv = match status {
        ActivityStatus::Pipeline => "Under beredning",
        ActivityStatus::Implementation => "Pågående",
        ActivityStatus::Finalisation => "Avslutas",
        ActivityStatus::Closed => "Avslutat",
        ActivityStatus::Cancelled => "Avbrutet",
        ActivityStatus::Suspended => "Vilande",
    };
    format!("{} ({})", cx.t(sv, status.name()), status.iati_code())
}

#[cfg(test)]
mod tests {
    use crate::learning_report::build::{build, ReportOptions};
    use crate::learning_report::model::Block;
    use crate::learning_report::testdata;

    #[test]
    fn breakdowns_budgets_and_stated_count() {
        let r = build(&testdata::portfolio(), &ReportOptions::new("en", testdata::as_of()));
        let s = &r.sections[7];
        assert!(s.blocks.iter().any(
            |b| matches!(b, Block::Notice { text, .. } if text == "The program states 30 projects; 2 are recorded.")
        ));
        let tables: Vec<_> = s.tables().collect();
        assert_eq!(
            tables[0].rows,
            vec![vec!["Local business development", "1"], vec!["Regional growth processes", "1"]]
        );
        assert_eq!(tables[2].rows, vec![vec!["Municipality", "1"], vec!["not stated", "1"]]);
        assert_eq!(tables[3].rows, vec![vec!["Implementation (2)", "1"], vec!["Closed (4)", "1"]]);
        // The revised project budget (120.50) replaces the original (100).
        assert_eq!(
            tables[4].rows[0],
            [
                "PRJ-1",
                "Handel | tillväxt <script>alert(1)</script>",
                "Local business development",
                "Local level",
                "Exempelkommun",
                "Implementation (2)",
                "120.50 SEK"
            ]
        );
        assert_eq!(
            tables[5].rows,
            vec![vec!["The program", "SEK", "1,000,000", "1"], vec!["The projects", "SEK", "120.50", "1"]]
        );
    }
}
