//! The learning report (`kartan::learning_report`) on a `Portfolio`.

use kartan::learning_report::{build, to_html, to_json, to_markdown, ReportOptions};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsError, JsValue};

use crate::error::{self as args, to_js};
use crate::portfolio::JsPortfolio;

/// Why a report could not be written.
#[derive(Debug)]
struct UnknownFormat(String);

impl std::fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown report format {:?}: expected \"html\", \"md\" or \"json\"", self.0)
    }
}

#[wasm_bindgen(js_class = Portfolio)]
impl JsPortfolio {
    /// The learning report (sections 1-9 of DESIGN.md "The learning report") as `"html"`
    /// (one self-contained page that opens offline), `"md"` (Markdown) or `"json"`, in
    /// `lang` (`"sv"` or `"en"` headings; texts picked by the core's language rule) as of
    /// `asOf` (`"YYYY-MM-DD"`), with charts.
    ///
    /// @throws {Error} for an unknown format, a language other than `"sv"` and `"en"`
    /// (`unknown report language "xx": expected "sv" or "en"`), or a bad `asOf`.
    pub fn report(
        &self,
        #[wasm_bindgen(unchecked_param_type = "\"html\" | \"md\" | \"json\"")] format: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] lang: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<String, JsError> {
        let format = args::string("format", &format).map_err(to_js)?;
        let lang = args::string("lang", &lang).map_err(to_js)?;
        // The command's `--lang` check and message.
        let lang = kartan::learning_report::language(&lang).map_err(to_js)?;
        let as_of = args::date("asOf", &as_of).map_err(to_js)?;
        let render = match format.as_str() {
            "html" => to_html,
            "md" | "markdown" => to_markdown,
            "json" => to_json,
            _ => return Err(to_js(UnknownFormat(format))),
        };
        Ok(render(&build(self.inner(), &ReportOptions::new(lang, as_of))))
    }
}
