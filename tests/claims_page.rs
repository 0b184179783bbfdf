//! `www/claims.html`, the all-claims view, is computed at build time: it must hold exactly
//! `claims::to_html()`. UPDATE_SNAPSHOTS=1 rewrites it.

use ree_outlook::claims::{charts, claims, to_html, HORIZON};
use ree_outlook::data::Stage;
use ree_outlook::scenario::PRESETS;

#[test]
fn claims_html_and_its_charts_are_current() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let root = env!("CARGO_MANIFEST_DIR");
    let page = to_html();
    let mut files = vec![("www/claims.html".to_string(), page.clone())];
    for (name, svg) in charts() {
        assert!(
            page.contains(&format!("claims/{name}")),
            "{name} is not on the page"
        );
        files.push((format!("www/claims/{name}"), svg));
    }
    for (file, text) in files {
        let path = format!("{root}/{file}");
        if update && std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            let _ = std::fs::create_dir_all(format!("{root}/www/claims"));
            assert!(
                std::fs::write(&path, &text).is_ok(),
                "could not write {path}"
            );
        }
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            current == text,
            "{file} is out of date; rerun with UPDATE_SNAPSHOTS=1"
        );
    }
}

#[test]
fn every_preset_has_a_row_line_and_link_at_every_stage() {
    let page = to_html();
    for stage in [Stage::Mining, Stage::Separation, Stage::Magnets] {
        let rows = claims(stage);
        assert_eq!(rows.len(), PRESETS.len());
        for row in &rows {
            assert_eq!(
                row.russia.last().map(|(year, _)| *year),
                Some(HORIZON),
                "{}",
                row.preset.id
            );
            assert!(row.odds.iter().all(|odds| (0.0..=1.0).contains(odds)));
            assert!(row
                .russia_at
                .iter()
                .chain([&row.china, &row.trusted])
                .all(|share| (0.0..=1.0).contains(share)));
            let link = format!("./#v=1&amp;p={}&amp;st={}", row.preset.id, stage.id());
            assert!(page.contains(&link), "{link}");
        }
    }
}

/// The claims' own presets must tell apart what they claim: the Kremlin presets reach 10% of
/// mining in 2030 at face value, the skeptic's does not, and their odds around their own
/// assumptions are higher than under the plausible ranges.
#[test]
fn the_claims_differ_as_they_should() {
    let rows = claims(Stage::Mining);
    let find = |id: &str| rows.iter().find(|row| row.preset.id == id);
    let (Some(kremlin), Some(skeptic)) = (find("kremlin-12"), find("skeptic")) else {
        panic!("the kremlin-12 and skeptic presets are gone");
    };
    assert!(kremlin.russia_at[0] > skeptic.russia_at[0]);
    assert!(skeptic.first_year_at_target.is_none_or(|year| year > 2030));
    assert!(kremlin.odds[1] > kremlin.odds[0]);
}
