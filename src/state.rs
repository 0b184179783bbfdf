//! The page's ground state: the preset, the scenario and the page's choices (stage, view, reference,
//! Monte Carlo run, target, fan region), from which everything else (projection, analyses, the
//! link text) is derived.
//!
//! A link ([`crate::url`]) and a scenario file ([`crate::scenario_file`]) are two ways of writing
//! a [`LinkState`] down; the page's reducer keeps one, the command line builds one from its
//! options, and the JavaScript package reads and writes one.

use crate::analysis::{MonteCarloSettings, Output, Target};
use crate::data::{Region, Stage};
use crate::projection::{RUSSIA_TARGETS, TARGET_YEAR};
use crate::scenario::{Preset, Scenario};

/// The fan chart's region when a link or file names none.
pub const DEFAULT_FAN_REGION: Region = Region::Russia;

/// The stage shown when a link or file names none.
pub const DEFAULT_STAGE: Stage = Stage::Separation;

/// How the page shows the projection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// Charts (the default).
    #[default]
    Charts,
    /// The projection table.
    Table,
}

impl View {
    /// Every view.
    pub const ALL: [View; 2] = [View::Charts, View::Table];

    /// The id used in links and files.
    pub fn id(self) -> &'static str {
        match self {
            View::Charts => "charts",
            View::Table => "table",
        }
    }

    /// The view with this id, if any.
    pub fn from_id(id: &str) -> Option<View> {
        View::ALL.into_iter().find(|view| view.id() == id)
    }
}

/// Everything a link carries: the ground state of the page.
///
/// Build it with `LinkState { preset: …, ..LinkState::default() }` so fields added
/// by later versions do not break callers.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkState {
    /// The preset the scenario started from (a valid preset id after [`crate::url::decode`]).
    pub preset: String,
    /// Every parameter's value.
    pub scenario: Scenario,
    /// The stage selected on the page.
    pub stage: Stage,
    /// The scenario compared against, if compare mode is on.
    pub reference: Option<Scenario>,
    /// Charts or table.
    pub view: View,
    /// The chosen Monte Carlo run, if any.
    pub monte_carlo: Option<MonteCarloSettings>,
    /// The chosen target for Russia's share (a fraction), if any.
    pub target: Option<f64>,
    /// The year the target is checked in, within
    /// [`crate::analysis::TARGET_YEAR_MIN`]..=[`crate::analysis::TARGET_YEAR_MAX`] (default [`TARGET_YEAR`]).
    pub target_year: u16,
    /// The region whose Monte Carlo bands the fan chart shows (default [`DEFAULT_FAN_REGION`]).
    pub fan_region: Region,
}

impl Default for LinkState {
    fn default() -> Self {
        LinkState::from_preset(Preset::baseline())
    }
}

impl LinkState {
    /// The state that shows `preset` unchanged, with the default stage and view.
    pub fn from_preset(preset: &Preset) -> LinkState {
        LinkState {
            preset: preset.id.to_string(),
            scenario: preset.scenario(),
            stage: DEFAULT_STAGE,
            reference: None,
            view: View::default(),
            monte_carlo: None,
            target: None,
            target_year: TARGET_YEAR,
            fan_region: DEFAULT_FAN_REGION,
        }
    }

    /// What the page's analyses aim at: Russia's share of the selected stage in the target year,
    /// at the chosen target or, if none is chosen, the first of [`RUSSIA_TARGETS`].
    pub fn target(&self) -> Target {
        Target {
            output: Output {
                region: Region::Russia,
                stage: self.stage,
                year: self.target_year,
            },
            share: self.target.unwrap_or(RUSSIA_TARGETS[0]),
        }
    }

    /// The preset this state names, or the baseline if the name is unknown.
    pub fn preset(&self) -> &'static Preset {
        Preset::find(&self.preset).unwrap_or(Preset::baseline())
    }
}
