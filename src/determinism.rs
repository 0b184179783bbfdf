//! Fingerprints of the presets' projections and a Monte Carlo run, shared by the native and the wasm tests
//! that prove both builds compute the same numbers bit for bit (model brief, invariant 4).

use crate::analysis::{monte_carlo, MonteCarloSettings, Sampling, Target};
use crate::data::{Region, Stage};
use crate::projection::{fingerprint, fnv_step, FNV_OFFSET};
use crate::scenario::PRESETS;
use crate::simulate;

/// One line per preset (`id fingerprint`), one for a seeded Monte Carlo run (with per-project draws)
/// and one for the hindcast, as hexadecimal.
pub fn fingerprints() -> String {
    let mut text = String::new();
    for preset in PRESETS.iter() {
        text.push_str(&format!(
            "{} {:016x}\n",
            preset.id,
            fingerprint(&simulate(&preset.scenario()))
        ));
    }
    let bands = monte_carlo(
        &crate::Scenario::default(),
        MonteCarloSettings {
            samples: 400,
            seed: 7,
            sampling: Sampling::Plausible,
        },
        Region::Russia,
        Stage::Separation,
        Target::default(),
    );
    let mut hash = FNV_OFFSET;
    for value in bands
        .p10
        .iter()
        .chain(&bands.p50)
        .chain(&bands.p90)
        .chain([&bands.probability])
    {
        hash = fnv_step(hash, value.to_bits());
    }
    text.push_str(&format!("monte-carlo-400-seed-7 {hash:016x}\n"));
    let mut hash = FNV_OFFSET;
    for row in crate::hindcast::hindcast().rows {
        hash = fnv_step(hash, row.predicted.to_bits());
    }
    text.push_str(&format!("hindcast-2020 {hash:016x}\n"));
    text
}
