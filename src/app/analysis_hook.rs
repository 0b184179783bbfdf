//! The analyses (Monte Carlo bands and tornado) as a hook: the runner that recomputes them off
//! the input path by [`web::analysis_runner`](crate::web::analysis_runner) (in the worker where it
//! can) and publishes them to the page state.

use crate::app::state::{Action, AppState};
use crate::web::analysis_runner::AnalysisRunner;
use crate::worker_protocol::AnalysisInput;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The runner of the analyses, which publishes its results to the page state (`analysis`; in
/// the reducer rather than a state of their own, which would be another copy of yew's code): the
/// root's effect that follows the link asks it for the input once that changes (an effect of its
/// own here would be another copy too).
#[hook]
pub fn use_analysis(dispatch: &UseReducerDispatcher<AppState>) -> Runner {
    // The worker is asked to start (after the first frame) when the runner is made, and stops when
    // the runner is dropped with the page: no effect for either (each effect is its own copy of
    // yew's code).
    let dispatch = dispatch.clone();
    use_mut_ref(move || {
        let runner = AnalysisRunner::new(move |results| {
            dispatch.dispatch(Action::Analysed(Rc::new(results)))
        });
        runner.start_worker();
        runner
    })
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
