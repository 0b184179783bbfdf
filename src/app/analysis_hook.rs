//! The analyses (Monte Carlo bands and tornado) as a hook: the results for the current input,
//! recomputed off the input path by [`web::analysis_runner`](crate::web::analysis_runner) (in the
//! worker where it can) and held here, never in the reducer.

use crate::web::analysis_runner::AnalysisRunner;
use crate::worker_protocol::{AnalysisInput, AnalysisResults};
use yew::prelude::*;

/// The analyses for `input`, recomputed after it changes, and whether the results shown belong
/// to the current input.
#[hook]
pub fn use_analysis(input: AnalysisInput) -> (AnalysisResults, bool) {
    let results = use_state(AnalysisResults::default);
    // The worker is asked to start (after the first frame) when the runner is made, and stops when
    // the runner is dropped with the page: no effect for either (each effect is its own copy of
    // yew's code).
    let runner = {
        let publish = results.setter();
        use_mut_ref(move || {
            let runner = AnalysisRunner::new(move |results| publish.set(results));
            runner.start_worker();
            runner
        })
    };
    use_effect_with(input, move |input| runner.borrow().ask(*input));
    let fresh = results.input == Some(input);
    ((*results).clone(), fresh)
}
