//! Runs the Monte Carlo bands and the tornado off the input path.
//!
//! Normally in a web worker that loads the page's own WebAssembly module (`www/analysis-worker.js`):
//! one request at a time, at most every [`ANALYSIS_INTERVAL_MS`], and while one runs only the
//! newest input waits, so a dragged slider never queues stale work and never waits for it. Where the worker cannot start, the analyses
//! run on the main thread in a later task, at most every [`ANALYSIS_INTERVAL_MS`].
//! Requests and answers cross to the worker as flat number arrays ([`request`], [`answer`]).
//! The results are derived data held by the hook, never by the reducer.

use crate::web::{self, AnalysisWorker, WorkerMessage};
use crate::worker_protocol::{self, read_answer, request, AnalysisInput, AnalysisResults};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Shortest time between two analysis runs (or worker requests) while the inputs keep changing, in milliseconds.
pub const ANALYSIS_INTERVAL_MS: f64 = 150.0;

/// Runs both analyses for `input`, timing them with the browser's clock.
fn run(input: &AnalysisInput) -> AnalysisResults {
    worker_protocol::run(input, web::now_ms)
}

/// The worker's side: answers a request with the flat results (empty if the request is malformed).
pub fn answer(request: &[f64]) -> Vec<f64> {
    worker_protocol::answer(request, web::now_ms)
}

/// Where the worker stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WorkerState {
    Starting,
    Ready,
    Unavailable,
}

/// The hook's bookkeeping, shared with the worker's message handler.
struct Runner {
    worker: Option<AnalysisWorker>,
    state: WorkerState,
    in_flight: Option<(u32, AnalysisInput)>,
    waiting: Option<AnalysisInput>,
    next_id: u32,
    generation: u32,
    last_main_run: f64,
    last_send: f64,
    pump_scheduled: bool,
    publish: Option<UseStateSetter<AnalysisResults>>,
}

type SharedRunner = Rc<RefCell<Runner>>;

fn publish(runner: &SharedRunner, results: AnalysisResults) {
    web::note_analysis_run(results.run_ms);
    if let Some(publish) = runner.borrow().publish.clone() {
        publish.set(results);
    }
}

/// Sends the waiting input to the worker if it is idle.
fn pump(runner: &SharedRunner) {
    let mut guard = runner.borrow_mut();
    if guard.state != WorkerState::Ready || guard.in_flight.is_some() {
        return;
    }
    if guard.waiting.is_none() {
        return;
    }
    // While sliders move, ask at most every interval: each answer redraws two charts on the main thread.
    let wait = guard.last_send + ANALYSIS_INTERVAL_MS - web::now_ms();
    if wait > 0.0 {
        if !guard.pump_scheduled {
            guard.pump_scheduled = true;
            let runner = runner.clone();
            web::after(wait.ceil() as i32, move || {
                runner.borrow_mut().pump_scheduled = false;
                pump(&runner);
            });
        }
        return;
    }
    let Some(input) = guard.waiting.take() else {
        return;
    };
    guard.last_send = web::now_ms();
    let id = guard.next_id;
    guard.next_id = guard.next_id.wrapping_add(1);
    let sent = guard
        .worker
        .as_ref()
        .is_some_and(|worker| worker.send(id, &request(&input)));
    if sent {
        guard.in_flight = Some((id, input));
    } else {
        guard.state = WorkerState::Unavailable;
        drop(guard);
        run_on_main_thread(runner, input);
    }
}

/// Runs the analysis on the main thread in a later task, throttled.
fn run_on_main_thread(runner: &SharedRunner, input: AnalysisInput) {
    let (mine, delay) = {
        let mut guard = runner.borrow_mut();
        guard.generation = guard.generation.wrapping_add(1);
        let since = web::now_ms() - guard.last_main_run;
        (
            guard.generation,
            (ANALYSIS_INTERVAL_MS - since).clamp(0.0, ANALYSIS_INTERVAL_MS),
        )
    };
    let runner = runner.clone();
    web::after(delay.ceil() as i32, move || {
        if runner.borrow().generation != mine {
            return;
        }
        let results = run(&input);
        runner.borrow_mut().last_main_run = web::now_ms();
        publish(&runner, results);
    });
}

fn on_worker_message(runner: &SharedRunner, message: WorkerMessage) {
    match message {
        WorkerMessage::Ready => {
            runner.borrow_mut().state = WorkerState::Ready;
            pump(runner);
        }
        WorkerMessage::Answer(id, values) => {
            let done = {
                let mut guard = runner.borrow_mut();
                match guard.in_flight {
                    Some((expected, input)) if expected == id => {
                        guard.in_flight = None;
                        Some(input)
                    }
                    _ => None,
                }
            };
            if let Some(input) = done {
                match read_answer(&input, &values) {
                    Some(results) => publish(runner, results),
                    None => {
                        runner.borrow_mut().state = WorkerState::Unavailable;
                        run_on_main_thread(runner, input);
                        return;
                    }
                }
            }
            pump(runner);
        }
        WorkerMessage::Failed(reason) => {
            web_sys::console::warn_1(&format!("analysis worker unavailable: {reason}").into());
            let pending = {
                let mut guard = runner.borrow_mut();
                guard.state = WorkerState::Unavailable;
                guard
                    .waiting
                    .take()
                    .or(guard.in_flight.take().map(|(_, input)| input))
            };
            if let Some(input) = pending {
                run_on_main_thread(runner, input);
            }
        }
    }
}

/// Asks for the analyses of `input`, in the worker when it can.
fn ask(runner: &SharedRunner, input: AnalysisInput) {
    let state = runner.borrow().state;
    match state {
        WorkerState::Unavailable => run_on_main_thread(runner, input),
        WorkerState::Starting | WorkerState::Ready => {
            runner.borrow_mut().waiting = Some(input);
            pump(runner);
        }
    }
}

/// The analyses for `input`, recomputed after it changes (see the module docs), and whether
/// the results shown belong to the current input.
#[hook]
pub fn use_analysis(input: AnalysisInput) -> (AnalysisResults, bool) {
    let results = use_state(AnalysisResults::default);
    let runner: SharedRunner = {
        let publish = results.setter();
        use_mut_ref(move || Runner {
            worker: None,
            state: WorkerState::Starting,
            in_flight: None,
            waiting: None,
            next_id: 1,
            generation: 0,
            last_main_run: f64::NEG_INFINITY,
            last_send: f64::NEG_INFINITY,
            pump_scheduled: false,
            publish: Some(publish),
        })
    };
    {
        let runner = runner.clone();
        use_effect_with((), move |()| {
            let handler_runner = runner.clone();
            let worker =
                AnalysisWorker::start(move |message| on_worker_message(&handler_runner, message));
            {
                let mut guard = runner.borrow_mut();
                if worker.is_none() {
                    guard.state = WorkerState::Unavailable;
                }
                guard.worker = worker;
            }
            // A request made before the worker existed is still waiting: start it now.
            let waiting = runner.borrow_mut().waiting.take();
            if let Some(input) = waiting {
                ask(&runner, input);
            }
            move || {
                let mut guard = runner.borrow_mut();
                guard.worker = None;
                guard.publish = None;
            }
        });
    }
    {
        let runner = runner.clone();
        use_effect_with(input, move |input| ask(&runner, *input));
    }
    let fresh = results.input == Some(input);
    ((*results).clone(), fresh)
}
