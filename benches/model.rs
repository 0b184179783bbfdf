//! Benchmark of the model core: one `simulate` of 2025–2040, Monte Carlo, sensitivity and goal seek (native release build).
//!
//! Run with `cargo bench --bench model` (or `make bench`). Prints median and p95 with the budget beside each.

use ree_outlook::analysis::{goal_seek, monte_carlo, tornado, MonteCarloSettings, Output, Target};
use ree_outlook::chart::{to_svg, ChartInput, ChartKind};
use ree_outlook::simulate::simulate_into;
use ree_outlook::{Param, Projection, Region, Scenario, Stage, PRESETS};
use std::hint::black_box;
use std::time::Instant;

/// Times `body` in `rounds` rounds of `batch` calls and returns (median, p95) in microseconds per call.
fn time_per_call(rounds: usize, batch: usize, mut body: impl FnMut()) -> (f64, f64) {
    for _ in 0..batch {
        body();
    }
    let mut samples: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                body();
            }
            start.elapsed().as_secs_f64() * 1e6 / batch as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    (samples[rounds / 2], samples[rounds * 95 / 100])
}

fn report(name: &str, unit: &str, (median, p95): (f64, f64), budget: f64) {
    let verdict = if p95 <= budget { "PASS" } else { "FAIL" };
    println!("{name:<44} median {median:>10.2} {unit}  p95 {p95:>10.2} {unit}  budget {budget:>8.1} {unit}  {verdict}");
}

fn main() {
    let scenarios: Vec<Scenario> = PRESETS.iter().map(|preset| preset.scenario()).collect();
    let mut projection = Projection::default();
    let mut next = 0;
    let simulate_timing = time_per_call(200, 500, || {
        next = (next + 1) % scenarios.len();
        simulate_into(black_box(&scenarios[next]), &mut projection);
        black_box(&projection);
    });
    report("simulate 2025-2040 (one run)", "µs", simulate_timing, 20.0);

    let base = Scenario::default();
    let run_monte_carlo = |samples: u32| {
        let settings = MonteCarloSettings {
            samples,
            ..MonteCarloSettings::default()
        };
        black_box(monte_carlo(
            &base,
            settings,
            Region::Russia,
            Stage::Separation,
            Target::default(),
        ));
    };
    let to_ms = |(median, p95): (f64, f64)| (median / 1000.0, p95 / 1000.0);
    report(
        "Monte Carlo 10,000 runs",
        "ms",
        to_ms(time_per_call(15, 1, || run_monte_carlo(10_000))),
        100.0,
    );
    report(
        "Monte Carlo 1,000 runs (one frame)",
        "ms",
        to_ms(time_per_call(50, 1, || run_monte_carlo(1_000))),
        16.0,
    );
    report(
        "sensitivity (tornado, every parameter)",
        "ms",
        to_ms(time_per_call(50, 1, || {
            black_box(tornado(&base, Output::default()));
        })),
        50.0,
    );
    report(
        "goal seek (first plant for 10% in 2030)",
        "ms",
        to_ms(time_per_call(50, 1, || {
            black_box(goal_seek(&base, Param::RuFirstPlant, Target::default()));
        })),
        50.0,
    );
    let baseline = ree_outlook::simulate(&base);
    let input = ChartInput::new(&baseline, Stage::Separation).with_scale(2.0);
    report(
        "three projection charts drawn to SVG (1200x700)",
        "ms",
        to_ms(time_per_call(30, 1, || {
            for kind in ChartKind::PROJECTION {
                black_box(to_svg(kind, &input, 1200, 700));
            }
        })),
        16.0,
    );
}
