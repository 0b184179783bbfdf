//! `simulate_into` allocates nothing (issue 3): dhat's counting allocator watches one run per preset.
#![cfg(not(target_arch = "wasm32"))]

use ree_outlook::simulate::simulate_into;
use ree_outlook::{Projection, PRESETS};

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

#[test]
fn simulate_into_does_not_allocate() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let scenarios: Vec<_> = PRESETS.iter().map(|preset| preset.scenario()).collect();
    let mut projection = Projection::default();
    // The dataset is compiled in as constants, so even the first run allocates nothing.
    let before = dhat::HeapStats::get().total_blocks;
    for scenario in &scenarios {
        simulate_into(scenario, &mut projection);
    }
    let after = dhat::HeapStats::get().total_blocks;
    assert_eq!(
        after - before,
        0,
        "simulate_into allocated {} blocks",
        after - before
    );
    // The tornado allocates its result, which shows the counter does see allocations.
    let _ = ree_outlook::analysis::tornado(&scenarios[0], ree_outlook::analysis::Output::default());
    assert!(
        dhat::HeapStats::get().total_blocks > after,
        "the allocation counter sees allocations"
    );
}
