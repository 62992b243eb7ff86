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
/// and `thousands_separator = " "` is 1234.5. E-notation (`1.2E7`) is read, exactly,
/// only when the locale says `exponent = true`.
///
/// # Errors
/// A sentence saying why the text is not a number: text with no digit or with letters
/// (`N/A`, `Not Available`) is "not a number"; other texts name what is wrong (a
/// separator, an exponent, too many digits).
pub fn parse_number(text: &str, locale: Option<&Locale>) -> Result<Decimal, String> {
    let t = text.trim();
    let exponent = locale.is_some_and(|l| l.exponent);
    let (mantissa, power) = match split_exponent(t) {
        Some((m, e)) if exponent => (m, Some(e)),
        _ => (t, None),
    };
    if power.is_none() && split_exponent(t).is_some() {
        return Err(format!(
            "invalid number {text:?}: E-notation is read only when the mapping's [locale] says exponent = true"
        ));
    }
    if !looks_numeric(mantissa) {
        return Err(format!("invalid number {text:?}: not a number"));
    }
    let declared = locale.and_then(|l| l.thousands_separator.as_deref()).is_some();
    if !declared && dot_grouped(mantissa) {
        return Err(format!(
            "invalid number {text:?}: '.' separates groups of three digits here, as a thousands separator; \
             declare it in the mapping ([locale] thousands_separator = \".\", decimal_separator = \",\")"
        ));
    }
    let value = plain_number(text, mantissa, locale)?;
    let Some(power) = power else { return Ok(value) };
    let scaled = power
        .parse::<i64>()
        .ok()
        .filter(|p| p.unsigned_abs() <= 28)
        .and_then(|p| Decimal::from_scientific(&format!("{}e{p}", value.normalize())).ok());
    scaled.ok_or_else(|| format!("invalid number {text:?}: the exponent is out of range for an exact decimal"))
}

/// Whether `t` is digits in groups of three joined by two or more `.` (`1.234.567`).
fn dot_grouped(t: &str) -> bool {
    let groups: Vec<&str> = t.trim_start_matches(['+', '-']).split('.').collect();
    groups.len() >= 3
        && (1..=3).contains(&groups[0].len())
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// `1.2E7` as (`1.2`, `7`): a mantissa with at least one digit, `e` or `E`, and a signed
/// whole exponent.
fn split_exponent(t: &str) -> Option<(&str, &str)> {
    let at = t.rfind(['e', 'E'])?;
    let (m, e) = (&t[..at], &t[at + 1..]);
    let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
    let ok = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && m.bytes().any(|b| b.is_ascii_digit())
        && m.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'+' | b'-' | b' '));
    ok.then_some((m, e))
}

/// Whether `t` is written like a number at all (a digit, and nothing but digits, signs,
/// separators, spaces and parentheses), so that a message can say "not a number" for
/// `N/A` rather than name a separator.
fn looks_numeric(t: &str) -> bool {
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | ',' | ' ' | '\u{a0}' | '\u{202f}' | '\'' | '(' | ')')
        })
}

/// The number in `t` (no exponent), with the locale's separators.
fn plain_number(text: &str, t: &str, locale: Option<&Locale>) -> Result<Decimal, String> {
    let t = t.trim();
    let Some(locale) = locale else {
        return crate::parse_decimal(t).map_err(|e| format!("invalid number {text:?}: {}", e.reason));
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
    let formats = locale.map(|l| l.date_formats.as_slice()).unwrap_or_default();
    if let Ok(d) = t.parse::<PartialDate>() {
        // With declared formats, only a full ISO date is taken as ISO: a bare number
        // (`7560` in a `%d.%m.%Y` column) is not a year.
        let partial = !matches!(d, PartialDate::Date(_));
        if !matches!(d, PartialDate::MonthDay { .. }) && (!partial || formats.is_empty()) {
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
    for f in formats {
        if let Ok(dt) = NaiveDateTime::parse_from_str(t, f) {
            return Ok(dt.date().into());
        }
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return Ok(d.into());
        }
    }
    if !formats.is_empty() {
        return Err(format!(
            "date {text:?} does not match the declared date formats ({}) nor a full ISO date (YYYY-MM-DD)",
            formats.join(", ")
        ));
    }
    Err(format!("date {text:?} is in no known format (tried YYYY-MM-DD, YYYY-MM, YYYY)"))
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
            ..Locale::default()
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
        assert!(e.contains("does not match the declared date formats") && e.contains("%m/%d/%y %H:%M"), "{e}");
    }

    #[test]
    fn a_declared_date_format_refuses_a_bare_number() {
        let l = sv();
        let e = parse_date("7560", Some(&l)).unwrap_err();
        assert!(e.contains("does not match the declared date formats (%d.%m.%Y)"), "{e}");
        assert!(parse_date("2019-03", Some(&l)).is_err());
        assert_eq!(parse_date("2019-03-07", Some(&l)).unwrap().to_string(), "2019-03-07");
        // Without declared formats, a year is an ISO partial date.
        assert_eq!(parse_date("2019", None).unwrap().to_string(), "2019");
    }

    #[test]
    fn e_notation_only_when_declared() {
        let e = parse_number("1.2E7", None).unwrap_err();
        assert!(e.contains("exponent = true"), "{e}");
        let l = Locale { exponent: true, ..Locale::default() };
        assert_eq!(parse_number("1.2E7", Some(&l)).unwrap().normalize().to_string(), "12000000");
        assert_eq!(parse_number("4.5e-3", Some(&l)).unwrap().to_string(), "0.0045");
        assert_eq!(parse_number("-3E+2", Some(&l)).unwrap().normalize().to_string(), "-300");
        assert_eq!(parse_number("12", Some(&l)).unwrap().to_string(), "12");
        let swedish = Locale { exponent: true, ..sv() };
        assert_eq!(parse_number("1,25E3", Some(&swedish)).unwrap().normalize().to_string(), "1250");
        assert!(parse_number("1E99", Some(&l)).unwrap_err().contains("out of range"));
        assert!(parse_number("E7", Some(&l)).unwrap_err().contains("not a number"));
    }

    #[test]
    fn words_are_not_a_number() {
        for text in ["N/A", "Not Available", "n.a.", "-", "kr"] {
            let e = parse_number(text, None).unwrap_err();
            assert!(e.ends_with(": not a number"), "{text}: {e}");
            let e = parse_number(text, Some(&sv())).unwrap_err();
            assert!(e.ends_with(": not a number"), "{text}: {e}");
        }
        assert!(parse_number("1,000", None).unwrap_err().contains("separators"));
        let e = parse_number("1.234.567", None).unwrap_err();
        assert!(e.contains("thousands separator") && e.contains("[locale]"), "{e}");
        assert!(parse_number("1.5", None).is_ok());
        let l = Locale { missing_values: vec!["N/A".into(), "Not  available".into()], ..Locale::default() };
        assert!(l.is_missing(" n/a ") && l.is_missing("NOT AVAILABLE") && !l.is_missing("") && !l.is_missing("0"));
    }

    #[test]
    fn labels() {
        assert_eq!(normalise_label(" About\u{a0}half\u{a0}of it "), "about half of it");
    }
}
