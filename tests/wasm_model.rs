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
