//! Export of a portfolio's projects to IATI 2.03 activity XML.
//!
//! Element order follows the sequences of `iati-activities-schema.xsd` 2.03; what a
//! project or transaction carries ([`Carried`]) is written back as it is, its attributes
//! on the element and each element where the schema puts one of its name. Every
//! language of every text is written as a `narrative` with an explicit `@xml:lang`.
//! Optional elements are written only when the portfolio has them. Text is escaped, and
//! characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage
//! return; U+FFFE, U+FFFF), which kartan JSON can hold (`"\u0001"`), cannot be written:
//! they are left out, and a warning `iati-forbidden-character` per project names the
//! first one, the element and how many (DESIGN.md rule 8). Carriage returns, tabs and
//! line feeds in attributes are written as character references so that they survive.

mod money;
mod order;

pub(super) use order::rank;
use order::ACTIVITY_ORDER;

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use crate::model::{
    BudgetKind, Carried, Diagnostic, DocumentLink, Indicator, Organisation, PartialDate, Portfolio, Project,
    Result as IatiResult, Text,
};

/// The portfolio's projects as IATI 2.03 XML (see [`to_iati`] for the warnings).
pub fn to_iati_string(portfolio: &Portfolio) -> String {
    to_iati(portfolio).0
}

/// The portfolio's projects as IATI 2.03 XML, with a warning (path = JSON pointer into
/// the portfolio) for each thing IATI requires that the portfolio lacks — an activity
/// status, a date, a reporting organisation with a type, an indicator measure, a
/// baseline year, a document category or format … When there is none, the output
/// validates against the 2.03 XSD. Program-level results have no place in IATI and are
/// reported too.
pub fn to_iati(portfolio: &Portfolio) -> (String, Vec<Diagnostic>) {
    let mut w = Writer {
        out: String::with_capacity(1 << 16),
        diagnostics: Vec::new(),
        orgs: portfolio.organisations.iter().map(|o| (o.id.as_str(), o)).collect(),
        lang: &portfolio.default_language,
        left_out: None,
    };
    w.out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\" xml:lang=\"");
    let left_out = attr_text(&mut w.out, &portfolio.default_language);
    w.left_out(left_out, "iati-activities/@xml:lang");
    w.report_left_out("/default_language");
    w.out.push_str("\">\n");
    for (i, project) in portfolio.projects.iter().enumerate() {
        w.activity(i, project, portfolio);
    }
    w.out.push_str("</iati-activities>\n");
    if !portfolio.program.results.is_empty() {
        w.warn("/program/results", "program-level results have no place in IATI activities and are not exported");
    }
    not_exported(portfolio, &mut w.diagnostics);
    (w.out, w.diagnostics)
}

/// Writes [`to_iati`]'s XML to `out` and returns its warnings.
///
/// # Errors
/// The writer's I/O error.
pub fn write_iati<W: std::io::Write>(portfolio: &Portfolio, mut out: W) -> std::io::Result<Vec<Diagnostic>> {
    let (xml, diagnostics) = to_iati(portfolio);
    out.write_all(xml.as_bytes())?;
    out.flush()?;
    Ok(diagnostics)
}

/// True for characters XML 1.0 allows.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Characters left out of the output: the first, and how many.
type LeftOut = Option<(char, usize)>;

/// Adds the characters of `s` that XML forbids to `left`.
fn forbidden_in(s: &str, left: &mut LeftOut) {
    for c in s.chars().filter(|&c| !allowed(c)) {
        match left {
            Some((_, n)) => *n += 1,
            None => *left = Some((c, 1)),
        }
    }
}

/// Appends `s` escaped as element content; returns what XML could not hold.
#[must_use]
fn text(out: &mut String, s: &str) -> LeftOut {
    if !s.contains(['&', '<', '>', '\r']) && s.chars().all(allowed) {
        out.push_str(s);
        return None;
    }
    let mut left = None;
    forbidden_in(s, &mut left);
    for c in s.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    left
}

/// Appends `s` escaped as an attribute value (in double quotes); returns what XML could
/// not hold.
#[must_use]
fn attr_text(out: &mut String, s: &str) -> LeftOut {
    let mut left = None;
    forbidden_in(s, &mut left);
    for c in s.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    left
}

struct Writer<'p> {
    out: String,
    diagnostics: Vec<Diagnostic>,
    orgs: HashMap<&'p str, &'p Organisation>,
    lang: &'p str,
    /// Characters left out since the last [`Writer::report_left_out`]: the first, the
    /// element it was in, and how many.
    left_out: Option<(char, String, usize)>,
}

impl Writer<'_> {
    fn warn(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::warning("iati-export", path, message));
    }

    /// Notes characters left out of `element` (XML cannot hold them).
    fn left_out(&mut self, left: LeftOut, element: &str) {
        let Some((c, n)) = left else { return };
        match &mut self.left_out {
            Some((_, _, count)) => *count += n,
            None => self.left_out = Some((c, element.to_owned(), n)),
        }
    }

    /// A warning at `path` for the characters left out since the last one, if any.
    fn report_left_out(&mut self, path: &str) {
        if let Some((c, element, n)) = self.left_out.take() {
            self.diagnostics.push(Diagnostic::warning(
                "iati-forbidden-character",
                path,
                format!(
                    "{n} character(s) that XML 1.0 does not allow left out of the IATI export, the first U+{:04X} in {element}",
                    u32::from(c)
                ),
            ));
        }
    }

    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.out.push_str("  ");
        }
    }

    /// `<name a="v" …` (unclosed); attributes with `None` are left out.
    fn open(&mut self, depth: usize, name: &str, attrs: &[(&str, Option<&str>)]) {
        self.indent(depth);
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            if let Some(v) = value {
                self.out.push(' ');
                self.out.push_str(key);
                self.out.push_str("=\"");
                let left = attr_text(&mut self.out, v);
                if left.is_some() {
                    self.left_out(left, &format!("{name}/@{key}"));
                }
                self.out.push('"');
            }
        }
    }

    /// `<name a="v"/>`.
    fn empty(&mut self, depth: usize, name: &str, attrs: &[(&str, Option<&str>)]) {
        self.open(depth, name, attrs);
        self.out.push_str("/>\n");
    }

    fn close(&mut self, depth: usize, name: &str) {
        self.indent(depth);
        let _ = writeln!(self.out, "</{name}>");
    }

    /// The narratives of `t`, one per language; an empty narrative when `t` is blank
    /// and IATI requires one (it reads back as blank).
    fn narratives(&mut self, depth: usize, t: &Text) {
        let mut any = false;
        for (lang, s) in t.iter().filter(|(_, s)| !s.trim().is_empty()) {
            any = true;
            self.open(depth, "narrative", &[("xml:lang", Some(lang))]);
            self.out.push('>');
            let left = text(&mut self.out, s);
            self.left_out(left, "narrative");
            self.out.push_str("</narrative>\n");
        }
        if !any {
            self.empty(depth, "narrative", &[]);
        }
    }

    /// `<name attrs><narrative…/></name>`.
    fn text_element(&mut self, depth: usize, name: &str, attrs: &[(&str, Option<&str>)], t: &Text) {
        self.open(depth, name, attrs);
        self.out.push_str(">\n");
        self.narratives(depth + 1, t);
        self.close(depth, name);
    }

    /// The carried attributes ` name="value"` of an element being opened.
    fn carried_attributes(&mut self, carried: &Carried) {
        for [name, value] in &carried.attributes {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            let left = attr_text(&mut self.out, value);
            self.left_out(left, name);
            self.out.push('"');
        }
    }

    /// Writes the carried elements whose schema rank (`ranks`, parallel to `elements`)
    /// is below `upto` and at least `*done`, by rank and then in their order; `*done`
    /// becomes `upto`. A fragment is written as it is.
    fn carry(&mut self, depth: usize, elements: &[String], ranks: &[usize], done: &mut usize, upto: usize) {
        while *done < upto {
            for (element, _) in elements.iter().zip(ranks).filter(|(_, &r)| r == *done) {
                self.indent(depth);
                self.out.push_str(element);
                self.out.push('\n');
            }
            *done += 1;
        }
    }

    fn activity(&mut self, i: usize, project: &Project, portfolio: &Portfolio) {
        let path = format!("/projects/{i}");
        let lang = project.default_language.as_deref().unwrap_or(self.lang);
        self.open(1, "iati-activity", &[("xml:lang", Some(lang))]);
        self.carried_attributes(&project.carried);
        self.out.push_str(">\n");
        let elements = project.carried.elements.as_slice();
        let ranks: Vec<usize> = elements.iter().map(|e| rank(e)).collect();
        let mut done = 0;
        self.open(2, "iati-identifier", &[]);
        self.out.push('>');
        let left = text(&mut self.out, &project.id);
        self.left_out(left, "iati-identifier");
        self.out.push_str("</iati-identifier>\n");
        self.carry(2, elements, &ranks, &mut done, 1);
        let owner = project.owner.as_deref().or(portfolio.program.managed_by.as_deref());
        match owner {
            Some(id) => {
                let org = self.orgs.get(id).copied();
                let kind = org.and_then(|o| o.iati_type.as_deref());
                if kind.is_none() {
                    self.warn(
                        format!("{path}/owner"),
                        format!("reporting organisation {id:?} has no IATI organisation type (required)"),
                    );
                }
                let name = org.map(|o| o.name.clone()).unwrap_or_default();
                self.text_element(2, "reporting-org", &[("ref", Some(id)), ("type", kind)], &name);
            }
            None => self.warn(format!("{path}/owner"), "the project has no owner (IATI reporting-org is required)"),
        }
        self.carry(2, elements, &ranks, &mut done, 2);
        self.text_element(2, "title", &[], &project.title);
        self.carry(2, elements, &ranks, &mut done, 3);
        // IATI requires a description, but none is invented for a project without one
        // (a carried description of another type counts): the output then does not
        // validate, and says so.
        if project.description.is_blank() && !ranks.contains(&3) {
            self.warn(
                format!("{path}/description"),
                "the project has no description (IATI requires one); none is written",
            );
        } else if !project.description.is_blank() {
            self.text_element(2, "description", &[("type", Some("1"))], &project.description);
        }
        self.carry(2, elements, &ranks, &mut done, 4);
        if project.participating.is_empty() {
            self.warn(format!("{path}/participating"), "no participating organisation (IATI requires one)");
        }
        for org in &project.participating {
            let attrs = [
                ("ref", org.organisation.as_deref()),
                ("type", org.iati_type.as_deref()),
                ("role", Some(org.role.as_str())),
                ("activity-id", org.activity_id.as_deref()),
            ];
            if org.name.is_blank() {
                self.empty(2, "participating-org", &attrs);
            } else {
                self.text_element(2, "participating-org", &attrs, &org.name);
            }
        }
        self.carry(2, elements, &ranks, &mut done, 6);
        match project.status {
            Some(status) => self.empty(2, "activity-status", &[("code", Some(&status.iati_code().to_string()))]),
            None => self.warn(format!("{path}/status"), "no activity status (IATI requires one)"),
        }
        self.carry(2, elements, &ranks, &mut done, 7);
        let dates = [
            ("1", project.planned.start),
            ("2", project.actual.start),
            ("3", project.planned.end),
            ("4", project.actual.end),
        ];
        let mut written = 0;
        for (kind, date) in dates {
            match date {
                Some(PartialDate::Date(d)) => {
                    self.empty(2, "activity-date", &[("type", Some(kind)), ("iso-date", Some(&d.to_string()))]);
                    written += 1;
                }
                Some(other) => self.warn(
                    path.clone(),
                    format!("activity-date type {kind}: {other} is not a full date and is not exported"),
                ),
                None => {}
            }
        }
        if written == 0 {
            self.warn(path.clone(), "no full planned or actual date (IATI requires an activity-date)");
        }
        self.carry(2, elements, &ranks, &mut done, 10);
        self.areas(2, "recipient-country", &project.recipient_countries);
        self.carry(2, elements, &ranks, &mut done, 11);
        self.areas(2, "recipient-region", &project.recipient_regions);
        self.carry(2, elements, &ranks, &mut done, 13);
        if project.sectors.is_empty() {
            if let Some(codes) = project.classifications.get("sector") {
                for code in codes.split(';').filter(|c| !c.trim().is_empty()) {
                    self.empty(2, "sector", &[("code", Some(code.trim()))]);
                }
            }
        }
        for sector in &project.sectors {
            let pct = sector.percentage.map(|p| p.to_string());
            let attrs = [
                ("vocabulary", sector.vocabulary.as_deref()),
                ("vocabulary-uri", sector.vocabulary_uri.as_deref()),
                ("code", Some(sector.code.as_str())),
                ("percentage", pct.as_deref()),
            ];
            if sector.name.is_blank() {
                self.empty(2, "sector", &attrs);
            } else {
                self.text_element(2, "sector", &attrs, &sector.name);
            }
        }
        self.carry(2, elements, &ranks, &mut done, 23);
        for (b, budget) in project.budgets.iter().enumerate() {
            let (Some(start), Some(end)) = (full(&budget.period.start), full(&budget.period.end)) else {
                self.warn(format!("{path}/budgets/{b}"), "budget period is not two full dates; not exported");
                continue;
            };
            let kind = if budget.kind == BudgetKind::Revised { "2" } else { "1" };
            // @status is always written: IATI reads a budget without it as indicative.
            let status = if budget.indicative { "1" } else { "2" };
            self.open(2, "budget", &[("type", Some(kind)), ("status", Some(status))]);
            self.out.push_str(">\n");
            let at = format!("{path}/budgets/{b}");
            self.period_value(&at, "budget", (start, Some(end)), &budget.value, budget.value_date);
            self.close(2, "budget");
        }
        self.carry(2, elements, &ranks, &mut done, 24);
        for (d, line) in project.planned_disbursements.iter().enumerate() {
            self.planned_disbursement(&format!("{path}/planned_disbursements/{d}"), line);
        }
        self.carry(2, elements, &ranks, &mut done, 26);
        for (t, transaction) in project.transactions.iter().enumerate() {
            self.transaction(&format!("{path}/transactions/{t}"), transaction);
        }
        self.carry(2, elements, &ranks, &mut done, 28);
        if let Some(parent) = &project.parent {
            self.empty(2, "related-activity", &[("ref", Some(parent)), ("type", Some("1"))]);
        }
        for child in &project.children {
            self.empty(2, "related-activity", &[("ref", Some(child)), ("type", Some("2"))]);
        }
        self.carry(2, elements, &ranks, &mut done, 31);
        for (r, result) in project.results.iter().enumerate() {
            self.result(&format!("{path}/results/{r}"), result);
        }
        self.carry(2, elements, &ranks, &mut done, ACTIVITY_ORDER.len() + 1);
        self.close(1, "iati-activity");
        self.report_left_out(&path);
    }

    fn result(&mut self, path: &str, result: &IatiResult) {
        let agg = result.aggregation_status.map(bool_code);
        self.open(2, "result", &[("type", Some(result.result_type.iati_code())), ("aggregation-status", agg)]);
        self.out.push_str(">\n");
        self.text_element(3, "title", &[], &result.title);
        if !result.description.is_blank() {
            self.text_element(3, "description", &[], &result.description);
        }
        for (d, link) in result.document_links.iter().enumerate() {
            self.document_link(3, &format!("{path}/document_links/{d}"), link);
        }
        for reference in &result.references {
            let attrs = [
                ("vocabulary", Some(reference.vocabulary.as_str())),
                ("code", Some(reference.code.as_deref().unwrap_or(""))),
                ("vocabulary-uri", reference.vocabulary_uri.as_deref()),
            ];
            self.empty(3, "reference", &attrs);
        }
        if result.indicators.is_empty() {
            self.warn(path, "a result without indicators (IATI requires one)");
        }
        for (i, indicator) in result.indicators.iter().enumerate() {
            self.indicator(&format!("{path}/indicators/{i}"), indicator);
        }
        self.close(2, "result");
    }

    fn indicator(&mut self, path: &str, ind: &Indicator) {
        if ind.measure.is_none() {
            self.warn(path, "indicator has no measure (IATI requires @measure)");
        }
        let attrs = [
            ("measure", ind.measure.map(|m| m.iati_code())),
            ("ascending", (ind.direction == crate::model::Direction::Descending).then_some("0")),
            ("aggregation-status", ind.aggregation_status.map(bool_code)),
        ];
        self.open(3, "indicator", &attrs);
        self.out.push_str(">\n");
        self.text_element(4, "title", &[], &ind.title);
        if !ind.description.is_blank() {
            self.text_element(4, "description", &[], &ind.description);
        }
        for (d, link) in ind.document_links.iter().enumerate() {
            self.document_link(4, &format!("{path}/document_links/{d}"), link);
        }
        for reference in &ind.references {
            let attrs = [
                ("vocabulary", Some(reference.vocabulary.as_str())),
                ("code", Some(reference.code.as_deref().unwrap_or(""))),
                ("indicator-uri", reference.indicator_uri.as_deref()),
            ];
            self.empty(4, "reference", &attrs);
        }
        for (b, baseline) in ind.baselines.iter().enumerate() {
            let year = baseline.year.or(baseline.date.map(|d| d.year()));
            if year.is_none() {
                self.warn(format!("{path}/baselines/{b}"), "baseline has neither year nor date (IATI requires @year)");
            }
            let year = year.map(|y| y.to_string());
            let date = baseline.date.map(|d| d.to_string());
            let value = value_text(baseline.value, &baseline.text, self.lang);
            self.open(
                4,
                "baseline",
                &[("year", year.as_deref()), ("iso-date", date.as_deref()), ("value", value.as_deref())],
            );
            self.out.push_str(">\n");
            for location in &baseline.locations {
                self.empty(5, "location", &[("ref", Some(location))]);
            }
            for dim in &baseline.dimensions {
                self.dimension(5, dim);
            }
            for (d, link) in baseline.document_links.iter().enumerate() {
                self.document_link(5, &format!("{path}/baselines/{b}/document_links/{d}"), link);
            }
            if !baseline.comment.is_blank() {
                self.text_element(5, "comment", &[], &baseline.comment);
            }
            self.close(4, "baseline");
        }
        for (p, period) in ind.periods.iter().enumerate() {
            self.open(4, "period", &[]);
            self.out.push_str(">\n");
            self.empty(5, "period-start", &[("iso-date", Some(&period.start.to_string()))]);
            self.empty(5, "period-end", &[("iso-date", Some(&period.end.to_string()))]);
            for (name, values) in [("target", &period.targets), ("actual", &period.actuals)] {
                for (v, pv) in values.iter().enumerate() {
                    let value = value_text(pv.value, &pv.text, self.lang);
                    self.open(5, name, &[("value", value.as_deref())]);
                    self.out.push_str(">\n");
                    for location in &pv.locations {
                        self.empty(6, "location", &[("ref", Some(location))]);
                    }
                    for dim in &pv.dimensions {
                        self.dimension(6, dim);
                    }
                    if !pv.comment.is_blank() {
                        self.text_element(6, "comment", &[], &pv.comment);
                    }
                    for (d, link) in pv.document_links.iter().enumerate() {
                        self.document_link(6, &format!("{path}/periods/{p}/{name}s/{v}/document_links/{d}"), link);
                    }
                    self.close(5, name);
                }
            }
            self.close(4, "period");
        }
        self.close(3, "indicator");
    }

    fn dimension(&mut self, depth: usize, dim: &crate::model::Dimension) {
        let name = (!dim.name.is_empty()).then_some(dim.name.as_str());
        let value = (!dim.value.is_empty()).then_some(dim.value.as_str());
        self.empty(depth, "dimension", &[("name", name), ("value", value)]);
    }

    fn document_link(&mut self, depth: usize, path: &str, link: &DocumentLink) {
        if link.format.is_none() {
            self.warn(path, "document link has no format (IATI requires @format)");
        }
        if link.categories.is_empty() {
            self.warn(path, "document link has no category (IATI requires one)");
        }
        self.open(depth, "document-link", &[("url", Some(&link.url)), ("format", link.format.as_deref())]);
        self.out.push_str(">\n");
        self.text_element(depth + 1, "title", &[], &link.title);
        if !link.description.is_blank() {
            self.text_element(depth + 1, "description", &[], &link.description);
        }
        for code in &link.categories {
            self.empty(depth + 1, "category", &[("code", Some(code))]);
        }
        for code in &link.languages {
            self.empty(depth + 1, "language", &[("code", Some(code))]);
        }
        if let Some(date) = link.date {
            self.empty(depth + 1, "document-date", &[("iso-date", Some(&date.to_string()))]);
        }
        self.close(depth, "document-link");
    }
}

fn bool_code(b: bool) -> &'static str {
    if b {
        "1"
    } else {
        "0"
    }
}

/// The `@value` to write: the number, else the text (in `lang`, else any language).
fn value_text(value: Option<rust_decimal::Decimal>, text: &Text, lang: &str) -> Option<String> {
    match value {
        Some(v) => Some(v.to_string()),
        None => text.best(lang, lang).map(str::to_owned),
    }
}

/// The full date of a range end, if it is one.
fn full(date: &Option<PartialDate>) -> Option<NaiveDate> {
    date.as_ref().and_then(PartialDate::full)
}

/// One field of the model that IATI activities have no place for: how many values, and
/// the JSON pointer of the first.
struct Unexported {
    field: &'static str,
    count: usize,
    first: String,
}

/// Warnings `iati-not-exported`, one per field of the model that holds values in the
/// portfolio's projects and has no place in IATI 2.03 activities (a life-of-program
/// target, a cumulation, a unit, numerators and denominators, matrix links, levels,
/// regions, partners …), with the count and the first place (DESIGN.md rule 8).
fn not_exported(portfolio: &Portfolio, diagnostics: &mut Vec<Diagnostic>) {
    let mut found: Vec<Unexported> = Vec::new();
    let mut note = |field: &'static str, present: bool, path: &dyn Fn() -> String| {
        if !present {
            return;
        }
        match found.iter_mut().find(|u| u.field == field) {
            Some(u) => u.count += 1,
            None => found.push(Unexported { field, count: 1, first: path() }),
        }
    };
    for (i, p) in portfolio.projects.iter().enumerate() {
        let at = |f: &str| format!("/projects/{i}/{f}");
        note("project manager_role", p.manager_role.is_some(), &|| at("manager_role"));
        note("project focus_area", p.focus_area.is_some(), &|| at("focus_area"));
        note("project levels", !p.levels.is_empty(), &|| at("levels"));
        note("project regions", !p.regions.is_empty(), &|| at("regions"));
        note("project contributes_to", !p.contributes_to.is_empty(), &|| at("contributes_to"));
        note("project partners", !p.partners.is_empty(), &|| at("partners"));
        for key in p.classifications.keys().filter(|k| *k != "sector") {
            note("project classifications (other than sector)", true, &|| at(&format!("classifications/{key}")));
        }
        for (r, result) in p.results.iter().enumerate() {
            let rp = format!("/projects/{i}/results/{r}");
            note("result matrix_items", !result.matrix_items.is_empty(), &|| format!("{rp}/matrix_items"));
            for (n, ind) in result.indicators.iter().enumerate() {
                let ip = format!("{rp}/indicators/{n}");
                note("indicator life_target", ind.life_target.is_some(), &|| format!("{ip}/life_target"));
                let cumulative = ind.cumulation != crate::model::Cumulation::default();
                note("indicator cumulation", cumulative, &|| format!("{ip}/cumulation"));
                note("indicator unit", ind.unit.is_some(), &|| format!("{ip}/unit"));
                note("indicator contributors", !ind.contributors.is_empty(), &|| format!("{ip}/contributors"));
                note("indicator matrix_items", !ind.matrix_items.is_empty(), &|| format!("{ip}/matrix_items"));
                for (b, base) in ind.baselines.iter().enumerate() {
                    let fraction = base.numerator.is_some() || base.denominator.is_some();
                    note("baseline numerator/denominator", fraction, &|| format!("{ip}/baselines/{b}"));
                }
                for (k, period) in ind.periods.iter().enumerate() {
                    for (side, values) in [("targets", &period.targets), ("actuals", &period.actuals)] {
                        for (v, pv) in values.iter().enumerate() {
                            let vp = || format!("{ip}/periods/{k}/{side}/{v}");
                            let fraction = pv.numerator.is_some() || pv.denominator.is_some();
                            note("target/actual numerator/denominator", fraction, &vp);
                            note("target/actual reported date", pv.reported.is_some(), &vp);
                        }
                    }
                }
            }
        }
    }
    for u in found {
        diagnostics.push(Diagnostic::warning(
            "iati-not-exported",
            u.first,
            format!(
                "{} has no place in IATI 2.03 activities and is not exported ({} value(s); the first is at this path)",
                u.field, u.count
            ),
        ));
    }
}
