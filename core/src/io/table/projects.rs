//! Projects (and their partners and owner organisations) from a table.

use std::collections::{BTreeMap, HashMap};

use crate::model::{
    ActivityStatus, Budget, BudgetKind, DateRange, FocusArea, Money, Organisation, Partner, PartnerRole, Portfolio,
    Program, Project, Text,
};

use super::mapping::{FieldSpec, ProjectMapping, RepeatedRows};
use super::report::{Skip, TableImportReport};
use super::source::{CellType, RawRow, RawTable};
use super::values::{normalise_label, parse_date};
use super::TableError;

mod money;

/// The result of [`import_projects`].
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectImport {
    /// The projects, in the order of their first row.
    pub projects: Vec<Project>,
    /// Organisations created by name (owners and partners), in order of first mention.
    /// Each one's id is its name as written in the table (trimmed).
    pub organisations: Vec<Organisation>,
    /// The focus areas the projects name: those the mapping declares (in its order),
    /// else one per distinct `columns.focus_area` value, in order of first mention.
    pub focus_areas: Vec<FocusArea>,
    /// What was read and skipped.
    pub report: TableImportReport,
}

impl ProjectImport {
    /// A portfolio holding `program`, these projects and organisations, and the focus
    /// areas (added to the program's, unless it has one of the same id).
    pub fn into_portfolio(self, default_language: &str, mut program: Program) -> Portfolio {
        for area in self.focus_areas {
            if !program.focus_areas.iter().any(|a| a.id == area.id) {
                program.focus_areas.push(area);
            }
        }
        let mut p = Portfolio::new(default_language, program);
        p.projects = self.projects;
        p.organisations = self.organisations;
        p
    }
}

/// Reads projects from `table` as `mapping` says.
///
/// One row is one project, unless the mapping has `partners`: then one row is one
/// partner, and rows with the same id form one project (its project-level cells are
/// taken from the first row; a later row that disagrees is noted in the report; when
/// no owner column is mapped, the owner is the lead partner, if the table lists it).
///
/// # Errors
/// [`TableError::MissingColumn`] when a mapped column is not in the table,
/// [`TableError::DuplicateId`] (naming both rows) when two rows of a one-row-per-project
/// table give the same id, and [`TableError::Cell`] for the first unreadable cell when
/// the mapping is `strict` (otherwise such cells are skipped and reported).
pub fn import_projects(table: &RawTable, mapping: &ProjectMapping) -> Result<ProjectImport, TableError> {
    check_columns(table, mapping)?;
    let mut ctx = Ctx {
        table,
        strict: mapping.strict,
        lang: mapping.language.clone().unwrap_or_else(|| "en".to_owned()),
        report: TableImportReport::new(table),
        organisations: Vec::new(),
        org_index: HashMap::new(),
        missing: mapping.locale.clone().unwrap_or_default(),
        focus_areas: mapping
            .focus_areas
            .iter()
            .map(|(id, name)| FocusArea {
                id: id.clone(),
                name: Text::one(mapping.language.as_deref().unwrap_or("en"), name.clone()),
                description: Text::default(),
            })
            .collect(),
        declared_areas: !mapping.focus_areas.is_empty(),
    };
    let cols = &mapping.columns;
    let mut projects: Vec<Project> = Vec::new();
    let mut first_row: HashMap<String, (usize, usize)> = HashMap::new(); // id → (index, row)
                                                                         // Rows seen, cell for cell, for `repeated_rows = "drop_identical"`: cells → row.
    let mut seen: HashMap<&[String], usize> = HashMap::new();
    for row in &table.rows {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            ctx.skip(row, None, None, "blank row".to_owned());
            continue;
        }
        if mapping.repeated_rows == RepeatedRows::DropIdentical {
            if let Some(&earlier) = seen.get(row.cells.as_slice()) {
                ctx.report.duplicates_dropped += 1;
                let reason = format!(
                    "row {} repeats row {earlier} cell for cell: dropped (repeated_rows = \"drop_identical\")",
                    row.row
                );
                ctx.report.notes.push(Skip { place: table.place(row, None), reason, field: None });
                continue;
            }
            seen.insert(row.cells.as_slice(), row.row);
        }
        let parts: Vec<&str> = cols.id.columns().iter().map(|c| ctx.cell(row, c)).collect();
        if parts.iter().any(|p| p.is_empty()) {
            let col = cols.id.columns().join(" + ");
            ctx.skip(row, Some(&col), Some("columns.id"), "no project id: the row is skipped".to_owned());
            continue;
        }
        let id = parts.join(" / ");
        if let Some(&(index, first)) = first_row.get(&id) {
            if mapping.partners.is_none() {
                return Err(TableError::DuplicateId {
                    file: table.file.clone(),
                    id,
                    column: cols.id.columns().join(" + "),
                    first_row: first,
                    second_row: row.row,
                });
            }
            let candidate = ctx.project(row, &id, mapping)?;
            note_disagreements(&mut ctx, row, first, &projects[index], &candidate);
            ctx.add_partner(row, mapping, &mut projects[index])?;
        } else {
            let mut project = ctx.project(row, &id, mapping)?;
            if mapping.partners.is_some() {
                ctx.add_partner(row, mapping, &mut project)?;
            }
            first_row.insert(id, (projects.len(), row.row));
            projects.push(project);
        }
        ctx.report.rows_imported += 1;
    }
    // With partners and no owner column, the owner is the lead partner (Jems: the
    // partner that applies and carries the project), when the table names it.
    if mapping.partners.is_some() && cols.owner.is_none() {
        for p in &mut projects {
            p.owner = p
                .partners
                .iter()
                .find(|x| x.role == Some(PartnerRole::LeadPartner))
                .and_then(|x| x.organisation.clone());
        }
    }
    Ok(ProjectImport { projects, organisations: ctx.organisations, focus_areas: ctx.focus_areas, report: ctx.report })
}

fn check_columns<'m>(table: &RawTable, m: &'m ProjectMapping) -> Result<(), TableError> {
    let c = &m.columns;
    let mut wanted: Vec<(String, &'m str)> =
        c.id.columns().into_iter().map(|col| ("columns.id".to_owned(), col)).collect();
    let mut add = |name: &str, spec: Option<&'m FieldSpec>| {
        if let Some(col) = spec.and_then(FieldSpec::column) {
            wanted.push((name.to_owned(), col));
        }
    };
    add("columns.title", Some(&c.title));
    add("columns.description", c.description.as_ref());
    add("columns.owner", c.owner.as_ref());
    add("columns.start", c.start.as_ref());
    add("columns.end", c.end.as_ref());
    add("columns.budget", c.budget.as_ref());
    add("columns.currency", c.currency.as_ref());
    add("columns.focus_area", c.focus_area.as_ref());
    add("columns.status", c.status.as_ref());
    add("columns.parent", c.parent.as_ref());
    for r in &c.regions {
        add("columns.regions", Some(r));
    }
    for (list, columns) in [("budgets", &m.budgets), ("transactions", &m.transactions)] {
        for money in columns {
            for spec in [Some(&money.amount), money.currency.as_ref(), money.date.as_ref()] {
                add(list, spec);
            }
        }
    }
    for (scheme, spec) in &m.classifications {
        add(&format!("classifications.{scheme}"), Some(spec));
    }
    if let Some(p) = &m.partners {
        add("partners.organisation", Some(&p.organisation));
        add("partners.role", p.role.as_ref());
        add("partners.budget", p.budget.as_ref());
        add("partners.currency", p.currency.as_ref());
    }
    // A mapping read from a file was checked as it was read, naming the mapping file; one
    // built in code is checked here.
    if let Some(problem) = super::check::Checked::problem(m) {
        return Err(TableError::Mapping(super::MappingError::Invalid {
            file: table.file.clone(),
            message: problem.message,
        }));
    }
    for (field, col) in wanted {
        if table.column(col).is_none() {
            return Err(TableError::MissingColumn {
                file: table.file.clone(),
                field,
                column: col.to_owned(),
                available: table.headers.join(", "),
            });
        }
    }
    Ok(())
}

/// Project-level fields that differ between the first row of a project and a later one.
fn note_disagreements(ctx: &mut Ctx<'_>, row: &RawRow, first: usize, a: &Project, b: &Project) {
    let mut fields = Vec::new();
    if a.title != b.title {
        fields.push("title");
    }
    if a.planned != b.planned {
        fields.push("planned dates");
    }
    if a.budgets != b.budgets {
        fields.push("budget");
    }
    if a.owner != b.owner {
        fields.push("owner");
    }
    if a.classifications != b.classifications {
        fields.push("classifications");
    }
    if !fields.is_empty() {
        let reason = format!(
            "project {:?} has different {} here than in row {first}; the values of row {first} are kept",
            a.id,
            fields.join(", ")
        );
        ctx.report.notes.push(Skip { place: ctx.table.place(row, None), reason, field: None });
    }
}

struct Ctx<'t> {
    table: &'t RawTable,
    strict: bool,
    lang: String,
    report: TableImportReport,
    organisations: Vec<Organisation>,
    org_index: HashMap<String, usize>,
    /// The mapping's locale, for its missing-value markers.
    missing: super::Locale,
    /// Declared focus areas, then those created from values.
    focus_areas: Vec<FocusArea>,
    /// Whether the mapping declares the focus areas (then a value naming none is lost).
    declared_areas: bool,
}

impl<'t> Ctx<'t> {
    /// The cell's text, trimmed; empty for a declared missing-value marker (`N/A`).
    fn cell(&self, row: &'t RawRow, column: &str) -> &'t str {
        let text = self.table.column(column).and_then(|i| row.cells.get(i)).map_or("", |c| c.trim());
        if self.missing.is_missing(text) {
            ""
        } else {
            text
        }
    }

    /// What the cell a field reads was in the file, when it was neither text nor a
    /// number (a JSON boolean …) and the field takes it as it is (not recoded).
    fn cell_type(&self, row: &RawRow, spec: &FieldSpec) -> Option<CellType> {
        row.cell_type(self.written_column(spec)?)
    }

    /// The column a field takes as it is written (`None` when the field recodes values).
    fn written_column(&self, spec: &FieldSpec) -> Option<usize> {
        if matches!(spec, FieldSpec::Detailed { values, .. } if !values.is_empty()) {
            return None;
        }
        self.table.column(spec.column()?)
    }

    fn skip(&mut self, row: &RawRow, column: Option<&str>, field: Option<&str>, reason: String) {
        let field = field.map(str::to_owned);
        self.report.skipped.push(Skip { place: self.table.place(row, column), reason, field });
    }

    /// A cell problem that loses the value of the mapping field `field`: an error when
    /// strict, else a reported skip.
    fn problem(&mut self, row: &RawRow, column: Option<&str>, field: &str, reason: String) -> Result<(), TableError> {
        if self.strict {
            return Err(TableError::Cell { place: self.table.place(row, column), reason });
        }
        self.skip(row, column, Some(field), format!("{reason}; the cell is skipped"));
        Ok(())
    }

    /// The values of the mapping field `field` in a row (several when the spec splits),
    /// recoded.
    fn values(&mut self, row: &'t RawRow, field: &str, spec: &FieldSpec) -> Result<Vec<String>, TableError> {
        let (column, constant, split, recode) = match spec {
            FieldSpec::Column(c) => (Some(c.as_str()), None, None, None),
            FieldSpec::Detailed { column, value, split, values } => {
                (column.as_deref(), value.as_deref(), split.as_deref(), Some(values).filter(|v| !v.is_empty()))
            }
        };
        let raw = column.map(|c| self.cell(row, c)).unwrap_or("");
        let raw = if raw.is_empty() { constant.unwrap_or("") } else { raw };
        let parts: Vec<&str> = match split {
            Some(sep) if !sep.is_empty() => raw.split(sep).map(str::trim).filter(|p| !p.is_empty()).collect(),
            _ if raw.is_empty() => Vec::new(),
            _ => vec![raw],
        };
        let mut out = Vec::new();
        for p in parts {
            match recode {
                None => out.push(p.to_owned()),
                Some(map) => match map.iter().find(|(k, _)| normalise_label(k) == normalise_label(p)) {
                    Some((_, v)) => out.push(v.clone()),
                    None => {
                        let known = map.keys().map(|k| format!("{k:?}")).collect::<Vec<_>>().join(", ");
                        let reason = format!("value {p:?} is not among the mapping's values ({known})");
                        self.problem(row, column, field, reason)?;
                    }
                },
            }
        }
        Ok(out)
    }

    fn one(&mut self, row: &'t RawRow, field: &str, spec: Option<&FieldSpec>) -> Result<Option<String>, TableError> {
        match spec {
            None => Ok(None),
            Some(s) => Ok(self.values(row, field, s)?.into_iter().next()),
        }
    }

    /// The focus area a cell names: a declared one by id or name, else (none declared)
    /// one created from the value.
    fn focus_area(&mut self, row: &'t RawRow, spec: Option<&FieldSpec>) -> Result<Option<String>, TableError> {
        let Some(value) = self.one(row, "columns.focus_area", spec)? else { return Ok(None) };
        let norm = normalise_label(&value);
        let found = self
            .focus_areas
            .iter()
            .find(|a| normalise_label(&a.id) == norm || a.name.iter().any(|(_, name)| normalise_label(name) == norm));
        if let Some(area) = found {
            return Ok(Some(area.id.clone()));
        }
        if self.declared_areas {
            let known = self.focus_areas.iter().map(|a| format!("{:?}", a.id)).collect::<Vec<_>>().join(", ");
            let reason = format!("focus area {value:?} is none of the mapping's focus_areas ({known})");
            self.problem(row, spec.and_then(FieldSpec::column), "columns.focus_area", reason)?;
            return Ok(None);
        }
        self.focus_areas.push(FocusArea {
            id: value.clone(),
            name: Text::one(&self.lang, value.clone()),
            description: Text::default(),
        });
        Ok(Some(value))
    }

    fn organisation(&mut self, name: &str) -> String {
        if !self.org_index.contains_key(name) {
            self.org_index.insert(name.to_owned(), self.organisations.len());
            self.organisations.push(Organisation {
                id: name.to_owned(),
                name: Text::one(&self.lang, name),
                kind: None,
                level: None,
                iati_type: None,
                region: None,
            });
        }
        name.to_owned()
    }

    /// An amount and its currency; `field` (`columns.budget`, `partners.budget`) names
    /// what is lost when either cannot be read.
    fn money(
        &mut self,
        row: &'t RawRow,
        field: &str,
        amount: Option<&FieldSpec>,
        currency: Option<&FieldSpec>,
        locale: Option<&super::Locale>,
    ) -> Result<Option<Money>, TableError> {
        let Some(spec) = amount else { return Ok(None) };
        let Some(text) = self.one(row, field, Some(spec))? else { return Ok(None) };
        let col = spec.column();
        let what = if field == "transactions" { "transaction" } else { "budget" };
        let amount = match row.number(self.written_column(spec), &text, locale) {
            Ok(a) => a,
            Err(e) => {
                self.problem(row, col, field, format!("{what}: {e}"))?;
                return Ok(None);
            }
        };
        let cur = self.one(row, field, currency)?;
        match cur {
            Some(c) if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) => Ok(Some(Money::new(amount, c))),
            Some(c) => {
                let ccol = currency.and_then(FieldSpec::column);
                let reason = format!(
                    "currency {c:?} is not an ISO 4217 code (three capital letters): the {what} {amount} is lost"
                );
                self.problem(row, ccol, field, reason)?;
                Ok(None)
            }
            None => {
                let reason =
                    format!("{what} without a currency: map columns.currency (a column or {{ value = \"SEK\" }})");
                self.problem(row, col, field, reason)?;
                Ok(None)
            }
        }
    }

    fn date(
        &mut self,
        row: &'t RawRow,
        field: &str,
        spec: Option<&FieldSpec>,
        m: &ProjectMapping,
    ) -> Result<Option<crate::model::PartialDate>, TableError> {
        let Some(text) = self.one(row, field, spec)? else { return Ok(None) };
        match parse_date(&text, m.locale.as_ref()) {
            Ok(d) => Ok(Some(d)),
            Err(e) => {
                let reason = match spec.and_then(|spec| self.cell_type(row, spec)) {
                    Some(what) => format!("{what} ({text}) is not a date"),
                    None => e,
                };
                self.problem(row, spec.and_then(FieldSpec::column), field, reason)?;
                Ok(None)
            }
        }
    }

    fn project(&mut self, row: &'t RawRow, id: &str, m: &ProjectMapping) -> Result<Project, TableError> {
        let c = &m.columns;
        let title = self.one(row, "columns.title", Some(&c.title))?.unwrap_or_default();
        let mut p = Project::new(id, Text::one(&self.lang, title));
        if let Some(d) = self.one(row, "columns.description", c.description.as_ref())? {
            p.description = Text::one(&self.lang, d);
        }
        if let Some(owner) = self.one(row, "columns.owner", c.owner.as_ref())? {
            p.owner = Some(self.organisation(&owner));
        }
        p.planned = DateRange {
            start: self.date(row, "columns.start", c.start.as_ref(), m)?,
            end: self.date(row, "columns.end", c.end.as_ref(), m)?,
        };
        if let Some(value) =
            self.money(row, "columns.budget", c.budget.as_ref(), c.currency.as_ref(), m.locale.as_ref())?
        {
            p.budgets.push(Budget {
                kind: BudgetKind::Original,
                period: p.planned,
                value,
                indicative: false,
                value_date: None,
            });
        }
        self.money_columns(row, m, &mut p)?;
        p.focus_area = self.focus_area(row, c.focus_area.as_ref())?;
        for spec in &c.regions {
            for r in self.values(row, "columns.regions", spec)? {
                if !p.regions.contains(&r) {
                    p.regions.push(r);
                }
            }
        }
        if let Some(s) = self.one(row, "columns.status", c.status.as_ref())? {
            let status = ActivityStatus::from_iati_code(&s)
                .or_else(|| serde_json::from_value(serde_json::Value::String(s.trim().to_owned())).ok());
            match status {
                Some(st) => p.status = Some(st),
                None => self.problem(
                    row,
                    c.status.as_ref().and_then(FieldSpec::column),
                    "columns.status",
                    format!("status {s:?} is not an IATI activity status (1-6 or a name such as \"implementation\")"),
                )?,
            }
        }
        p.parent = self.one(row, "columns.parent", c.parent.as_ref())?;
        let mut classes = BTreeMap::new();
        for (scheme, spec) in &m.classifications {
            if let Some(v) = self.one(row, &format!("classifications.{scheme}"), Some(spec))? {
                classes.insert(scheme.clone(), v);
            }
        }
        p.classifications = classes;
        Ok(p)
    }

    fn add_partner(&mut self, row: &'t RawRow, m: &ProjectMapping, project: &mut Project) -> Result<(), TableError> {
        let Some(pc) = &m.partners else { return Ok(()) };
        let organisation = match self.one(row, "partners.organisation", Some(&pc.organisation))? {
            Some(name) => Some(self.organisation(&name)),
            None => {
                let reason = "no organisation name: the partner is kept with its role and budget".to_owned();
                let place = self.table.place(row, pc.organisation.column());
                self.report.notes.push(Skip { place, reason, field: None });
                None
            }
        };
        let role = match self.one(row, "partners.role", pc.role.as_ref())? {
            None => None,
            Some(r) => {
                let role = PartnerRole::from_code(&r)
                    .or_else(|| serde_json::from_value(serde_json::Value::String(r.trim().to_owned())).ok());
                if role.is_none() {
                    self.problem(
                        row,
                        pc.role.as_ref().and_then(FieldSpec::column),
                        "partners.role",
                        format!("partner role {r:?} is not LP, PP or AP"),
                    )?;
                }
                role
            }
        };
        let budget = self.money(row, "partners.budget", pc.budget.as_ref(), pc.currency.as_ref(), m.locale.as_ref())?;
        project.partners.push(Partner { organisation, role, budget });
        Ok(())
    }
}
