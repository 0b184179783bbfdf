//! Runs the Monte Carlo bands and the tornado off the input path: after a change they are
//! recomputed in a later task, at most every [`ANALYSIS_INTERVAL_MS`] while sliders move, so
//! a slider's redraw never waits for them. The results are derived data held by the hook.

use crate::analysis::{
    monte_carlo, tornado, MonteCarloResult, MonteCarloSettings, Output, Target, Tornado,
};
use crate::data::{Region, Stage};
use crate::projection::{RUSSIA_TARGETS, TARGET_YEAR};
use crate::scenario::Scenario;
use crate::url::{LinkState, MonteCarloLink};
use crate::web;
use std::rc::Rc;
use yew::prelude::*;

/// Shortest time between two analysis runs while the inputs keep changing, in milliseconds.
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
    /// The target share for Russia in [`TARGET_YEAR`].
    pub target_share: f64,
}

impl AnalysisInput {
    /// The analysis input a link asks for (defaults where it says nothing).
    pub fn from_link(link: &LinkState) -> AnalysisInput {
        AnalysisInput {
            scenario: link.scenario,
            stage: link.stage,
            settings: settings_of(link.monte_carlo),
            target_share: link.target.unwrap_or(RUSSIA_TARGETS[0]),
        }
    }

    /// The output the target and the tornado measure: Russia's share of the stage in 2030.
    pub fn output(&self) -> Output {
        Output {
            region: Region::Russia,
            stage: self.stage,
            year: TARGET_YEAR,
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

/// The latest analysis results and whether they match the current input.
#[derive(Clone, Debug, PartialEq)]
pub struct AnalysisResults {
    /// Russia's bands at the chosen stage and the target probability.
    pub bands: Option<Rc<MonteCarloResult>>,
    /// The sensitivity of the target output.
    pub tornado: Option<Rc<Tornado>>,
    /// The input these results belong to.
    pub input: Option<AnalysisInput>,
    /// How long the last run took, in milliseconds.
    pub run_ms: f64,
}

/// The analyses for `input`, recomputed after it changes (see the module docs).
#[hook]
pub fn use_analysis(input: AnalysisInput) -> (AnalysisResults, bool) {
    let results = use_state(|| AnalysisResults {
        bands: None,
        tornado: None,
        input: None,
        run_ms: 0.0,
    });
    let generation = use_mut_ref(|| 0_u32);
    let last_run = use_mut_ref(|| f64::NEG_INFINITY);
    {
        let results = results.setter();
        use_effect_with(input, move |input| {
            let input = *input;
            let mine = {
                let mut current = generation.borrow_mut();
                *current = current.wrapping_add(1);
                *current
            };
            let since = web::now_ms() - *last_run.borrow();
            let delay = (ANALYSIS_INTERVAL_MS - since).clamp(0.0, ANALYSIS_INTERVAL_MS);
            web::after(delay.ceil() as i32, move || {
                if *generation.borrow() != mine {
                    return;
                }
                let start = web::now_ms();
                let bands = monte_carlo(
                    &input.scenario,
                    input.settings,
                    Region::Russia,
                    input.stage,
                    input.target(),
                );
                let sensitivity = tornado(&input.scenario, input.output());
                let end = web::now_ms();
                *last_run.borrow_mut() = end;
                web::note_analysis_run(end - start);
                results.set(AnalysisResults {
                    bands: Some(Rc::new(bands)),
                    tornado: Some(Rc::new(sensitivity)),
                    input: Some(input),
                    run_ms: end - start,
                });
            });
        });
    }
    let fresh = results.input == Some(input);
    ((*results).clone(), fresh)
}
