//! The analyses (Monte Carlo bands and tornado) as a hook: the results for the current input,
//! recomputed off the input path by [`web::analysis_runner`](crate::web::analysis_runner) (in the
//! worker where it can) and held here, never in the reducer.

use crate::web::analysis_runner::AnalysisRunner;
use crate::worker_protocol::{AnalysisInput, AnalysisResults};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The analyses for `input`, whether the results shown belong to the current input, and the
/// runner: the root's effect that follows the link asks it for `input` once that changes (an
/// effect of its own here would be another copy of yew's code).
#[hook]
pub fn use_analysis(input: AnalysisInput) -> (AnalysisResults, bool, Runner) {
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
    let fresh = results.input == Some(input);
    ((*results).clone(), fresh, runner)
}

/// The page's analysis runner, as [`use_analysis`] holds it.
pub type Runner = Rc<RefCell<AnalysisRunner>>;

/// Asks `runner` for `input` unless `last` (the input asked last) is it: for an effect that
/// runs when other things change too.
pub fn ask_once(runner: &Runner, last: &mut Option<AnalysisInput>, input: AnalysisInput) {
    if *last != Some(input) {
        *last = Some(input);
        runner.borrow().ask(input);
    }
}
