//! Numbers to text and text to numbers: the one home for how the page, the charts, the links, the
//! scenario files and the command line write and read a double.
//!
//! Writing: [`shortest`] and [`exponent`] (round trip), [`fixed`] and [`trimmed`] (so many places),
//! [`thousands`] (counts and tonnages), and for shares [`percent`], [`whole_percent`],
//! [`percent_short`], [`percent_tick`] and [`points`]. Each has one behaviour, written in its doc
//! comment; where two differ (how a half is rounded, what a value that is not finite becomes) the
//! difference is what some reader already sees, and the docs say which is which.
//!
//! Writing gives exactly what Rust's own formatting gives (`{}`, `{:e}`, `{:.N}`), character for
//! character; natively it is that formatting, and on wasm32 the JavaScript engine writes the digits
//! (`String(x)`, which is the shortest round trip as Rust's is, and `toFixed`, which rounds the exact
//! binary value as Rust does, except that a tie goes up where Rust's goes to even: ties are found and
//! settled here). Reading gives exactly what `text.parse::<f64>()` gives, bit for bit, for Rust's
//! float syntax; natively it is that call, and on wasm32 it is the JavaScript engine's `parseFloat`
//! (correctly rounded, as Rust's is) after the syntax is checked here. That keeps Rust's float
//! formatter and parser and their tables (about 6 KB and 15 KB of the gzipped page, see
//! BENCHMARKS.md) out of the download. `String`, `toFixed`, `BigInt` and `parseFloat` are language
//! built-ins that work in a page, a worker and Node alike, not browser APIs: the core still never
//! touches a page. `tests/wasm_model.rs` compares both directions with Rust's own in Chromium.

/// The shortest text that reads back as `value`, without an exponent: "0.25", "1000", "-0".
pub fn shortest(value: f64) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    return format!("{value}");
    #[cfg(target_arch = "wasm32")]
    return engine::shortest(value);
}

/// The shortest round-trip digits in exponent form: "2.5e-1", "1e3".
pub fn exponent(value: f64) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    return format!("{value:e}");
    #[cfg(target_arch = "wasm32")]
    return engine::exponent(value);
}

/// How numbers are written for a reader: the decimal mark and the mark between thousands. The
/// page sets it with its language ([`crate::i18n::set_language`]); [`shortest`] and [`exponent`],
/// which links, files and CSV use, never follow it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberStyle {
    /// The decimal mark.
    pub decimal: char,
    /// The mark between groups of three digits in [`thousands`].
    pub group: char,
}

impl NumberStyle {
    /// English and Chinese: "12,300.5".
    pub const PLAIN: NumberStyle = NumberStyle {
        decimal: '.',
        group: ',',
    };
    /// Russian: "12 300,5", a decimal comma and a non-breaking space between thousands.
    pub const RUSSIAN: NumberStyle = NumberStyle {
        decimal: ',',
        group: '\u{a0}',
    };
}

thread_local! {
    static STYLE: std::cell::Cell<NumberStyle> = const { std::cell::Cell::new(NumberStyle::PLAIN) };
}

/// Sets how [`fixed`], [`trimmed`], [`thousands`] and the percentages write numbers from now on
/// (in this thread).
pub fn set_number_style(style: NumberStyle) {
    STYLE.with(|current| current.set(style));
}

/// `text`, a number with a point, in the reader's style.
fn styled(text: String) -> String {
    let decimal = STYLE.with(std::cell::Cell::get).decimal;
    if decimal == '.' {
        text
    } else {
        text.chars()
            .map(|c| if c == '.' { decimal } else { c })
            .collect()
    }
}

/// The shortest text that reads back as `value`, as JSON files write it (serde_json's style):
/// "0.1", "2029.0", "0.00001", "1e-6", "1e+16", "-0.0"; `value` must be finite.
///
/// Plain while the first digit's power of ten lies from -5 to 15, with ".0" on a whole number;
/// beyond, one digit, the rest after a point, and the exponent with its sign. Natively it is
/// serde_json's own writer (zmij); on wasm32 it is laid out here from the JavaScript engine's
/// shortest digits, which take the even digit between two equally near texts as zmij does (Rust's
/// own `{:e}` takes the upper one). A Chromium test compares the two.
pub fn json_number(value: f64) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    return zmij::Buffer::new().format_finite(value).to_string();
    #[cfg(target_arch = "wasm32")]
    return json_layout(&exponent(value));
}

/// A number's text in JSON's style from its shortest digits in Rust's `{:e}` form ("-1.5e-7").
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn json_layout(written: &str) -> String {
    let value_is_negative = written.starts_with('-');
    let (mantissa, power) = written.split_once('e').unwrap_or((written, "0"));
    let power: i32 = power.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    if (-5..16).contains(&power) {
        let mut out = plain(value_is_negative, &digits, power);
        if !out.contains('.') {
            out.push_str(".0");
        }
        return out;
    }
    let mut out = scientific(value_is_negative, &digits, power);
    if power >= 0 {
        out.insert(out.len() - power.to_string().len(), '+');
    }
    out
}

/// `value` rounded to `decimals` places, ties to even, with a point whatever the reader's style.
fn fixed_point(value: f64, decimals: usize) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    return format!("{value:.decimals$}");
    #[cfg(target_arch = "wasm32")]
    return engine::fixed(value, decimals);
}

/// `value` rounded to `decimals` places, ties to even: "3.4" ("3,4" in Russian). The page's callers
/// ask for at most three places; on wasm32 up to 75 are exact (JavaScript's `toFixed` writes at most
/// 100).
pub fn fixed(value: f64, decimals: usize) -> String {
    styled(fixed_point(value, decimals))
}

/// `value` with at most `decimals` places, ties to even, and no trailing zeros or trailing point:
/// "2.75", "60", "28.7" (a whole number keeps its zeros: "60", not "6").
pub fn trimmed(value: f64, decimals: usize) -> String {
    let text = fixed_point(value, decimals);
    styled(if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    })
}

/// A whole number with thousands separators: "12,300" ("12 300" in Russian).
///
/// `value` is rounded as [`fixed`] rounds (ties to even: 2.5 is "2"), its digits grouped by three
/// with commas, and a negative number keeps its minus sign unless it rounds to zero ("-2,500", but
/// "0" for -0.4). Counts and tonnages are always finite; a value that is not reads "0", so a chart
/// never shows "NaN" (the command line writes "no" for an unbounded cap, at its call site).
pub fn thousands(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_string();
    }
    let digits = fixed_point(value.abs(), 0);
    let group = STYLE.with(std::cell::Cell::get).group;
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0.0 && digits != "0" {
        grouped.push('-');
    }
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(group);
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

/// What Rust writes for a value that is not finite, whatever the format: "NaN", "inf", "-inf".
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn not_finite(value: f64) -> String {
    if value.is_nan() {
        "NaN".into()
    } else if value < 0.0 {
        "-inf".into()
    } else {
        "inf".into()
    }
}

/// The significant digits of a non-negative number written as JavaScript's `String(x)` writes it
/// ("0", "123.45", "0.00025", "1.5e+21", "5e-324"): the digits without leading or trailing zeros
/// ("0" for zero) and the power of ten of the first one.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn significant(js: &str) -> (String, i32) {
    let (mantissa, power) = match js.split_once('e') {
        Some((mantissa, power)) => (mantissa, power.trim_start_matches('+').parse().unwrap_or(0)),
        None => (js, 0),
    };
    let whole = mantissa.find('.').unwrap_or(mantissa.len()) as i32;
    let all: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let leading = all.len() - all.trim_start_matches('0').len();
    let digits = all.trim_matches('0');
    if digits.is_empty() {
        return ("0".into(), 0);
    }
    (digits.into(), power + whole - 1 - leading as i32)
}

/// Rust's `{}` from [`significant`]'s digits: no exponent, "-" for a negative sign (also "-0").
fn plain(negative: bool, digits: &str, power: i32) -> String {
    let mut out = String::from(if negative { "-" } else { "" });
    if power < 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-power - 1) as usize));
        out.push_str(digits);
    } else {
        let whole = power as usize + 1;
        if digits.len() <= whole {
            out.push_str(digits);
            out.extend(std::iter::repeat_n('0', whole - digits.len()));
        } else {
            out.push_str(&digits[..whole]);
            out.push('.');
            out.push_str(&digits[whole..]);
        }
    }
    out
}

/// Rust's `{:e}` from [`significant`]'s digits: "2.5e-1", "1e3", "-0e0".
fn scientific(negative: bool, digits: &str, power: i32) -> String {
    let mut out = String::from(if negative { "-" } else { "" });
    out.push_str(&digits[..1]);
    if digits.len() > 1 {
        out.push('.');
        out.push_str(&digits[1..]);
    }
    out.push('e');
    out.push_str(&power.to_string());
    out
}

/// `exact` (a non-negative decimal with a point and more than `decimals` places, long enough that
/// any digit after them which is not zero shows) rounded to `decimals` places with ties to even.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn round_ties_even(exact: &str, decimals: usize) -> String {
    let point = exact.find('.').unwrap_or(exact.len());
    let keep_to = point + decimals + usize::from(decimals > 0);
    let mut kept: Vec<u8> = exact.as_bytes()[..keep_to.min(exact.len())].to_vec();
    // With no places kept, the digits after the point decide.
    let after = exact
        .as_bytes()
        .get(keep_to + usize::from(decimals == 0)..)
        .unwrap_or(&[]);
    let last_odd = kept
        .iter()
        .rev()
        .find(|byte| byte.is_ascii_digit())
        .is_some_and(|digit| digit % 2 == 1);
    let up = match after.first() {
        Some(b'6'..=b'9') => true,
        Some(b'5') => last_odd || after[1..].iter().any(|digit| *digit != b'0'),
        _ => false,
    };
    if up {
        let mut at = kept.len();
        loop {
            if at == 0 {
                kept.insert(0, b'1');
                break;
            }
            at -= 1;
            match kept[at] {
                b'.' => continue,
                b'9' => kept[at] = b'0',
                digit => {
                    kept[at] = digit + 1;
                    break;
                }
            }
        }
    }
    kept.into_iter().map(char::from).collect()
}

/// The JavaScript engine's digits, made into Rust's text (see the module's comment).
#[cfg(target_arch = "wasm32")]
mod engine {
    use js_sys::{BigInt, Number};
    use wasm_bindgen::JsValue;

    /// `String(value)`: Number.prototype.toString in base 10 is the shortest round trip.
    fn js_text(value: f64) -> String {
        Number::from(value)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default()
    }

    pub(super) fn shortest(value: f64) -> String {
        if !value.is_finite() {
            return super::not_finite(value);
        }
        let (digits, power) = super::significant(&js_text(value.abs()));
        super::plain(value.is_sign_negative(), &digits, power)
    }

    pub(super) fn exponent(value: f64) -> String {
        if !value.is_finite() {
            return super::not_finite(value);
        }
        let (digits, power) = super::significant(&js_text(value.abs()));
        super::scientific(value.is_sign_negative(), &digits, power)
    }

    pub(super) fn fixed(value: f64, decimals: usize) -> String {
        if !value.is_finite() {
            return super::not_finite(value);
        }
        let size = value.abs();
        let number = Number::from(size);
        let body = if size >= 1e21 {
            // toFixed writes these with an exponent; they are whole numbers, which BigInt writes exactly.
            let whole = BigInt::new(&JsValue::from_f64(size))
                .ok()
                .and_then(|big| big.to_string(10).ok())
                .map(String::from)
                .unwrap_or_default();
            let mut text = whole;
            if decimals > 0 {
                text.push('.');
                text.extend(std::iter::repeat_n('0', decimals));
            }
            text
        } else {
            // A tie (the exact value halfway between two answers) scales to exactly n + 0.5 when
            // 10^decimals is exact; only then is the long, exact text needed to settle it.
            let scaled = size * 10f64.powi(decimals as i32);
            // (From 2^52 on the product may have lost the half, so those are settled the long way too.)
            let maybe_tie = decimals > 20
                || scaled >= 4_503_599_627_370_496.0
                || scaled - scaled.floor() == 0.5;
            let text = |places: usize| {
                number
                    .to_fixed(places as u8)
                    .map(String::from)
                    .unwrap_or_default()
            };
            if maybe_tie {
                super::round_ties_even(&text((decimals + 25).min(100)), decimals)
            } else {
                text(decimals)
            }
        };
        let mut out = String::from(if value.is_sign_negative() { "-" } else { "" });
        out.push_str(&body);
        out
    }
}

/// A whole number in `T`'s range (an unsigned type), read as `text.parse::<T>()` reads it (digits
/// after an optional `+`): every such read goes through one copy of the standard library's `u64`
/// parser rather than one per type.
pub fn parse_whole<T: TryFrom<u64>>(text: &str) -> Option<T> {
    text.parse::<u64>()
        .ok()
        .and_then(|value| T::try_from(value).ok())
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

    /// `String(x)` as ECMA-262's Number::toString writes a non-negative finite `x`, from Rust's
    /// shortest digits: the input the wasm32 writer reads.
    fn javascript_text(value: f64) -> String {
        let rust = format!("{value:e}");
        let (mantissa, power) = rust.split_once('e').unwrap_or((&rust, "0"));
        let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
        let k = digits.len() as i32;
        let n = power.parse::<i32>().unwrap_or(0) + 1;
        if value == 0.0 {
            "0".into()
        } else if k <= n && n <= 21 {
            digits + &"0".repeat((n - k) as usize)
        } else if 0 < n && n <= 21 {
            format!("{}.{}", &digits[..n as usize], &digits[n as usize..])
        } else if -6 < n && n <= 0 {
            format!("0.{}{}", "0".repeat(-n as usize), digits)
        } else {
            let tail = if k > 1 {
                format!(".{}", &digits[1..])
            } else {
                String::new()
            };
            let sign = if n - 1 < 0 { "-" } else { "+" };
            format!("{}{tail}e{sign}{}", &digits[..1], (n - 1).abs())
        }
    }

    fn check_writers(value: f64) {
        let (digits, power) = significant(&javascript_text(value.abs()));
        let negative = value.is_sign_negative();
        assert_eq!(
            plain(negative, &digits, power),
            format!("{value}"),
            "{value:e}"
        );
        assert_eq!(
            scientific(negative, &digits, power),
            format!("{value:e}"),
            "{value:e}"
        );
        for decimals in 0..4 {
            if value.abs() < 1e21 {
                let exact = format!("{:.*}", decimals + 25, value.abs());
                let sign = if negative { "-" } else { "" };
                assert_eq!(
                    format!("{sign}{}", round_ties_even(&exact, decimals)),
                    format!("{value:.decimals$}"),
                    "{value:e} to {decimals}"
                );
            }
        }
    }

    #[test]
    fn json_numbers_at_the_edges_of_plain() {
        for value in [
            0.0,
            -0.0,
            1.0,
            0.1,
            100.0,
            1e15,
            1e16,
            1.234e16,
            1e21,
            1e-5,
            1e-6,
            1.5e-7,
            5e-324,
            f64::MAX,
            2029.0,
            -0.00001234,
            999999999999999.9,
            9999999999999998.0,
        ] {
            assert_eq!(
                json_number(value),
                zmij::Buffer::new().format_finite(value),
                "{value:e}"
            );
        }
    }

    #[test]
    fn writers_from_javascript_digits_match_rust() {
        for value in [
            0.0,
            -0.0,
            1.0,
            0.1,
            0.25,
            2.5,
            0.125,
            0.375,
            9.995,
            99.95,
            0.5,
            1.5,
            1e21,
            1.5e21,
            1e-7,
            1.25e-7,
            123456.789,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            999.9999,
            0.049999999999999996,
            -0.04,
            -2.5,
            1e20,
            123e18,
            4503599627370495.5,
        ] {
            check_writers(value);
        }
        assert_eq!(not_finite(f64::NAN), format!("{}", f64::NAN));
        assert_eq!(
            not_finite(f64::NEG_INFINITY),
            format!("{:.2}", f64::NEG_INFINITY)
        );
        assert_eq!(not_finite(f64::INFINITY), format!("{:e}", f64::INFINITY));
    }

    proptest! {
        #[test]
        fn parse_matches_rust(text in "[-+]?[0-9]{0,20}(\\.[0-9]{0,20})?([eE][-+]?[0-9]{1,3})?") {
            let rust = text.parse::<f64>().ok().filter(|value| value.is_finite());
            prop_assert_eq!(parse_number(&text).map(f64::to_bits), rust.map(f64::to_bits));
        }

        #[test]
        fn writers_match_rust_for_any_double(bits in any::<u64>()) {
            let value = f64::from_bits(bits);
            if value.is_finite() {
                check_writers(value);
            }
        }

        #[test]
        fn writers_match_rust_for_ties_and_round_numbers(whole in 0u32..100_000, eighths in 0u32..8, power in 0i32..6) {
            let value = (f64::from(whole) + f64::from(eighths) / 8.0) / 10f64.powi(power);
            check_writers(value);
            check_writers(-value);
        }

        #[test]
        fn syntax_accepts_exactly_what_rust_reads(text in "[-+.eE0-9]{0,8}") {
            prop_assert_eq!(is_number_syntax(&text), text.parse::<f64>().is_ok());
        }
    }
}
