//! Strict decimal numbers (DESIGN.md rule 7).
//!
//! `1,000`, `1.5E6`, `(1200)` or `1 234,5` in a decimal field are errors, never a silent
//! 1 or 1.5. The accepted form is XML Schema's `xs:decimal`: an optional sign, digits,
//! an optional decimal point and digits (`12`, `-0.5`, `+3.`, `.25`), with surrounding
//! white space ignored. Locale forms are read only by table readers told the locale.

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};

/// Why a text is not a strict decimal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid number {input:?}: {reason}")]
pub struct NumberError {
    /// The rejected text.
    pub input: String,
    /// What is wrong.
    pub reason: &'static str,
}

/// Parses `xs:decimal` text strictly into an exact [`Decimal`].
///
/// # Errors
/// [`NumberError`] for anything but optional sign, digits and one optional point:
/// thousands separators, exponents, parentheses, currency signs, empty text, or a value
/// a [`Decimal`] cannot hold exactly — beyond ±79,228,162,514,264,337,593,543,950,335, or
/// with digits past the 28th decimal place that are not zeros. A number is never rounded.
pub fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    let s = text.trim();
    let err = |reason| Err(NumberError { input: text.to_owned(), reason });
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    if body.is_empty() {
        return err("expected digits");
    }
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if int.is_empty() && frac.is_empty() {
        return err("expected digits");
    }
    if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return err(if body.contains([',', ' ', '\u{a0}']) {
            "thousands or decimal-comma separators are not allowed; use digits and '.'"
        } else if is_exponent_form(body) {
            "exponent notation is not allowed"
        } else {
            "expected optional sign, digits and '.'"
        });
    }
    let too_long = "more digits than an exact decimal holds (at most 28 decimal places and 28 to 29 significant digits; it would be rounded)";
    // `12`, `-12.5`: rust_decimal reads these as they are; `+12`, `12.`, `.5` are spelled out first.
    let plain = !s.starts_with('+') && !int.is_empty() && (frac.is_empty() != body.contains('.'));
    let mut d = if plain {
        s.parse::<Decimal>().or_else(|_| err(too_long))?
    } else {
        let sign = if s.starts_with('-') { "-" } else { "" };
        let int = if int.is_empty() { "0" } else { int };
        let frac = if frac.is_empty() { "0" } else { frac };
        format!("{sign}{int}.{frac}").parse::<Decimal>().or_else(|_| err(too_long))?
    };
    if frac.is_empty() {
        d = d.trunc();
    }
    // rust_decimal rounds what it cannot hold (a 29th decimal place, a 29th significant
    // digit); the digits it kept must be the digits given. Up to 28 digits in all always
    // fit (10^28 < 2^96, scale <= 28): only longer texts are compared digit by digit.
    if int.len() + frac.len() > 28 && !same_digits(d, int, frac) {
        return err(too_long);
    }
    Ok(d)
}

/// True when `d` is exactly the number written `int`.`frac` (unsigned digit strings).
fn same_digits(d: Decimal, int: &str, frac: &str) -> bool {
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let kept = d.abs().normalize().to_string();
    let (kept_int, kept_frac) = kept.split_once('.').unwrap_or((kept.as_str(), ""));
    kept_int.trim_start_matches('0') == int && kept_frac == frac
}

/// How many significant decimal digits any binary64 float keeps exactly (`DBL_DIG`).
const FLOAT_DIGITS: usize = 15;

/// The decimal a JSON number with a fraction or an exponent (read as a binary64 float,
/// as every JSON reader here does) stands for: the shortest text that reads back as `v`.
///
/// A float keeps 15 significant digits exactly. When the shortest text of `v` needs more
/// (`12345678901234567.89` reads as `12345678901234568`), or `v` is a whole number from
/// 2^53 on, digits the writer gave may already be gone: that is an error asking for the
/// number as a string, never a silently rounded value (DESIGN.md rules 7 and 8). Whole
/// JSON numbers without a fraction or exponent are read exactly as integers and never
/// come here (up to 2^64).
///
/// # Errors
/// [`NumberError`] for NaN or infinity, for a float that may have lost digits, and for
/// one outside what a [`Decimal`] holds.
pub fn decimal_of_f64(v: f64) -> Result<Decimal, NumberError> {
    let text = format!("{v}");
    let err = |reason| Err(NumberError { input: text.clone(), reason });
    if !v.is_finite() {
        return err("NaN and infinite values are not numbers");
    }
    let significant = text.trim_start_matches('-').replace('.', "");
    let significant = significant.trim_start_matches('0').trim_end_matches('0');
    if significant.len() > FLOAT_DIGITS || v.abs() >= 9_007_199_254_740_992.0 {
        return err(
            "a JSON number with a fraction or exponent keeps at most 15 significant digits (whole numbers up to 2^53) and this one may have been rounded when read; write it as a string, e.g. \"12345678901234567.89\"",
        );
    }
    parse_decimal(&text)
}

/// Whether `body` (a number without its sign) is written with an exponent: digits with
/// an optional point, `e` or `E`, an optional sign and digits (`1.5E6`, `2e-3`). Other
/// text with an `e` (`true`, `none`) is no number at all.
fn is_exponent_form(body: &str) -> bool {
    let Some((mantissa, exponent)) = body.split_once(['e', 'E']) else { return false };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    !(int.is_empty() && frac.is_empty())
        && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
        && !exponent.is_empty()
        && exponent.bytes().all(|b| b.is_ascii_digit())
}

struct DecimalVisitor;

impl Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number as a string (\"1234.50\") or a JSON number")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_decimal(v).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        decimal_of_f64(v).map_err(E::custom)
    }
}

/// Serde for a [`Decimal`] field: written as a string, read strictly.
pub mod strict {
    use super::*;

    /// Writes the exact decimal as a string.
    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    /// Reads a string with [`parse_decimal`], or a finite JSON number.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        d.deserialize_any(DecimalVisitor)
    }
}

/// Serde for an `Option<Decimal>` field: as [`strict`], `null` for `None`.
pub mod strict_opt {
    use super::*;

    /// Writes the exact decimal as a string, or `null`.
    pub fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    /// Reads `null`, a strict decimal string or a finite JSON number.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        struct Opt;
        impl<'de> Visitor<'de> for Opt {
            type Value = Option<Decimal>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("null or a decimal number")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
                d.deserialize_any(DecimalVisitor).map(Some)
            }
        }
        d.deserialize_option(Opt)
    }
}

/// JSON Schema of a strict decimal: a string in `xs:decimal` form, or a JSON number.
pub fn schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": ["string", "number"],
        "pattern": "^\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)\\s*$",
        "description": "Exact decimal: optional sign, digits and one optional '.', written as a string; no thousands separators or exponents (DESIGN.md rule 7)."
    })
}

/// [`schema`] or `null`.
pub fn schema_opt(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": ["string", "number", "null"],
        "pattern": "^\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)\\s*$",
        "description": "Exact decimal: optional sign, digits and one optional '.', written as a string; no thousands separators or exponents (DESIGN.md rule 7)."
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_xs_decimal() {
        for (s, want) in [
            ("12", "12"),
            ("-0.5", "-0.5"),
            ("+3.", "3"),
            (".25", "0.25"),
            (" 1234.50 ", "1234.50"),
            ("-0", "0"),
            ("5.", "5"),
            ("+5", "5"),
            ("-12.50", "-12.50"),
            ("007", "7"),
            ("0.000", "0.000"),
        ] {
            assert_eq!(parse_decimal(s).unwrap().to_string(), want, "{s}");
        }
    }

    #[test]
    fn refuses_everything_else() {
        for s in [
            "",
            "-",
            ".",
            "1,000",
            "1.5E6",
            "1e3",
            "(1200)",
            "1 234,5",
            "12 kr",
            "NaN",
            "inf",
            "0x10",
            "1.2.3",
            "1_000",
            "+-1",
            "--1",
            "99999999999999999999999999999",
            // Beyond what a Decimal holds exactly: rust_decimal would round these.
            "0.00000000000000000000000000001",
            "1.00000000000000000000000000001",
            "7.9228162514264337593543950336",
            "79228162514264337593543950336",
        ] {
            assert!(parse_decimal(s).is_err(), "{s:?} accepted");
        }
        assert!(parse_decimal("1,000").unwrap_err().to_string().contains("separators"));
        assert!(parse_decimal("0.00000000000000000000000000001").unwrap_err().to_string().contains("would be rounded"));
    }

    #[test]
    fn keeps_every_digit_up_to_the_limit() {
        for (s, want) in [
            ("79228162514264337593543950335", "79228162514264337593543950335"),
            ("-79228162514264337593543950335", "-79228162514264337593543950335"),
            ("0.0000000000000000000000000001", "0.0000000000000000000000000001"),
            ("7.922816251426433759354395033", "7.922816251426433759354395033"),
            // Zeros past the 28th place change no value.
            ("1.000000000000000000000000000000", "1.0000000000000000000000000000"),
            ("000123.4500", "123.4500"),
        ] {
            assert_eq!(parse_decimal(s).map(|d| d.to_string()), Ok(want.to_owned()), "{s}");
        }
    }

    #[test]
    fn json_floats_are_exact_or_refused() {
        for (v, want) in [(0.1, "0.1"), (1234.5, "1234.5"), (1.5e6, "1500000"), (-0.25, "-0.25"), (1e-7, "0.0000001")] {
            assert_eq!(decimal_of_f64(v).map(|d| d.to_string()), Ok(want.to_owned()), "{v}");
        }
        assert_eq!(decimal_of_f64(1234567890123.45).map(|d| d.to_string()), Ok("1234567890123.45".to_owned()));
        for v in [
            12345678901234567.89,
            123456789012345.6,
            0.1 + 0.2,
            9_007_199_254_740_992.0,
            1e20,
            1.2345678901234567e-5,
            f64::NAN,
        ] {
            let e = decimal_of_f64(v).unwrap_err();
            assert!(e.reason.contains("may have been rounded") || e.reason.contains("NaN"), "{v}: {e}");
        }
        let e: Result<crate::model::Money, _> =
            serde_json::from_str(r#"{"amount": 12345678901234567.89, "currency": "SEK"}"#);
        let e = e.unwrap_err().to_string();
        assert!(e.contains(r#"invalid number "12345678901234568": a JSON number"#), "{e}");
    }

    #[test]
    fn exponent_named_only_for_an_exponent() {
        for s in ["1.5E6", "1e3", "-2.e-3", ".5E+2"] {
            assert_eq!(parse_decimal(s).unwrap_err().reason, "exponent notation is not allowed", "{s}");
        }
        // Words with an `e` are no numbers at all, not numbers with an exponent.
        for s in ["true", "false", "none", "e5", "1e", "1e+", "1.2.3e4"] {
            assert_eq!(parse_decimal(s).unwrap_err().reason, "expected optional sign, digits and '.'", "{s}");
        }
    }
}
