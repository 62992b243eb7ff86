//! Column mappings: which column is what, saved as TOML or JSON so an import repeats.

use std::collections::BTreeMap;
use std::path::Path;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::check::Checked;
use crate::io::json::tree;

mod money;

pub use money::{MoneyColumn, TRANSACTION_TYPE_NAMES};

/// Why a mapping file could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum MappingError {
    /// The mapping file could not be read.
    #[error("{file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The mapping is not valid TOML/JSON for the mapping's shape.
    #[error("{file}: {message}")]
    Syntax {
        /// The file.
        file: String,
        /// What is wrong, with its line/column or key.
        message: String,
    },
    /// The mapping parses but contradicts itself.
    #[error("{file}: {message}")]
    Invalid {
        /// The file.
        file: String,
        /// What is wrong.
        message: String,
    },
}

/// How to read the file itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceOptions {
    /// CSV delimiter, one ASCII character (`","` by default, `"\t"` for `.tsv`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<String>,
    /// The workbook sheet to read (the first sheet by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// CSV quote character, one ASCII character (`"\""` by default; e.g. `"'"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// CSV quoting: `false` reads quote characters as text, for files that do not quote
    /// cells (a name written `"Bolaget” AB` then stays in its row). `true` by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quoting: Option<bool>,
}

/// The number and date conventions of one table, used only where a mapping declares
/// them (DESIGN.md rule 7). Absent, numbers are strict `xs:decimal` and dates ISO 8601.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Locale {
    /// The decimal separator (e.g. `","`); `.` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimal_separator: Option<String>,
    /// The thousands separator (e.g. `" "`, which also matches no-break spaces); none
    /// when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thousands_separator: Option<String>,
    /// Date patterns (chrono `strftime`, e.g. `%d.%m.%Y`), tried in order after a full
    /// ISO 8601 date. When given, a bare year or year-month (`7560`, `2019-03`) is not
    /// read as an ISO partial date: it must match one of the patterns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub date_formats: Vec<String>,
    /// Whether numbers may be written in E-notation (`1.2E7`, `4.5e-3`), as some exports
    /// write amounts: read exactly (`1.2E7` is 12000000). `false` by default: E-notation
    /// is then an error (DESIGN.md rule 7).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exponent: bool,
    /// Cell texts that mean "no value" (e.g. `"N/A"`, `"Not Available"`, `"-"`), compared
    /// after [`super::normalise_label`]: such a cell is read as empty, in any column.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_values: Vec<String>,
}

impl Locale {
    /// Whether `text` is one of the declared missing-value markers.
    pub fn is_missing(&self, text: &str) -> bool {
        let norm = super::normalise_label(text);
        !norm.is_empty() && self.missing_values.iter().any(|m| super::normalise_label(m) == norm)
    }
}

/// What to do with a row that gives a project id an earlier row gave (in a table with one
/// row per project).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RepeatedRows {
    /// Stop the import with an error naming both rows (the default).
    #[default]
    Error,
    /// Drop a row that repeats an earlier row with the same id cell for cell (counted in
    /// the import report); a row with the same id and any other cell different is still
    /// an error naming both rows.
    DropIdentical,
}

/// Where one field's value comes from: a column name (`"projektnamn"`), or a table
/// `{ column = "län", split = "," }`, `{ value = "SEK" }` (a constant), or
/// `{ column = "aktiv", values = { Ja = "implementation" } }` (a recoding; a value not
/// listed is a skip). A key the table form does not know is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FieldSpec {
    /// The column with this name.
    Column(String),
    /// A column with options, or a constant.
    Detailed {
        /// The column (absent for a constant).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        column: Option<String>,
        /// A constant value used for every row (when `column` is absent or its cell empty).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        value: Option<String>,
        /// Split the cell on this separator into several values (trimmed, empty parts dropped).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        split: Option<String>,
        /// Recode cell values (compared after [`super::normalise_label`]).
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        values: BTreeMap<String, String>,
    },
}

/// Read by hand rather than as an untagged enum: as one, the table form took unknown keys
/// silently (`{ column = "län", spilt = "," }` did not split, and nothing said so), and a
/// wrong value got only "data did not match any variant of untagged enum FieldSpec".
impl<'de> Deserialize<'de> for FieldSpec {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Detailed {
            #[serde(default)]
            column: Option<String>,
            #[serde(default)]
            value: Option<String>,
            #[serde(default)]
            split: Option<String>,
            #[serde(default)]
            values: BTreeMap<String, String>,
        }

        struct Spec;

        impl<'de> serde::de::Visitor<'de> for Spec {
            type Value = FieldSpec;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a column name, or a table with column, value, split or values")
            }

            fn visit_str<E: serde::de::Error>(self, column: &str) -> Result<FieldSpec, E> {
                Ok(FieldSpec::Column(column.to_owned()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<FieldSpec, A::Error> {
                let d = Detailed::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(FieldSpec::Detailed { column: d.column, value: d.value, split: d.split, values: d.values })
            }
        }

        deserializer.deserialize_any(Spec)
    }
}

impl FieldSpec {
    /// The column named, if any.
    pub fn column(&self) -> Option<&str> {
        match self {
            FieldSpec::Column(c) => Some(c),
            FieldSpec::Detailed { column, .. } => column.as_deref(),
        }
    }
}

/// Which column holds what, for a table of projects (one row per project), or of
/// project partners (one row per partner, `partners` set, rows grouped by `id`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectColumns {
    /// The project id: one column, or several whose values are joined with `" / "`
    /// (e.g. `["program", "projektnamn"]` when the file has no id column).
    pub id: IdSpec,
    /// The title.
    pub title: FieldSpec,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<FieldSpec>,
    /// The owner organisation's name; organisations are created by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<FieldSpec>,
    /// Planned start date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<FieldSpec>,
    /// Planned end date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<FieldSpec>,
    /// Budget amount (one original budget line over the planned period).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<FieldSpec>,
    /// ISO 4217 currency of the budget (a column or `{ value = "SEK" }`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<FieldSpec>,
    /// Focus area id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus_area: Option<FieldSpec>,
    /// Regions (use `split` for lists in one cell).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<FieldSpec>,
    /// IATI activity status: a code 1-6 or a snake_case name, or recoded with `values`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FieldSpec>,
    /// The parent project's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<FieldSpec>,
}

/// A project id from one column or several joined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum IdSpec {
    /// One column.
    One(String),
    /// Several columns, joined with `" / "`.
    Joined(Vec<String>),
}

/// Read by hand, to say what was expected (serde's untagged enums say only "data did
/// not match any variant").
impl<'de> Deserialize<'de> for IdSpec {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Spec;

        impl<'de> serde::de::Visitor<'de> for Spec {
            type Value = IdSpec;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a column name, or a list of column names")
            }

            fn visit_str<E: serde::de::Error>(self, column: &str) -> Result<IdSpec, E> {
                Ok(IdSpec::One(column.to_owned()))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<IdSpec, A::Error> {
                Vec::deserialize(serde::de::value::SeqAccessDeserializer::new(seq)).map(IdSpec::Joined)
            }
        }

        deserializer.deserialize_any(Spec)
    }
}

impl IdSpec {
    /// The columns, in order.
    pub fn columns(&self) -> Vec<&str> {
        match self {
            IdSpec::One(c) => vec![c.as_str()],
            IdSpec::Joined(cs) => cs.iter().map(String::as_str).collect(),
        }
    }
}

/// Columns of a partner table (one row per partner; rows with the same project id form
/// one project).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerColumns {
    /// The partner organisation's name.
    pub organisation: FieldSpec,
    /// The role: Jems codes `LP`/`PP`/`AP`, or recoded with `values` to those codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<FieldSpec>,
    /// The partner's budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<FieldSpec>,
    /// The partner budget's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<FieldSpec>,
}

/// A mapping for a table of projects. Saved as TOML (see
/// `examples/mappings/projektbanken.toml`) or JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectMapping {
    /// Always `"projects"` when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The BCP 47 tag of the table's texts (titles, descriptions); `en` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// How to read the file.
    #[serde(default)]
    pub source: SourceOptions,
    /// Number and date conventions; absent means strict numbers and ISO dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
    /// When true, the first unreadable cell fails the import; otherwise it is skipped
    /// and reported.
    #[serde(default)]
    pub strict: bool,
    /// The project columns.
    pub columns: ProjectColumns,
    /// Classification scheme → column (e.g. `regional_programme = "område"`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub classifications: BTreeMap<String, FieldSpec>,
    /// Partner columns, for a table with one row per partner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partners: Option<PartnerColumns>,
    /// The program the projects belong to, for [`super::load_portfolio`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program: Option<ProgramSpec>,
    /// The program's focus areas, id → name (in the mapping's language). A
    /// `columns.focus_area` cell names one by its id or its name. When none are declared,
    /// the import creates one focus area per distinct cell value (its id and its name).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub focus_areas: BTreeMap<String, String>,
    /// A row repeating an earlier row's project id: `"error"` (default) or
    /// `"drop_identical"`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub repeated_rows: RepeatedRows,
    /// Money columns that become budget lines (`[[budgets]]`), beside `columns.budget`:
    /// e.g. the planned and the granted amount (`kind`; no `type` or date).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budgets: Vec<MoneyColumn>,
    /// Money columns that become transactions (`[[transactions]]`): e.g. the amount paid
    /// out (`type = "disbursement"`) or spent (`"expenditure"`), with a date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transactions: Vec<MoneyColumn>,
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// The program a table of projects belongs to (the table itself does not say).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramSpec {
    /// The program's id.
    pub id: String,
    /// The program's title, in the mapping's language.
    pub title: String,
}

/// A scale as a survey mapping declares it: labelled points, or a numeric range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleSpec {
    /// Labels from lowest to highest score; scored `first_score`, `first_score + 1` …
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    /// The score of the first label (1 by default).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::model::number::strict_opt")]
    pub first_score: Option<Decimal>,
    /// For a numeric scale: the lowest score.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::model::number::strict_opt")]
    pub min: Option<Decimal>,
    /// For a numeric scale: the highest score.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::model::number::strict_opt")]
    pub max: Option<Decimal>,
    /// Labels meaning "not applicable"/"don't know": missing, never 0 (rule 9).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_applicable: Vec<String>,
}

/// One question of a survey table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyQuestionSpec {
    /// The column holding the answers.
    pub column: String,
    /// The question id (the column name when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The question as asked (the column name when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The scale's name in `scales`; absent for a free-text question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    /// A reverse-coded item: high scores mean a bad outcome (rule 9: declared, never guessed).
    #[serde(default)]
    pub reverse: bool,
}

/// Columns of a survey table that are not questions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyColumns {
    /// The event (activity) the response is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// When the response was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The response's id in the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_id: Option<String>,
}

/// A mapping for a table of survey responses (one row per response). Saved as TOML
/// (see `examples/mappings/carpentries_post_survey.toml`) or JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyMapping {
    /// Always `"survey"` when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The evaluation's id.
    pub evaluation_id: String,
    /// The evaluation's title.
    pub title: String,
    /// The BCP 47 tag of the question texts and labels; `en` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// How to read the file.
    #[serde(default)]
    pub source: SourceOptions,
    /// Number and date conventions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
    /// When true, the first unreadable cell fails the import.
    #[serde(default)]
    pub strict: bool,
    /// Event, date and id columns.
    #[serde(default)]
    pub columns: SurveyColumns,
    /// Event cells that name no event (e.g. "My training event is not listed").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub event_missing: Vec<String>,
    /// The events, id → title (in the mapping's language). A `columns.event` cell names
    /// one by its id or its title. When none are declared, the import creates one event
    /// (an activity) per distinct cell value (its id and its title).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub events: BTreeMap<String, String>,
    /// The kind of activity the events are (`training`, `seminar` …; `other` when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_kind: Option<crate::model::ActivityKind>,
    /// The scales, by name.
    pub scales: BTreeMap<String, ScaleSpec>,
    /// The questions, in the order asked.
    pub questions: Vec<SurveyQuestionSpec>,
}

/// Reads a mapping from JSON or TOML text: into a tree first, then the mapping from the
/// tree (as kartan JSON is read, `crate::io::json::tree`), so that the mapping types
/// have one deserialiser, whatever the format. A data error names the key path and the
/// line and column of the value in `text`; so does a setting that contradicts another
/// ([`Checked::problem`]), found here, before any table is read.
fn parse_text<T: serde::de::DeserializeOwned + Checked>(text: &str, file: &str, json: bool) -> Result<T, MappingError> {
    let source = Source::read(text, file, json)?;
    let mapping: T = tree::from_value(&source.value).map_err(|(e, steps)| {
        if source.empty {
            // No text to point into: the same message for TOML and JSON (the
            // WebAssembly binding, given no file name, cannot tell which it is).
            let (line, column) = (1, 1);
            MappingError::Syntax {
                file: file.to_owned(),
                message: format!("the mapping is empty: {} at line {line} column {column}", e),
            }
        } else {
            source.data_error(&steps, &e)
        }
    })?;
    check_kind(mapping.kind(), T::KIND, file)?;
    if let Some(problem) = mapping.problem() {
        let start = source.offset(&problem.steps);
        let message = source.place(&problem.steps, &problem.message, start);
        return Err(MappingError::Invalid { file: file.to_owned(), message });
    }
    Ok(mapping)
}

/// A mapping's text read into a tree (not generic: once for both mapping types).
struct Source<'a> {
    text: &'a str,
    file: &'a str,
    value: serde_json::Value,
    /// The text holds nothing but white space (read as an empty table).
    empty: bool,
    /// The TOML document with its spans; `None` for JSON.
    toml: Option<toml::Spanned<toml::de::DeTable<'a>>>,
}

impl<'a> Source<'a> {
    fn read(text: &'a str, file: &'a str, json: bool) -> Result<Self, MappingError> {
        let syntax = |message: String| MappingError::Syntax { file: file.to_owned(), message };
        // A byte-order mark is skipped, as in kartan JSON (TOML's parser skips it too).
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        if text.trim().is_empty() {
            let value = serde_json::Value::Object(serde_json::Map::new());
            return Ok(Source { text, file, value, empty: true, toml: None });
        }
        if json {
            let value = tree::parse(text).map_err(|(e, steps)| syntax(format!("at {}: {e}", tree::dotted(&steps))))?;
            Ok(Source { text, file, value, empty: false, toml: None })
        } else {
            let table = toml::de::DeTable::parse(text).map_err(|e| syntax(e.to_string().trim_end().to_owned()))?;
            let mut source = Source { text, file, value: serde_json::Value::Null, empty: false, toml: None };
            source.value = toml_tree::table(table.get_ref())
                .map_err(|refused| source.error_at(&refused.steps, &refused.message, refused.start))?;
            source.toml = Some(table);
            Ok(source)
        }
    }

    /// The byte offset where the value at `steps` starts (or the deepest value of the
    /// path present).
    fn offset(&self, steps: &[tree::Step]) -> usize {
        match &self.toml {
            None => tree::offset(self.text, steps),
            Some(table) => toml_tree::offset(table, steps),
        }
    }

    /// The error for the value at `steps` that the mapping type refused.
    fn data_error(&self, steps: &[tree::Step], error: &serde_json::Error) -> MappingError {
        self.error_at(steps, error, self.offset(steps))
    }

    /// `message` about the value at `steps`, which starts at byte `start` of the text.
    fn error_at(&self, steps: &[tree::Step], message: &dyn std::fmt::Display, start: usize) -> MappingError {
        MappingError::Syntax { file: self.file.to_owned(), message: self.place(steps, message, start) }
    }

    /// `message` with the path `steps` and the line and column of byte `start`.
    fn place(&self, steps: &[tree::Step], message: &dyn std::fmt::Display, start: usize) -> String {
        let (line, column) = tree::line_column(self.text.as_bytes(), start);
        format!("at {}: {message} at line {line} column {column}", tree::dotted(steps))
    }
}

/// A TOML document as a JSON tree, and the place of a path in it.
mod toml_tree {
    use serde_json::{Map, Value};
    use toml::de::{DeTable, DeValue};
    use toml::Spanned;

    use crate::io::json::tree::Step;

    /// A TOML value no mapping takes, and where it is.
    pub(super) struct Refused {
        pub(super) steps: Vec<Step>,
        /// Byte offset of the value in the text.
        pub(super) start: usize,
        pub(super) message: String,
    }

    /// The TOML table as a JSON object.
    ///
    /// # Errors
    /// The first value that has no JSON form a mapping could take: a date-time (no
    /// mapping key is one: a date format or a column name is a quoted string), an
    /// integer beyond 64 bits, a float that is not finite (`nan`, `inf`, `1e400`).
    pub(super) fn table(table: &DeTable<'_>) -> Result<Value, Refused> {
        members(table, &mut Vec::new())
    }

    fn members(table: &DeTable<'_>, steps: &mut Vec<Step>) -> Result<Value, Refused> {
        let mut out = Map::new();
        for (key, value) in table.iter() {
            steps.push(Step::Key(key.get_ref().to_string()));
            out.insert(key.get_ref().to_string(), self::value(value, steps)?);
            steps.pop();
        }
        Ok(Value::Object(out))
    }

    fn value(value: &Spanned<DeValue<'_>>, steps: &mut Vec<Step>) -> Result<Value, Refused> {
        let refuse = |message: String| Refused { steps: steps.clone(), start: value.span().start, message };
        Ok(match value.get_ref() {
            DeValue::String(s) => Value::String(s.to_string()),
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .map(Value::from)
                .or_else(|_| u64::from_str_radix(i.as_str(), i.radix()).map(Value::from))
                .map_err(|_| refuse(format!("the integer {i} is out of range: at most 64 bits")))?,
            DeValue::Float(f) => f
                .as_str()
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map(Value::Number)
                .ok_or_else(|| refuse(format!("{f} is not a finite number")))?,
            DeValue::Boolean(b) => Value::Bool(*b),
            DeValue::Datetime(d) => {
                return Err(refuse(format!("the date-time {d} is not a mapping value: write it as a string (\"{d}\")")))
            }
            DeValue::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (index, item) in items.iter().enumerate() {
                    steps.push(Step::Index(index));
                    out.push(self::value(item, steps)?);
                    steps.pop();
                }
                Value::Array(out)
            }
            DeValue::Table(t) => members(t, steps)?,
        })
    }

    /// The byte offset where the value at `steps` starts (or the deepest value of the
    /// path present).
    pub(super) fn offset(root: &Spanned<DeTable<'_>>, steps: &[Step]) -> usize {
        let mut span = root.span();
        let mut here: Option<&DeValue<'_>> = None;
        for (i, step) in steps.iter().enumerate() {
            let next = match (i, step, here) {
                (0, Step::Key(key), _) => root.get_ref().get(key.as_str()),
                (_, Step::Key(key), Some(DeValue::Table(t))) => t.get(key.as_str()),
                (_, Step::Index(index), Some(DeValue::Array(a))) => a.get(*index),
                _ => None,
            };
            let Some(next) = next else { break };
            span = next.span();
            here = Some(next.get_ref());
        }
        span.start
    }
}

fn load_file<T: serde::de::DeserializeOwned + Checked>(path: &Path) -> Result<T, MappingError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| MappingError::Io { file: file.clone(), source })?;
    let text = std::str::from_utf8(&bytes).map_err(|e| not_utf8(&bytes, e, &file))?;
    parse_text(text, &file, is_json(&file))
}

/// The error for mapping bytes that are not UTF-8, with the line and column (in bytes)
/// of the first invalid sequence.
fn not_utf8(bytes: &[u8], e: std::str::Utf8Error, file: &str) -> MappingError {
    let offset = e.valid_up_to();
    let (line, column) = tree::line_column(bytes, offset);
    MappingError::Syntax {
        file: file.to_owned(),
        message: format!(
            "not UTF-8: invalid byte sequence at byte {offset} (line {line} column {column}); a mapping must be UTF-8"
        ),
    }
}

/// Whether a mapping named `name` is JSON (its extension is `.json`, any case); TOML
/// otherwise.
fn is_json(name: &str) -> bool {
    Path::new(name).extension().is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

fn check_kind(kind: Option<&str>, want: &str, file: &str) -> Result<(), MappingError> {
    match kind {
        Some(k) if k != want => Err(MappingError::Invalid {
            file: file.to_owned(),
            message: format!("kind is {k:?} but this is read as a {want:?} mapping"),
        }),
        _ => Ok(()),
    }
}

/// The readers and the writer of a mapping type whose `kind` must be `$kind` when given.
macro_rules! mapping_files {
    ($ty:ident, $kind:literal) => {
        impl $ty {
            /// Reads a mapping from a `.toml` or `.json` file (by extension).
            ///
            /// # Errors
            /// [`MappingError`] naming the file and the key or line; `Invalid` when the
            #[doc = concat!("file's `kind` is not `\"", $kind, "\"`,")]
            /// or when a setting contradicts another or cannot be met (a scale label given
            /// twice or also listed as not applicable, a question id twice, a question
            /// naming an undeclared scale, a field naming neither a column nor a value, a
            /// delimiter that is not one character, the same separator for decimals and
            /// thousands), with its key and line and column.
            /// Text that is not UTF-8 or holds nothing is a `Syntax` error.
            pub fn load(path: impl AsRef<Path>) -> Result<Self, MappingError> {
                load_file(path.as_ref())
            }

            /// Reads a mapping from TOML text, naming `file` in errors.
            ///
            /// # Errors
            #[doc = concat!("As [`", stringify!($ty), "::load`].")]
            pub fn from_toml(text: &str, file: &str) -> Result<Self, MappingError> {
                Self::from_text(text, file, false)
            }

            /// Reads a mapping from JSON text, naming `file` in errors.
            ///
            /// # Errors
            #[doc = concat!("As [`", stringify!($ty), "::load`].")]
            pub fn from_json(text: &str, file: &str) -> Result<Self, MappingError> {
                Self::from_text(text, file, true)
            }

            /// Reads a mapping from text named `file`: JSON when the name ends in
            /// `.json`, TOML otherwise (as [`load`](Self::load) decides for a path).
            ///
            /// # Errors
            #[doc = concat!("As [`", stringify!($ty), "::load`].")]
            pub fn from_named_text(text: &str, file: &str) -> Result<Self, MappingError> {
                Self::from_text(text, file, is_json(file))
            }

            fn from_text(text: &str, file: &str, json: bool) -> Result<Self, MappingError> {
                parse_text(text, file, json)
            }

            /// Writes the mapping as TOML.
            ///
            /// # Errors
            /// When TOML cannot represent it (never for mappings read from TOML).
            pub fn to_toml(&self) -> Result<String, toml::ser::Error> {
                toml::to_string(self)
            }
        }
    };
}

mapping_files!(ProjectMapping, "projects");
mapping_files!(SurveyMapping, "survey");
