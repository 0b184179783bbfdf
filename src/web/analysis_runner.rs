//! When the Monte Carlo bands and the tornado run: off the input path, so a dragged slider never
//! waits for them.
//!
//! Normally in the analysis worker ([`super::worker`]): one request at a time, at most every
//! [`ANALYSIS_INTERVAL_MS`], and while one runs only the newest input waits, so stale work never
//! queues. Where the worker cannot start (or fails), the analyses run on the main thread in a
//! later task, at most every [`ANALYSIS_INTERVAL_MS`]. Results go to the closure the caller
//! passes (the page's analysis hook); they are derived data, never stored in the reducer.
//!
//! Showing results redraws the fan and tornado charts, so it never shares a frame with an input:
//! the newest results wait for the frame that presents the latest input and for a gap in the
//! input long enough to draw them ([`frame::after_input_frame`], with the time the last showing
//! took); older results still waiting are dropped. The worker starts after the first frame, so
//! compiling the module again does not compete with the page's first picture.

use super::frame::{self, after_frame};
use super::timings::now_ms;
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
    /// Results waiting to be shown, and whether a frame is awaited to show them.
    shown_next: Option<AnalysisResults>,
    show_pending: bool,
    /// How long showing results took the last time (rendering and drawing), in milliseconds.
    show_ms: f64,
    publish: Option<Rc<dyn Fn(AnalysisResults)>>,
}

type Shared = Rc<RefCell<Runner>>;

/// Runs the analyses for the inputs it is asked about and hands the results to a closure; stops
/// when dropped.
pub struct AnalysisRunner {
    shared: Shared,
}

impl Drop for AnalysisRunner {
    fn drop(&mut self) {
        self.stop();
    }
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
                shown_next: None,
                show_pending: false,
                show_ms: INITIAL_SHOW_MS,
                publish: Some(Rc::new(publish)),
            })),
        }
    }

    /// Starts the worker after the next frame (call it once the page is mounted), or falls back
    /// to the main thread where it cannot start; a request made before is handled then.
    pub fn start_worker(&self) {
        let runner = Rc::downgrade(&self.shared);
        after_frame(move || with_runner(&runner, start_worker));
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

/// What showing results is assumed to take before it has been measured, in milliseconds.
const INITIAL_SHOW_MS: f64 = 8.0;

fn start_worker(runner: &Shared) {
    if runner.borrow().publish.is_none() {
        return; // stopped meanwhile
    }
    let weak = Rc::downgrade(runner);
    let worker = AnalysisWorker::start(move |message| {
        with_runner(&weak, |runner| on_worker_message(runner, message));
    });
    let waiting = {
        let mut guard = runner.borrow_mut();
        if worker.is_none() {
            guard.state = WorkerState::Unavailable;
        }
        guard.worker = worker;
        guard.waiting.take()
    };
    if let Some(input) = waiting {
        ask(runner, input);
    }
}

/// Shows `results` after the frame that presents the latest input, when input leaves time.
fn publish(runner: &Shared, results: AnalysisResults) {
    let cost = {
        let mut guard = runner.borrow_mut();
        guard.shown_next = Some(results);
        if guard.show_pending {
            return;
        }
        guard.show_pending = true;
        guard.show_ms
    };
    let weak = Rc::downgrade(runner);
    frame::after_input_frame(cost, move || with_runner(&weak, show));
}

/// Hands the waiting results to the page, and measures how long the page took to render and draw
/// them: it does so in microtasks right after this task's code, so the next task ends the clock.
fn show(runner: &Shared) {
    let (results, publish) = {
        let mut guard = runner.borrow_mut();
        guard.show_pending = false;
        (guard.shown_next.take(), guard.publish.clone())
    };
    let (Some(results), Some(publish)) = (results, publish) else {
        return;
    };
    let start = now_ms();
    publish(results);
    let weak = Rc::downgrade(runner);
    frame::soon(move || {
        with_runner(&weak, |runner| {
            runner.borrow_mut().show_ms = now_ms() - start
        });
    });
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
            guard.send_timer = Some(super::timeout(wait.ceil() as u32, move || {
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
    let timer = super::timeout(delay.ceil() as u32, move || {
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
