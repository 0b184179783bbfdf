//! The wasm half of the native-versus-wasm check: the same scenarios give the same fingerprints in Chromium.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn wasm_results_are_bit_identical_to_native() {
    let native = include_str!("snapshots/fingerprints.txt");
    assert_eq!(ree_outlook::determinism::fingerprints(), native);
}
