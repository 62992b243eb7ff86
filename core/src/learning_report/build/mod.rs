//! Building the report from a portfolio: one function per section (or group of
//! sections), each in its own file, so a section can grow without touching the others.

mod activities;
mod evaluations;
mod learning;
mod map;
mod map_vs_reality;
mod money;
mod portfolio;
mod program;
mod quality;
mod results;
mod results_progress;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::model::{Block, LearningReport, NoticeKind, Section, Table};
use crate::model::{Level, Portfolio, Text};

/// What the report is built for: the reader's language and the date it describes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReportOptions {
    /// BCP 47 tag of the reader's language. Headings and fixed texts exist in Swedish
    /// (`sv`, `sv-*`) and English (anything else); data texts are picked with
    /// [`Text::best`], falling back to the portfolio's default language.
    pub lang: String,
    /// The date the report describes the portfolio at (analyses never read the clock).
    pub as_of: NaiveDate,
    /// Whether to include Vega-Lite charts (their data is always in a table too).
    pub charts: bool,
    /// What reading the input reported (e.g. [`crate::io::Loaded::read_diagnostics`]: IATI
    /// activities skipped, values kept as text); listed in section 9 before the
    /// validation's diagnostics, so a report never hides what its input lost.
    pub read_diagnostics: Vec<crate::model::Diagnostic>,
    /// Project budget amounts the input held but that could not be read (table cells
    /// skipped): the budget section says so beside the totals ("from 2 of 107 projects;
    /// 105 amounts unreadable").
    pub unread_project_budgets: usize,
    /// Partner budget amounts the input held but that could not be read.
    pub unread_partner_budgets: usize,
}

impl ReportOptions {
    /// Options for a report in `lang` as of `as_of`, with charts.
    pub fn new(lang: impl Into<String>, as_of: NaiveDate) -> Self {
        Self {
            lang: lang.into(),
            as_of,
            charts: true,
            read_diagnostics: Vec::new(),
            unread_project_budgets: 0,
            unread_partner_budgets: 0,
        }
    }

    /// The options with what reading the input reported (listed in section 9).
    #[must_use]
    pub fn with_read_diagnostics(mut self, diagnostics: Vec<crate::model::Diagnostic>) -> Self {
        self.read_diagnostics = diagnostics;
        self
    }

    /// The options with what a table import reported: its diagnostics added to the read
    /// diagnostics (listed in section 9), and the budget amounts it could not read
    /// (counted beside the totals of section 8).
    #[must_use]
    pub fn with_table_import(mut self, import: &crate::io::table::TableImportReport) -> Self {
        self.read_diagnostics.extend(import.diagnostics());
        self.unread_project_budgets += import.lost("columns.budget") + import.lost("budgets");
        self.unread_partner_budgets += import.lost("partners.budget");
        self
    }
}

/// Builds the learning report (DESIGN.md "The learning report", sections 1-9).
///
/// Every section is present; a section (or part) with no data says so with a
/// [`Block::Notice`]. The portfolio need not be valid: data-quality problems are
/// listed in section 9 and the other sections show what is there.
pub fn build(portfolio: &Portfolio, options: &ReportOptions) -> LearningReport {
    let cx = Cx::new(portfolio, options);
    let program_title = cx.text(&portfolio.program.title);
    let kind = cx.t("Läranderapport", "Learning report");
    let title = if program_title.is_empty() { kind } else { format!("{kind}: {program_title}") };
    let sections = vec![
        program::section(&cx),
        map::section(&cx),
        activities::section(&cx),
        results::section(&cx),
        map_vs_reality::section(&cx),
        evaluations::section(&cx),
        learning::section(&cx),
        portfolio::section(&cx),
        quality::section(&cx),
    ];
    let subtitle = cx.text(&portfolio.program.subtitle);
    LearningReport { title, subtitle, lang: options.lang.clone(), as_of: options.as_of, sections }
}

/// What every section builder needs: the portfolio, the options and the language.
#[derive(Debug)]
pub(crate) struct Cx<'a> {
    /// The portfolio reported on.
    pub portfolio: &'a Portfolio,
    /// The options.
    pub options: &'a ReportOptions,
    sv: bool,
}

impl<'a> Cx<'a> {
    fn new(portfolio: &'a Portfolio, options: &'a ReportOptions) -> Self {
        let sv = options.lang.split('-').next().is_some_and(|p| p.eq_ignore_ascii_case("sv"));
        Self { portfolio, options, sv }
    }

    /// The report's language code for fixed labels (`sv` or `en`).
    pub fn lang(&self) -> &'static str {
        if self.sv {
            "sv"
        } else {
            "en"
        }
    }

    /// The fixed text in the report's language.
    pub fn t(&self, sv: &str, en: &str) -> String {
        if self.sv { sv } else { en }.to_owned()
    }

    /// A data text in the reader's language (see [`Text::best`]); empty when blank.
    pub fn text(&self, text: &Text) -> String {
        text.show(&self.options.lang, &self.portfolio.default_language).trim().to_owned()
    }

    /// A data text, or "(untitled)" with the id when it is blank.
    pub fn text_or_id(&self, text: &Text, id: &str) -> String {
        let s = self.text(text);
        if s.is_empty() {
            format!("({} {id})", self.t("utan titel,", "untitled,"))
        } else {
            s
        }
    }

    /// A section with its number and heading in the report's language.
    pub fn section(&self, id: &str, number: u32, sv: &str, en: &str) -> Section {
        Section::new(id, number, self.t(sv, en))
    }

    /// A sub-heading block.
    pub fn heading(&self, sv: &str, en: &str) -> Block {
        Block::Heading { text: self.t(sv, en) }
    }

    /// A "nothing recorded" notice.
    pub fn no_data(&self, sv: &str, en: &str) -> Block {
        Block::Notice { kind: NoticeKind::NoData, text: self.t(sv, en) }
    }

    /// An informational notice.
    pub fn info(&self, sv: &str, en: &str) -> Block {
        Block::Notice { kind: NoticeKind::Info, text: self.t(sv, en) }
    }

    /// The level's name.
    pub fn level(&self, level: Level) -> String {
        level.label(self.lang()).to_owned()
    }

    /// "Not stated" in the report's language.
    pub fn not_stated(&self) -> String {
        self.t("ej angivet", "not stated")
    }

    /// A Vega-Lite v6 bar chart of `counts` (category → count), with an optional colour
    /// field, and its fallback table; `None` when charts are off or there is no data.
    pub fn bar_chart(
        &self,
        title: String,
        x: (&str, String),
        color: Option<(&str, String)>,
        rows: &[Vec<serde_json::Value>],
        fallback: Table,
    ) -> Option<Block> {
        if !self.options.charts || rows.is_empty() {
            return None;
        }
        let count_title = self.t("Antal", "Count");
        let mut fields = vec![x.0, "count"];
        if let Some((c, _)) = &color {
            fields.insert(1, c);
        }
        let values: Vec<serde_json::Value> = rows
            .iter()
            .map(|row| {
                serde_json::Value::Object(fields.iter().zip(row).map(|(k, v)| ((*k).to_owned(), v.clone())).collect())
            })
            .collect();
        let mut encoding = serde_json::json!({
            "x": {"field": x.0, "type": "ordinal", "title": x.1},
            "y": {"field": "count", "type": "quantitative", "title": count_title},
        });
        if let (Some((c, ctitle)), Some(obj)) = (color, encoding.as_object_mut()) {
            obj.insert("color".into(), serde_json::json!({"field": c, "type": "nominal", "title": ctitle}));
        }
        let spec = serde_json::json!({
            "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
            "title": title,
            "data": {"values": values},
            "mark": "bar",
            "encoding": encoding,
        });
        Some(Block::Chart { title, spec, fallback })
    }
}

/// Counts values in first-seen order of their keys' sort order.
pub(crate) fn count_by<K: Ord, I: IntoIterator<Item = K>>(items: I) -> BTreeMap<K, usize> {
    let mut map = BTreeMap::new();
    for k in items {
        *map.entry(k).or_insert(0) += 1;
    }
    map
}

/// The entries of a map keyed by an optional value, with the `None` entry ("not
/// stated") last rather than first.
pub(crate) fn none_last<K: Ord, V>(map: BTreeMap<Option<K>, V>) -> Vec<(Option<K>, V)> {
    let (mut some, none): (Vec<_>, Vec<_>) = map.into_iter().partition(|(k, _)| k.is_some());
    some.extend(none);
    some
}

/// The text with its first letter in upper case ("kultur" → "Kultur").
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Joins texts with "; ", skipping blank ones.
pub(crate) fn join(items: impl IntoIterator<Item = String>) -> String {
    items.into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_is_present_even_for_an_empty_portfolio() {
        let p = Portfolio::new("sv", crate::model::Program::new("P", Text::sv_en("Programmet", "The program")));
        let r = build(&p, &ReportOptions::new("en", NaiveDate::from_ymd_opt(2011, 1, 1).unwrap()));
        assert_eq!(r.title, "Learning report: The program");
        let ids: Vec<&str> = r.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "program",
                "map",
                "activities",
                "results",
                "map_vs_reality",
                "evaluations",
                "learning",
                "portfolio",
                "data_quality"
            ]
        );
        for (i, s) in r.sections.iter().enumerate() {
            assert_eq!(s.number as usize, i + 1);
            assert!(!s.blocks.is_empty(), "section {} is empty", s.id);
        }
        let evaluations = r.section("evaluations").unwrap();
        assert!(evaluations.blocks.iter().any(
            |b| matches!(b, Block::Notice { kind: NoticeKind::NoData, text } if text == "No evaluations recorded yet.")
        ));
    }

    #[test]
    fn swedish_headings_for_sv() {
        let p = crate::learning_report::testdata::portfolio();
        let r = build(&p, &ReportOptions::new("sv", crate::learning_report::testdata::as_of()));
        assert_eq!(r.sections[0].title, "Programmet");
        assert_eq!(r.sections[1].title, "Kartan: resultatmatrisen");
        assert!(r.title.starts_with("Lärande"), "{}", r.title);
    }
}
