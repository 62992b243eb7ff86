//! The `Portfolio` handle: load, navigate, validate, write.

use std::path::Path;

use kartan::{Entry, PeriodValue, Portfolio};
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsError, JsValue};

use crate::error::{self as args, to_js};

/// A portfolio: one program plus everything recorded about it (JS class `Portfolio`).
///
/// An opaque handle on the core model: methods return plain objects, so the whole model
/// is not copied into JS on every call. Free it with `free()` (or `using`) when done, or
/// leave it to the garbage collector.
#[wasm_bindgen(js_name = Portfolio)]
#[derive(Debug)]
pub struct JsPortfolio {
    inner: Portfolio,
    /// For a portfolio imported from IATI XML: the import report, as the core serialises
    /// it (kept as JSON text so that this handle knows no format).
    import_report: Option<String>,
    /// For a portfolio imported from a table: the table import report, as JSON text.
    table_report: Option<String>,
}

impl JsPortfolio {
    /// Wraps a core portfolio.
    pub fn new(inner: Portfolio) -> Self {
        JsPortfolio { inner, import_report: None, table_report: None }
    }

    /// Wraps a portfolio imported from IATI XML with its import report (serialised by
    /// `serde_json`).
    pub fn imported(inner: Portfolio, report: &impl Serialize) -> Self {
        JsPortfolio { inner, import_report: serde_json::to_string(report).ok(), table_report: None }
    }

    /// Wraps a portfolio imported from a table with its table import report.
    pub fn from_table_import(inner: Portfolio, report: &impl Serialize) -> Self {
        JsPortfolio { inner, import_report: None, table_report: serde_json::to_string(report).ok() }
    }

    /// The IATI import report as JSON text, for a portfolio read from IATI XML.
    pub fn import_report_json(&self) -> Option<&str> {
        self.import_report.as_deref()
    }

    /// The table import report as JSON text, for a portfolio read from a table.
    pub fn table_report_json(&self) -> Option<&str> {
        self.table_report.as_deref()
    }

    /// The core portfolio.
    pub fn inner(&self) -> &Portfolio {
        &self.inner
    }
}

/// `value` as a plain JS object: the JSON that `serde_json` writes for it, read by
/// `JSON.parse` — the same JSON as in Rust and Python (`null` for an absent value, maps as
/// plain objects, exact decimals as strings), and one serializer in the module instead of
/// two (a smaller `.wasm`). Its TypeScript type is the generated one of the same name
/// (`src/types.d.ts`), given on each method by `unchecked_return_type`.
pub(crate) fn object(value: &impl Serialize) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value).map_err(to_js)?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("internal: JSON.parse refused serde_json output"))
}

/// `value`, or `undefined` for `None`.
fn object_or_undefined<T: Serialize>(value: Option<&T>) -> Result<JsValue, JsError> {
    value.map_or(Ok(JsValue::UNDEFINED), object)
}

/// The JSON text of a JS value given as the argument `name`, which must be a plain object
/// (not `null`, an array, a string …). `JSON.stringify` writes it: `undefined` members are
/// left out, and a value it cannot write (a `BigInt`, a cycle) is an `Error` naming
/// `name`. `NaN` and `±Infinity` are refused by the key they are at: `JSON.stringify` would
/// write them as `null`, which reads as "no value" — a number lost without a word.
fn json_of_object(name: &'static str, expected: &'static str, value: &JsValue) -> Result<String, JsValue> {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(to_js(args::type_error(name, expected, value)).into());
    }
    let not_finite: Rc<RefCell<Option<(String, f64)>>> = Rc::default();
    let seen = Rc::clone(&not_finite);
    let replacer = Closure::<dyn FnMut(JsValue, JsValue) -> JsValue>::new(move |key: JsValue, value: JsValue| {
        if let Some(n) = value.as_f64().filter(|n| !n.is_finite()) {
            seen.borrow_mut().get_or_insert_with(|| (key.as_string().unwrap_or_default(), n));
        }
        value
    });
    let text = js_sys::JSON::stringify_with_replacer(value, replacer.as_ref()).map(String::from).map_err(|e| {
        let why = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
        JsValue::from(to_js(format!("{name} cannot be written as JSON: {why}")))
    })?;
    if let Some((key, n)) = not_finite.borrow_mut().take() {
        let n = if n.is_nan() {
            "NaN"
        } else if n > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        };
        return Err(to_js(format!(
            "{name} has {n} at the key {key:?}: not a number kartan can hold (give an exact decimal as a string, e.g. \"0.5\")"
        ))
        .into());
    }
    Ok(text)
}

/// A part of the model (a project, a period value …) given as the JS object argument
/// `name`, read strictly as kartan JSON reads it.
///
/// @throws {Error} `"{name}: at /pointer: message"` with the property `pointer` (relative to
/// the part), e.g. `project: at /title: invalid type: string "x", expected a map`.
fn part<T: serde::de::DeserializeOwned>(
    name: &'static str,
    expected: &'static str,
    value: &JsValue,
) -> Result<T, JsValue> {
    let text = json_of_object(name, expected, value)?;
    kartan::io::json::part_from_str(&text).map_err(|e| part_error(name, &e))
}

/// A kartan JSON error on a JS object: the core's message without the line and column of
/// text the user never wrote, and the JSON pointer as the property `pointer`.
fn part_error(name: &str, error: &kartan::io::json::JsonError) -> JsValue {
    use kartan::io::json::JsonError;
    let pointer = match error {
        JsonError::Data { pointer, .. } => Some(JsValue::from_str(pointer)),
        JsonError::Format { .. } => Some(JsValue::from_str("/format")),
        _ => None,
    };
    let message = error.message_at_pointer();
    let message = if name.is_empty() { message } else { format!("{name}: {message}") };
    args::with_properties(message, &[("pointer", pointer)])
}

impl JsPortfolio {
    /// Puts the JS object `entry`, read as a `T` (a project, an activity …), with `put` (one
    /// of `kartan::Portfolio::put_*`) and returns the entry it replaced, or `undefined`.
    fn put<T>(
        &mut self,
        entry: &JsValue,
        expected: &'static str,
        put: fn(&mut Portfolio, T) -> Option<T>,
    ) -> Result<JsValue, JsValue>
    where
        T: Entry + Serialize + serde::de::DeserializeOwned,
    {
        let entry: T = part(T::KIND, expected, entry)?;
        Ok(object_or_undefined(put(&mut self.inner, entry).as_ref())?)
    }

    /// Removes the entry whose id is the JS string `id` with `remove` (one of
    /// `kartan::Portfolio::remove_*`) and returns it, or `undefined`.
    fn remove<T: Serialize>(
        &mut self,
        id: &JsValue,
        remove: fn(&mut Portfolio, &str) -> Option<T>,
    ) -> Result<JsValue, JsError> {
        let id = args::string("id", id).map_err(to_js)?;
        object_or_undefined(remove(&mut self.inner, &id).as_ref())
    }
}

/// The `put…` and `remove…` methods of the lists of the document that are edited by id,
/// one pair per list, each a call of the core's `Portfolio::put_…` / `remove_…` through
/// [`JsPortfolio::put`] and [`JsPortfolio::remove`].
macro_rules! edits_by_id {
    ($(
        $(#[doc = $put_doc:tt])*
        fn $put:ident / $put_js:ident ($arg:ident: $ty:tt, $expected:tt) = $core_put:ident;
        $(#[doc = $remove_doc:tt])*
        fn $remove:ident / $remove_js:ident = $core_remove:ident -> $ret:tt;
    )*) => {
        #[wasm_bindgen(js_class = Portfolio)]
        impl JsPortfolio {
            $(
                $(#[doc = $put_doc])*
                #[wasm_bindgen(js_name = $put_js, unchecked_return_type = $ret)]
                pub fn $put(
                    &mut self,
                    #[wasm_bindgen(unchecked_param_type = $ty)] $arg: JsValue,
                ) -> Result<JsValue, JsValue> {
                    self.put(&$arg, $expected, Portfolio::$core_put)
                }

                $(#[doc = $remove_doc])*
                #[wasm_bindgen(js_name = $remove_js, unchecked_return_type = $ret)]
                pub fn $remove(
                    &mut self,
                    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
                ) -> Result<JsValue, JsError> {
                    self.remove(&id, Portfolio::$core_remove)
                }
            )*
        }
    };
}

edits_by_id! {
    /// Puts a project: replaces the one with its id, in its place, and returns it; or adds
    /// it at the end and returns `undefined` (`kartan::Portfolio::put_project`). What it
    /// refers to is not checked here: `validate` reports a dangling reference.
    ///
    /// @throws {Error} `"project: at /pointer: message"` with the property `pointer`
    /// when `project` does not read as a kartan JSON project; the portfolio is unchanged.
    fn put_project / putProject (project: "Project", "a Project object") = put_project;
    /// Removes the project with `id` and returns it, or `undefined` when there is none.
    /// What refers to it is left as it is (`validate` reports it).
    fn remove_project / removeProject = remove_project -> "Project | undefined";

    /// Puts an activity (a seminar, a project-leader meeting …), as `putProject`.
    ///
    /// @throws {Error} `"activity: at /pointer: message"`, as `putProject`.
    fn put_activity / putActivity (activity: "Activity", "an Activity object") = put_activity;
    /// Removes the activity with `id` and returns it, or `undefined`.
    fn remove_activity / removeActivity = remove_activity -> "Activity | undefined";

    /// Puts an evaluation (an instrument and its responses), as `putProject`.
    ///
    /// @throws {Error} `"evaluation: at /pointer: message"`, as `putProject`.
    fn put_evaluation / putEvaluation (evaluation: "Evaluation", "an Evaluation object") = put_evaluation;
    /// Removes the evaluation with `id` and returns it, or `undefined`.
    fn remove_evaluation / removeEvaluation = remove_evaluation -> "Evaluation | undefined";

    /// Puts a report (with its observations), as `putProject`.
    ///
    /// @throws {Error} `"report: at /pointer: message"`, as `putProject`.
    fn put_report / putReport (report: "Report", "a Report object") = put_report;
    /// Removes the report with `id` and returns it, or `undefined`.
    fn remove_report / removeReport = remove_report -> "Report | undefined";

    /// Puts a lesson, as `putProject`.
    ///
    /// @throws {Error} `"lesson: at /pointer: message"`, as `putProject`.
    fn put_lesson / putLesson (lesson: "Lesson", "a Lesson object") = put_lesson;
    /// Removes the lesson with `id` and returns it, or `undefined`.
    fn remove_lesson / removeLesson = remove_lesson -> "Lesson | undefined";
}

#[wasm_bindgen(js_class = Portfolio)]
impl JsPortfolio {
    /// Reads kartan JSON (`format: "kartan/1"`) from text or UTF-8 bytes. Reading is
    /// strict: unknown fields, wrong types and trailing text are refused.
    ///
    /// @throws {Error} with the core's message, e.g. `"1:58: at /program/colour: unknown
    /// field \`colour\`, expected one of …"`, and where it is, as properties: `line` and
    /// `column` (1-based), `pointer` (JSON pointer; `"/format"` for another format), and
    /// for bytes that are not UTF-8 the byte `offset`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] text: JsValue,
    ) -> Result<JsPortfolio, JsValue> {
        let bytes = args::text_or_bytes("text", &text).map_err(to_js)?;
        let read = kartan::io::json::from_slice(&bytes);
        read.map(JsPortfolio::new).map_err(|e| args::json_error(&e, &e))
    }

    /// Reads a file's bytes (e.g. from a file picker), detecting the format by content:
    /// kartan JSON, or IATI XML when this build reads it (then `importReport()` says what
    /// the import read and skipped, as after `fromIati`). `name` (default `"portfolio"`)
    /// is the file name that error messages start with.
    ///
    /// @throws {Error} with the core's message, e.g. `"data.json: unrecognised content: …"`
    /// or `"data.json:not UTF-8: invalid byte sequence at byte 50 (line 1); …"`; for
    /// kartan JSON with `line`, `column`, `pointer` and `offset` as `fromJson`.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] name: JsValue,
    ) -> Result<JsPortfolio, JsValue> {
        let bytes = args::bytes("bytes", &bytes).map_err(to_js)?;
        let name = args::input_name(&name, "portfolio")?;
        let loaded = kartan::io::load_bytes_with_report(&bytes, Path::new(&name)).map_err(|e| match &e {
            kartan::io::LoadError::Json { source, .. } => args::json_error(source, &e),
            _ => JsValue::from(to_js(&e)),
        })?;
        // IATI input keeps its import report, as from `fromIati` (DESIGN.md rule 8).
        Ok(match &loaded.import {
            Some(report) => JsPortfolio::imported(loaded.portfolio, report),
            None => JsPortfolio::new(loaded.portfolio),
        })
    }

    /// Writes the portfolio as pretty-printed kartan JSON, ending with a newline.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        kartan::io::json::to_string(&self.inner)
    }

    /// Reads a portfolio from a plain object typed `PortfolioDoc` (the kartan JSON
    /// document, e.g. from `toObject()` or `JSON.parse`), as strictly as `fromJson`: unknown
    /// fields, wrong types and another `format` are refused. Exact decimals are strings
    /// (`"43.75"`); a JS number given for one is read from the text `JSON.stringify`
    /// writes for it. The object is not kept: later changes to it do not change the
    /// portfolio.
    ///
    /// @throws {Error} with the core's message and the JSON pointer (no line and column:
    /// the object is not text), e.g. `"at /program/colour: unknown field \`colour\`,
    /// expected one of …"`, and the property `pointer`.
    #[wasm_bindgen(js_name = fromObject)]
    pub fn from_object(
        #[wasm_bindgen(unchecked_param_type = "PortfolioDoc")] doc: JsValue,
    ) -> Result<JsPortfolio, JsValue> {
        let text = json_of_object("doc", "a kartan JSON document object (PortfolioDoc)", &doc)?;
        kartan::io::json::from_str(&text).map(JsPortfolio::new).map_err(|e| part_error("", &e))
    }

    /// The whole portfolio as a plain object typed `PortfolioDoc`: the kartan JSON
    /// document (`JSON.parse(toJson())`), a copy — changing it does not change the
    /// portfolio; `fromObject` reads it back.
    #[wasm_bindgen(js_name = toObject, unchecked_return_type = "PortfolioDoc")]
    pub fn to_object(&self) -> Result<JsValue, JsError> {
        object(&self.inner)
    }

    /// Checks the portfolio and returns every diagnostic, in document order (an empty
    /// array means valid). `asOf` (`"YYYY-MM-DD"`) is the "today" that date checks use:
    /// the clock is never read.
    ///
    /// @throws {Error} when `asOf` is not a `YYYY-MM-DD` date.
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    pub fn validate(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsError> {
        let as_of = args::date("asOf", &as_of).map_err(to_js)?;
        object(&kartan::analysis::validate(&self.inner, as_of))
    }

    /// The program (a copy, as in `toObject().program`).
    #[wasm_bindgen(unchecked_return_type = "Program")]
    pub fn program(&self) -> Result<JsValue, JsError> {
        object(&self.inner.program)
    }

    /// Every project, in portfolio order.
    #[wasm_bindgen(unchecked_return_type = "Project[]")]
    pub fn projects(&self) -> Result<JsValue, JsError> {
        object(&self.inner.projects)
    }

    /// The project with `id`, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "Project | undefined")]
    pub fn project(&self, #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue) -> Result<JsValue, JsError> {
        let id = args::string("id", &id).map_err(to_js)?;
        object_or_undefined(self.inner.project(&id))
    }

    /// Every indicator: the program's first, then each project's, in order.
    #[wasm_bindgen(unchecked_return_type = "Indicator[]")]
    pub fn indicators(&self) -> Result<JsValue, JsError> {
        object(&self.inner.indicators().map(|(_, i)| i).collect::<Vec<_>>())
    }

    /// The indicator with `id`, of the program or of a project, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "Indicator | undefined")]
    pub fn indicator(&self, #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue) -> Result<JsValue, JsError> {
        let id = args::string("id", &id).map_err(to_js)?;
        object_or_undefined(self.inner.indicators().find(|(_, i)| i.id == id).map(|(_, i)| i))
    }

    /// The id of the project that has the indicator `id`; `undefined` for an indicator
    /// of the program or an unknown id.
    #[wasm_bindgen(js_name = projectOfIndicator, unchecked_return_type = "string | undefined")]
    pub fn project_of_indicator(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsError> {
        let id = args::string("id", &id).map_err(to_js)?;
        Ok(self
            .inner
            .indicators()
            .find(|(_, i)| i.id == id)
            .and_then(|(p, _)| p)
            .map_or(JsValue::UNDEFINED, JsValue::from_str))
    }

    /// The results matrix ("the map"): one row per level, in the program's order.
    #[wasm_bindgen(unchecked_return_type = "MatrixRow[]")]
    pub fn matrix(&self) -> Result<JsValue, JsError> {
        object(&self.inner.program.matrix.rows)
    }

    /// Records `actual` in the period `start`–`end` (`"YYYY-MM-DD"`) of the indicator
    /// `indicator` (of the program or of a project): added to the actuals of the period
    /// with those dates, or to a new period added at the end (`kartan::Portfolio::
    /// record_actual`). A value that does not fit the measure, or a period that ends
    /// before it starts, is for `validate` to report.
    ///
    /// @throws {Error} `no indicator with id "X"`, a bad date, or `"actual: at /pointer:
    /// message"` when `actual` does not read as a period value; the portfolio is unchanged.
    #[wasm_bindgen(js_name = recordActual)]
    pub fn record_actual(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] indicator: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] start: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] end: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PeriodValue")] actual: JsValue,
    ) -> Result<(), JsValue> {
        let indicator = args::string("indicator", &indicator).map_err(to_js)?;
        let start = args::date("start", &start).map_err(to_js)?;
        let end = args::date("end", &end).map_err(to_js)?;
        let actual: PeriodValue = part("actual", "a PeriodValue object", &actual)?;
        self.inner.record_actual(&indicator, start, end, actual).map_err(|e| to_js(e).into())
    }
}
