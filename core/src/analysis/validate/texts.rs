//! The document's tags and every text: `format`, `invalid-default-language`,
//! `invalid-language-tag`, `duplicate-language`, `empty-text`, `missing-default-language`.
//!
//! Language tags are checked for well-formedness against BCP 47 (RFC 5646) with
//! `oxilangtag`; a text "has" the default language when one of its non-blank versions is
//! tagged with it or with the same primary language (`sv-FI` for `sv`), as
//! [`crate::model::Text::best`] reads it.

use std::collections::HashMap;
use std::fmt;

use oxilangtag::LanguageTag;

use super::Ctx;
use crate::model::{pointer_token, DocumentLink, Indicator, PeriodValue, Result, Scale, Text, FORMAT};

/// A JSON pointer built only when printed: `{parent}/{segment}/{index}`.
struct At<'p>(&'p dyn fmt::Display, &'p str, usize);

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{}", self.0, self.1, self.2)
    }
}

fn primary(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

struct Walker<'c, 'a> {
    cx: &'c mut Ctx<'a>,
    /// Language key → well-formed.
    tags: HashMap<&'a str, bool>,
    /// The default language when it is well-formed.
    default: Option<&'a str>,
}

impl<'a> Walker<'_, 'a> {
    /// Checks `text` at `{base}/{field}`; `owner` names what it belongs to.
    fn t(&mut self, text: &'a Text, required: bool, base: &dyn fmt::Display, field: &str, owner: &dyn Fn() -> String) {
        let ptr = || format!("{base}/{field}");
        for key in text.languages() {
            let ok =
                self.default == Some(key) || *self.tags.entry(key).or_insert_with(|| LanguageTag::parse(key).is_ok());
            if !ok {
                let msg = format!("{}: {field} has language key {key:?}, which is not a well-formed BCP 47 tag; expected a tag such as sv or en-GB", owner());
                self.cx.warning("invalid-language-tag", format!("{}/{}", ptr(), pointer_token(key)), msg);
            }
        }
        // BCP 47 tags do not depend on case (RFC 5646 §2.1.1): `sv` and `SV` are one
        // language, and `Text::best` shows only one of the two versions.
        for (i, first) in text.languages().enumerate() {
            for second in text.languages().skip(i + 1).filter(|k| k.eq_ignore_ascii_case(first)) {
                let msg = format!("{}: {field} has the language {first:?} twice, also as {second:?} (language tags do not depend on case), so one of the two versions is never shown; expected one key per language", owner());
                self.cx.warning("duplicate-language", format!("{}/{}", ptr(), pointer_token(second)), msg);
            }
        }
        if text.is_blank() {
            if required {
                let lang = self.default.map(|d| format!(", at least in {d}")).unwrap_or_default();
                let msg = format!("{}: {field} is blank in every language; expected a text{lang}", owner());
                self.cx.error("empty-text", ptr(), msg);
            }
            return;
        }
        let Some(default) = self.default else { return };
        let has = text.iter().any(|(k, v)| {
            !v.trim().is_empty()
                && (k.eq_ignore_ascii_case(default) || primary(k).eq_ignore_ascii_case(primary(default)))
        });
        if !has {
            let present: Vec<&str> = text.iter().filter(|(_, v)| !v.trim().is_empty()).map(|(k, _)| k).collect();
            let msg = format!(
                "{}: {field} has no version in the default language {default} (it has {}); expected a text in {default}",
                owner(),
                present.join(", ")
            );
            self.cx.info("missing-default-language", ptr(), msg);
        }
    }

    fn each(
        &mut self,
        texts: &'a [Text],
        required: bool,
        base: &dyn fmt::Display,
        field: &str,
        owner: &dyn Fn() -> String,
    ) {
        for (k, text) in texts.iter().enumerate() {
            self.t(text, required, base, &format!("{field}/{k}"), owner);
        }
    }

    fn links(&mut self, links: &'a [DocumentLink], base: &dyn fmt::Display, owner: &dyn Fn() -> String) {
        for (k, l) in links.iter().enumerate() {
            self.t(&l.title, false, base, &format!("document_links/{k}/title"), owner);
        }
    }

    fn scale(&mut self, scale: &'a Scale, base: &dyn fmt::Display, owner: &dyn Fn() -> String) {
        if let Scale::Points { points } = scale {
            for (k, point) in points.iter().enumerate() {
                self.t(&point.label, false, base, &format!("points/{k}/label"), owner);
            }
        }
    }

    fn results(&mut self, results: &'a [Result], base: &dyn fmt::Display) {
        for (r, result) in results.iter().enumerate() {
            let base = At(base, "results", r);
            let owner = || format!("result {:?}", result.id);
            self.t(&result.title, true, &base, "title", &owner);
            self.t(&result.description, false, &base, "description", &owner);
            self.links(&result.document_links, &base, &owner);
            for (k, ind) in result.indicators.iter().enumerate() {
                self.indicator(ind, &At(&base, "indicators", k));
            }
        }
    }

    fn indicator(&mut self, ind: &'a Indicator, base: &dyn fmt::Display) {
        let owner = || format!("indicator {:?}", ind.id);
        self.t(&ind.title, true, base, "title", &owner);
        self.t(&ind.description, false, base, "description", &owner);
        self.links(&ind.document_links, base, &owner);
        for (k, b) in ind.baselines.iter().enumerate() {
            let base = At(base, "baselines", k);
            self.t(&b.comment, false, &base, "comment", &owner);
            self.links(&b.document_links, &base, &owner);
        }
        for (k, period) in ind.periods.iter().enumerate() {
            for (list, values) in [("targets", &period.targets), ("actuals", &period.actuals)] {
                for (j, v) in values.iter().enumerate() {
                    self.value(v, &At(&At(base, "periods", k), list, j), &owner);
                }
            }
        }
    }

    fn value(&mut self, v: &'a PeriodValue, base: &dyn fmt::Display, owner: &dyn Fn() -> String) {
        self.t(&v.text, false, base, "text", owner);
        self.t(&v.comment, false, base, "comment", owner);
        self.links(&v.document_links, base, owner);
    }
}

/// `format`, `invalid-default-language`, and every text of the portfolio.
pub(super) fn check(cx: &mut Ctx<'_>) {
    let p = cx.p;
    if p.format != FORMAT {
        cx.error("format", "/format", format!("format is {:?}; expected {FORMAT:?}", p.format));
    }
    let lang = p.default_language.as_str();
    let default = if lang.trim().is_empty() {
        cx.error(
            "invalid-default-language",
            "/default_language",
            "default_language is empty; expected a BCP 47 tag such as sv",
        );
        None
    } else if LanguageTag::parse(lang).is_err() {
        let msg =
            format!("default_language {lang:?} is not a well-formed BCP 47 tag; expected a tag such as sv or en-GB");
        cx.error("invalid-default-language", "/default_language", msg);
        None
    } else {
        Some(lang)
    };
    let mut w = Walker { cx, tags: HashMap::new(), default };
    let prog = &p.program;
    let owner = || format!("program {:?}", prog.id);
    let base = &"/program";
    w.t(&prog.title, true, base, "title", &owner);
    w.t(&prog.purpose, false, base, "purpose", &owner);
    for (k, l) in prog.legal_basis.iter().enumerate() {
        w.t(&l.title, false, base, &format!("legal_basis/{k}/title"), &owner);
        w.t(&l.quote, false, base, &format!("legal_basis/{k}/quote"), &owner);
    }
    w.each(&prog.rationale, false, base, "rationale", &owner);
    w.each(&prog.means, false, base, "means", &owner);
    for (k, t) in prog.target_groups.iter().enumerate() {
        w.t(&t.name, true, &format!("/program/target_groups/{k}"), "name", &|| format!("target group {:?}", t.id));
    }
    for (k, f) in prog.focus_areas.iter().enumerate() {
        let (base, owner) = (format!("/program/focus_areas/{k}"), || format!("focus area {:?}", f.id));
        w.t(&f.name, true, &base, "name", &owner);
        w.t(&f.description, false, &base, "description", &owner);
    }
    for (r, row) in prog.matrix.rows.iter().enumerate() {
        let base = format!("/program/matrix/rows/{r}");
        w.each(&row.actors, false, &base, "actors", &|| format!("matrix row {}", row.level.code()));
        for (column, items) in [("experiences", &row.experiences), ("effects", &row.effects)] {
            for (k, item) in items.iter().enumerate() {
                w.t(&item.text, true, &format!("{base}/{column}/{k}"), "text", &|| {
                    format!("matrix item {:?}", item.id)
                });
            }
        }
    }
    for (k, plan) in prog.plans.iter().enumerate() {
        let (base, owner) = (format!("/program/plans/{k}"), || format!("activity plan {:?}", plan.id));
        w.t(&plan.title, true, &base, "title", &owner);
        w.t(&plan.note, false, &base, "note", &owner);
    }
    let learning = &prog.learning;
    for (k, f) in learning.factors.iter().enumerate() {
        let (base, owner) = (format!("/program/learning/factors/{k}"), || format!("learning factor {:?}", f.id));
        w.t(&f.name, true, &base, "name", &owner);
        w.t(&f.text, true, &base, "text", &owner);
        w.each(&f.traits, false, &base, "traits", &owner);
    }
    if let Some(scale) = &learning.factor_scale {
        w.scale(scale, &"/program/learning/factor_scale", &|| "the factor scale".to_owned());
    }
    for (k, c) in learning.cycle.iter().enumerate() {
        let (base, owner) = (format!("/program/learning/cycle/{k}"), || format!("learning-cycle phase {:?}", c.id));
        w.t(&c.name, true, &base, "name", &owner);
        w.t(&c.description, false, &base, "description", &owner);
    }
    w.each(&learning.principles, false, &"/program/learning", "principles", &|| "the learning model".to_owned());
    w.t(&learning.note, false, &"/program/learning", "note", &|| "the learning model".to_owned());
    w.results(&prog.results, &"/program");
    for (k, o) in p.organisations.iter().enumerate() {
        w.t(&o.name, true, &format!("/organisations/{k}"), "name", &|| format!("organisation {:?}", o.id));
    }
    for (i, project) in p.projects.iter().enumerate() {
        let (base, owner) = (At(&"", "projects", i), || format!("project {:?}", project.id));
        w.t(&project.title, true, &base, "title", &owner);
        w.t(&project.description, false, &base, "description", &owner);
        if let Some(role) = &project.manager_role {
            w.t(role, false, &base, "manager_role", &owner);
        }
        if !project.results.is_empty() {
            w.results(&project.results, &base);
        }
    }
    for (i, a) in p.activities.iter().enumerate() {
        let (base, owner) = (At(&"", "activities", i), || format!("activity {:?}", a.id));
        w.t(&a.title, true, &base, "title", &owner);
        w.t(&a.description, false, &base, "description", &owner);
        for (k, part) in a.participants.iter().enumerate() {
            w.t(&part.role, false, &base, &format!("participants/{k}/role"), &owner);
        }
        for (k, out) in a.outputs.iter().enumerate() {
            w.t(&out.title, true, &base, &format!("outputs/{k}/title"), &owner);
        }
    }
    for (i, e) in p.evaluations.iter().enumerate() {
        let (base, owner) = (format!("/evaluations/{i}"), || format!("evaluation {:?}", e.id));
        w.t(&e.title, true, &base, "title", &owner);
        for (k, q) in e.instrument.questions.iter().enumerate() {
            let qbase = format!("{base}/instrument/questions/{k}");
            let owner = || format!("question {:?} of evaluation {:?}", q.id, e.id);
            w.t(&q.text, true, &qbase, "text", &owner);
            w.scale(&q.scale, &format!("{qbase}/scale"), &owner);
        }
    }
    for (i, r) in p.reports.iter().enumerate() {
        let (base, owner) = (format!("/reports/{i}"), || format!("report {:?}", r.id));
        w.t(&r.title, true, &base, "title", &owner);
        w.t(&r.author_role, false, &base, "author_role", &owner);
        w.t(&r.narrative, false, &base, "narrative", &owner);
        for (k, o) in r.observations.iter().enumerate() {
            let (base, owner) = (format!("{base}/observations/{k}"), || format!("observation {:?}", o.id));
            w.t(&o.text, true, &base, "text", &owner);
            w.t(&o.source, false, &base, "source", &owner);
        }
    }
    for (i, l) in p.lessons.iter().enumerate() {
        let (base, owner) = (format!("/lessons/{i}"), || format!("lesson {:?}", l.id));
        w.t(&l.text, true, &base, "text", &owner);
        w.t(&l.theme, false, &base, "theme", &owner);
        for (k, app) in l.applied.iter().enumerate() {
            w.t(&app.text, true, &base, &format!("applied/{k}/text"), &owner);
        }
    }
    for (i, f) in p.factor_assessments.iter().enumerate() {
        let base = format!("/factor_assessments/{i}");
        let owner = || format!("factor assessment of project {:?} on factor {:?}", f.project, f.factor);
        w.t(&f.assessor_role, false, &base, "assessor_role", &owner);
        w.t(&f.comment, false, &base, "comment", &owner);
    }
}
