//! The file and activity levels of the IATI importer.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::budget::Line;
use super::reader::{attributes, Cursor, Elem, Item};
use super::report::{Count, IatiImportReport};
use super::sector::Area;
use super::{ImportError, ImportOptions};
use crate::model::{
    ActivityStatus, Carried, Diagnostic, Organisation, PartialDate, ParticipatingOrg, Portfolio, Program, Project,
    Severity, Text,
};

/// The language tag for texts that come from attributes, which have no language.
pub(crate) const UNDETERMINED: &str = "und";

/// What is being built for one activity.
#[derive(Debug)]
pub(crate) struct Activity {
    /// The activity's default language (`@xml:lang`, else the file's).
    pub(crate) lang: std::rc::Rc<str>,
    /// Errors: any makes the activity skipped (lenient) or the import fail (strict).
    pub(crate) errors: Vec<Diagnostic>,
    /// Warnings and notes, kept either way; also errors whose value alone is dropped
    /// (a bad date) while the activity is kept.
    pub(crate) notes: Vec<Diagnostic>,
    /// The first error of either kind: strict mode fails on it.
    pub(crate) first_error: Option<Diagnostic>,
    /// Organisations met in this activity, merged only if it is kept.
    pub(crate) orgs: Vec<Organisation>,
    /// Children named by `related-activity` type 2.
    pub(crate) children: Vec<String>,
    /// The namespace declarations `(prefix, namespace)` of the root and the activity,
    /// the nearest last: what a carried element may use without declaring it.
    pub(crate) scope: Vec<(String, String)>,
    /// The schema ranks of the project's carried elements, parallel to them.
    pub(crate) ranks: Vec<usize>,
}

impl Activity {
    /// Adds a carried element to `carried` where the export writes it: after those of
    /// its schema rank or a lower one (the IATI schema's order; the source's order
    /// within one rank), so that import → export → import keeps the order.
    pub(crate) fn carry(&mut self, carried: &mut Carried, fragment: String) {
        let rank = super::writer::rank(&fragment);
        let at = self.ranks.iter().rposition(|&r| r <= rank).map_or(0, |i| i + 1);
        self.ranks.insert(at, rank);
        carried.elements.insert(at, fragment);
    }

    /// An error that skips the activity (lenient) or fails the import (strict).
    pub(crate) fn fail(&mut self, d: Diagnostic) {
        if self.first_error.is_none() {
            self.first_error = Some(d.clone());
        }
        self.errors.push(d);
    }

    /// An error whose value (a date, a period) is dropped while the activity and the
    /// rest of its data are kept (lenient); strict mode fails on it.
    pub(crate) fn lose(&mut self, d: Diagnostic) {
        if self.first_error.is_none() {
            self.first_error = Some(d.clone());
        }
        self.notes.push(d);
    }
}

/// Why an `xsd:date` attribute could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateFault<'s> {
    /// The attribute is not there.
    Missing,
    /// The attribute is there but blank.
    Blank,
    /// The attribute holds something that is not an `xsd:date`.
    NotADate(&'s str),
}

impl DateFault<'_> {
    /// What is wrong, worded for what is really there: `activity-date has no
    /// @iso-date`, `… @iso-date is empty`, `… @iso-date "2021-13-01" is not a date …`.
    pub(crate) fn describe(self, element: &str, attribute: &str) -> String {
        match self {
            DateFault::Missing => format!("{element} has no @{attribute}"),
            DateFault::Blank => format!("{element}/@{attribute} is empty"),
            DateFault::NotADate(v) => format!(
                "{element}/@{attribute} {v:?} is not a date (xsd:date: YYYY-MM-DD, optionally with a time zone such as Z or +02:00)"
            ),
        }
    }

    /// True when a value was there and could not be read (an error: a value is
    /// dropped); false when none was given (a warning: nothing is dropped).
    pub(crate) fn is_bad_value(self) -> bool {
        matches!(self, DateFault::NotADate(_))
    }
}

/// What the importer keeps from one segment of the input to the next.
#[derive(Debug, Default)]
pub(crate) struct State {
    /// The file's default language (root `@xml:lang`, else `en`).
    pub(crate) default_lang: String,
    /// The root start tag has been read.
    pub(crate) root_open: bool,
    /// The root end tag has been read.
    pub(crate) root_closed: bool,
    /// The root's namespace declarations `(prefix, namespace)` (`xmlns:akvo="…"`).
    pub(crate) namespaces: Vec<(String, String)>,
    pub(crate) orgs: Vec<Organisation>,
    pub(crate) org_index: HashMap<String, usize>,
    pub(crate) reporting: Vec<String>,
    /// The projects kept (a whole-file import: all of them; a streamed import: those
    /// of the current segment, not yet handed out).
    pub(crate) projects: Vec<Project>,
    /// (parent id, child id) from `related-activity` type 2 (a whole-file import only).
    pub(crate) children: Vec<(String, String)>,
    /// A streamed import: the hierarchy as it goes, and the organisations each kept
    /// project met (parallel to `projects`). `None` for a whole-file import.
    pub(crate) stream: Option<Box<Streamed>>,
}

/// What a streamed import keeps besides the projects of the current segment.
#[derive(Debug, Default)]
pub(crate) struct Streamed {
    /// Parent links applied as the activities go by.
    pub(crate) links: super::hierarchy::StreamLinks,
    /// The organisations met by each project in `State::projects`, in the same order.
    pub(crate) organisations: Vec<Vec<Organisation>>,
}

/// The importer over one segment of the input.
#[derive(Debug)]
pub(crate) struct Importer<'a, 'o> {
    pub(crate) cur: Cursor<'a>,
    pub(crate) options: &'o ImportOptions,
    pub(crate) st: State,
}

impl<'a> Importer<'a, '_> {
    /// Reads up to the root start tag and its attributes.
    pub(crate) fn root(&mut self) -> Result<(), ImportError> {
        if self.cur.is_utf16() {
            let location = self.cur.location(0);
            return Err(ImportError::Xml { location, message: crate::io::UTF16_MESSAGE.to_owned() });
        }
        loop {
            match self.cur.next()? {
                Item::Text(t) => {
                    let t = self.cur.decode(t)?;
                    if t.trim().is_empty() {
                        continue;
                    }
                    let location = self.cur.location(0);
                    let found: String = t.trim().chars().take(20).collect();
                    return Err(ImportError::NotIati { location, found: format!("text {found:?}") });
                }
                Item::Open(elem) => {
                    if elem.name() != b"iati-activities" {
                        let location = self.cur.at(&elem);
                        let found = format!("<{}>", String::from_utf8_lossy(elem.name()));
                        return Err(ImportError::NotIati { location, found });
                    }
                    for attr in attributes(&elem) {
                        let (name, value) = attr.map_err(|m| self.attr_error(&elem, m))?;
                        match name {
                            b"version" => self.cur.report.report.version = Some(value.into_owned()),
                            b"xml:lang" if !value.trim().is_empty() => self.st.default_lang = lang_tag(&value).into(),
                            b"xmlns" if !value.trim().is_empty() => {
                                let d = self.cur.warning(
                                    elem.offset,
                                    NAMESPACE_CODE,
                                    namespace_message("iati-activities", &value),
                                );
                                self.cur.report.report.diagnostics.push(d);
                            }
                            n if n.starts_with(b"xmlns:") => {
                                let prefix = String::from_utf8_lossy(&n[6..]).into_owned();
                                self.st.namespaces.push((prefix, value.into_owned()));
                            }
                            n if n.starts_with(b"xmlns") => {}
                            _ => self.cur.attribute_unmodelled("iati-activities", &elem, name),
                        }
                    }
                    self.st.root_open = true;
                    self.st.root_closed = elem.empty;
                    return Ok(());
                }
                Item::Close(_) | Item::Eof => {
                    let location = self.cur.location(usize::MAX);
                    return Err(ImportError::NotIati { location, found: "no element".into() });
                }
            }
        }
    }

    /// An attribute syntax error as an [`ImportError`].
    pub(crate) fn attr_error(&mut self, elem: &Elem<'_>, message: String) -> ImportError {
        ImportError::Xml { location: self.cur.at(elem), message: format!("bad attribute: {message}") }
    }

    /// Reads one `iati-activity` and keeps it, or records why not.
    pub(crate) fn activity(&mut self, elem: &Elem<'a>) -> Result<(), ImportError> {
        const CTX: &str = "iati-activity";
        self.cur.report.count(Count::Activity);
        let mut act = Activity {
            lang: std::rc::Rc::from(self.st.default_lang.as_str()),
            errors: Vec::new(),
            notes: Vec::new(),
            first_error: None,
            orgs: Vec::new(),
            children: Vec::new(),
            scope: self.st.namespaces.clone(),
            ranks: Vec::new(),
        };
        let mut currency = None;
        let mut project = Project::new(String::new(), Text::new());
        // Every attribute that is not modelled is carried, in the source's order; the
        // activity's own namespace declarations too (they are written back with it).
        let carried = &mut project.carried.attributes;
        for attr in attributes(elem) {
            let (name, value) = attr.map_err(|m| self.attr_error(elem, m))?;
            match name {
                b"xml:lang" if !value.trim().is_empty() => act.lang = std::rc::Rc::from(lang_tag(&value).as_str()),
                b"xmlns" if !value.trim().is_empty() => {
                    act.notes.push(self.cur.warning(elem.offset, NAMESPACE_CODE, namespace_message(CTX, &value)));
                }
                b"xmlns" => {}
                _ => {
                    let name = String::from_utf8_lossy(name).into_owned();
                    if let Some(prefix) = name.strip_prefix("xmlns:") {
                        act.scope.push((prefix.to_owned(), value.to_string()));
                    } else {
                        if name == "default-currency" && !value.trim().is_empty() {
                            currency = Some(value.trim().to_owned());
                        }
                        self.cur.record_attribute(CTX, elem, name.as_bytes(), true);
                    }
                    carried.push([name, value.into_owned()]);
                }
            }
        }
        // A prefix that the root declares is declared on the activity too, so that the
        // activity's carried attributes stand without the root.
        for i in 0..carried.len() {
            let Some((prefix, _)) = carried[i][0].split_once(':') else { continue };
            let declared = |c: &[String; 2]| c[0].strip_prefix("xmlns:") == Some(prefix);
            if prefix == "xml" || prefix == "xmlns" || carried.iter().any(declared) {
                continue;
            }
            if let Some((p, namespace)) = self.st.namespaces.iter().rev().find(|(p, _)| p == prefix) {
                carried.push([format!("xmlns:{p}"), namespace.clone()]);
            }
        }
        if *act.lang != *self.st.default_lang {
            project.default_language = Some(act.lang.to_string());
        }
        let mut identifier = false;
        let mut result_no = 0usize;
        // An empty `<iati-activity/>` has no children: what follows it is its siblings'.
        while let Some(child) = self.child(elem)? {
            match child.name() {
                b"iati-identifier" => {
                    self.cur.other_attributes("iati-activity/iati-identifier", &child, &[])?;
                    project.id = self.cur.text("iati-activity/iati-identifier", &child)?.trim().to_owned();
                    identifier = true;
                }
                b"reporting-org" => self.reporting_org(&child, &mut act, &mut project)?,
                b"title" => {
                    self.cur.other_attributes("iati-activity/title", &child, &[])?;
                    self.text_into("iati-activity/title", &child, &act.lang, &mut project.title)?
                }
                b"description" => {
                    let kind = self.attr_value(&child, b"type")?.unwrap_or_default();
                    match kind.trim() {
                        "" | "1" => {
                            self.cur.other_attributes("iati-activity/description", &child, &[b"type"])?;
                            self.text_into("iati-activity/description", &child, &act.lang, &mut project.description)?
                        }
                        other => {
                            let label = format!("description[@type={other}]");
                            let fragment = self.cur.carry(CTX, &child, label.as_bytes(), &act.scope)?;
                            act.carry(&mut project.carried, fragment);
                        }
                    }
                }
                b"participating-org" => self.participating_org(&child, &mut act, &mut project)?,
                b"activity-status" => {
                    self.cur.report.count(Count::ActivityStatus);
                    let code = self.attr_value(&child, b"code")?.unwrap_or_default();
                    project.status = ActivityStatus::from_iati_code(&code);
                    if project.status.is_none() {
                        let d = self.cur.warning(child.offset, "iati-unknown-code", format!("activity-status/@code {code:?} is not an ActivityStatus code (1-6); status left unknown"));
                        act.notes.push(d);
                    }
                    self.cur.other_attributes("iati-activity/activity-status", &child, &[b"code"])?;
                    self.cur.skip_content("iati-activity/activity-status", &child)?;
                }
                b"activity-date" => self.activity_date(&child, &mut act, &mut project)?,
                b"recipient-country" => {
                    let area = self.recipient_area(&child, &mut act, Area::Country)?;
                    project.recipient_countries.push(area);
                }
                b"recipient-region" => {
                    let area = self.recipient_area(&child, &mut act, Area::Region)?;
                    project.recipient_regions.push(area);
                }
                b"sector" => {
                    let sector = self.sector(&child, &mut act)?;
                    project.sectors.push(sector);
                }
                b"budget" => self.budget(&child, &mut act, &mut project, currency.as_deref(), Line::Budget)?,
                b"planned-disbursement" => {
                    let line = Line::PlannedDisbursement;
                    self.budget(&child, &mut act, &mut project, currency.as_deref(), line)?;
                }
                b"transaction" => self.transaction(&child, &mut act, &mut project, currency.as_deref())?,
                b"related-activity" => self.related_activity(&child, &mut act, &mut project)?,
                b"result" => {
                    result_no += 1;
                    let result = self.result(&child, &mut act, &project.id, result_no)?;
                    project.results.extend(result);
                }
                _ => {
                    let fragment = self.cur.carry(CTX, &child, child.name(), &act.scope)?;
                    act.carry(&mut project.carried, fragment);
                }
            }
        }
        if !identifier || project.id.is_empty() {
            let d = self.cur.error(
                elem.offset,
                "iati-missing-identifier",
                "iati-activity has no (or an empty) iati-identifier; the activity is skipped",
            );
            act.fail(d);
        }
        let sectors: Vec<&str> = project.sectors.iter().map(|s| s.code.as_str()).collect();
        if !sectors.is_empty() {
            let joined = sectors.join(";");
            project.classifications.insert("sector".to_owned(), joined);
        }
        self.keep(project, act)
    }

    /// Keeps the activity or, with errors, skips it (lenient) or fails (strict).
    fn keep(&mut self, project: Project, act: Activity) -> Result<(), ImportError> {
        let report = &mut self.cur.report.report;
        if self.options.strict {
            if let Some(first) = act.first_error {
                return Err(ImportError::Invalid { diagnostic: first });
            }
        }
        if !act.errors.is_empty() {
            report.activities_skipped += 1;
            report.diagnostics.extend(act.notes);
            report.diagnostics.extend(act.errors);
            let id = if project.id.is_empty() { "(no identifier)" } else { project.id.as_str() };
            let path = report.diagnostics.last().map(|d| d.path.clone()).unwrap_or_default();
            report.diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "iati-activity-skipped",
                path,
                format!("activity {id} skipped because of the error(s) above"),
            ));
            return Ok(());
        }
        report.activities_imported += 1;
        report.diagnostics.extend(act.notes);
        let mut project = project;
        if let Some(stream) = &mut self.st.stream {
            stream.links.kept(&mut project, act.children);
            stream.organisations.push(act.orgs.clone());
        } else {
            for child in act.children {
                self.st.children.push((project.id.clone(), child));
            }
        }
        for org in act.orgs {
            if !self.st.org_index.contains_key(&org.id) {
                self.st.org_index.insert(org.id.clone(), self.st.orgs.len());
                self.st.orgs.push(org);
            }
        }
        if let Some(owner) = &project.owner {
            if !self.st.reporting.contains(owner) {
                self.st.reporting.push(owner.clone());
            }
        }
        project.participating.shrink_to_fit();
        project.sectors.shrink_to_fit();
        project.budgets.shrink_to_fit();
        // A large file holds tens of thousands of transactions and carried elements: no
        // spare capacity is kept (about 12 MB on the 200 MB benchmark file).
        project.transactions.shrink_to_fit();
        project.planned_disbursements.shrink_to_fit();
        project.recipient_countries.shrink_to_fit();
        project.recipient_regions.shrink_to_fit();
        project.carried.elements.shrink_to_fit();
        project.carried.attributes.shrink_to_fit();
        super::results::compact(&mut project.results);
        self.st.projects.push(project);
        Ok(())
    }

    /// The value of attribute `key` of `elem`, if present.
    pub(crate) fn attr_value<'e>(
        &mut self,
        elem: &'e Elem<'_>,
        key: &[u8],
    ) -> Result<Option<Cow<'e, str>>, ImportError> {
        for attr in attributes(elem) {
            let (name, value) = attr.map_err(|m| self.attr_error(elem, m))?;
            if name == key {
                return Ok(Some(value));
            }
        }
        Ok(None)
    }

    /// Reads the narratives of `elem` into `text` (several in one language are joined
    /// with a blank line); a narrative without `@xml:lang` takes `lang`. Direct text
    /// (IATI 1.x style) counts as a narrative in `lang`.
    pub(crate) fn text_into(
        &mut self,
        ctx: &str,
        elem: &Elem<'_>,
        lang: &str,
        text: &mut Text,
    ) -> Result<(), ImportError> {
        if elem.empty {
            return Ok(());
        }
        let mut direct = String::new();
        loop {
            match self.cur.next()? {
                Item::Open(child) if child.name() == b"narrative" => {
                    self.cur.report.count(Count::Narrative);
                    let mut narrative_lang = None;
                    for attr in attributes(&child) {
                        let (name, value) = attr.map_err(|m| self.attr_error(&child, m))?;
                        match name {
                            b"xml:lang" if !value.trim().is_empty() => narrative_lang = Some(lang_tag(&value)),
                            b"xml:lang" => {}
                            n if super::reader::is_namespace_declaration(n) => {}
                            _ => self.cur.attribute_unmodelled(&format!("{ctx}/narrative"), &child, name),
                        }
                    }
                    let content = self.cur.text_in(&child, || format!("{ctx}/narrative"))?;
                    add_text(
                        &mut self.cur.report.report.blank_narratives,
                        text,
                        narrative_lang.as_deref().unwrap_or(lang),
                        content,
                    );
                }
                Item::Open(child) => self.cur.skip_unmodelled(ctx, &child)?,
                Item::Text(t) if t.is_blank() => {}
                Item::Text(t) => direct.push_str(&self.cur.decode(t)?),
                Item::Close(_) => break,
                Item::Eof => return Err(self.cur.truncated()),
            }
        }
        if !direct.trim().is_empty() {
            add_text(&mut 0, text, lang, direct);
        }
        Ok(())
    }

    /// Registers an organisation met in this activity.
    fn organisation(act: &mut Activity, id: &str, name: &Text, iati_type: Option<&str>) {
        if act.orgs.iter().any(|o| o.id == id) {
            return;
        }
        act.orgs.push(Organisation {
            id: id.to_owned(),
            name: name.clone(),
            kind: None,
            level: None,
            iati_type: iati_type.map(str::to_owned),
            region: None,
        });
    }

    fn reporting_org(&mut self, elem: &Elem<'_>, act: &mut Activity, project: &mut Project) -> Result<(), ImportError> {
        self.cur.report.count(Count::ReportingOrg);
        let (mut id, mut kind) = (None, None);
        for attr in attributes(elem) {
            let (name, value) = attr.map_err(|m| self.attr_error(elem, m))?;
            match name {
                b"ref" => id = Some(value.trim().to_owned()),
                b"type" if !value.trim().is_empty() => kind = Some(value.trim().to_owned()),
                _ => self.cur.attribute_unmodelled("iati-activity/reporting-org", elem, name),
            }
        }
        let mut name = Text::new();
        self.text_into("iati-activity/reporting-org", elem, &act.lang, &mut name)?;
        let id = id.unwrap_or_default();
        Self::organisation(act, &id, &name, kind.as_deref());
        project.owner = Some(id);
        Ok(())
    }

    fn participating_org(
        &mut self,
        elem: &Elem<'_>,
        act: &mut Activity,
        project: &mut Project,
    ) -> Result<(), ImportError> {
        self.cur.report.count(Count::ParticipatingOrg);
        let mut org = ParticipatingOrg {
            role: String::new(),
            organisation: None,
            name: Text::new(),
            iati_type: None,
            activity_id: None,
        };
        for attr in attributes(elem) {
            let (name, value) = attr.map_err(|m| self.attr_error(elem, m))?;
            let value = value.trim();
            match name {
                b"ref" if !value.is_empty() => org.organisation = Some(value.to_owned()),
                b"ref" => {}
                b"role" => org.role = value.to_owned(),
                b"type" if !value.is_empty() => org.iati_type = Some(value.to_owned()),
                b"activity-id" if !value.is_empty() => org.activity_id = Some(value.to_owned()),
                _ => self.cur.attribute_unmodelled("iati-activity/participating-org", elem, name),
            }
        }
        self.text_into("iati-activity/participating-org", elem, &act.lang, &mut org.name)?;
        if let Some(id) = &org.organisation {
            Self::organisation(act, id, &org.name, org.iati_type.as_deref());
        }
        project.participating.push(org);
        Ok(())
    }

    fn activity_date(&mut self, elem: &Elem<'_>, act: &mut Activity, project: &mut Project) -> Result<(), ImportError> {
        self.cur.report.count(Count::ActivityDate);
        const CTX: &str = "iati-activity/activity-date";
        let (mut kind, mut date) = (String::new(), None);
        for attr in attributes(elem) {
            let (name, value) = attr.map_err(|m| self.attr_error(elem, m))?;
            match name {
                b"type" => kind = value.trim().to_owned(),
                b"iso-date" => date = Some(value.into_owned()),
                _ => self.cur.attribute_unmodelled(CTX, elem, name),
            }
        }
        // IATI 1.x names are accepted too.
        let (slot, what) = match kind.as_str() {
            "1" | "start-planned" => (Some(&mut project.planned.start), "planned start"),
            "2" | "start-actual" => (Some(&mut project.actual.start), "actual start"),
            "3" | "end-planned" => (Some(&mut project.planned.end), "planned end"),
            "4" | "end-actual" => (Some(&mut project.actual.end), "actual end"),
            _ => (None, "date"),
        };
        // A bad or missing date drops that date, never the activity.
        let day = match self.iso_date(CTX, elem, b"iso-date", date.as_deref()) {
            Ok(day) => Some(day),
            Err(fault) => {
                let message = format!("{}; the {what} is left unknown", fault.describe("activity-date", "iso-date"));
                if fault.is_bad_value() {
                    let d = self.cur.error(elem.offset, "iati-bad-date", message);
                    act.lose(d);
                } else {
                    let d = self.cur.warning(elem.offset, "iati-missing-date", message);
                    act.notes.push(d);
                }
                None
            }
        };
        match (slot, day) {
            (Some(slot), Some(day)) => *slot = Some(PartialDate::Date(day)),
            (Some(_), None) => {}
            (None, _) => {
                let d = self.cur.warning(
                    elem.offset,
                    "iati-unknown-code",
                    format!("activity-date/@type {kind:?} is not 1-4; the date is not used"),
                );
                act.notes.push(d);
            }
        }
        // Narratives on dates are not modelled.
        self.cur.skip_content(CTX, elem)
    }

    /// Reads attribute `@attr` of `elem` (`raw`: its value, `None` when absent) as an
    /// `xsd:date` (surrounding white space allowed). A time zone (`Z`, `+02:00`) is
    /// accepted; the day is kept and the time zone, which kartan's dates do not hold,
    /// is counted as not modelled (`<ctx>/@<attr>[time zone]`). The caller decides what
    /// a fault costs and reports it.
    pub(crate) fn iso_date<'s>(
        &mut self,
        ctx: &str,
        elem: &Elem<'_>,
        attr: &[u8],
        raw: Option<&'s str>,
    ) -> Result<NaiveDate, DateFault<'s>> {
        let Some(raw) = raw else { return Err(DateFault::Missing) };
        if raw.trim().is_empty() {
            return Err(DateFault::Blank);
        }
        let (date, zoned) = xsd_date(raw.trim()).ok_or(DateFault::NotADate(raw))?;
        if zoned {
            let mut key = Vec::with_capacity(attr.len() + 12);
            key.extend_from_slice(attr);
            key.extend_from_slice(b"[time zone]");
            self.cur.attribute_unmodelled(ctx, elem, &key);
        }
        Ok(date)
    }

    /// The source name alone, for diagnostics about the whole file.
    pub(crate) fn source_path(&self) -> String {
        self.options.source_name.clone().unwrap_or_else(|| "iati-activities".to_owned())
    }

    pub(crate) fn finish(self) -> (Portfolio, IatiImportReport) {
        let lang = self.st.default_lang;
        let names: Vec<String> = self
            .st
            .reporting
            .iter()
            .map(|id| {
                let org = self.st.org_index.get(id).map(|&i| &self.st.orgs[i]);
                match org.and_then(|o| o.name.best(&lang, &lang)) {
                    Some(name) => name.trim().to_owned(),
                    None => id.clone(),
                }
            })
            .collect();
        let id = match self.st.reporting.as_slice() {
            [one] if !one.is_empty() => one.clone(),
            _ => "iati-activities".to_owned(),
        };
        let title = if names.is_empty() {
            "IATI activities".to_owned()
        } else {
            format!("IATI activities from {}", names.join(", "))
        };
        let mut program = Program::new(id, Text::one(&lang, title));
        program.managed_by = match self.st.reporting.as_slice() {
            [one] => Some(one.clone()),
            _ => None,
        };
        let mut portfolio = Portfolio::new(lang, program);
        portfolio.organisations = self.st.orgs;
        portfolio.projects = self.st.projects;
        (portfolio, self.cur.report.finish())
    }
}

/// The code of the warning for an element in a default namespace.
const NAMESPACE_CODE: &str = "iati-namespace";

/// The warning for `<element xmlns="uri">`: IATI activity XML has no namespace, so the
/// file may be another vocabulary that borrows IATI's element names.
fn namespace_message(element: &str, uri: &str) -> String {
    format!(
        "<{element}> is in the XML namespace {uri:?}, but IATI activities have no namespace: \
         read as IATI all the same; check that this is an IATI file"
    )
}

/// A language tag as kartan keeps it: trimmed, the language subtag in lower case (BCP 47
/// tags are case-insensitive; publishers write `FR` or `EN`), the rest as written.
pub(crate) fn lang_tag(tag: &str) -> compact_str::CompactString {
    let mut out = compact_str::CompactString::from(tag.trim());
    let primary = out.find('-').unwrap_or(out.len());
    out[..primary].make_ascii_lowercase();
    out
}

/// Adds `content` in `lang` to `text`; blank content is counted in `blank` and dropped.
pub(crate) fn add_text(blank: &mut u64, text: &mut Text, lang: &str, content: String) {
    if content.trim().is_empty() {
        *blank += 1;
        return;
    }
    match text.get(lang) {
        Some(_) => {
            let existing = text.entry(lang);
            existing.push_str("\n\n");
            existing.push_str(&content);
        }
        None => text.set(lang, content),
    }
}

/// Parses an `xsd:date`: `YYYY-MM-DD` with an optional time zone (`Z`, or `+hh:mm` /
/// `-hh:mm` up to 14:00). Returns the day and whether a time zone was given.
pub(crate) fn xsd_date(s: &str) -> Option<(NaiveDate, bool)> {
    let (day, zone) = s.split_at_checked(10)?;
    let day = iso_date(day)?;
    let zone_ok = match zone.as_bytes() {
        [] => return Some((day, false)),
        [b'Z'] => true,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let digits = [*h1, *h2, *m1, *m2];
            let _ = sign;
            digits.iter().all(u8::is_ascii_digit) && {
                let hours = u32::from(h1 - b'0') * 10 + u32::from(h2 - b'0');
                let minutes = u32::from(m1 - b'0') * 10 + u32::from(m2 - b'0');
                minutes < 60 && (hours < 14 || (hours == 14 && minutes == 0))
            }
        }
        _ => false,
    };
    zone_ok.then_some((day, true))
}

/// Parses `YYYY-MM-DD` exactly (faster than a format string on millions of dates).
fn iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_exact() {
        assert_eq!(iso_date("2012-04-15"), NaiveDate::from_ymd_opt(2012, 4, 15));
        for bad in ["2012-4-15", "2012-02-30", "2012-04-15T00:00:00", "20120415", "2012/04/15", "", "+012-04-15"] {
            assert_eq!(iso_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn xsd_dates_may_have_a_time_zone() {
        let day = NaiveDate::from_ymd_opt(2021, 12, 31);
        assert_eq!(xsd_date("2021-12-31"), day.map(|d| (d, false)));
        for zoned in ["2021-12-31Z", "2021-12-31+02:00", "2021-12-31-05:30", "2021-12-31+14:00", "2021-12-31-00:00"] {
            assert_eq!(xsd_date(zoned), day.map(|d| (d, true)), "{zoned}");
        }
        for bad in [
            "2021-12-31z",
            "2021-12-31+2:00",
            "2021-12-31+0200",
            "2021-12-31+14:01",
            "2021-12-31+10:60",
            "2021-12-31 Z",
            "2021-12-31T00:00:00Z",
            "2021-12-3",
        ] {
            assert_eq!(xsd_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn language_subtags_are_lower_case() {
        assert_eq!(lang_tag(" FR "), "fr");
        assert_eq!(lang_tag("EN-GB"), "en-GB");
        assert_eq!(lang_tag("sv"), "sv");
    }
}
