//! What the mapping readers check beyond a mapping's shape: settings that contradict each
//! other or that no table can satisfy, found before any table is read, with the path
//! of the setting so that the reader can name its line and column.

use super::mapping::{FieldSpec, Locale, ProjectMapping, ScaleSpec, SourceOptions, SurveyMapping};
use crate::io::json::tree;

/// A setting that contradicts another or that no table can satisfy, and where it is.
pub(crate) struct Problem {
    /// The path of the setting in the mapping.
    pub(crate) steps: Vec<tree::Step>,
    /// What is wrong, in one sentence.
    pub(crate) message: String,
}

impl Problem {
    fn new(steps: &[&str], message: String) -> Self {
        Problem { steps: steps.iter().map(|k| tree::Step::Key((*k).to_owned())).collect(), message }
    }

    fn index(mut self, index: usize) -> Self {
        self.steps.push(tree::Step::Index(index));
        self
    }

    fn key(mut self, key: &str) -> Self {
        self.steps.push(tree::Step::Key(key.to_owned()));
        self
    }
}

/// What the readers check of a mapping type beyond its shape.
pub(crate) trait Checked {
    /// The `kind` the mapping type has.
    const KIND: &'static str;
    /// The mapping's `kind`, when given.
    fn kind(&self) -> Option<&str>;
    /// The first setting that contradicts another, if any.
    fn problem(&self) -> Option<Problem>;
}

/// The delimiter byte that `delimiter` names (`","` when absent, or `"\t"` for a file
/// whose name ends in `.tsv`).
///
/// # Errors
/// A sentence saying why the setting names no delimiter.
pub(crate) fn delimiter_byte(delimiter: Option<&str>, tsv: bool) -> Result<u8, String> {
    match delimiter {
        None if tsv => Ok(b'\t'),
        None => Ok(b','),
        Some("\\t" | "\t") => Ok(b'\t'),
        Some("\"" | "\n" | "\r") => {
            Err(format!("delimiter {:?} cannot be a delimiter (it quotes or ends a record)", delimiter.unwrap_or("")))
        }
        Some(d) if d.len() == 1 => Ok(d.as_bytes()[0]),
        Some(d) => Err(format!("delimiter {d:?} must be one ASCII character")),
    }
}

/// The quote byte that `quote` names (`"` when absent).
///
/// # Errors
/// A sentence saying why the setting names no quote character.
pub(crate) fn quote_byte(quote: Option<&str>) -> Result<u8, String> {
    match quote {
        None => Ok(b'"'),
        Some("\n" | "\r") => Err("quote cannot be a line break".to_owned()),
        Some(q) if q.len() == 1 => Ok(q.as_bytes()[0]),
        Some(q) => Err(format!("quote {q:?} must be one ASCII character")),
    }
}

fn source_problem(source: &SourceOptions) -> Option<Problem> {
    if let Err(e) = delimiter_byte(source.delimiter.as_deref(), false) {
        return Some(Problem::new(&["source", "delimiter"], e));
    }
    let quote = match quote_byte(source.quote.as_deref()) {
        Err(e) => return Some(Problem::new(&["source", "quote"], e)),
        Ok(q) => q,
    };
    let delimiter = delimiter_byte(source.delimiter.as_deref(), false).ok()?;
    (source.quote.is_some() && quote == delimiter)
        .then(|| Problem::new(&["source", "quote"], format!("quote {:?} is also the delimiter", char::from(quote))))
}

/// Separators that cannot be told from digits or from each other: `1,500` with `,` as
/// both would be read as 1500 where 1.5 was meant (rule 7).
fn locale_problem(locale: Option<&Locale>) -> Option<Problem> {
    let locale = locale?;
    let at = |key: &str, message: String| Some(Problem::new(&["locale", key], message));
    let decimal = locale.decimal_separator.as_deref().unwrap_or(".");
    let unusable = |sep: &str| sep.is_empty() || sep.chars().any(|c| c.is_ascii_digit() || c == '+' || c == '-');
    if unusable(decimal) {
        return at(
            "decimal_separator",
            format!("decimal separator {decimal:?} must be a character other than a digit or sign"),
        );
    }
    let thousands = locale.thousands_separator.as_deref()?;
    if unusable(thousands) {
        return at(
            "thousands_separator",
            format!("thousands separator {thousands:?} must be a character other than a digit or sign"),
        );
    }
    if thousands == decimal {
        return at(
            "thousands_separator",
            format!("thousands separator {thousands:?} is also the decimal separator: numbers would be ambiguous"),
        );
    }
    None
}

/// What a budget line in a mapping must not have.
const TRANSACTION_ONLY: &str = "is a transaction's, not a budget line's: move it to [[transactions]]";

impl Checked for ProjectMapping {
    const KIND: &'static str = "projects";

    fn kind(&self) -> Option<&str> {
        self.kind.as_deref()
    }

    fn problem(&self) -> Option<Problem> {
        if let Some(p) = source_problem(&self.source).or_else(|| locale_problem(self.locale.as_ref())) {
            return Some(p);
        }
        let c = &self.columns;
        let mut specs: Vec<(Problem, &FieldSpec)> = Vec::new();
        let named = [
            ("title", Some(&c.title)),
            ("description", c.description.as_ref()),
            ("owner", c.owner.as_ref()),
            ("start", c.start.as_ref()),
            ("end", c.end.as_ref()),
            ("budget", c.budget.as_ref()),
            ("currency", c.currency.as_ref()),
            ("focus_area", c.focus_area.as_ref()),
            ("status", c.status.as_ref()),
            ("parent", c.parent.as_ref()),
        ];
        for (name, spec) in named {
            if let Some(spec) = spec {
                specs.push((Problem::new(&["columns", name], String::new()), spec));
            }
        }
        for (i, spec) in c.regions.iter().enumerate() {
            specs.push((Problem::new(&["columns", "regions"], String::new()).index(i), spec));
        }
        for (scheme, spec) in &self.classifications {
            specs.push((Problem::new(&["classifications"], String::new()).key(scheme), spec));
        }
        if let Some(p) = &self.partners {
            let named = [
                ("organisation", Some(&p.organisation)),
                ("role", p.role.as_ref()),
                ("budget", p.budget.as_ref()),
                ("currency", p.currency.as_ref()),
            ];
            for (name, spec) in named {
                if let Some(spec) = spec {
                    specs.push((Problem::new(&["partners", name], String::new()), spec));
                }
            }
        }
        for (list, columns) in [("budgets", &self.budgets), ("transactions", &self.transactions)] {
            let budget = list == "budgets";
            for (i, m) in columns.iter().enumerate() {
                let at = |key: &str| Problem::new(&[list], String::new()).index(i).key(key);
                // A key of the other list; a transaction with no type or date.
                let given = (m.kind.is_some(), m.transaction_type.is_some(), m.date.is_some());
                let wrong = match (budget, given) {
                    (true, (_, true, _)) => Some(("type", TRANSACTION_ONLY)),
                    (true, (_, _, true)) => Some(("date", TRANSACTION_ONLY)),
                    (false, (true, _, _)) => Some(("kind", "is a budget line's: a transaction has a type")),
                    (false, (_, false, _)) => {
                        Some(("type", "missing: a transaction needs an IATI type (disbursement, expenditure …)"))
                    }
                    (false, (_, _, false)) => {
                        Some(("date", "missing: a transaction needs a date (a column or { value = \"2016-10-14\" })"))
                    }
                    _ => None,
                };
                if let Some((key, message)) = wrong {
                    let mut p = at(key);
                    p.message = format!("{key} {message}");
                    return Some(p);
                }
                specs.push((at("amount"), &m.amount));
                for (key, spec) in [("currency", m.currency.as_ref()), ("date", m.date.as_ref())] {
                    if let Some(spec) = spec {
                        specs.push((at(key), spec));
                    }
                }
            }
        }
        let (mut problem, _) = specs
            .into_iter()
            .find(|(_, spec)| matches!(spec, FieldSpec::Detailed { column: None, value: None, .. }))?;
        problem.message = format!("the mapping's {} names neither a column nor a value", tree::dotted(&problem.steps));
        Some(problem)
    }
}

impl Checked for SurveyMapping {
    const KIND: &'static str = "survey";

    fn kind(&self) -> Option<&str> {
        self.kind.as_deref()
    }

    fn problem(&self) -> Option<Problem> {
        if let Some(p) = source_problem(&self.source).or_else(|| locale_problem(self.locale.as_ref())) {
            return Some(p);
        }
        for (name, spec) in &self.scales {
            if let Some(p) = scale_problem(name, spec, self.locale.as_ref()) {
                return Some(p);
            }
        }
        let mut ids: Vec<&str> = Vec::new();
        for (i, q) in self.questions.iter().enumerate() {
            let at = |key: &str, message: String| Some(Problem::new(&["questions"], message).index(i).key(key));
            if let Some(s) = q.scale.as_deref().filter(|s| !self.scales.contains_key(*s)) {
                return at(
                    "scale",
                    format!("question {:?} names scale {s:?}, which `scales` does not declare", q.column),
                );
            }
            let id = q.id.as_deref().unwrap_or(&q.column);
            if ids.contains(&id) {
                let key = if q.id.is_some() { "id" } else { "column" };
                return at(key, format!("question id {id:?} appears twice in `questions`"));
            }
            ids.push(id);
            if q.reverse && q.scale.is_none() {
                return at("reverse", format!("question {:?} is reverse-coded but has no scale", q.column));
            }
        }
        None
    }
}

/// The first contradiction in the scale `name`: no points or no range, a label given
/// twice, or an answer declared both a score and "not applicable" (its answers would be
/// counted as missing, rule 9).
fn scale_problem(name: &str, spec: &ScaleSpec, locale: Option<&Locale>) -> Option<Problem> {
    let at = |steps: &[&str], message: String| {
        let mut all = vec!["scales", name];
        all.extend_from_slice(steps);
        Problem::new(&all, message)
    };
    let na: Vec<String> = spec.not_applicable.iter().map(|l| super::normalise_label(l)).collect();
    match (spec.labels.is_empty(), spec.min, spec.max) {
        (false, None, None) => {
            let labels: Vec<String> = spec.labels.iter().map(|l| super::normalise_label(l)).collect();
            if let Some(i) = (0..labels.len()).find(|&i| labels[..i].contains(&labels[i])) {
                let message = format!("scale {name:?} has the label {:?} twice (label {})", spec.labels[i], i + 1);
                return Some(at(&["labels"], message).index(i));
            }
            let (k, i) = na.iter().enumerate().find_map(|(k, l)| Some((k, labels.iter().position(|x| x == l)?)))?;
            let message = format!(
                "scale {name:?} lists {:?} both as a label (label {}) and in `not_applicable`: \
                 its answers would be counted as not applicable",
                spec.not_applicable[k],
                i + 1
            );
            Some(at(&["not_applicable"], message).index(k))
        }
        (true, Some(min), Some(max)) if min < max => {
            let k = spec
                .not_applicable
                .iter()
                .position(|l| super::parse_number(l, locale).is_ok_and(|v| v >= min && v <= max))?;
            let message = format!(
                "scale {name:?} lists {:?} in `not_applicable`, but it is a score of the scale ({min}..{max}): \
                 its answers would be counted as not applicable",
                spec.not_applicable[k]
            );
            Some(at(&["not_applicable"], message).index(k))
        }
        (true, Some(_), Some(_)) => {
            Some(at(&["max"], format!("scale {name:?} must have either `labels` or both `min` and `max` (min < max)")))
        }
        _ => Some(at(&[], format!("scale {name:?} must have either `labels` or both `min` and `max` (min < max)"))),
    }
}
