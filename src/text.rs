//! Numbers to text and text to numbers: the one home for how the page, the charts, the links, the
//! scenario files and the command line write and read a double.
//!
//! Writing: [`shortest`] and [`exponent`] (round trip), [`fixed`] and [`trimmed`] (so many places),
//! [`thousands`] (counts and tonnages), and for shares [`percent`], [`whole_percent`],
//! [`percent_short`], [`percent_tick`] and [`points`]. Each has one behaviour, written in its doc
//! comment; where two differ (how a half is rounded, what a value that is not finite becomes) the
//! difference is what some reader already sees, and the docs say which is which.
//!
//! Writing is Rust's own formatting. Reading gives exactly what `text.parse::<f64>()` gives, bit for
//! bit, for Rust's float syntax; natively it is that call, and on wasm32 it is the JavaScript engine's
//! `parseFloat` (correctly rounded, as Rust's is) after the syntax is checked here. That keeps Rust's
//! float parser and its tables (about 15 KB of the gzipped page, see BENCHMARKS.md) out of the
//! download. `parseFloat` is a language built-in that works in a page, a worker and Node alike, not a
//! browser API: the core still never touches a page. `tests/wasm_model.rs` compares the two in Chromium.

/// The shortest text that reads back as `value`, without an exponent: "0.25", "1000", "-0".
pub fn shortest(value: f64) -> String {
    format!("{value}")
}

/// The shortest round-trip digits in exponent form: "2.5e-1", "1e3".
pub fn exponent(value: f64) -> String {
    format!("{value:e}")
}

/// `value` rounded to `decimals` places, ties to even: "3.4".
pub fn fixed(value: f64, decimals: usize) -> String {
    format!("{value:.decimals$}")
}

/// `value` with at most `decimals` places, ties to even, and no trailing zeros or trailing point:
/// "2.75", "60", "28.7" (a whole number keeps its zeros: "60", not "6").
pub fn trimmed(value: f64, decimals: usize) -> String {
    let text = fixed(value, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// A whole number with thousands separators: "12,300".
///
/// `value` is rounded as [`fixed`] rounds (ties to even: 2.5 is "2"), its digits grouped by three
/// with commas, and a negative number keeps its minus sign unless it rounds to zero ("-2,500", but
/// "0" for -0.4). Counts and tonnages are always finite; a value that is not reads "0", so a chart
/// never shows "NaN" (the command line writes "no" for an unbounded cap, at its call site).
pub fn thousands(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_string();
    }
    let digits = fixed(value.abs(), 0);
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0.0 && digits != "0" {
        grouped.push('-');
    }
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// A share (0.034) as a percentage with `decimals` places, ties to even: "3.4%". The command line's
/// tables, the projection table and the analyses' sentences use one decimal.
pub fn percent(share: f64, decimals: usize) -> String {
    fixed(share * 100.0, decimals) + "%"
}

/// A share as a whole percentage with a half rounded away from zero: 0.1 is "10%", 0.125 is "13%"
/// (where `percent(0.125, 0)` gives "12%"). The page's headline names targets and thresholds so.
pub fn whole_percent(share: f64) -> String {
    format!("{}%", shortest((share * 100.0).round()))
}

/// A share as the charts write it, short but telling small shares apart: one decimal under 9.95%
/// ("1.1%", "9.9%"), whole numbers from there ("10%", "91%"). A share that is not finite reads
/// "0.0%", so a chart never shows "NaN".
pub fn percent_short(share: f64) -> String {
    let value = if share.is_finite() {
        share * 100.0
    } else {
        0.0
    };
    if value.abs() < 9.95 {
        fixed(value, 1) + "%"
    } else {
        fixed(value, 0) + "%"
    }
}

/// A percentage axis label: a whole number when the percentage is one (within a millionth of a
/// point), else one decimal: "5%", "2.5%".
pub fn percent_tick(share: f64) -> String {
    let value = share * 100.0;
    if (value - value.round()).abs() < 1e-6 {
        fixed(value, 0) + "%"
    } else {
        fixed(value, 1) + "%"
    }
}

/// The size of a difference between two shares in percentage points, one decimal, without its sign
/// (the sentence says "short of" or "above"): -0.0689 is "6.9". A difference that is not finite
/// reads "0.0".
pub fn points(difference: f64) -> String {
    let value = if difference.is_finite() {
        difference * 100.0
    } else {
        0.0
    };
    fixed(value.abs(), 1)
}

/// A finite number in Rust's float syntax (sign, digits, one point, an exponent; no `inf` or `NaN`,
/// no spaces), as `text.parse::<f64>()` reads it; `None` for other text and for values that overflow.
pub fn parse_number(text: &str) -> Option<f64> {
    if !is_number_syntax(text) {
        return None;
    }
    parse_valid(text).filter(|value| value.is_finite())
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_valid(text: &str) -> Option<f64> {
    text.parse::<f64>().ok()
}

#[cfg(target_arch = "wasm32")]
fn parse_valid(text: &str) -> Option<f64> {
    // parseFloat reads this syntax ("1.", ".5", "+1e-3") whole and rounds correctly.
    Some(js_sys::Number::parse_float(text))
}

/// Rust's float grammar without the words: `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`.
fn is_number_syntax(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = usize::from(matches!(bytes.first(), Some(b'+' | b'-')));
    let digits = |at: &mut usize| {
        let start = *at;
        while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
            *at += 1;
        }
        *at - start
    };
    let whole = digits(&mut at);
    let mut fraction = 0;
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        fraction = digits(&mut at);
    }
    if whole + fraction == 0 {
        return false;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        if digits(&mut at) == 0 {
            return false;
        }
    }
    at == bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parse_reads_rust_syntax_only() {
        for good in [
            "1", "-1", "+1", "1.", ".5", "1e5", "1E+5", "-0", "1.5e-7", "007", "5e-324",
        ] {
            assert_eq!(parse_number(good), good.parse::<f64>().ok(), "{good}");
        }
        for bad in [
            "", ".", "e5", "1e", "1e+", "--1", "1.2.3", "inf", "NaN", " 1", "1 ", "0x10", "1e400",
            "+",
        ] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn percent_rounds_the_percentage() {
        assert_eq!(percent(0.034, 1), "3.4%");
        assert_eq!(percent(0.1, 0), "10%");
        assert_eq!(fixed(0.25, 1), "0.2");
    }

    #[test]
    fn percentages_for_each_reader() {
        assert_eq!(whole_percent(0.1), "10%");
        assert_eq!(whole_percent(0.125), "13%");
        assert_eq!(percent(0.125, 0), "12%");
        assert_eq!(percent_short(0.912), "91%");
        assert_eq!(percent_short(0.0112), "1.1%");
        assert_eq!(percent_short(0.0996), "10%");
        assert_eq!(percent_short(f64::NAN), "0.0%");
        assert_eq!(percent_tick(0.05), "5%");
        assert_eq!(percent_tick(0.025), "2.5%");
        assert_eq!(points(-0.0689), "6.9");
        assert_eq!(points(f64::INFINITY), "0.0");
        assert_eq!(trimmed(27.5, 2), "27.5");
        assert_eq!(trimmed(60.0, 2), "60");
        assert_eq!(trimmed(60.0, 0), "60");
    }

    #[test]
    fn thousands_groups_digits_and_rounds_ties_to_even() {
        assert_eq!(thousands(0.0), "0");
        assert_eq!(thousands(999.4), "999");
        assert_eq!(thousands(1234.0), "1,234");
        assert_eq!(thousands(1_234_567.0), "1,234,567");
        assert_eq!(thousands(-2500.0), "-2,500");
        assert_eq!(thousands(-0.4), "0");
        assert_eq!(thousands(2.5), "2");
        assert_eq!(thousands(1e21), "1,000,000,000,000,000,000,000");
        assert_eq!(thousands(f64::NAN), "0");
        assert_eq!(thousands(f64::NEG_INFINITY), "0");
    }

    proptest! {
        #[test]
        fn parse_matches_rust(text in "[-+]?[0-9]{0,20}(\\.[0-9]{0,20})?([eE][-+]?[0-9]{1,3})?") {
            let rust = text.parse::<f64>().ok().filter(|value| value.is_finite());
            prop_assert_eq!(parse_number(&text).map(f64::to_bits), rust.map(f64::to_bits));
        }

        #[test]
        fn syntax_accepts_exactly_what_rust_reads(text in "[-+.eE0-9]{0,8}") {
            prop_assert_eq!(is_number_syntax(&text), text.parse::<f64>().is_ok());
        }
    }
}
