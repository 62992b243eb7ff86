//! Numbers as the report shows them: rounded for reading, with digit groups in the
//! report's language. The data (`to_json`'s chart values, the JSON format) keeps exact
//! values; only the text cells are rounded.

use rust_decimal::Decimal;

/// At most this many decimals in a figure shown in a table (51.282051… → 51.28).
pub(crate) const DECIMALS: u32 = 2;

/// A value rounded to [`DECIMALS`], trailing zeros dropped, grouped ([`grouped`]):
/// `51.282051282` → "51.28"; `38265` → "38,265" (en) or "38 265" (sv, no-break space).
pub(crate) fn decimal(d: Decimal, lang: &str) -> String {
    grouped(&d.round_dp(DECIMALS).normalize().to_string(), lang)
}

/// A sum of money without its currency: whole amounts without decimals, others with two
/// (`45000000.00` → "45,000,000" in English, "45 000 000" in Swedish; `120.5` → "120.50").
pub(crate) fn amount(a: Decimal, lang: &str) -> String {
    let mut plain = a.round_dp(2).normalize().to_string();
    // Cents are shown in full: "120.5" → "120.50".
    if plain.find('.').is_some_and(|i| plain.len() - i == 2) {
        plain.push('0');
    }
    grouped(&plain, lang)
}

/// A plain decimal numeral (`-1234567.5`) with digit groups of three in an integer part
/// of five digits or more, and the language's decimal mark: English "1,234,567.5",
/// Swedish "1 234 567,5" (U+00A0, so a number never breaks over two lines).
pub(crate) fn grouped(plain: &str, lang: &str) -> String {
    let sv = super::label(lang, "sv", "") == "sv";
    let (sep, mark) = if sv { ('\u{a0}', ',') } else { (',', '.') };
    let (sign, rest) = plain.strip_prefix('-').map_or(("", plain), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(plain.len() + int.len() / 3 + 1);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if int.len() > 4 && i > 0 && (int.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(mark);
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn long_decimals_are_rounded_for_display() {
        assert_eq!(decimal(d("51.282051282051282051282051282"), "en"), "51.28");
        assert_eq!(decimal(d("82.85714285714285714285714286"), "sv"), "82,86");
        assert_eq!(decimal(d("40.00"), "en"), "40");
        assert_eq!(decimal(d("-0.004"), "en"), "0");
    }

    #[test]
    fn money_is_grouped_per_language() {
        assert_eq!(amount(d("45000000.00"), "en"), "45,000,000");
        assert_eq!(amount(d("45000000.00"), "sv"), "45\u{a0}000\u{a0}000");
        assert_eq!(amount(d("120.5"), "en"), "120.50");
        assert_eq!(amount(d("1850000.456"), "sv-SE"), "1\u{a0}850\u{a0}000,46");
        assert_eq!(amount(d("-12345"), "en"), "-12,345");
    }

    #[test]
    fn short_numbers_are_not_grouped() {
        assert_eq!(grouped("1500", "en"), "1500");
        assert_eq!(grouped("2009", "sv"), "2009");
        assert_eq!(grouped("10000", "en"), "10,000");
        assert_eq!(grouped("123456", "en"), "123,456");
        assert_eq!(grouped("0.5", "sv"), "0,5");
    }
}
