//! Benchmark of the model core in wasm in headless Chromium (issue 6): simulate, 10,000 Monte Carlo runs,
//! 1,000 runs (the per-frame budget while a slider moves), sensitivity and goal seek.
//!
//! Not part of `make test`; `make bench` runs it in release mode:
//! `wasm-pack test --release --headless --chrome --mode no-install . --test bench_wasm -- --nocapture`.
#![cfg(target_arch = "wasm32")]

use ree_outlook::analysis::{goal_seek, monte_carlo, tornado, MonteCarloSettings, Output, Target};
use ree_outlook::simulate::simulate_into;
use ree_outlook::{Param, Projection, Region, Scenario, Stage, PRESETS};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

/// Runs `body` `rounds` times and returns (median, p95) in milliseconds.
fn time(rounds: usize, mut body: impl FnMut()) -> (f64, f64) {
    body();
    let mut samples: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = now();
            body();
            now() - start
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    (
        samples[rounds / 2],
        samples[(rounds * 95 / 100).min(rounds - 1)],
    )
}

fn report(name: &str, unit: &str, (median, p95): (f64, f64), budget: f64) {
    let verdict = if p95 <= budget { "PASS" } else { "FAIL" };
    let line = format!(
        "BENCH {name:<40} median {median:>9.3} {unit}  p95 {p95:>9.3} {unit}  budget {budget:>6.1} {unit}  {verdict}"
    );
    web_sys::console::log_1(&line.into());
}

#[wasm_bindgen_test]
fn bench_model_in_wasm() {
    let scenarios: Vec<Scenario> = PRESETS.iter().map(|preset| preset.scenario()).collect();
    let mut projection = Projection::default();
    let mut next = 0;
    let per_run = time(50, || {
        for _ in 0..200 {
            next = (next + 1) % scenarios.len();
            simulate_into(&scenarios[next], &mut projection);
        }
    });
    report(
        "simulate 2025-2040 (one run)",
        "µs",
        (per_run.0 / 200.0 * 1000.0, per_run.1 / 200.0 * 1000.0),
        20.0,
    );

    let base = Scenario::default();
    let settings = |samples| MonteCarloSettings {
        samples,
        ..MonteCarloSettings::default()
    };
    let target = Target::default();
    report(
        "Monte Carlo 10,000 runs",
        "ms",
        time(9, || {
            let _ = monte_carlo(
                &base,
                settings(10_000),
                Region::Russia,
                Stage::Separation,
                target,
            );
        }),
        100.0,
    );
    report(
        "Monte Carlo 1,000 runs (one frame)",
        "ms",
        time(30, || {
            let _ = monte_carlo(
                &base,
                settings(1_000),
                Region::Russia,
                Stage::Separation,
                target,
            );
        }),
        16.0,
    );
    report(
        "sensitivity (tornado, all parameters)",
        "ms",
        time(30, || {
            let _ = tornado(&base, Output::default());
        }),
        50.0,
    );
    report(
        "goal seek (first plant for 10% in 2030)",
        "ms",
        time(30, || {
            let _ = goal_seek(&base, Param::RuFirstPlant, target);
        }),
        50.0,
    );
}
