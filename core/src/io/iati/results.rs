//! The results model of the IATI importer: result, indicator, baseline, period, target,
//! actual, with their dimensions, locations, comments, document links and references.

use rust_decimal::Decimal;

use super::activity::{Activity, Importer, UNDETERMINED};
use super::reader::{attributes, Elem, Item};
use super::report::Count;
use super::ImportError;
use crate::model::{
    parse_decimal, Baseline, Diagnostic, Dimension, Direction, DocumentLink, Indicator, Measure, Period, PeriodValue,
    Reference, Result as IatiResult, ResultType, Text,
};

/// Which of target or actual a period value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Target,
    Actual,
}

/// Parses an IATI boolean (`1`/`0`/`true`/`false`).
fn boolean(text: &str) -> Option<bool> {
    match text.trim() {
        "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

impl<'a> Importer<'a, '_> {
    /// The next child element of `parent` (text between them is skipped), or `None` at
    /// its end; `None` at once when `parent` is an empty element.
    pub(super) fn child(&mut self, parent: &Elem<'_>) -> Result<Option<Elem<'a>>, ImportError> {
        if parent.empty {
            return Ok(None);
        }
        loop {
            match self.cur.next()? {
                Item::Open(child) => return Ok(Some(child)),
                Item::Close(_) => return Ok(None),
                Item::Text(_) => {}
                Item::Eof => return Err(self.cur.truncated()),
            }
        }
    }

    /// A boolean attribute; anything else is a warning and `None`.
    fn bool_attr(&mut self, elem: &Elem<'_>, what: &str, value: &str, act: &mut Activity) -> Option<bool> {
        let b = boolean(value);
        if b.is_none() {
            let d = self.cur.warning(
                elem.offset,
                "iati-bad-boolean",
                format!("{what} {value:?} is not a boolean (1/0/true/false); left unknown"),
            );
            act.notes.push(d);
        }
        b
    }

    /// Reads one `result`; `None` when it cannot be modelled (an error is recorded).
    pub(crate) fn result(
        &mut self,
        elem: &Elem<'_>,
        act: &mut Activity,
        activity: &str,
        n: usize,
    ) -> Result<Option<IatiResult>, ImportError> {
        const CTX: &str = "iati-activity/result";
        self.cur.report.count(Count::Result);
        let id = format!("{activity}/R{n}");
        let (mut result_type, mut aggregation_status, mut type_seen) = (None, None, false);
        for attr in attributes(elem) {
            let (name, value) = attr.map_err(|m| self.attr_error(elem, m))?;
            match name {
                b"type" => {
                    type_seen = true;
                    result_type = ResultType::from_iati_code(&value).or(match value.trim() {
                        "output" => Some(ResultType::Output),
                        "outcome" => Some(ResultType::Outcome),
                        "impact" => Some(ResultType::Impact),
                        _ => None,
                    });
                    if result_type.is_none() {
                        let d = self.cur.error(
                            elem.offset,
                            "iati-unknown-code",
                            format!("result/@type {value:?} is not a ResultType code (1, 2, 3, 9)"),
                        );
                        act.fail(d);
                    }
                }
                b"aggregation-status" => {
                    aggregation_status = self.bool_attr(elem, "result/@aggregation-status", &value, act)
                }
                _ => self.cur.attribute_unmodelled(CTX, elem, name),
            }
        }
        let mut result = IatiResult {
            id: id.clone(),
            result_type: result_type.unwrap_or(ResultType::Other),
            aggregation_status,
            title: Text::new(),
            description: Text::new(),
            indicators: Vec::new(),
            matrix_items: Vec::new(),
            document_links: Vec::new(),
            references: Vec::new(),
        };
        let mut m = 0;
        while let Some(child) = self.child(elem)? {
            match child.name() {
                b"title" => {
                    self.cur.other_attributes("iati-activity/result/title", &child, &[])?;
                    self.text_into("iati-activity/result/title", &child, &act.lang, &mut result.title)?
                }
                b"description" => {
                    self.cur.other_attributes("iati-activity/result/description", &child, &[])?;
                    self.text_into("iati-activity/result/description", &child, &act.lang, &mut result.description)?
                }
                b"document-link" => {
                    result.document_links.push(self.document_link(&child, act, "iati-activity/result/document-link")?)
                }
                b"reference" => result.references.push(self.reference(&child, "iati-activity/result/reference")?),
                b"indicator" => {
                    m += 1;
                    result.indicators.push(self.indicator(&child, act, &format!("{id}/I{m}"))?);
                }
                _ => self.cur.skip_unmodelled(CTX, &child)?,
            }
        }
        if !type_seen {
            let d = self.cur.error(elem.offset, "iati-missing-attribute", "result has no @type");
            act.fail(d);
        }
        Ok(result_type.map(|_| result))
    }

    fn indicator(&mut self, elem: &Elem<'_>, act: &mut Activity, id: &str) -> Result<Indicator, ImportError> {
        const CTX: &str = "iati-activity/result/indicator";
        self.cur.report.count(Count::Indicator);
        let mut indicator = Indicator::new(id, None);
        let mut has_measure = false;
        for attr in attributes(elem) {
            let (name, value) = attr.map_err(|m| self.attr_error(elem, m))?;
            match name {
                b"measure" => {
                    has_measure = true;
                    indicator.measure = Measure::from_iati_code(&value);
                    if indicator.measure.is_none() {
                        let d = self.cur.warning(elem.offset, "iati-unknown-code", format!("indicator/@measure {value:?} is not an IndicatorMeasure code (1-5); the measure is unknown"));
                        act.notes.push(d);
                    }
                }
                b"ascending" => {
                    if self.bool_attr(elem, "indicator/@ascending", &value, act) == Some(false) {
                        indicator.direction = Direction::Descending;
                    }
                }
                b"aggregation-status" => {
                    indicator.aggregation_status = self.bool_attr(elem, "indicator/@aggregation-status", &value, act)
                }
                _ => self.cur.attribute_unmodelled(CTX, elem, name),
            }
        }
        if !has_measure {
            self.cur.report.report.indicators_without_measure += 1;
            indicator.measure = self.options.default_measure;
        }
        let lang = std::rc::Rc::clone(&act.lang);
        let mut period_offsets = Vec::new();
        while let Some(child) = self.child(elem)? {
            match child.name() {
                b"title" => {
                    self.cur.other_attributes("iati-activity/result/indicator/title", &child, &[])?;
                    self.text_into("iati-activity/result/indicator/title", &child, &lang, &mut indicator.title)?
                }
                b"description" => {
                    self.cur.other_attributes("iati-activity/result/indicator/description", &child, &[])?;
                    self.text_into(
                        "iati-activity/result/indicator/description",
                        &child,
                        &lang,
                        &mut indicator.description,
                    )?
                }
                b"document-link" => indicator.document_links.push(self.document_link(
                    &child,
                    act,
                    "iati-activity/result/indicator/document-link",
                )?),
                b"reference" => {
                    indicator.references.push(self.reference(&child, "iati-activity/result/indicator/reference")?)
                }
                b"baseline" => {
                    let baseline = self.baseline(&child, act, indicator.measure)?;
                    indicator.baselines.push(baseline);
                }
                b"period" => {
                    if let Some(period) = self.period(&child, act, indicator.measure)? {
                        indicator.periods.push(period);
                        period_offsets.push(child.offset);
                    }
                }
                _ => self.cur.skip_unmodelled(CTX, &child)?,
            }
        }
        if indicator.periods.is_empty() {
            self.cur.report.report.indicators_without_period += 1;
        }
        let merged = super::repeated_periods::merge(&mut indicator.periods);
        for m in merged {
            let message = super::repeated_periods::note(&indicator, m, &indicator.periods[m.at]);
            act.notes.push(Diagnostic::info(
                "iati-repeated-period",
                self.cur.location(period_offsets[m.first]).to_string(),
                message,
            ));
        }
        Ok(indicator)
    }

    /// A baseline, target or actual `@value`: a strict decimal, else text (see the
    /// module docs); a warning for numeric measures.
    fn value(
        &mut self,
        offset: usize,
        what: &str,
        raw: &str,
        measure: Option<Measure>,
        act: &mut Activity,
    ) -> (Option<Decimal>, Text) {
        if raw.trim().is_empty() {
            return (None, Text::new());
        }
        match parse_decimal(raw) {
            Ok(v) => (Some(v), Text::new()),
            Err(e) => {
                self.cur.report.report.values_not_numbers += 1;
                if measure.is_none_or(Measure::is_quantitative) {
                    let kind = measure.map_or("an indicator with no measure", |m| {
                        if m == Measure::Unit {
                            "a unit indicator"
                        } else {
                            "a percentage indicator"
                        }
                    });
                    let d = self.cur.warning(
                        offset,
                        "iati-value-not-a-number",
                        format!("{what} of {kind}: {e}; kept as text, not used in arithmetic"),
                    );
                    act.notes.push(d);
                }
                (None, Text::one(UNDETERMINED, raw))
            }
        }
    }

    fn baseline(
        &mut self,
        elem: &Elem<'_>,
        act: &mut Activity,
        measure: Option<Measure>,
    ) -> Result<Baseline, ImportError> {
        const CTX: &str = "iati-activity/result/indicator/baseline";
        self.cur.report.count(Count::Baseline);
        let mut baseline = Baseline::default();
        for attr in attributes(elem) {
            let (name, value) = attr.map_err(|m| self.attr_error(elem, m))?;
            match name {
                // A bad year or date drops that value, never the baseline or the activity.
                b"year" => match value.trim().parse::<i32>() {
                    Ok(y) if y > 0 => baseline.year = Some(y),
                    _ => {
                        let d = self.cur.error(
                            elem.offset,
                            "iati-bad-number",
                            format!("baseline/@year {value:?} is not a year; the baseline is kept without a year"),
                        );
                        act.lose(d);
                    }
                },
                b"iso-date" => {
                    baseline.date = match self.iso_date(CTX, elem, b"iso-date", Some(&value)) {
                        Ok(day) => Some(day),
                        Err(fault) => {
                            let message = format!(
                                "{}; the baseline is kept without a date",
                                fault.describe("baseline", "iso-date")
                            );
                            if fault.is_bad_value() {
                                let d = self.cur.error(elem.offset, "iati-bad-date", message);
                                act.lose(d);
                            } else {
                                let d = self.cur.warning(elem.offset, "iati-missing-date", message);
                                act.notes.push(d);
                            }
                            None
                        }
                    }
                }
                b"value" => {
                    (baseline.value, baseline.text) = self.value(elem.offset, "baseline/@value", &value, measure, act)
                }
                _ => self.cur.attribute_unmodelled(CTX, elem, name),
            }
        }
        let lang = std::rc::Rc::clone(&act.lang);
        while let Some(child) = self.child(elem)? {
            match child.name() {
                b"location" => self.location_ref(&child, CTX, &mut baseline.locations)?,
                b"dimension" => baseline.dimensions.extend(self.dimension(&child, CTX, act)?),
                b"document-link" => baseline.document_links.push(self.document_link(
                    &child,
                    act,
                    "iati-activity/result/indicator/baseline/document-link",
                )?),
                b"comment" => {
                    self.cur.report.count(Count::Comment);
                    self.cur.other_attributes("iati-activity/result/indicator/baseline/comment", &child, &[])?;
                    self.text_into(
                        "iati-activity/result/indicator/baseline/comment",
                        &child,
                        &lang,
                        &mut baseline.comment,
                    )?;
                }
                _ => self.cur.skip_unmodelled(CTX, &child)?,
            }
        }
        Ok(baseline)
    }

    fn period(
        &mut self,
        elem: &Elem<'_>,
        act: &mut Activity,
        measure: Option<Measure>,
    ) -> Result<Option<Period>, ImportError> {
        const CTX: &str = "iati-activity/result/indicator/period";
        self.cur.report.count(Count::Period);
        for attr in attributes(elem) {
            let (name, _) = attr.map_err(|m| self.attr_error(elem, m))?;
            self.cur.attribute_unmodelled(CTX, elem, name);
        }
        // Each end: Ok(day), or the fault with the offset of the element that has it.
        let (mut start, mut end) = (None, None);
        // Most periods have one target and one actual: no room for four.
        let (mut targets, mut actuals) = (Vec::with_capacity(1), Vec::with_capacity(1));
        while let Some(child) = self.child(elem)? {
            match child.name() {
                b"period-start" | b"period-end" => {
                    let (ctx, element) = if child.name() == b"period-start" {
                        ("iati-activity/result/indicator/period/period-start", "period/period-start")
                    } else {
                        ("iati-activity/result/indicator/period/period-end", "period/period-end")
                    };
                    self.cur.other_attributes(ctx, &child, &[b"iso-date"])?;
                    let raw = self.attr_value(&child, b"iso-date")?;
                    let day = self
                        .iso_date(ctx, &child, b"iso-date", raw.as_deref())
                        .map_err(|fault| (fault.describe(element, "iso-date"), child.offset));
                    if child.name() == b"period-start" {
                        start = Some(day);
                    } else {
                        end = Some(day);
                    }
                    self.cur.skip_content(ctx, &child)?;
                }
                b"target" => targets.push(self.period_value(&child, act, measure, Side::Target)?),
                b"actual" => actuals.push(self.period_value(&child, act, measure, Side::Actual)?),
                _ => self.cur.skip_unmodelled(CTX, &child)?,
            }
        }
        // A period that cannot be placed in time is dropped with its values, never the
        // activity: one error says what was dropped.
        let fault = |side: Option<Result<_, (String, usize)>>, name: &str| match side {
            Some(Ok(day)) => Ok(day),
            Some(Err(fault)) => Err(fault),
            None => Err((format!("period has no {name}"), elem.offset)),
        };
        match (fault(start, "period-start"), fault(end, "period-end")) {
            (Ok(start), Ok(end)) => Ok(Some(Period { start, end, targets, actuals })),
            (Err((what, offset)), _) | (_, Err((what, offset))) => {
                let d = self.cur.error(
                    offset,
                    "iati-bad-period",
                    format!(
                        "{what}; the period is not imported, with its {} target(s) and {} actual(s)",
                        targets.len(),
                        actuals.len()
                    ),
                );
                act.lose(d);
                Ok(None)
            }
        }
    }

    fn period_value(
        &mut self,
        elem: &Elem<'_>,
        act: &mut Activity,
        measure: Option<Measure>,
        side: Side,
    ) -> Result<PeriodValue, ImportError> {
        let (ctx, what, comment_ctx, link_ctx) = match side {
            Side::Target => (
                "iati-activity/result/indicator/period/target",
                "target/@value",
                "iati-activity/result/indicator/period/target/comment",
                "iati-activity/result/indicator/period/target/document-link",
            ),
            Side::Actual => (
                "iati-activity/result/indicator/period/actual",
                "actual/@value",
                "iati-activity/result/indicator/period/actual/comment",
                "iati-activity/result/indicator/period/actual/document-link",
            ),
        };
        self.cur.report.count(if side == Side::Target { Count::Target } else { Count::Actual });
        let mut value = PeriodValue::default();
        for attr in attributes(elem) {
            let (name, raw) = attr.map_err(|m| self.attr_error(elem, m))?;
            match name {
                b"value" => (value.value, value.text) = self.value(elem.offset, what, &raw, measure, act),
                _ => self.cur.attribute_unmodelled(ctx, elem, name),
            }
        }
        if value.value.is_none() && value.text.is_blank() {
            let report = &mut self.cur.report.report;
            match side {
                Side::Target => report.targets_without_value += 1,
                Side::Actual => report.actuals_without_value += 1,
            }
        }
        let lang = std::rc::Rc::clone(&act.lang);
        while let Some(child) = self.child(elem)? {
            match child.name() {
                b"location" => self.location_ref(&child, ctx, &mut value.locations)?,
                b"dimension" => value.dimensions.extend(self.dimension(&child, ctx, act)?),
                b"comment" => {
                    self.cur.report.count(Count::Comment);
                    self.cur.other_attributes(comment_ctx, &child, &[])?;
                    self.text_into(comment_ctx, &child, &lang, &mut value.comment)?;
                }
                b"document-link" => value.document_links.push(self.document_link(&child, act, link_ctx)?),
                _ => self.cur.skip_unmodelled(ctx, &child)?,
            }
        }
        Ok(value)
    }

    fn location_ref(&mut self, elem: &Elem<'_>, ctx: &str, into: &mut Vec<String>) -> Result<(), ImportError> {
        self.cur.report.count(Count::Location);
        let location = format!("{ctx}/location");
        match self.attr_value(elem, b"ref")? {
            Some(r) if !r.trim().is_empty() => into.push(r.trim().to_owned()),
            _ => self.cur.mark_unmodelled(ctx, elem, b"location[no @ref]"),
        }
        self.cur.other_attributes(&location, elem, &[b"ref"])?;
        self.cur.skip_content(&location, elem)
    }

    /// A `dimension`; `None` for one with neither name nor value (`<dimension/>`), which
    /// is read as no dimension, with a warning: kept, it would turn the total it sits
    /// on into a nameless disaggregated value.
    fn dimension(&mut self, elem: &Elem<'_>, ctx: &str, act: &mut Activity) -> Result<Option<Dimension>, ImportError> {
        self.cur.report.count(Count::Dimension);
        let path = format!("{ctx}/dimension");
        let mut dimension = Dimension { name: String::new(), value: String::new() };
        for attr in attributes(elem) {
            let (name, value) = attr.map_err(|m| self.attr_error(elem, m))?;
            match name {
                b"name" => dimension.name = value.into_owned(),
                b"value" => dimension.value = value.into_owned(),
                n if super::reader::is_namespace_declaration(n) => {}
                _ => self.cur.attribute_unmodelled(&path, elem, name),
            }
        }
        self.cur.skip_content(&path, elem)?;
        if dimension.name.trim().is_empty() && dimension.value.trim().is_empty() {
            let parent = ctx.rsplit('/').next().unwrap_or(ctx);
            let d = self.cur.warning(
                elem.offset,
                "iati-empty-dimension",
                format!("{parent}/dimension has neither @name nor @value; read as no dimension (the {parent} is not disaggregated by it)"),
            );
            act.notes.push(d);
            return Ok(None);
        }
        Ok(Some(dimension))
    }

    fn reference(&mut self, elem: &Elem<'_>, ctx: &'static str) -> Result<Reference, ImportError> {
        self.cur.report.count(Count::Reference);
        let mut reference =
            Reference { vocabulary: String::new(), code: None, vocabulary_uri: None, indicator_uri: None };
        for attr in attributes(elem) {
            let (name, value) = attr.map_err(|m| self.attr_error(elem, m))?;
            let v = value.trim();
            let some = || if v.is_empty() { None } else { Some(v.to_owned()) };
            match name {
                b"vocabulary" => reference.vocabulary = v.to_owned(),
                b"code" => reference.code = some(),
                b"vocabulary-uri" => reference.vocabulary_uri = some(),
                b"indicator-uri" => reference.indicator_uri = some(),
                _ => self.cur.attribute_unmodelled(ctx, elem, name),
            }
        }
        self.cur.skip_content(ctx, elem)?;
        Ok(reference)
    }

    /// A `document-link`; `ctx` is its path (`iati-activity/result/document-link` …).
    fn document_link(&mut self, elem: &Elem<'_>, act: &mut Activity, ctx: &str) -> Result<DocumentLink, ImportError> {
        self.cur.report.count(Count::DocumentLink);
        let mut link = DocumentLink {
            url: String::new(),
            title: Text::new(),
            description: Text::new(),
            categories: Vec::new(),
            languages: Vec::new(),
            format: None,
            date: None,
        };
        for attr in attributes(elem) {
            let (name, value) = attr.map_err(|m| self.attr_error(elem, m))?;
            match name {
                b"url" => link.url = value.trim().to_owned(),
                b"format" if !value.trim().is_empty() => link.format = Some(value.trim().to_owned()),
                b"format" => {}
                _ => self.cur.attribute_unmodelled(ctx, elem, name),
            }
        }
        let lang = std::rc::Rc::clone(&act.lang);
        while let Some(child) = self.child(elem)? {
            match child.name() {
                b"title" | b"description" => {
                    let path = format!("{ctx}/{}", if child.name() == b"title" { "title" } else { "description" });
                    self.cur.other_attributes(&path, &child, &[])?;
                    let into = if child.name() == b"title" { &mut link.title } else { &mut link.description };
                    self.text_into(&path, &child, &lang, into)?;
                }
                b"category" | b"language" => {
                    let path = format!("{ctx}/{}", if child.name() == b"category" { "category" } else { "language" });
                    self.cur.other_attributes(&path, &child, &[b"code"])?;
                    let code = self.attr_value(&child, b"code")?.unwrap_or_default().trim().to_owned();
                    if child.name() == b"category" {
                        link.categories.push(code);
                    } else {
                        link.languages.push(code);
                    }
                    self.cur.skip_content(&path, &child)?;
                }
                b"document-date" => {
                    let path = format!("{ctx}/document-date");
                    self.cur.other_attributes(&path, &child, &[b"iso-date"])?;
                    let raw = self.attr_value(&child, b"iso-date")?;
                    // A bad date drops that date, never the link or the activity.
                    link.date = match self.iso_date(&path, &child, b"iso-date", raw.as_deref()) {
                        Ok(day) => Some(day),
                        Err(fault) => {
                            let message = format!(
                                "{}; the document link is kept without a date",
                                fault.describe("document-date", "iso-date")
                            );
                            if fault.is_bad_value() {
                                let d = self.cur.error(child.offset, "iati-bad-date", message);
                                act.lose(d);
                            } else {
                                let d = self.cur.warning(child.offset, "iati-missing-date", message);
                                act.notes.push(d);
                            }
                            None
                        }
                    };
                    self.cur.skip_content(&path, &child)?;
                }
                _ => self.cur.skip_unmodelled(ctx, &child)?,
            }
        }
        Ok(link)
    }
}

/// Gives back the spare capacity of every list under `results` (a one-element `Vec`
/// otherwise keeps room for four), so the portfolio holds no more memory than it needs.
pub(crate) fn compact(results: &mut Vec<IatiResult>) {
    fn links(links: &mut Vec<DocumentLink>) {
        links.shrink_to_fit();
        for l in links {
            l.categories.shrink_to_fit();
            l.languages.shrink_to_fit();
        }
    }
    fn value(v: &mut PeriodValue) {
        v.dimensions.shrink_to_fit();
        v.locations.shrink_to_fit();
        links(&mut v.document_links);
    }
    results.shrink_to_fit();
    for r in results {
        r.indicators.shrink_to_fit();
        r.references.shrink_to_fit();
        links(&mut r.document_links);
        for i in &mut r.indicators {
            i.baselines.shrink_to_fit();
            i.periods.shrink_to_fit();
            i.references.shrink_to_fit();
            links(&mut i.document_links);
            for b in &mut i.baselines {
                b.dimensions.shrink_to_fit();
                b.locations.shrink_to_fit();
                links(&mut b.document_links);
            }
            for p in &mut i.periods {
                p.targets.shrink_to_fit();
                p.actuals.shrink_to_fit();
                p.targets.iter_mut().chain(p.actuals.iter_mut()).for_each(value);
            }
        }
    }
}
