//! A rate table the user supplies: CSV `date,currency,rate_to_target`, read strictly.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::number::parse_decimal;
use crate::model::PartialDate;

/// One rate: on and after `date` (until the currency's next rate), one unit of
/// `currency` is worth `rate` units of the target currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// The first day the rate is in force.
    pub date: NaiveDate,
    /// The ISO 4217 code of the currency converted from (three ASCII capital letters).
    pub currency: [u8; 3],
    /// Units of the target currency for one unit of `currency`; above 0, exact.
    pub rate: Decimal,
}

impl Rate {
    /// The currency code as text.
    pub fn currency(&self) -> &str {
        // Three ASCII capitals (checked on reading).
        std::str::from_utf8(&self.currency).unwrap_or("")
    }
}

/// Conversion rates to one target currency, read from a CSV file the user gives
/// ([`RateTable::from_csv`]); kartan never finds a rate by itself (DESIGN.md
/// "Transaction": never convert without a rate the user gave).
///
/// The file has a header row and three columns: `date` (`YYYY-MM-DD`), `currency` (an
/// ISO 4217 code, three capital letters) and the rate (a strict decimal above 0: units
/// of the target for one unit of `currency`). The third column's header is
/// `rate_to_target`, or `rate_to_XXX` with the target's code (`rate_to_SEK`): then
/// amounts already in `XXX` need no row (their rate is 1), and the converted rows of
/// [`super::money_table`] name `XXX` as their currency.
///
/// The rate in force on a day ([`RateTable::rate_on`]) is the currency's latest rate
/// dated on or before that day; there is none before the currency's first row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RateTable {
    target: Option<String>,
    /// Sorted by currency, then date; one rate per currency and day.
    rates: Vec<Rate>,
}

/// Why a rate table is refused: the file, the line, the column and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}{}: {kind}", column_part(*.column))]
pub struct RateTableError {
    /// The file's name as given.
    pub file: String,
    /// The 1-based line of the row (the header is line 1).
    pub line: u64,
    /// The column, when one cell is at fault: `(1-based number, header name)`.
    pub column: Option<(usize, &'static str)>,
    /// What is wrong.
    pub kind: RateTableErrorKind,
}

fn column_part(column: Option<(usize, &'static str)>) -> String {
    column.map_or_else(String::new, |(n, name)| format!(": column {n} ({name})"))
}

/// What is wrong in a rate table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RateTableErrorKind {
    /// The header is not `date,currency,rate_to_target` (or `rate_to_XXX`).
    #[error("the header is {found:?}, expected \"date,currency,rate_to_target\" (or rate_to_ and the target's ISO 4217 code)")]
    Header {
        /// The header as found.
        found: String,
    },
    /// A row has another number of cells than three.
    #[error("{got} cells, expected 3 (date, currency, rate)")]
    Width {
        /// The cells found.
        got: usize,
    },
    /// Not a date `YYYY-MM-DD`.
    #[error("{value:?} is not a date, expected YYYY-MM-DD")]
    Date {
        /// The cell.
        value: String,
    },
    /// Not an ISO 4217 code.
    #[error("{value:?} is not an ISO 4217 currency code, expected three capital letters such as SEK")]
    Currency {
        /// The cell.
        value: String,
    },
    /// Not a number above 0.
    #[error("{value:?} is not a rate, expected a decimal number above 0 such as 10.5 ({reason})")]
    Rate {
        /// The cell.
        value: String,
        /// Why.
        reason: String,
    },
    /// A second rate for one currency on one day.
    #[error("a second rate for {currency} on {date} (the first is on line {first_line})")]
    Repeated {
        /// The currency.
        currency: String,
        /// The day.
        date: NaiveDate,
        /// The line of the first rate.
        first_line: u64,
    },
    /// The file has no header row.
    #[error("the file is empty, expected the header \"date,currency,rate_to_target\"")]
    Empty,
    /// The CSV itself is unreadable (not UTF-8, a broken quote).
    #[error("{0}")]
    Csv(String),
}

/// Whether `code` has the form of an ISO 4217 code: three ASCII capital letters.
pub(crate) fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

impl RateTable {
    /// Reads a rate table from CSV text (`file` names it in errors; a UTF-8 byte-order
    /// mark is skipped, cells are trimmed).
    ///
    /// # Errors
    /// [`RateTableError`] with the file, line and column for a bad header, a row of
    /// another width, a bad date, a bad currency code, a rate that is not a strict
    /// decimal above 0 (DESIGN.md rule 7: `1,5` or `1e3` are refused), two rates for one
    /// currency on one day, an empty file, or text that is not CSV in UTF-8.
    pub fn from_csv(file: &str, text: &[u8]) -> Result<Self, RateTableError> {
        let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
        let error = |line: u64, column: Option<(usize, &'static str)>, kind| RateTableError {
            file: file.to_owned(),
            line,
            column,
            kind,
        };
        let mut reader =
            csv::ReaderBuilder::new().has_headers(false).flexible(true).trim(csv::Trim::All).from_reader(text);
        let mut records = reader.records();
        let header = match records.next() {
            None => return Err(error(1, None, RateTableErrorKind::Empty)),
            Some(Err(e)) => return Err(error(csv_line(&e), None, RateTableErrorKind::Csv(e.to_string()))),
            Some(Ok(h)) => h,
        };
        let rate_name = header.get(2).unwrap_or("");
        let target = match rate_name.strip_prefix("rate_to_") {
            Some("target") => None,
            Some(code) if is_currency_code(code) => Some(code.to_owned()),
            _ => None,
        };
        let good_rate_name = rate_name == "rate_to_target" || target.is_some();
        if header.len() != 3 || header.get(0) != Some("date") || header.get(1) != Some("currency") || !good_rate_name {
            let found = header.iter().collect::<Vec<_>>().join(",");
            return Err(error(1, None, RateTableErrorKind::Header { found }));
        }
        // (rate, line), the line for a repeated day's message.
        let mut rows: Vec<(Rate, u64)> = Vec::new();
        for record in records {
            let record = record.map_err(|e| error(csv_line(&e), None, RateTableErrorKind::Csv(e.to_string())))?;
            let line = record.position().map_or(0, csv::Position::line);
            if record.len() == 1 && record.get(0) == Some("") {
                continue; // a blank line
            }
            if record.len() != 3 {
                return Err(error(line, None, RateTableErrorKind::Width { got: record.len() }));
            }
            let cell = |i: usize| record.get(i).unwrap_or("").to_owned();
            let date = match cell(0).parse::<PartialDate>() {
                Ok(PartialDate::Date(d)) => d,
                _ => return Err(error(line, Some((1, "date")), RateTableErrorKind::Date { value: cell(0) })),
            };
            let code = cell(1);
            let currency: [u8; 3] = match code.as_bytes() {
                &[a, b, c] if is_currency_code(&code) => [a, b, c],
                _ => return Err(error(line, Some((2, "currency")), RateTableErrorKind::Currency { value: code })),
            };
            let rate = match parse_decimal(&cell(2)) {
                Ok(r) if r > Decimal::ZERO => r,
                Ok(_) => {
                    let reason = "a rate is above 0".to_owned();
                    return Err(error(
                        line,
                        Some((3, "rate_to_target")),
                        RateTableErrorKind::Rate { value: cell(2), reason },
                    ));
                }
                Err(e) => {
                    let reason = e.reason.to_owned();
                    return Err(error(
                        line,
                        Some((3, "rate_to_target")),
                        RateTableErrorKind::Rate { value: cell(2), reason },
                    ));
                }
            };
            if let Some((_, first_line)) = rows.iter().find(|(r, _)| r.currency == currency && r.date == date) {
                let kind = RateTableErrorKind::Repeated { currency: code, date, first_line: *first_line };
                return Err(error(line, Some((1, "date")), kind));
            }
            rows.push((Rate { date, currency, rate }, line));
        }
        let mut rates: Vec<Rate> = rows.into_iter().map(|(r, _)| r).collect();
        crate::sort::sort_by_key(&mut rates, |r| (r.currency, r.date));
        Ok(Self { target, rates })
    }

    /// The target currency's code when the header names it (`rate_to_SEK`), else `None`.
    pub fn target(&self) -> Option<&str> {
        self.target.as_deref()
    }

    /// The rates, sorted by currency then date.
    pub fn rates(&self) -> &[Rate] {
        &self.rates
    }

    /// The rate of `currency` in force on `day`: its latest rate dated on or before
    /// `day`; 1 for the named target currency itself; `None` when there is none.
    pub fn rate_on(&self, currency: &str, day: NaiveDate) -> Option<Decimal> {
        if self.target.as_deref() == Some(currency) {
            return Some(Decimal::ONE);
        }
        let key = currency.as_bytes();
        // The rates of the currency dated on or before `day` end at `end`.
        let end = self.rates.partition_point(|r| (&r.currency[..], r.date) <= (key, day));
        let last = self.rates.get(end.checked_sub(1)?)?;
        (last.currency[..] == *key).then_some(last.rate)
    }
}

impl fmt::Display for RateTable {
    /// The table as CSV again (`date,currency,rate_to_…`), sorted.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "date,currency,rate_to_{}", self.target.as_deref().unwrap_or("target"))?;
        for r in &self.rates {
            writeln!(f, "{},{},{}", r.date, r.currency(), r.rate)?;
        }
        Ok(())
    }
}

fn csv_line(e: &csv::Error) -> u64 {
    e.position().map_or(0, csv::Position::line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn read(text: &str) -> Result<RateTable, String> {
        RateTable::from_csv("rates.csv", text.as_bytes()).map_err(|e| e.to_string())
    }

    #[test]
    fn the_rate_in_force_is_the_latest_on_or_before_the_day() {
        let t =
            read("\u{feff}date,currency,rate_to_SEK\n2024-01-01,EUR,11.5\n2024-07-01,EUR,11.25\n2024-03-01,USD,10\n\n")
                .unwrap();
        assert_eq!(t.target(), Some("SEK"));
        assert_eq!(t.rate_on("EUR", day("2023-12-31")), None);
        assert_eq!(t.rate_on("EUR", day("2024-01-01")), Some("11.5".parse().unwrap()));
        assert_eq!(t.rate_on("EUR", day("2024-06-30")), Some("11.5".parse().unwrap()));
        assert_eq!(t.rate_on("EUR", day("2024-07-01")), Some("11.25".parse().unwrap()));
        assert_eq!(t.rate_on("USD", day("2030-01-01")), Some("10".parse().unwrap()));
        assert_eq!(t.rate_on("USD", day("2024-02-29")), None);
        assert_eq!(t.rate_on("SEK", day("1990-01-01")), Some(Decimal::ONE));
        assert_eq!(t.rate_on("NOK", day("2024-07-01")), None);
        assert_eq!(
            t.to_string(),
            "date,currency,rate_to_SEK\n2024-01-01,EUR,11.5\n2024-07-01,EUR,11.25\n2024-03-01,USD,10\n"
        );
        let unnamed = read("date,currency,rate_to_target\n2024-01-01,SEK,1\n").unwrap();
        assert_eq!(unnamed.target(), None);
        assert_eq!(unnamed.rate_on("EUR", day("2024-07-01")), None);
    }

    #[test]
    fn bad_input_is_refused_with_file_line_and_column() {
        let h = "date,currency,rate_to_target\n";
        for (text, want) in [
            (format!("{h}2024-13-01,EUR,1"), "rates.csv:2: column 1 (date): \"2024-13-01\" is not a date, expected YYYY-MM-DD"),
            (format!("{h}2024-01-01,EUR,1\n2024,EUR,1"), "rates.csv:3: column 1 (date): \"2024\" is not a date, expected YYYY-MM-DD"),
            (format!("{h}2024-01-01,eur,1"), "rates.csv:2: column 2 (currency): \"eur\" is not an ISO 4217 currency code, expected three capital letters such as SEK"),
            (format!("{h}2024-01-01,EURO,1"), "rates.csv:2: column 2 (currency): \"EURO\" is not an ISO 4217 currency code, expected three capital letters such as SEK"),
            (format!("{h}2024-01-01,EUR,\"1,5\""), "rates.csv:2: column 3 (rate_to_target): \"1,5\" is not a rate, expected a decimal number above 0 such as 10.5 (thousands or decimal-comma separators are not allowed; use digits and '.')"),
            (format!("{h}2024-01-01,EUR,abc"), "rates.csv:2: column 3 (rate_to_target): \"abc\" is not a rate, expected a decimal number above 0 such as 10.5 (expected optional sign, digits and '.')"),
            (format!("{h}2024-01-01,EUR,0"), "rates.csv:2: column 3 (rate_to_target): \"0\" is not a rate, expected a decimal number above 0 such as 10.5 (a rate is above 0)"),
            (format!("{h}2024-01-01,EUR,11\n2024-01-02,EUR,11\n2024-01-01,EUR,11.1"), "rates.csv:4: column 1 (date): a second rate for EUR on 2024-01-01 (the first is on line 2)"),
            (format!("{h}2024-01-01,EUR"), "rates.csv:2: 2 cells, expected 3 (date, currency, rate)"),
            ("date,currency,rate\n".to_owned(), "rates.csv:1: the header is \"date,currency,rate\", expected \"date,currency,rate_to_target\" (or rate_to_ and the target's ISO 4217 code)"),
            (String::new(), "rates.csv:1: the file is empty, expected the header \"date,currency,rate_to_target\""),
        ] {
            assert_eq!(read(&text).unwrap_err(), want, "{text}");
        }
        let e = RateTable::from_csv("r.csv", b"date,currency,rate_to_target\n2024-01-01,\xff\xfe,1\n").unwrap_err();
        assert!(matches!(e.kind, RateTableErrorKind::Csv(_)), "{e}");
        assert!(e.to_string().starts_with("r.csv:2: "), "{e}");
    }
}
