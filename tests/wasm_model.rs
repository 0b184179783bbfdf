//! The wasm half of the native-versus-wasm check: the same scenarios give the same fingerprints in Chromium.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn wasm_results_are_bit_identical_to_native() {
    let native = include_str!("snapshots/fingerprints.txt");
    assert_eq!(ree_outlook::determinism::fingerprints(), native);
}

/// The page reads numbers with the JavaScript engine's parseFloat (see `ree_outlook::text`); it must give
/// the bits Rust's own parser gives, for random text in Rust's syntax and for the hard cases: halfway
/// points, more than 20 significant digits, subnormals and the edges of overflow.
#[wasm_bindgen_test]
fn javascript_number_parsing_matches_rust() {
    use proptest::test_runner::{Config, TestRunner};
    let check = |text: &str| {
        let rust = text.parse::<f64>().ok().filter(|value| value.is_finite());
        assert_eq!(
            ree_outlook::text::parse_number(text).map(f64::to_bits),
            rust.map(f64::to_bits),
            "{text}"
        );
    };
    for text in [
        "0.1",
        "0.30000000000000004",
        "9007199254740993",
        "2.2250738585072011e-308",
        "2.2250738585072012e-308",
        "4.9406564584124654e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999",
        "0.500000000000000166533453693773481063544750213623046875",
        "1e-400",
        "-0",
        "+.5e+2",
        "1.",
    ] {
        check(text);
    }
    let mut runner = TestRunner::new(Config::with_cases(2000));
    let result = runner.run(
        &"[-+]?[0-9]{0,25}(\\.[0-9]{0,25})?([eE][-+]?[0-9]{1,3})?",
        |text| {
            check(&text);
            Ok(())
        },
    );
    assert!(result.is_ok(), "{result:?}");
}

/// The page writes numbers with the JavaScript engine's `String(x)`, `toFixed` and `BigInt` (see
/// `ree_outlook::text`); the text must be the text Rust's own formatting writes (`{:.N}` always; `{}`
/// and `{:e}` except for a double exactly halfway between two shortest texts, where JavaScript takes
/// the even last digit and Rust the upper one), for random doubles of every size, for exact ties
/// (which `toFixed` rounds up and Rust to even), for values whose tie the scaling loses, and for zeros,
/// extremes and values that are not finite.
#[wasm_bindgen_test]
fn javascript_number_writing_matches_rust() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    use ree_outlook::text::{exponent, fixed, parse_number, shortest};
    let halfway = std::cell::Cell::new(0);
    let check = |value: f64| {
        let rust = format!("{value:e}");
        let page = exponent(value);
        if page != rust {
            // Allowed only where both are shortest, read back to `value`, and `value` is exactly their
            // midpoint: its exact digits are the lower text's digits and a 5.
            let digits = |text: &str| -> (String, String) {
                let (mantissa, power) = text.split_once('e').unwrap_or((text, "0"));
                (
                    mantissa.chars().filter(char::is_ascii_digit).collect(),
                    power.to_string(),
                )
            };
            let ((ours, our_power), (theirs, their_power)) = (digits(&page), digits(&rust));
            let exact = format!("{:.800e}", value.abs());
            let (exact_digits, exact_power) = digits(&exact);
            assert!(
                ours.len() == theirs.len()
                    && our_power == their_power
                    && exact_power == our_power
                    && parse_number(&page) == Some(value)
                    && exact_digits.trim_end_matches('0') == format!("{}5", ours.min(theirs)),
                "{value:e}: {page} against {rust}"
            );
            assert_eq!(shortest(value).len(), format!("{value}").len(), "{value:e}");
            halfway.set(halfway.get() + 1);
        } else {
            assert_eq!(shortest(value), format!("{value}"), "{value:e}");
            // JSON files' numbers, as serde_json writes them (its float writer, zmij).
            if value.is_finite() {
                let mut buffer = zmij::Buffer::new();
                assert_eq!(
                    ree_outlook::text::json_number(value),
                    buffer.format_finite(value),
                    "{value:e}"
                );
            }
        }
        for decimals in 0..5 {
            assert_eq!(
                fixed(value, decimals),
                format!("{value:.decimals$}"),
                "{value:e} to {decimals}"
            );
        }
    };
    for value in [
        0.0,
        -0.0,
        0.5,
        1.5,
        2.5,
        -2.5,
        0.125,
        0.375,
        9.995,
        99.95,
        0.25,
        -0.04,
        1e-7,
        5e-324,
        1e21,
        1.5e21,
        1e23,
        f64::MAX,
        f64::MIN_POSITIVE,
        900_000_000_000_000.25,
        4_503_599_627_370_495.5,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ] {
        check(value);
        check(-value);
    }
    // 900000000000000.25 is such a midpoint ("900000000000000.2" here, ".3" in Rust), once per sign.
    assert_eq!(halfway.get(), 2);
    let mut runner = TestRunner::new(Config::with_cases(2000));
    let any_double = any::<u64>().prop_map(f64::from_bits);
    let result = runner.run(&any_double, |value| {
        check(value);
        Ok(())
    });
    assert!(result.is_ok(), "{result:?}");
    let ties = (0u32..1_000_000, 0u32..16, 0i32..8).prop_map(|(whole, sixteenths, power)| {
        (f64::from(whole) + f64::from(sixteenths) / 16.0) / 10f64.powi(power)
    });
    let result = runner.run(&ties, |value| {
        check(value);
        check(-value);
        Ok(())
    });
    assert!(result.is_ok(), "{result:?}");
}
