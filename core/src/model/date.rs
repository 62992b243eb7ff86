//! Dates as sources know them: full, year-month, year, or month-day with the year unknown.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date known only as precisely as its source knows it.
///
/// Written in kartan JSON as an ISO 8601 string:
///
/// | form | example | meaning |
/// |---|---|---|
/// | `YYYY-MM-DD` | `2010-04-14` | a full date |
/// | `YYYY-MM` | `2010-04` | a month |
/// | `YYYY` | `2010` | a year |
/// | `--MM-DD` | `--04-14` | a day whose year the source does not give (ISO 8601 truncated form) |
///
/// The seed document dates its closing project-leader meeting "14-15 april" with no
/// year; kartan keeps exactly that (`--04-14` to `--04-15`) rather than invent a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartialDate {
    /// A year.
    Year(i32),
    /// A month of a year (`month` 1-12).
    YearMonth {
        /// The year.
        year: i32,
        /// The month, 1-12.
        month: u32,
    },
    /// A full calendar date.
    Date(NaiveDate),
    /// A day of a month in a year the source does not give.
    MonthDay {
        /// The month, 1-12.
        month: u32,
        /// The day of the month, 1-31.
        day: u32,
    },
}

/// Why a string is not a [`PartialDate`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date {input:?}: expected YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD")]
pub struct DateParseError {
    /// The rejected input.
    pub input: String,
}

impl PartialDate {
    /// The first day this date can mean; `None` when the year is unknown.
    pub fn earliest(&self) -> Option<NaiveDate> {
        match *self {
            PartialDate::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            PartialDate::YearMonth { year, month } => NaiveDate::from_ymd_opt(year, month, 1),
            PartialDate::Date(d) => Some(d),
            PartialDate::MonthDay { .. } => None,
        }
    }

    /// The last day this date can mean; `None` when the year is unknown.
    pub fn latest(&self) -> Option<NaiveDate> {
        match *self {
            PartialDate::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31),
            PartialDate::YearMonth { year, month } => {
                let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
                NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
            }
            PartialDate::Date(d) => Some(d),
            PartialDate::MonthDay { .. } => None,
        }
    }

    /// The full date, when the source gives one.
    pub fn full(&self) -> Option<NaiveDate> {
        match *self {
            PartialDate::Date(d) => Some(d),
            _ => None,
        }
    }

    /// The year, when known.
    pub fn year(&self) -> Option<i32> {
        self.earliest().map(|d| d.year())
    }

    /// Orders two dates for "end before start" checks: `Some(true)` when `self` is
    /// certainly before `other`, `Some(false)` when certainly not, `None` when the
    /// precision does not allow a verdict (overlapping ranges, or an unknown year on
    /// only one side).
    pub fn certainly_before(&self, other: &PartialDate) -> Option<bool> {
        match (self, other) {
            (PartialDate::MonthDay { month: m1, day: d1 }, PartialDate::MonthDay { month: m2, day: d2 }) => {
                Some((m1, d1) < (m2, d2))
            }
            _ => {
                let (a_lo, a_hi) = (self.earliest()?, self.latest()?);
                let (b_lo, b_hi) = (other.earliest()?, other.latest()?);
                if a_hi < b_lo {
                    Some(true)
                } else if a_lo >= b_hi {
                    Some(false)
                } else {
                    None
                }
            }
        }
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(d: NaiveDate) -> Self {
        PartialDate::Date(d)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Year(y) => write!(f, "{y:04}"),
            PartialDate::YearMonth { year, month } => write!(f, "{year:04}-{month:02}"),
            PartialDate::Date(d) => write!(f, "{d}"),
            PartialDate::MonthDay { month, day } => write!(f, "--{month:02}-{day:02}"),
        }
    }
}

impl FromStr for PartialDate {
    type Err = DateParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateParseError { input: s.to_owned() };
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        if let Some(rest) = s.strip_prefix("--") {
            let (m, d) = rest.split_once('-').ok_or_else(err)?;
            if !digits(m, 2) || !digits(d, 2) {
                return Err(err());
            }
            let (month, day): (u32, u32) = (m.parse().map_err(|_| err())?, d.parse().map_err(|_| err())?);
            // 2000 is a leap year, so 29 February is accepted.
            NaiveDate::from_ymd_opt(2000, month, day).ok_or_else(err)?;
            return Ok(PartialDate::MonthDay { month, day });
        }
        let parts: Vec<&str> = s.split('-').collect();
        match parts.as_slice() {
            [y] if digits(y, 4) => Ok(PartialDate::Year(y.parse().map_err(|_| err())?)),
            [y, m] if digits(y, 4) && digits(m, 2) => {
                let (year, month) = (y.parse().map_err(|_| err())?, m.parse().map_err(|_| err())?);
                NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(err)?;
                Ok(PartialDate::YearMonth { year, month })
            }
            [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => {
                NaiveDate::parse_from_str(s, "%Y-%m-%d").map(PartialDate::Date).map_err(|_| err())
            }
            _ => Err(err()),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = Cow::<str>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for PartialDate {
    fn schema_name() -> Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "ISO 8601 date as precise as the source: YYYY-MM-DD, YYYY-MM, YYYY, or --MM-DD when the year is unknown.",
            "pattern": "^(\\d{4}(-\\d{2}(-\\d{2})?)?|--\\d{2}-\\d{2})$"
        })
    }
}

/// A span of time whose ends may be unknown or partial.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateRange {
    /// The first day (inclusive), as precisely as known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    /// The last day (inclusive), as precisely as known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
}

impl DateRange {
    /// A range between two full dates.
    pub fn between(start: NaiveDate, end: NaiveDate) -> Self {
        Self { start: Some(start.into()), end: Some(end.into()) }
    }

    /// True when neither end is known.
    pub fn is_unknown(&self) -> bool {
        self.start.is_none() && self.end.is_none()
    }

    /// True when the end is certainly before the start.
    pub fn ends_before_start(&self) -> bool {
        matches!((self.start, self.end), (Some(s), Some(e)) if e.certainly_before(&s) == Some(true))
    }

    /// True when `day` certainly falls inside the range (both ends known to the day or coarser).
    pub fn certainly_contains(&self, day: NaiveDate) -> bool {
        let after_start = self.start.and_then(|s| s.latest()).is_none_or(|s| s <= day);
        let before_end = self.end.and_then(|e| e.earliest()).is_none_or(|e| day <= e);
        after_start && before_end
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.start, self.end) {
            (Some(s), Some(e)) if s == e => write!(f, "{s}"),
            (Some(s), Some(e)) => write!(f, "{s} – {e}"),
            (Some(s), None) => write!(f, "{s} –"),
            (None, Some(e)) => write!(f, "– {e}"),
            (None, None) => f.write_str("date unknown"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_prints_every_form() {
        for s in ["2010-04-14", "2010-04", "2010", "--04-14", "--02-29"] {
            assert_eq!(d(s).to_string(), s);
        }
        for bad in ["", "10", "2010-4", "2010-13", "2010-02-30", "--13-01", "14 april", "2010-04-14T00:00"] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad}");
        }
    }

    #[test]
    fn bounds_of_partial_dates() {
        assert_eq!(d("2012-02").latest(), NaiveDate::from_ymd_opt(2012, 2, 29));
        assert_eq!(d("2012").earliest(), NaiveDate::from_ymd_opt(2012, 1, 1));
        assert_eq!(d("--04-14").earliest(), None);
    }

    #[test]
    fn before_is_decided_only_when_certain() {
        assert_eq!(d("2010-01").certainly_before(&d("2010-02-01")), Some(true));
        assert_eq!(d("2010").certainly_before(&d("2010-06-01")), None);
        assert_eq!(d("--04-15").certainly_before(&d("--04-14")), Some(false));
        assert_eq!(d("--04-14").certainly_before(&d("2010")), None);
        let r = DateRange { start: Some(d("2011-01-01")), end: Some(d("2010-12")) };
        assert!(r.ends_before_start());
    }
}
