//! The documentation keeps up with the code: every parameter, source and preset appears in docs/MODEL.md.

use ree_outlook::{PARAMS, PRESETS};

#[test]
fn model_doc_lists_every_parameter_with_its_default_and_source() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/MODEL.md"))
        .unwrap_or_default();
    for spec in PARAMS.iter() {
        let row = doc
            .lines()
            .find(|line| line.starts_with(&format!("| `{}` |", spec.key)));
        assert!(row.is_some(), "docs/MODEL.md has no row for {}", spec.key);
        let row = row.unwrap_or_default();
        assert!(
            row.contains(&spec.display(spec.default)),
            "{}: default {} missing",
            spec.key,
            spec.display(spec.default)
        );
        assert!(row.contains(spec.source), "{}: source missing", spec.key);
    }
    for preset in PRESETS.iter() {
        assert!(
            doc.contains(&format!("**{}**", preset.id)),
            "preset {} is not explained",
            preset.id
        );
    }
}
