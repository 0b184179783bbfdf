//! Analyses built on the model: Monte Carlo bands and target probability, sensitivity (tornado) and goal seek.
//!
//! All three are pure, deterministic and reuse one [`Projection`] buffer, so they run
//! thousands of simulations without allocating per run.

use crate::data::{dataset, Dataset, DATA_BASE_YEAR};
use crate::data::{Region, Stage};
use crate::i18n::Msg;
use crate::params::{Param, PARAMS};
use crate::projection::Projection;
use crate::scenario::Scenario;
use crate::simulate::{simulate_into, simulate_with, ProjectDraws, MAX_PROJECTS, PROGRAMME};
use crate::text;
use crate::tr;
use serde::Serialize;

/// One number read off a projection: a region's share of a stage in a year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Output {
    /// Region whose share is read.
    pub region: Region,
    /// Stage.
    pub stage: Stage,
    /// Calendar year.
    pub year: u16,
}

impl Default for Output {
    /// Russia's 2030 separation share, the question the calculator was built for.
    fn default() -> Self {
        Output {
            region: Region::Russia,
            stage: Stage::Separation,
            year: 2030,
        }
    }
}

impl Output {
    /// The value of this output in `projection` (0 if the year is past the horizon).
    pub fn read(&self, projection: &Projection) -> f64 {
        projection.share(self.year, self.stage, self.region)
    }

    /// A label such as "Russia's 2030 separation share".
    pub fn label(&self) -> String {
        tr!(
            Msg::AnalysisOutput,
            region = self.region.label(),
            year = self.year.to_string(),
            stage = crate::state::Shown::Stage(self.stage).name()
        )
    }

    /// The scenario with its horizon extended, if needed, so that `year` is projected.
    fn covering(&self, scenario: &Scenario) -> Scenario {
        let horizon = scenario.get(Param::Horizon).max(f64::from(self.year));
        scenario.with(Param::Horizon, horizon)
    }
}

/// A small, fast, seeded generator (SplitMix64) so a Monte Carlo run is reproducible on every platform.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in [0, 1) with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// A draw from the triangular distribution on [low, high] with its peak at `mode`.
pub fn triangular(uniform: f64, low: f64, mode: f64, high: f64) -> f64 {
    let width = high - low;
    if width <= 0.0 {
        return mode;
    }
    let split = (mode - low) / width;
    if uniform < split {
        low + (uniform * width * (mode - low)).sqrt()
    } else {
        high - ((1.0 - uniform) * width * (high - mode)).sqrt()
    }
}

/// What a Monte Carlo run draws each uncertain parameter around: the two readings of "the odds".
///
/// Both draw from a triangular distribution peaking at the scenario's own value; they differ in
/// its ends. The first is the model's view (how likely is the target, given what is plausible?),
/// the second the scenario's (how robust is the target, if the scenario's assumptions hold
/// roughly?). A claim preset that sets an assumption far outside its plausible range reads very
/// differently under each, so the page and the command line always say which one they use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sampling {
    /// Under the model's plausible ranges: ends at the table's plausible low and high (widened to
    /// include the value when it lies outside them). The default.
    #[default]
    Plausible,
    /// Around the scenario's own assumptions: a symmetric triangle centred on the value, its
    /// half-width half the width of the plausible range, narrowed where the value lies nearer
    /// than that to an end of the allowed range (a value at an end is held there), so the value
    /// is the centre (mode, median and mean) of its draws.
    Scenario,
}

impl Sampling {
    /// Every mode, the default first.
    pub const ALL: [Sampling; 2] = [Sampling::Plausible, Sampling::Scenario];

    /// The id used in links (`sm`), scenario files (`monte_carlo.sampling`), the command line
    /// (`--sampling`) and the page's choice.
    pub fn id(self) -> &'static str {
        match self {
            Sampling::Plausible => "plausible",
            Sampling::Scenario => "scenario",
        }
    }

    /// The mode with this id, if any.
    pub fn from_id(id: &str) -> Option<Sampling> {
        Sampling::ALL.into_iter().find(|mode| mode.id() == id)
    }

    /// The fan chart's legend for its band: "P10–P90 under the model's plausible ranges" or
    /// "P10–P90 around this scenario's own assumptions".
    pub fn band_label(self) -> String {
        format!("P10–P90 {}", self.assumption())
    }

    /// What the odds and bands assume, as a phrase that ends a sentence: "under the model's
    /// plausible ranges" or "around this scenario's own assumptions".
    pub fn assumption(self) -> &'static str {
        match self {
            Sampling::Plausible => tr!(Msg::HeadlineAssumptionPlausible),
            Sampling::Scenario => tr!(Msg::HeadlineAssumptionScenario),
        }
    }

    /// The distribution one parameter is drawn from in this mode: (low, mode, high), within the
    /// parameter's allowed range (for a `value` inside it), with the mode at `value`. Parameters
    /// without a plausible range stay fixed.
    pub fn range(self, param: Param, value: f64) -> (f64, f64, f64) {
        let spec = param.spec();
        if !spec.is_uncertain() {
            return (value, value, value);
        }
        match self {
            Sampling::Plausible => (spec.low.min(value), value, spec.high.max(value)),
            Sampling::Scenario => {
                // Half the plausible width, narrowed to the nearer end of the allowed range so
                // the spread stays symmetric: a one-sided spread would move the centre.
                let half = (0.5 * (spec.high - spec.low))
                    .min(value - spec.min)
                    .min(spec.max - value)
                    .max(0.0);
                // The bounds again, against rounding.
                (
                    (value - half).max(spec.min),
                    value,
                    (value + half).min(spec.max),
                )
            }
        }
    }
}

/// The distribution one parameter is sampled from around the scenario's value: (low, mode, high).
///
/// The mode is the scenario's value; the spread is the table's plausible range, widened to
/// include the value when the user moved outside it ([`Sampling::Plausible`]). Parameters without
/// a plausible range stay fixed.
pub fn sampling_range(param: Param, value: f64) -> (f64, f64, f64) {
    Sampling::Plausible.range(param, value)
}

/// A Monte Carlo run's settings: how many samples, from which seed, drawn around what.
///
/// The one type for these settings wherever they travel: the ground state
/// ([`crate::state::LinkState::monte_carlo`]), links, scenario files, the page's controls, the
/// worker protocol and the command line's `--monte-carlo` and `--seed`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MonteCarloSettings {
    /// Number of sampled scenarios; a link, a file or the page keeps it within
    /// [`MIN_CHOSEN_SAMPLES`]..=[`MAX_SAMPLES`], the command line within 1..=[`MAX_SAMPLES`].
    pub samples: u32,
    /// Seed of the generator, so the run is reproducible.
    pub seed: u64,
    /// What each uncertain parameter is drawn around (default [`Sampling::Plausible`]).
    pub sampling: Sampling,
}

impl Default for MonteCarloSettings {
    /// [`DEFAULT_SAMPLES`] runs from [`DEFAULT_SEED`] under the plausible ranges: what the page
    /// runs when no run is chosen.
    fn default() -> Self {
        MonteCarloSettings {
            samples: DEFAULT_SAMPLES,
            seed: DEFAULT_SEED,
            sampling: Sampling::Plausible,
        }
    }
}

/// Samples a Monte Carlo run makes when none are chosen.
pub const DEFAULT_SAMPLES: u32 = 1_000;

/// The seed of a Monte Carlo run that names none (a link with `mc` but no `seed`, a file without
/// `monte_carlo.seed`, the command line without `--seed`).
pub const DEFAULT_SEED: u64 = 1;

/// Fewest samples a run chosen on the page, in a link or in a scenario file may have: fewer give
/// bands too coarse to read. The command line, for quick checks, accepts a single run.
pub const MIN_CHOSEN_SAMPLES: u32 = 10;

/// Most samples a single Monte Carlo run accepts, wherever it is chosen.
pub const MAX_SAMPLES: u32 = 100_000;

/// Earliest year a target may name (a link's `ty`, a file's `target_year`, the command line's
/// `--year`, the page's target year and the worker's request): the last published year before the
/// base year, [`DATA_BASE_YEAR`] − 1. The model starts from the data, so the share read there is the
/// published one, and a target there is checked against what happened.
pub const TARGET_YEAR_MIN: u16 = DATA_BASE_YEAR - 1;

/// Latest year a target may name: the longest horizon the model projects, the maximum of
/// [`Param::Horizon`] in the parameter table.
pub const TARGET_YEAR_MAX: u16 = PARAMS[Param::Horizon as usize].max as u16;

/// Earliest year whose shares the scenario's levers can move: the base year, [`DATA_BASE_YEAR`]
/// (every year before it is published data, the same in every scenario). The goal seek asks for
/// a year from here to [`TARGET_YEAR_MAX`], and the page offers target years from here.
pub const MOVABLE_YEAR_MIN: u16 = DATA_BASE_YEAR;

/// A target: `output` at or above `share`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Target {
    /// What is measured.
    pub output: Output,
    /// The share it must reach.
    pub share: f64,
}

impl Default for Target {
    /// Russia at 10% of separation in 2030.
    fn default() -> Self {
        Target {
            output: Output::default(),
            share: 0.10,
        }
    }
}

/// P10, P50 and P90 of one region's share of one stage, per year, and the probability of a target.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MonteCarloResult {
    /// Region of the bands.
    pub region: Region,
    /// Stage of the bands.
    pub stage: Stage,
    /// Calendar years of the bands.
    pub years: Vec<u16>,
    /// 10th percentile per year.
    pub p10: Vec<f64>,
    /// Median per year.
    pub p50: Vec<f64>,
    /// 90th percentile per year.
    pub p90: Vec<f64>,
    /// Share of runs in which the target was reached.
    pub probability: f64,
    /// The target the probability refers to.
    pub target: Target,
    /// Runs made.
    pub samples: u32,
    /// Seed used.
    pub seed: u64,
    /// What the parameters were drawn around.
    pub sampling: Sampling,
}

impl MonteCarloResult {
    /// The chance of the target in words, saying what it assumes: "Chance that Russia reaches
    /// 10% of world separation in 2030 under the model's plausible ranges: under 1% (1,000 runs)."
    /// A chance strictly between 0% and 1% reads "under 1%", one strictly between 99% and 100%
    /// "over 99%", so neither rounds to a certainty it is not.
    pub fn chance_text(&self) -> String {
        let target = self.target;
        tr!(
            Msg::HeadlineChance,
            region = target.output.region.label(),
            target = text::whole_percent(target.share),
            stage = crate::state::Shown::Stage(target.output.stage).name(),
            year = target.output.year.to_string(),
            basis = self.sampling.assumption(),
            chance = chance_words(self.probability),
            runs = text::thousands(f64::from(self.samples))
        )
    }
}

/// A probability in words, as the page and the all-claims view write it: a whole percentage, but
/// "under 1%" strictly between 0% and 1% and "over 99%" strictly between 99% and 100%, so neither
/// rounds to a certainty it is not.
pub fn chance_words(probability: f64) -> String {
    if probability > 0.0 && probability < 0.01 {
        tr!(Msg::HeadlineChanceUnder).into()
    } else if probability > 0.99 && probability < 1.0 {
        tr!(Msg::HeadlineChanceOver).into()
    } else {
        text::percent(probability, 0)
    }
}

/// Samples the uncertain parameters around `scenario` and summarises `region`'s share of `stage`.
///
/// Every run draws each uncertain parameter from `settings.sampling`'s [`Sampling::range`]
/// (triangular), in table order, from one [`SplitMix64`] seeded with `settings.seed`; the same
/// inputs give the same result on every platform. The runs reach the target's year, but the
/// bands stop at the scenario's own horizon, where its other charts stop.
pub fn monte_carlo(
    scenario: &Scenario,
    settings: MonteCarloSettings,
    region: Region,
    stage: Stage,
    target: Target,
) -> MonteCarloResult {
    let samples = settings.samples.clamp(1, MAX_SAMPLES) as usize;
    let base = target.output.covering(scenario);
    let mut projection = Projection::default();
    simulate_into(&base, &mut projection);
    // The bands end where the scenario's own projection ends, even when the target lies beyond it.
    let last = projection
        .last_year()
        .min(scenario.get(Param::Horizon).round() as u16);
    let years: Vec<u16> = (projection.base_year..=last).collect();
    let year_count = years.len();
    // Column-major: all runs of year 0, then all runs of year 1, ...
    let mut values = vec![0.0; samples * year_count];
    let mut reached = 0usize;
    let mut generator = SplitMix64::new(settings.seed);
    let ranges: Vec<(Param, (f64, f64, f64))> = Param::all()
        .map(|param| (param, settings.sampling.range(param, base.get(param))))
        .filter(|(_, (low, _, high))| high > low)
        .collect();
    let mut sample = base;
    // Upstream stages never depend on downstream ones: stop at the last stage anything reads.
    let last_stage = if (stage as usize) >= (target.output.stage as usize) {
        stage
    } else {
        target.output.stage
    };
    let data = dataset();
    let mut draws = ProjectDraws::default();
    for run in 0..samples {
        for (param, (low, mode, high)) in &ranges {
            // A draw lies within the allowed range, so the clamp keeps it (simulate clamps again).
            sample.set(*param, triangular(generator.next_f64(), *low, *mode, *high));
        }
        draw_projects(
            data,
            sample.get(Param::RuProgrammeOdds),
            &mut generator,
            &mut draws,
        );
        simulate_with(data, &sample, Some(&draws), last_stage, &mut projection);
        for (year_index, cells) in projection.cells[..year_count].iter().enumerate() {
            values[year_index * samples + run] = cells[stage as usize].share[region as usize];
        }
        if target.output.read(&projection) >= target.share {
            reached += 1;
        }
    }
    let mut p10 = Vec::with_capacity(year_count);
    let mut p50 = Vec::with_capacity(year_count);
    let mut p90 = Vec::with_capacity(year_count);
    for column in values.chunks_mut(samples) {
        p10.push(percentile(column, 0.10));
        p50.push(percentile(column, 0.50));
        p90.push(percentile(column, 0.90));
    }
    MonteCarloResult {
        region,
        stage,
        years,
        p10,
        p50,
        p90,
        probability: reached as f64 / samples as f64,
        target,
        samples: samples as u32,
        seed: settings.seed,
        sampling: settings.sampling,
    }
}

/// Draws the pipeline for one Monte Carlo run: each project is built with its status's
/// probability and slips by a triangular draw from 0 to twice its status's expected slip
/// (mode at the expectation); Russia's programme is built with probability `programme_odds`.
/// Two numbers per project and one for the programme, in data order, from `generator`.
pub fn draw_projects(
    data: &Dataset,
    programme_odds: f64,
    generator: &mut SplitMix64,
    draws: &mut ProjectDraws,
) {
    for (index, project) in data.projects.iter().enumerate().take(MAX_PROJECTS) {
        let odds = data.odds(project.status);
        draws.built[index] = generator.next_f64() < odds.probability;
        draws.slip[index] = triangular(generator.next_f64(), 0.0, odds.slip, 2.0 * odds.slip);
    }
    draws.built[PROGRAMME] = generator.next_f64() < programme_odds;
}

/// The `q` quantile of `values` by linear interpolation between neighbours, as if they were sorted.
///
/// Uses selection ([`select`], linear time) rather than a full sort; `values` is reordered.
fn percentile(values: &mut [f64], q: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let position = q.clamp(0.0, 1.0) * (values.len() - 1) as f64;
    let below = position.floor() as usize;
    let fraction = position - below as f64;
    let at_below = select(values, below);
    let at_above = values[below + 1..]
        .iter()
        .copied()
        .min_by(f64::total_cmp)
        .unwrap_or(at_below);
    at_below + (at_above - at_below) * fraction
}

/// The `k`-th smallest of `values` (from 0, in [`f64::total_cmp`] order), leaving every value
/// before position `k` no larger and every value after it no smaller.
///
/// A quickselect around the middle value with a three-way partition, so a column of equal values
/// (a share that stays at zero in every run) takes one pass. The runs come in random order, so the
/// middle value is a random pivot. Smaller in the download than the standard library's selection.
fn select(values: &mut [f64], k: usize) -> f64 {
    let (mut low, mut high) = (0, values.len());
    loop {
        let pivot = values[low + (high - low) / 2];
        // values[low..less] < pivot, values[less..at] == pivot, values[more..high] > pivot.
        let (mut less, mut at, mut more) = (low, low, high);
        while at < more {
            match values[at].total_cmp(&pivot) {
                std::cmp::Ordering::Less => {
                    values.swap(less, at);
                    less += 1;
                    at += 1;
                }
                std::cmp::Ordering::Greater => {
                    more -= 1;
                    values.swap(at, more);
                }
                std::cmp::Ordering::Equal => at += 1,
            }
        }
        if k < less {
            high = less;
        } else if k >= more {
            low = more;
        } else {
            return pivot;
        }
    }
}

/// One bar of the tornado: the output at a parameter's plausible low and high.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Swing {
    /// The parameter varied.
    #[serde(serialize_with = "serialize_param_key")]
    pub param: Param,
    /// The parameter's plausible low.
    pub low: f64,
    /// The parameter's plausible high.
    pub high: f64,
    /// The output with the parameter at `low`.
    pub output_at_low: f64,
    /// The output with the parameter at `high`.
    pub output_at_high: f64,
}

impl Swing {
    /// The width of the bar: |output at high − output at low|.
    pub fn width(&self) -> f64 {
        (self.output_at_high - self.output_at_low).abs()
    }
}

fn serialize_param_key<S: serde::Serializer>(
    param: &Param,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(param.key())
}

/// A sensitivity analysis: the output at the scenario and each parameter's swing, widest first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tornado {
    /// What was measured.
    pub output: Output,
    /// The output at the scenario itself.
    pub base: f64,
    /// One swing per uncertain parameter, widest first (ties in table order).
    pub swings: Vec<Swing>,
}

impl Tornado {
    /// The tornado as CSV: `param,label,low,high,output_at_low,output_at_high,swing`.
    ///
    /// Every label is quoted (RFC 4180: in double quotes, each inner quote doubled), as it always
    /// has been, whether or not it holds a comma, quote or line break; keys and numbers never need it.
    pub fn to_csv(&self) -> String {
        use crate::text::shortest;
        let mut out = String::from("param,label,low,high,output_at_low,output_at_high,swing\n");
        for swing in &self.swings {
            let spec = swing.param.spec();
            out.push_str(&format!(
                "{},{},{},{},{},{},{}\n",
                spec.key,
                quoted_field(spec.label),
                shortest(swing.low),
                shortest(swing.high),
                shortest(swing.output_at_low),
                shortest(swing.output_at_high),
                shortest(swing.width())
            ));
        }
        out
    }
}

/// `text` as a quoted CSV field (RFC 4180): wrapped in double quotes, each inner quote doubled,
/// so a comma, quote or line break inside it stays inside the field.
fn quoted_field(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// Varies each uncertain parameter alone between its plausible low and high, everything else at `scenario`.
pub fn tornado(scenario: &Scenario, output: Output) -> Tornado {
    let base_scenario = output.covering(scenario);
    let mut projection = Projection::default();
    simulate_into(&base_scenario, &mut projection);
    let base = output.read(&projection);
    // Widest first; equal widths keep the table's order. Inserting into place (a stable insertion sort
    // over a couple of dozen bars) keeps a general sorting routine out of the page.
    let mut swings: Vec<Swing> = Vec::new();
    for swing in PARAMS
        .iter()
        .filter(|spec| spec.is_uncertain())
        .map(|spec| {
            let mut at = |value: f64| {
                simulate_into(&base_scenario.with(spec.param, value), &mut projection);
                output.read(&projection)
            };
            Swing {
                param: spec.param,
                low: spec.low,
                high: spec.high,
                output_at_low: at(spec.low),
                output_at_high: at(spec.high),
            }
        })
    {
        let at = swings
            .iter()
            .position(|placed| swing.width().total_cmp(&placed.width()).is_gt())
            .unwrap_or(swings.len());
        swings.insert(at, swing);
    }
    Tornado {
        output,
        base,
        swings,
    }
}

/// The answer of a goal seek.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum GoalSeek {
    /// `value` of the parameter reaches the target (`achieved` ≥ the target share).
    Reached {
        /// The parameter value, on the parameter's step grid, nearest the scenario's value: the
        /// scenario's value itself when it already reaches the target.
        value: f64,
        /// The output at that value.
        achieved: f64,
    },
    /// No value within the allowed range reaches the target.
    Unreachable {
        /// The value that comes closest.
        best_value: f64,
        /// The output at that value.
        best_achieved: f64,
    },
}

/// Points on the first scan of a goal seek.
const GOAL_SEEK_GRID: usize = 48;

/// The value of `param`, within its allowed range and on its step grid, that brings `target.output` to at
/// least `target.share`, choosing among all such values the one nearest the scenario's own value.
pub fn goal_seek(scenario: &Scenario, param: Param, target: Target) -> GoalSeek {
    let spec = param.spec();
    let base = target.output.covering(scenario);
    let mut projection = Projection::default();
    let mut evaluate = |value: f64| {
        simulate_into(&base.with(param, value), &mut projection);
        target.output.read(&projection)
    };
    let current = base.get(param);
    if evaluate(current) >= target.share {
        return GoalSeek::Reached {
            value: current,
            achieved: evaluate(current),
        };
    }
    // Scan the range; remember the best point and the reaching grid point nearest the current value.
    let mut best = (current, evaluate(current));
    let mut nearest_reaching: Option<f64> = None;
    for index in 0..=GOAL_SEEK_GRID {
        let value = spec.min + (spec.max - spec.min) * index as f64 / GOAL_SEEK_GRID as f64;
        let achieved = evaluate(value);
        if achieved > best.1 {
            best = (value, achieved);
        }
        if achieved >= target.share
            && nearest_reaching
                .is_none_or(|nearest| (value - current).abs() < (nearest - current).abs())
        {
            nearest_reaching = Some(value);
        }
    }
    let Some(reaching) = nearest_reaching else {
        return GoalSeek::Unreachable {
            best_value: best.0,
            best_achieved: best.1,
        };
    };
    // Bisect between the current value (short of the target) and the reaching point.
    let (mut short, mut long) = (current, reaching);
    for _ in 0..60 {
        let middle = 0.5 * (short + long);
        if evaluate(middle) >= target.share {
            long = middle;
        } else {
            short = middle;
        }
    }
    // Snap onto the step grid, on the reaching side, and confirm.
    let steps = (long - spec.min) / spec.step;
    let snapped = if long > short {
        spec.min + steps.ceil() * spec.step
    } else {
        spec.min + steps.floor() * spec.step
    };
    let snapped = spec.clamp(round_to_step_decimals(snapped, spec.step));
    for candidate in [snapped, long] {
        let achieved = evaluate(candidate);
        if achieved >= target.share {
            return GoalSeek::Reached {
                value: candidate,
                achieved,
            };
        }
    }
    GoalSeek::Unreachable {
        best_value: best.0,
        best_achieved: best.1,
    }
}

/// Removes floating-point noise from a value on a step grid (0.30000000000000004 becomes 0.3).
fn round_to_step_decimals(value: f64, step: f64) -> f64 {
    let decimals = (-step.log10().floor()).clamp(0.0, 12.0) as i32 + 2;
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor
}

/// A goal seek's answer for `scenario` in words, for the page and the command line: "already met"
/// when the scenario's own value of `param` reaches the target.
pub fn describe_goal_seek(
    scenario: &Scenario,
    param: Param,
    target: Target,
    answer: GoalSeek,
) -> String {
    let spec = param.spec();
    let (output, share) = (target.output.label(), text::percent(target.share, 1));
    let label = spec.reader_label();
    match answer {
        GoalSeek::Reached { value, achieved } => tr!(
            dyn if value == scenario.get(param) {
                Msg::GoalMet
            } else {
                Msg::GoalSet
            },
            output = output,
            share = share,
            param = label,
            value = spec.display(value),
            achieved = text::percent(achieved, 1)
        ),
        GoalSeek::Unreachable {
            best_value,
            best_achieved,
        } => tr!(
            Msg::GoalOutOfReach,
            output = output,
            share = share,
            param = label,
            min = spec.display(spec.min),
            max = spec.display(spec.max),
            best = spec.display(best_value),
            achieved = text::percent(best_achieved, 1),
            more = money_saturates(scenario, param)
        ),
    }
}

/// For a goal seek on the hub's budget that falls short: where more money stops buying anything
/// (" From 9.1 $bn on the money pays for the whole ambition: more buys nothing more."), or
/// nothing for any other parameter, or when no budget would pay for the ambition.
fn money_saturates(scenario: &Scenario, param: Param) -> String {
    if param != Param::RuBudget {
        return String::new();
    }
    let spec = param.spec();
    let projection = crate::simulate::simulate(scenario);
    crate::budget_table::budget_that_funds_the_ambition(scenario, &projection)
        // Up to the slider's next step: the money that is enough.
        .map(|budget| (budget / spec.step - 1e-9).ceil() * spec.step)
        .filter(|budget| *budget <= spec.max)
        .map(|budget| tr!(Msg::GoalMoneyEnough, budget = spec.display(budget)))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_years_come_from_the_data_and_the_horizon() {
        assert_eq!((TARGET_YEAR_MIN, TARGET_YEAR_MAX), (2024, 2050));
        assert_eq!(MOVABLE_YEAR_MIN, 2025);
        assert_eq!(f64::from(TARGET_YEAR_MAX), Param::Horizon.spec().max);
    }

    #[test]
    fn generator_is_reproducible_and_uniform_enough() {
        let mut first = SplitMix64::new(7);
        let mut second = SplitMix64::new(7);
        let draws: Vec<f64> = (0..10_000).map(|_| first.next_f64()).collect();
        assert!(draws.iter().all(|draw| (0.0..1.0).contains(draw)));
        assert_eq!(draws[0], second.next_f64());
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        assert!((mean - 0.5).abs() < 0.01, "{mean}");
    }

    #[test]
    fn triangular_stays_in_range_and_peaks_at_the_mode() {
        assert_eq!(triangular(0.0, 1.0, 2.0, 4.0), 1.0);
        assert_eq!(triangular(1.0, 1.0, 2.0, 4.0), 4.0);
        assert_eq!(triangular(0.5, 3.0, 3.0, 3.0), 3.0);
        let split = (2.0 - 1.0) / 3.0;
        assert!((triangular(split, 1.0, 2.0, 4.0) - 2.0).abs() < 1e-12);
    }

    #[test]
    fn the_plausible_mode_is_the_range_the_page_always_drew_from() {
        for spec in PARAMS.iter() {
            for value in [spec.min, spec.default, spec.max] {
                let expected = if spec.is_uncertain() {
                    (spec.low.min(value), value, spec.high.max(value))
                } else {
                    (value, value, value)
                };
                assert_eq!(Sampling::Plausible.range(spec.param, value), expected);
                assert_eq!(sampling_range(spec.param, value), expected);
            }
        }
        assert_eq!(MonteCarloSettings::default().sampling, Sampling::Plausible);
    }

    #[test]
    fn the_scenario_mode_centres_on_the_value_with_half_the_plausible_width() {
        let spec = Param::Sanctions.spec();
        // 60% with a 30–90% plausible range: ± 30 points, as wide as the plausible range.
        let (low, mode, high) = Sampling::Scenario.range(Param::Sanctions, 0.6);
        assert_eq!(mode, 0.6);
        assert!((low - 0.3).abs() < 1e-12 && (high - 0.9).abs() < 1e-12);
        // Kremlin 12%'s 10% lies 10 points above the allowed 0%: the spread narrows to ± 10.
        let (low, _, high) = Sampling::Scenario.range(Param::Sanctions, 0.1);
        assert!(
            low.abs() < 1e-12 && (high - 0.2).abs() < 1e-12,
            "{low} {high}"
        );
        // A value at an end of its allowed range is held there.
        assert_eq!(
            Sampling::Scenario.range(Param::Sanctions, spec.min),
            (spec.min, spec.min, spec.min)
        );
        assert_eq!(
            Sampling::Scenario.range(Param::Horizon, 2035.0),
            (2035.0, 2035.0, 2035.0)
        );
    }

    #[test]
    fn sampling_ids_read_back() {
        for mode in Sampling::ALL {
            assert_eq!(Sampling::from_id(mode.id()), Some(mode));
        }
        for mode in Sampling::ALL {
            assert_eq!(mode.band_label(), format!("P10–P90 {}", mode.assumption()));
        }
        assert_eq!(Sampling::from_id("wide"), None);
    }

    proptest::proptest! {
        #[test]
        fn scenario_draws_stay_allowed_and_centre_on_the_value(
            index in 0..crate::params::PARAM_COUNT,
            position in 0.0..=1.0_f64,
            seed in proptest::prelude::any::<u64>(),
        ) {
            let spec = &PARAMS[index];
            let value = spec.clamp(spec.min + position * (spec.max - spec.min));
            let (low, mode, high) = Sampling::Scenario.range(spec.param, value);
            proptest::prop_assert_eq!(mode, value);
            proptest::prop_assert!(spec.min <= low && low <= value && value <= high && high <= spec.max);
            proptest::prop_assert!(((high - value) - (value - low)).abs() <= 1e-9 * spec.max.abs().max(1.0));
            proptest::prop_assert!(high - low <= spec.high - spec.low + 1e-9);
            let mut generator = SplitMix64::new(seed);
            let draws: Vec<f64> = (0..2_000)
                .map(|_| triangular(generator.next_f64(), low, mode, high))
                .collect();
            proptest::prop_assert!(draws.iter().all(|draw| spec.contains(*draw)));
            // A symmetric triangle's mean is its centre; 2,000 draws land within a tenth of its half-width.
            let mean = draws.iter().sum::<f64>() / draws.len() as f64;
            proptest::prop_assert!((mean - value).abs() <= 0.1 * (high - low) / 2.0 + 1e-9, "{} {} {}", spec.key, value, mean);
        }
    }

    #[test]
    fn tornado_csv_quotes_a_label_with_a_quote_and_a_comma() {
        let label = "China's \"floor\", risked";
        assert_eq!(quoted_field(label), "\"China's \"\"floor\"\", risked\"");
        // Today's labels keep the quotes they always had.
        let csv = tornado(&Scenario::default(), Output::default()).to_csv();
        assert!(
            csv.contains("\nsanctions,\"Sanctions friction\",0.3,0.9,"),
            "{csv}"
        );
    }

    proptest::proptest! {
        #[test]
        fn selection_gives_the_sorted_order_statistics(
            values in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::Just(0.0),
                    proptest::prelude::Just(-0.0),
                    0.0..1.0_f64,
                    proptest::prelude::any::<f64>(),
                ],
                1..200,
            ),
            q in 0.0..=1.0_f64,
        ) {
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            for k in [0, values.len() / 2, values.len() - 1] {
                let mut work = values.clone();
                proptest::prop_assert_eq!(select(&mut work, k).to_bits(), sorted[k].to_bits());
                proptest::prop_assert!(work[..k].iter().all(|v| v.total_cmp(&sorted[k]).is_le()));
                proptest::prop_assert!(work[k + 1..].iter().all(|v| v.total_cmp(&sorted[k]).is_ge()));
            }
            let position = q * (values.len() - 1) as f64;
            let below = position.floor() as usize;
            let above = sorted.get(below + 1).copied().unwrap_or(sorted[below]);
            let expected = sorted[below] + (above - sorted[below]) * (position - below as f64);
            let got = percentile(&mut values.clone(), q);
            proptest::prop_assert!(got.to_bits() == expected.to_bits() || (got.is_nan() && expected.is_nan()));
        }
    }

    #[test]
    fn percentile_of_many_equal_values_is_quick_and_exact() {
        let mut zeros = vec![0.0; 100_000];
        zeros[7] = 0.5;
        assert_eq!(percentile(&mut zeros, 0.9), 0.0);
        assert_eq!(percentile(&mut zeros, 1.0), 0.5);
    }

    #[test]
    fn percentile_interpolates() {
        assert_eq!(percentile(&mut [5.0, 1.0, 4.0, 2.0, 3.0], 0.5), 3.0);
        assert!((percentile(&mut [10.0, 0.0], 0.1) - 1.0).abs() < 1e-12);
        assert_eq!(percentile(&mut [3.0, 1.0, 2.0], 1.0), 3.0);
        assert_eq!(percentile(&mut [3.0, 1.0, 2.0], 0.0), 1.0);
        assert_eq!(percentile(&mut [], 0.5), 0.0);
    }
}
