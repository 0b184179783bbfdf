//! Runs the Monte Carlo bands and the tornado off the input path.
//!
//! Normally in a web worker that loads the page's own WebAssembly module (`www/analysis-worker.js`):
//! one request at a time, at most every [`ANALYSIS_INTERVAL_MS`], and while one runs only the
//! newest input waits, so a dragged slider never queues stale work and never waits for it. Where the worker cannot start, the analyses
//! run on the main thread in a later task, at most every [`ANALYSIS_INTERVAL_MS`].
//! Requests and answers cross to the worker as flat number arrays ([`request`], [`answer`]).
//! The results are derived data held by the hook, never by the reducer.

use crate::analysis::{
    monte_carlo, tornado, MonteCarloResult, MonteCarloSettings, Output, Swing, Target, Tornado,
};
use crate::data::{Region, Stage};
use crate::params::{PARAMS, PARAM_COUNT};
use crate::projection::RUSSIA_TARGETS;
use crate::scenario::Scenario;
use crate::url::{LinkState, MonteCarloLink, TARGET_YEAR_MAX, TARGET_YEAR_MIN};
use crate::web::{self, AnalysisWorker, WorkerMessage};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Shortest time between two analysis runs (or worker requests) while the inputs keep changing, in milliseconds.
pub const ANALYSIS_INTERVAL_MS: f64 = 150.0;

/// Everything the analyses depend on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AnalysisInput {
    /// The scenario analysed.
    pub scenario: Scenario,
    /// The stage of the bands and of the target.
    pub stage: Stage,
    /// Runs and seed.
    pub settings: MonteCarloSettings,
    /// The target share for Russia in `target_year`.
    pub target_share: f64,
    /// The year the target (and the tornado) is measured in.
    pub target_year: u16,
    /// The region whose bands the fan chart shows.
    pub fan_region: Region,
}

impl AnalysisInput {
    /// The analysis input a link asks for (defaults where it says nothing).
    pub fn from_link(link: &LinkState) -> AnalysisInput {
        AnalysisInput {
            scenario: link.scenario,
            stage: link.stage,
            settings: settings_of(link.monte_carlo),
            target_share: link.target.unwrap_or(RUSSIA_TARGETS[0]),
            target_year: link.target_year,
            fan_region: link.fan_region,
        }
    }

    /// The output the target and the tornado measure: Russia's share of the stage in the target year.
    pub fn output(&self) -> Output {
        Output {
            region: Region::Russia,
            stage: self.stage,
            year: self.target_year,
        }
    }

    /// The target the probability refers to.
    pub fn target(&self) -> Target {
        Target {
            output: self.output(),
            share: self.target_share,
        }
    }
}

/// The Monte Carlo settings of a link, or the analysis defaults.
pub fn settings_of(link: Option<MonteCarloLink>) -> MonteCarloSettings {
    link.map_or_else(MonteCarloSettings::default, |run| MonteCarloSettings {
        samples: run.samples,
        seed: run.seed,
    })
}

/// The latest analysis results and what they were computed for.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AnalysisResults {
    /// The fan region's bands at the chosen stage and the target probability.
    pub bands: Option<Rc<MonteCarloResult>>,
    /// The sensitivity of the target output.
    pub tornado: Option<Rc<Tornado>>,
    /// The input these results belong to.
    pub input: Option<AnalysisInput>,
    /// How long the last run took, in milliseconds.
    pub run_ms: f64,
}

/// Numbers before the scenario's values in a request.
const REQUEST_HEADER: usize = 7;

/// The request for `input`: stage, samples, seed (high and low 32 bits), target share, target
/// year, fan region (index in [`Region::ALL`]), then every value.
pub fn request(input: &AnalysisInput) -> Vec<f64> {
    let mut out = Vec::with_capacity(REQUEST_HEADER + PARAM_COUNT);
    out.push(input.stage as usize as f64);
    out.push(f64::from(input.settings.samples));
    out.push((input.settings.seed >> 32) as f64);
    out.push((input.settings.seed & 0xffff_ffff) as f64);
    out.push(input.target_share);
    out.push(f64::from(input.target_year));
    out.push(
        Region::ALL
            .iter()
            .position(|region| *region == input.fan_region)
            .unwrap_or(0) as f64,
    );
    out.extend_from_slice(&input.scenario.values);
    out
}

/// Reads a request back; `None` if it is malformed.
pub fn read_request(request: &[f64]) -> Option<AnalysisInput> {
    if request.len() != REQUEST_HEADER + PARAM_COUNT
        || request.iter().any(|value| !value.is_finite())
    {
        return None;
    }
    let stage = *Stage::ALL.get(request[0] as usize)?;
    let whole = |value: f64| (value >= 0.0 && value <= f64::from(u32::MAX)).then_some(value as u64);
    let seed = (whole(request[2])? << 32) | whole(request[3])?;
    let target_year = u16::try_from(whole(request[5])?)
        .ok()
        .filter(|year| (TARGET_YEAR_MIN..=TARGET_YEAR_MAX).contains(year))?;
    let fan_region = *Region::ALL.get(request[6] as usize)?;
    let mut scenario = Scenario::default();
    for (spec, value) in PARAMS.iter().zip(&request[REQUEST_HEADER..]) {
        scenario.set(spec.param, *value);
    }
    Some(AnalysisInput {
        scenario,
        stage,
        settings: MonteCarloSettings {
            samples: whole(request[1])? as u32,
            seed,
        },
        target_share: request[4],
        target_year,
        fan_region,
    })
}

/// Runs both analyses for `input`, timing them.
fn run(input: &AnalysisInput) -> AnalysisResults {
    let start = web::now_ms();
    let bands = monte_carlo(
        &input.scenario,
        input.settings,
        input.fan_region,
        input.stage,
        input.target(),
    );
    let sensitivity = tornado(&input.scenario, input.output());
    AnalysisResults {
        bands: Some(Rc::new(bands)),
        tornado: Some(Rc::new(sensitivity)),
        input: Some(*input),
        run_ms: web::now_ms() - start,
    }
}

/// The worker's side: answers a request with the flat results (empty if the request is malformed).
///
/// Layout: run ms, probability, samples, year count n, n years, n P10, n P50, n P90,
/// tornado base, swing count m, then m × (parameter index, low, high, output at low, output at high).
pub fn answer(request: &[f64]) -> Vec<f64> {
    let Some(input) = read_request(request) else {
        return Vec::new();
    };
    let results = run(&input);
    let (Some(bands), Some(sensitivity)) = (results.bands, results.tornado) else {
        return Vec::new();
    };
    let mut out = vec![
        results.run_ms,
        bands.probability,
        f64::from(bands.samples),
        bands.years.len() as f64,
    ];
    out.extend(bands.years.iter().map(|year| f64::from(*year)));
    out.extend_from_slice(&bands.p10);
    out.extend_from_slice(&bands.p50);
    out.extend_from_slice(&bands.p90);
    out.push(sensitivity.base);
    out.push(sensitivity.swings.len() as f64);
    for swing in &sensitivity.swings {
        out.extend_from_slice(&[
            swing.param.index() as f64,
            swing.low,
            swing.high,
            swing.output_at_low,
            swing.output_at_high,
        ]);
    }
    out
}

/// Reads an answer for `input` back into results; `None` if it is malformed.
pub fn read_answer(input: &AnalysisInput, answer: &[f64]) -> Option<AnalysisResults> {
    let mut rest = answer;
    let mut take = |count: usize| -> Option<&[f64]> {
        let (head, tail) = (rest.get(..count)?, rest.get(count..)?);
        rest = tail;
        Some(head)
    };
    let header = take(4)?;
    let (run_ms, probability, samples, years) =
        (header[0], header[1], header[2], header[3] as usize);
    let year_values = take(years)?.iter().map(|year| *year as u16).collect();
    let p10 = take(years)?.to_vec();
    let p50 = take(years)?.to_vec();
    let p90 = take(years)?.to_vec();
    let tornado_header = take(2)?;
    let (base, swing_count) = (tornado_header[0], tornado_header[1] as usize);
    let mut swings = Vec::with_capacity(swing_count);
    for _ in 0..swing_count {
        let swing = take(5)?;
        let param = PARAMS.get(swing[0] as usize).map(|spec| spec.param)?;
        swings.push(Swing {
            param,
            low: swing[1],
            high: swing[2],
            output_at_low: swing[3],
            output_at_high: swing[4],
        });
    }
    let bands = MonteCarloResult {
        region: input.fan_region,
        stage: input.stage,
        years: year_values,
        p10,
        p50,
        p90,
        probability,
        target: input.target(),
        samples: samples as u32,
        seed: input.settings.seed,
    };
    Some(AnalysisResults {
        bands: Some(Rc::new(bands)),
        tornado: Some(Rc::new(Tornado {
            output: input.output(),
            base,
            swings,
        })),
        input: Some(*input),
        run_ms,
    })
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
