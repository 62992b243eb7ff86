//! What a project works on and where, in the IATI importer: `sector` → [`Sector`],
//! `recipient-country` and `recipient-region` → [`RecipientArea`], each with its
//! vocabulary, share in percent and narratives.

use super::activity::{Activity, Importer};
use super::reader::{attributes, Elem};
use super::report::Count;
use super::ImportError;
use crate::model::{parse_decimal, RecipientArea, Sector, Text};

/// Which element a recipient area is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Area {
    /// `recipient-country` (`@code`, `@percentage`).
    Country,
    /// `recipient-region` (`@code`, `@vocabulary`, `@vocabulary-uri`, `@percentage`).
    Region,
}

/// A code with its vocabulary, share and name, as `sector` and `recipient-region`
/// give them.
struct Coded {
    vocabulary: Option<String>,
    vocabulary_uri: Option<String>,
    code: String,
    percentage: Option<rust_decimal::Decimal>,
    name: Text,
}

impl Importer<'_, '_> {
    /// One `sector`. A percentage that is not a number is an error (the activity is
    /// skipped: its shares cannot be trusted).
    pub(crate) fn sector(&mut self, elem: &Elem<'_>, act: &mut Activity) -> Result<Sector, ImportError> {
        self.cur.report.count(Count::Sector);
        let c = self.coded(elem, act, ["sector", "iati-activity/sector"], true)?;
        Ok(Sector {
            vocabulary: c.vocabulary,
            vocabulary_uri: c.vocabulary_uri,
            code: c.code,
            percentage: c.percentage,
            name: c.name,
        })
    }

    /// One `recipient-country` or `recipient-region`; a bad percentage as for a sector.
    pub(crate) fn recipient_area(
        &mut self,
        elem: &Elem<'_>,
        act: &mut Activity,
        area: Area,
    ) -> Result<RecipientArea, ImportError> {
        let (count, names) = match area {
            Area::Country => (Count::RecipientCountry, ["recipient-country", "iati-activity/recipient-country"]),
            Area::Region => (Count::RecipientRegion, ["recipient-region", "iati-activity/recipient-region"]),
        };
        self.cur.report.count(count);
        let c = self.coded(elem, act, names, area == Area::Region)?;
        Ok(RecipientArea {
            code: c.code,
            vocabulary: c.vocabulary,
            vocabulary_uri: c.vocabulary_uri,
            percentage: c.percentage,
            name: c.name,
        })
    }

    /// The attributes and narratives of a coded element (`[name, path]`); `@vocabulary`
    /// and `@vocabulary-uri` are read when `vocabularies`, else listed as not modelled.
    fn coded(
        &mut self,
        elem: &Elem<'_>,
        act: &mut Activity,
        [name, ctx]: [&str; 2],
        vocabularies: bool,
    ) -> Result<Coded, ImportError> {
        let mut c =
            Coded { vocabulary: None, vocabulary_uri: None, code: String::new(), percentage: None, name: Text::new() };
        for attr in attributes(elem) {
            let (key, value) = attr.map_err(|m| self.attr_error(elem, m))?;
            let v = value.trim();
            match key {
                b"vocabulary" if vocabularies && !v.is_empty() => c.vocabulary = Some(v.to_owned()),
                b"vocabulary-uri" if vocabularies && !v.is_empty() => c.vocabulary_uri = Some(v.to_owned()),
                b"code" => c.code = v.to_owned(),
                b"percentage" if !v.is_empty() => match parse_decimal(v) {
                    Ok(p) => c.percentage = Some(p),
                    Err(e) => {
                        let d = self.cur.error(elem.offset, "iati-bad-number", format!("{name}/@percentage: {e}"));
                        act.fail(d);
                    }
                },
                b"vocabulary" | b"vocabulary-uri" if vocabularies => {}
                b"percentage" => {}
                _ => self.cur.attribute_unmodelled(ctx, elem, key),
            }
        }
        self.text_into(ctx, elem, &act.lang, &mut c.name)?;
        Ok(c)
    }
}
