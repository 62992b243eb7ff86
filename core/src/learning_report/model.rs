//! The report document model: a report is sections, a section is blocks.
//!
//! The model holds display-ready text in one language (the report's `lang`): builders in
//! `super::build` pick the language with [`crate::Text::best`], renderers in
//! `super::markdown` and `super::html` only lay it out and escape it. The JSON form
//! (`super::to_json`) is this model serialised with serde; blocks carry a `type` tag
//! (`paragraph`, `table`, …).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::Diagnostic;

/// The learning report on one portfolio (DESIGN.md "The learning report").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearningReport {
    /// The report's title, e.g. "Learning report: Program för lokalt och regionalt tillväxtarbete".
    pub title: String,
    /// The program's subtitle in the report's language, shown under the title (the seed:
    /// "Lärande i programmet"; the illustrative example says there that it is invented);
    /// empty when the program has none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub subtitle: String,
    /// The BCP 47 tag of the language the report is written in (`sv` or `en`).
    pub lang: String,
    /// The date the report describes the portfolio at; every "so far" is as of this day.
    pub as_of: NaiveDate,
    /// The sections, numbered 1-9 in DESIGN.md order.
    pub sections: Vec<Section>,
}

/// One numbered section of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// A stable, language-independent id (`program`, `map`, `activities`, `results`,
    /// `map_vs_reality`, `evaluations`, `learning`, `portfolio`, `data_quality`): HTML
    /// anchors and machine readers use it.
    pub id: String,
    /// The section's number (1-9).
    pub number: u32,
    /// The heading in the report's language.
    pub title: String,
    /// The content, in reading order. Never empty: a section with no data holds a
    /// [`Block::Notice`] that says so.
    pub blocks: Vec<Block>,
}

impl Section {
    /// The section's tables ([`Block::Table`]), in reading order; a chart's data table
    /// is not among them (it is the chart's `fallback`).
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
    }

    /// A section with no blocks yet.
    pub fn new(id: &str, number: u32, title: impl Into<String>) -> Self {
        Self { id: id.to_owned(), number, title: title.into(), blocks: Vec::new() }
    }

    /// Appends a block.
    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }
}

/// One piece of section content.
///
/// New kinds of block may be added; match with a wildcard arm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", rename_all_fields = "snake_case")]
#[non_exhaustive]
pub enum Block {
    /// A sub-heading inside a section.
    Heading {
        /// The heading text.
        text: String,
    },
    /// A paragraph of plain text.
    Paragraph {
        /// The text.
        text: String,
    },
    /// A quotation, e.g. the instruction a legal basis gives.
    Quote {
        /// The quoted text.
        text: String,
        /// Where it is from, e.g. `Förordning (2009:145)`.
        source: Option<String>,
    },
    /// A list of plain-text items.
    List {
        /// True for a numbered list.
        ordered: bool,
        /// The items.
        items: Vec<String>,
    },
    /// A table.
    Table(Table),
    /// Label/value pairs, e.g. "Period: 2009 – 2011".
    KeyValues {
        /// The pairs, in order.
        pairs: Vec<KeyValue>,
    },
    /// A statement about what is missing or how to read what follows, e.g.
    /// "No evaluations recorded yet."
    Notice {
        /// How it should stand out.
        kind: NoticeKind,
        /// The text.
        text: String,
    },
    /// A chart: a Vega-Lite v6 specification with its data inline, and the same data
    /// as a plain table for readers and renderers that do not draw charts.
    Chart {
        /// The chart's title.
        title: String,
        /// The Vega-Lite v6 specification (`$schema`, `data.values`, `mark`, `encoding`).
        spec: serde_json::Value,
        /// The chart's data as a table.
        fallback: Table,
    },
    /// Diagnostics, e.g. from validation.
    Diagnostics {
        /// The diagnostics, in document order.
        items: Vec<Diagnostic>,
    },
}

/// What a [`Block::Notice`] tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// Nothing is recorded for this part yet.
    NoData,
    /// A note on how to read the section.
    Info,
    /// Something the reader should check.
    Warning,
}

/// A label and a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyValue {
    /// The label.
    pub key: String,
    /// The value.
    pub value: String,
}

impl KeyValue {
    /// A pair.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        Self { key: key.into(), value: value.into() }
    }
}

/// A table of text cells. Every row has as many cells as there are columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// A caption, when the table needs one.
    pub caption: Option<String>,
    /// The column headings.
    pub columns: Vec<String>,
    /// The rows; each cell is display text.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// An empty table with these columns.
    pub fn new<S: Into<String>>(columns: impl IntoIterator<Item = S>) -> Self {
        Self { caption: None, columns: columns.into_iter().map(Into::into).collect(), rows: Vec::new() }
    }

    /// Sets the caption, returning the table.
    #[must_use]
    pub fn with_caption(mut self, caption: impl Into<String>) -> Self {
        self.caption = Some(caption.into());
        self
    }

    /// Appends a row, padding it with empty cells (or cutting it) to the column count.
    pub fn push_row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        let mut row: Vec<String> = cells.into_iter().map(Into::into).collect();
        row.resize(self.columns.len(), String::new());
        self.rows.push(row);
    }

    /// True when the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

impl LearningReport {
    /// The section with `id`.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_padded_to_the_column_count() {
        let mut t = Table::new(["a", "b", "c"]);
        t.push_row(["1"]);
        t.push_row(["1", "2", "3", "4"]);
        assert_eq!(t.rows, vec![vec!["1", "", ""], vec!["1", "2", "3"]]);
    }

    #[test]
    fn blocks_serialise_with_a_type_tag() {
        let b = Block::Notice { kind: NoticeKind::NoData, text: "none".into() };
        assert_eq!(
            serde_json::to_value(&b).unwrap(),
            serde_json::json!({"type": "notice", "kind": "no_data", "text": "none"})
        );
        let t = Block::Table(Table::new(["x"]));
        assert_eq!(serde_json::to_value(&t).unwrap()["type"], "table");
    }
}
