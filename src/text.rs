//! Numbers to text and text to numbers: the one home for how the page, the charts, the links, the
//! scenario files and the command line write and read a double.
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

/// A share (0.034) as a percentage with `decimals` places: "3.4%".
pub fn percent(share: f64, decimals: usize) -> String {
    fixed(share * 100.0, decimals) + "%"
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
pub fn is_number_syntax(text: &str) -> bool {
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
