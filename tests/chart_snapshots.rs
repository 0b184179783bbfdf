//! SVG snapshot tests of every chart for several presets, themes, scales and sizes.
//!
//! Each case renders a chart with the SVG backend and compares it byte for byte with
//! `tests/snapshots/charts/<case>.svg`. A missing snapshot is written (first run); set
//! `UPDATE_SNAPSHOTS=1` to rewrite them all after an intended change to the drawing or the
//! model, then look at the new pictures before committing them. Every run also writes the
//! rendered SVGs under the cargo target tmp dir (`chart-snapshots/`) for inspection.

use ree_outlook::analysis::{monte_carlo, tornado, MonteCarloSettings, Output, Target};
use ree_outlook::chart::{to_svg, ChartInput, ChartKind, Theme};
use ree_outlook::{simulate, Preset, Projection, Region, Stage};
use std::path::PathBuf;

/// One snapshot case.
struct Case {
    name: String,
    kind: ChartKind,
    preset: &'static str,
    reference: Option<&'static str>,
    stage: Stage,
    theme: Theme,
    scale: f64,
    size: (u32, u32),
}

fn projection(preset: &str) -> Projection {
    let preset = Preset::find(preset).unwrap_or_else(|| panic!("no preset {preset}"));
    simulate(&preset.scenario())
}

/// Kinds drawn in the per-preset cases: the projection charts (feed included) plus fan and tornado.
fn kinds() -> [ChartKind; 7] {
    ChartKind::ALL
}

fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let plain = |name: String, kind, preset| Case {
        name,
        kind,
        preset,
        reference: None,
        stage: Stage::Separation,
        theme: Theme::Light,
        scale: 1.0,
        size: (720, 400),
    };
    for preset in ["baseline", "kremlin-2030", "skeptic"] {
        for kind in kinds() {
            cases.push(plain(format!("{preset}-{}", kind.id()), kind, preset));
        }
    }
    for kind in kinds() {
        cases.push(Case {
            theme: Theme::Dark,
            scale: 2.0,
            size: (1440, 800),
            ..plain(format!("baseline-{}-dark-2x", kind.id()), kind, "baseline")
        });
    }
    for kind in [
        ChartKind::Share,
        ChartKind::Russia,
        ChartKind::Concentration,
        ChartKind::Fan,
        ChartKind::Feed,
    ] {
        cases.push(Case {
            reference: Some("baseline"),
            ..plain(format!("compare-{}", kind.id()), kind, "kremlin-2030")
        });
    }
    for stage in [Stage::Mining, Stage::Magnets] {
        cases.push(Case {
            stage,
            ..plain(
                format!("skeptic-share-{}", stage.id()),
                ChartKind::Share,
                "skeptic",
            )
        });
    }
    // The supply gap is nothing in the presets above; the price war opens one (per stage).
    cases.push(plain(
        "price-war-gap".to_string(),
        ChartKind::SupplyGap,
        "price-war",
    ));
    cases.push(Case {
        stage: Stage::Magnets,
        reference: Some("baseline"),
        ..plain(
            "compare-price-war-gap-magnets".to_string(),
            ChartKind::SupplyGap,
            "price-war",
        )
    });
    // Russia's feed when the hub's budget is spent at face value.
    cases.push(plain(
        "hub-budget-feed".to_string(),
        ChartKind::Feed,
        "hub-budget",
    ));
    for kind in kinds() {
        cases.push(Case {
            size: (360, 300),
            ..plain(format!("baseline-{}-phone", kind.id()), kind, "baseline")
        });
    }
    cases
}

fn render(case: &Case) -> String {
    let current = projection(case.preset);
    let reference = case.reference.map(projection);
    let scenario = Preset::find(case.preset)
        .unwrap_or_else(|| panic!("no preset {}", case.preset))
        .scenario();
    let settings = MonteCarloSettings {
        samples: 300,
        seed: 2030,
        ..MonteCarloSettings::default()
    };
    let bands = (case.kind == ChartKind::Fan).then(|| {
        monte_carlo(
            &scenario,
            settings,
            Region::Russia,
            Stage::Separation,
            Target::default(),
        )
    });
    let sensitivity =
        (case.kind == ChartKind::Tornado).then(|| tornado(&scenario, Output::default()));
    let input = ChartInput::new(&current, case.stage)
        .with_reference(reference.as_ref())
        .with_theme(case.theme)
        .with_scale(case.scale)
        .with_bands(bands.as_ref())
        .with_tornado(sensitivity.as_ref());
    // The page gives the tornado, a row per uncertain parameter, 640 CSS pixels of height.
    let height = if case.kind == ChartKind::Tornado {
        (640.0 * case.scale) as u32
    } else {
        case.size.1
    };
    to_svg(case.kind, &input, case.size.0, height)
}

#[test]
fn charts_match_their_snapshots() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/charts");
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("chart-snapshots");
    let docs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/img");
    std::fs::create_dir_all(&docs).unwrap_or_else(|error| panic!("{}: {error}", docs.display()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
    std::fs::create_dir_all(&scratch)
        .unwrap_or_else(|error| panic!("{}: {error}", scratch.display()));
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|value| value == "1");
    let mut failures = Vec::new();
    for case in cases() {
        let svg = render(&case);
        assert!(svg.starts_with("<svg"), "{}: not an SVG", case.name);
        let file = format!("{}.svg", case.name);
        let _ = std::fs::write(scratch.join(&file), &svg);
        let mut paths = vec![dir.join(&file)];
        if DOC_IMAGES.contains(&case.name.as_str()) {
            paths.push(docs.join(format!("chart-{file}")));
        }
        for path in paths {
            check(&path, &svg, update, &scratch.join(&file), &mut failures);
        }
    }
    assert!(
        failures.is_empty(),
        "chart snapshots changed:\n  {}\nIf the change is intended, rerun with UPDATE_SNAPSHOTS=1, look at the pictures and commit them.",
        failures.join("\n  ")
    );
}

/// Cases also kept as README pictures under `docs/img/chart-<case>.svg`.
const DOC_IMAGES: [&str; 2] = ["baseline-share", "baseline-russia"];

/// Compares `svg` with the snapshot at `path` (writing it when missing or when updating).
fn check(
    path: &std::path::Path,
    svg: &str,
    update: bool,
    fresh: &std::path::Path,
    failures: &mut Vec<String>,
) {
    let file = path.display();
    match std::fs::read_to_string(path) {
        Ok(stored) if stored == svg => {}
        Ok(_) if !update => failures.push(format!(
            "{file} differs from its snapshot (new drawing in {})",
            fresh.display()
        )),
        _ => {
            std::fs::write(path, svg).unwrap_or_else(|error| panic!("{file}: {error}"));
            eprintln!("wrote snapshot {file}");
        }
    }
}

#[test]
fn every_snapshot_file_belongs_to_a_case() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/charts");
    let names: Vec<String> = cases()
        .into_iter()
        .map(|case| format!("{}.svg", case.name))
        .collect();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".svg") {
            assert!(names.contains(&name), "stale snapshot {name}: remove it");
        }
    }
}

#[test]
fn a_different_scenario_or_theme_changes_the_drawing() {
    let cases = cases();
    let find = |name: &str| {
        cases
            .iter()
            .find(|case| case.name == name)
            .unwrap_or_else(|| panic!("no case {name}"))
    };
    for kind in ChartKind::ALL {
        let baseline = render(find(&format!("baseline-{}", kind.id())));
        // No preset but the price war has a supply gap.
        let other = if kind == ChartKind::SupplyGap {
            "price-war-gap".to_string()
        } else {
            format!("kremlin-2030-{}", kind.id())
        };
        let kremlin = render(find(&other));
        assert_ne!(baseline, kremlin, "{} ignores the scenario", kind.id());
        let dark = render(find(&format!("baseline-{}-dark-2x", kind.id())));
        assert_ne!(baseline, dark, "{} ignores theme and scale", kind.id());
        // The same input draws the same picture (no hidden state).
        assert_eq!(baseline, render(find(&format!("baseline-{}", kind.id()))));
    }
}
