//! The native half of the native-versus-wasm check: fingerprints pinned in tests/snapshots/fingerprints.txt,
//! which tests/wasm_model.rs compares in headless Chromium. UPDATE_SNAPSHOTS=1 rewrites the file.

#[test]
fn native_fingerprints_match_the_pinned_file() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/snapshots/fingerprints.txt"
    );
    let text = ree_outlook::determinism::fingerprints();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() || !std::path::Path::new(path).exists() {
        assert!(
            std::fs::write(path, &text).is_ok(),
            "could not write {path}"
        );
    }
    assert_eq!(text, std::fs::read_to_string(path).unwrap_or_default());
}
