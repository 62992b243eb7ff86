//! Cell values: numbers (strict, or in a declared locale), dates, labels.

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;

use super::mapping::Locale;
use crate::model::PartialDate;

/// Parses a number cell.
///
/// Without a locale (`None`, or a locale that declares no separators) the text goes
/// through [`crate::parse_decimal`] unchanged: `1,000`, `1.5E6`, `(1200)` are refused
/// (DESIGN.md rule 7). With a locale, the declared thousands separator is removed
/// (only between groups of three digits) and the declared decimal separator becomes
/// `.`, then the result is parsed strictly: `1 234,5` with `decimal_separator = ","`
/// and `thousands_separator = " "` is 1234.5.
///
/// # Errors
/// A sentence saying why the text is not a number.
pub fn parse_number(text: &str, locale: Option<&Locale>) -> Result<Decimal, String> {
    let t = text.trim();
    let Some(locale) = locale else {
        return crate::parse_decimal(t).map_err(|e| e.to_string());
    };
    let mut s = t.to_owned();
    if let Some(sep) = locale.thousands_separator.as_deref().filter(|s| !s.is_empty()) {
        // A space separator also matches the no-break spaces spreadsheets write.
        let seps: Vec<&str> = if sep == " " { vec![" ", "\u{a0}", "\u{202f}"] } else { vec![sep] };
        let mut unified = s.clone();
        for other in &seps {
            unified = unified.replace(other, "\u{1}");
        }
        if unified.contains('\u{1}') {
            let dec = locale.decimal_separator.as_deref().unwrap_or(".");
            let int_part = unified.split(dec).next().unwrap_or("");
            let int_part = int_part.trim_start_matches(['+', '-']);
            let groups: Vec<&str> = int_part.split('\u{1}').collect();
            let well_grouped =
                groups.first().is_some_and(|g| (1..=3).contains(&g.len())) && groups[1..].iter().all(|g| g.len() == 3);
            if !well_grouped {
                return Err(format!(
                    "invalid number {text:?}: thousands separator {sep:?} must separate groups of three digits"
                ));
            }
            s = unified.replace('\u{1}', "");
        }
    }
    if let Some(dec) = locale.decimal_separator.as_deref().filter(|d| *d != ".") {
        if s.contains('.') {
            return Err(format!("invalid number {text:?}: the table's decimal separator is {dec:?}, not '.'"));
        }
        s = s.replace(dec, ".");
    }
    crate::parse_decimal(&s).map_err(|e| format!("invalid number {text:?}: {}", e.reason))
}

/// Parses a date cell.
///
/// Always accepted: ISO 8601 as [`PartialDate`] writes it (`YYYY-MM-DD`, `YYYY-MM`,
/// `YYYY`) and an ISO date-time (`YYYY-MM-DD HH:MM[:SS]` or with `T`), whose day is
/// kept. With a locale, its `date_formats` (chrono `strftime` patterns such as
/// `%d.%m.%Y` or `%m/%d/%y %H:%M`) are tried in order; a pattern with a time of day
/// keeps only the day.
///
/// # Errors
/// A sentence naming the formats tried.
pub fn parse_date(text: &str, locale: Option<&Locale>) -> Result<PartialDate, String> {
    let t = text.trim();
    if let Ok(d) = t.parse::<PartialDate>() {
        if !matches!(d, PartialDate::MonthDay { .. }) {
            return Ok(d);
        }
    }
    for f in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(t, f) {
            return Ok(dt.date().into());
        }
    }
    let b = t.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && t.bytes().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if shaped {
        return Err(format!("date {text:?} is not a calendar date (no such day in that month)"));
    }
    let formats = locale.map(|l| l.date_formats.as_slice()).unwrap_or_default();
    for f in formats {
        if let Ok(dt) = NaiveDateTime::parse_from_str(t, f) {
            return Ok(dt.date().into());
        }
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return Ok(d.into());
        }
    }
    let mut tried = vec!["YYYY-MM-DD", "YYYY-MM", "YYYY"].into_iter().map(str::to_owned).collect::<Vec<_>>();
    tried.extend(formats.iter().cloned());
    Err(format!("date {text:?} is in no known format (tried {})", tried.join(", ")))
}

/// A label as compared with a mapping's labels: no-break spaces become spaces, runs of
/// white space one space, ends trimmed, and letters lower-cased. `"About\u{a0}half"`
/// and `"about half "` compare equal.
pub fn normalise_label(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sv() -> Locale {
        Locale {
            decimal_separator: Some(",".into()),
            thousands_separator: Some(" ".into()),
            date_formats: vec!["%d.%m.%Y".into()],
        }
    }

    #[test]
    fn strict_without_locale() {
        assert_eq!(parse_number(" 12.5 ", None).unwrap().to_string(), "12.5");
        for bad in ["1,000", "1.5E6", "(1200)", "1 234,5"] {
            assert!(parse_number(bad, None).is_err(), "{bad}");
        }
    }

    #[test]
    fn swedish_locale_when_declared() {
        let l = sv();
        assert_eq!(parse_number("1 234,5", Some(&l)).unwrap().to_string(), "1234.5");
        assert_eq!(parse_number("1\u{a0}234\u{a0}567", Some(&l)).unwrap().to_string(), "1234567");
        assert_eq!(parse_number("-12,25", Some(&l)).unwrap().to_string(), "-12.25");
        for bad in ["12 34,5", "1.5", "1 234.5", "12,5 kr", "1e3"] {
            assert!(parse_number(bad, Some(&l)).is_err(), "{bad}");
        }
        assert_eq!(parse_date("7.3.2019", Some(&l)).unwrap().to_string(), "2019-03-07");
        assert!(parse_date("7.3.2019", None).is_err());
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2017-01-02", None).unwrap().to_string(), "2017-01-02");
        assert_eq!(parse_date("2016-10-14 01:17:38", None).unwrap().to_string(), "2016-10-14");
        let us = Locale { date_formats: vec!["%m/%d/%y %H:%M".into()], ..Locale::default() };
        assert_eq!(parse_date("9/8/18 15:29", Some(&us)).unwrap().to_string(), "2018-09-08");
        assert!(parse_date("2027-02-31", None).unwrap_err().contains("not a calendar date"));
        let e = parse_date("14 april", Some(&us)).unwrap_err();
        assert!(e.contains("no known format") && e.contains("%m/%d/%y %H:%M"), "{e}");
    }

    #[test]
    fn labels() {
        assert_eq!(normalise_label(" About\u{a0}half\u{a0}of it "), "about half of it");
    }
}
