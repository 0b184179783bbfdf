//! When the Monte Carlo bands and the tornado run: off the input path, so a dragged slider never
//! waits for them.
//!
//! Normally in the analysis worker ([`super::worker`]): one request at a time, at most every
//! [`ANALYSIS_INTERVAL_MS`], and while one runs only the newest input waits, so stale work never
//! queues. Where the worker cannot start (or fails), the analyses run on the main thread in a
//! later task, at most every [`ANALYSIS_INTERVAL_MS`]. Results go to the closure the caller
//! passes (the page's analysis hook); they are derived data, never stored in the reducer.

use super::timings::{note_analysis_run, now_ms};
use super::worker::{AnalysisWorker, WorkerMessage};
use crate::worker_protocol::{read_answer, request, run, AnalysisInput, AnalysisResults};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// Shortest time between two analysis runs (or worker requests) while the inputs keep changing, in milliseconds.
pub const ANALYSIS_INTERVAL_MS: f64 = 150.0;

/// Where the worker stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WorkerState {
    Starting,
    Ready,
    Unavailable,
}

/// The runner's bookkeeping, shared with the worker's message handler and the timers (which hold
/// it weakly, so a stopped runner is freed).
struct Runner {
    worker: Option<AnalysisWorker>,
    state: WorkerState,
    in_flight: Option<(u32, AnalysisInput)>,
    waiting: Option<AnalysisInput>,
    next_id: u32,
    last_main_run: f64,
    last_send: f64,
    /// The next send to the worker, when the last one was too recent.
    send_timer: Option<Timeout>,
    /// The next main-thread run; replacing it cancels the one it replaces.
    main_timer: Option<Timeout>,
    publish: Option<Rc<dyn Fn(AnalysisResults)>>,
}

type Shared = Rc<RefCell<Runner>>;

/// Runs the analyses for the inputs it is asked about and hands the results to a closure.
pub struct AnalysisRunner {
    shared: Shared,
}

impl AnalysisRunner {
    /// A runner that gives every result to `publish`. Requests wait until [`start_worker`](Self::start_worker).
    pub fn new(publish: impl Fn(AnalysisResults) + 'static) -> AnalysisRunner {
        AnalysisRunner {
            shared: Rc::new(RefCell::new(Runner {
                worker: None,
                state: WorkerState::Starting,
                in_flight: None,
                waiting: None,
                next_id: 1,
                last_main_run: f64::NEG_INFINITY,
                last_send: f64::NEG_INFINITY,
                send_timer: None,
                main_timer: None,
                publish: Some(Rc::new(publish)),
            })),
        }
    }

    /// Starts the worker (once the page is mounted), or falls back to the main thread where it
    /// cannot start; a request made before is handled now.
    pub fn start_worker(&self) {
        let runner = Rc::downgrade(&self.shared);
        let worker = AnalysisWorker::start(move |message| {
            with_runner(&runner, |runner| on_worker_message(runner, message));
        });
        {
            let mut guard = self.shared.borrow_mut();
            if worker.is_none() {
                guard.state = WorkerState::Unavailable;
            }
            guard.worker = worker;
        }
        let waiting = self.shared.borrow_mut().waiting.take();
        if let Some(input) = waiting {
            self.ask(input);
        }
    }

    /// Asks for the analyses of `input`, in the worker when it can.
    pub fn ask(&self, input: AnalysisInput) {
        ask(&self.shared, input);
    }

    /// Stops the worker and the timers; nothing is published any more.
    pub fn stop(&self) {
        let mut guard = self.shared.borrow_mut();
        guard.worker = None;
        guard.send_timer = None;
        guard.main_timer = None;
        guard.publish = None;
    }
}

fn publish(runner: &Shared, results: AnalysisResults) {
    note_analysis_run(results.run_ms);
    let publish = runner.borrow().publish.clone();
    if let Some(publish) = publish {
        publish(results);
    }
}

/// Sends the waiting input to the worker if it is idle.
fn pump(runner: &Shared) {
    let mut guard = runner.borrow_mut();
    if guard.state != WorkerState::Ready || guard.in_flight.is_some() {
        return;
    }
    if guard.waiting.is_none() {
        return;
    }
    // While sliders move, ask at most every interval: each answer redraws two charts on the main thread.
    let wait = guard.last_send + ANALYSIS_INTERVAL_MS - now_ms();
    if wait > 0.0 {
        if guard.send_timer.is_none() {
            let runner = Rc::downgrade(runner);
            guard.send_timer = Some(Timeout::new(wait.ceil() as u32, move || {
                with_runner(&runner, |runner| {
                    runner.borrow_mut().send_timer = None;
                    pump(runner);
                });
            }));
        }
        return;
    }
    let Some(input) = guard.waiting.take() else {
        return;
    };
    guard.last_send = now_ms();
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

/// Runs `task` with the runner if it still exists.
fn with_runner(runner: &Weak<RefCell<Runner>>, task: impl FnOnce(&Shared)) {
    if let Some(runner) = runner.upgrade() {
        task(&runner);
    }
}

/// Runs the analysis on the main thread in a later task, throttled; an earlier input still
/// waiting is dropped.
fn run_on_main_thread(runner: &Shared, input: AnalysisInput) {
    let since = now_ms() - runner.borrow().last_main_run;
    let delay = (ANALYSIS_INTERVAL_MS - since).clamp(0.0, ANALYSIS_INTERVAL_MS);
    let weak = Rc::downgrade(runner);
    let timer = Timeout::new(delay.ceil() as u32, move || {
        with_runner(&weak, |runner| {
            let results = run(&input, now_ms);
            {
                let mut guard = runner.borrow_mut();
                guard.last_main_run = now_ms();
                guard.main_timer = None;
            }
            publish(runner, results);
        });
    });
    // Replacing the pending run cancels it.
    runner.borrow_mut().main_timer = Some(timer);
}

fn on_worker_message(runner: &Shared, message: WorkerMessage) {
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
fn ask(runner: &Shared, input: AnalysisInput) {
    let state = runner.borrow().state;
    match state {
        WorkerState::Unavailable => run_on_main_thread(runner, input),
        WorkerState::Starting | WorkerState::Ready => {
            runner.borrow_mut().waiting = Some(input);
            pump(runner);
        }
    }
}
