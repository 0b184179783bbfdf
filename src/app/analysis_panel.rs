//! The analysis section: the target (share and year), the fan chart's region and the Monte Carlo
//! settings (runs, seed and what the runs draw around), the fan chart of the chosen region's share with its P10–P90 band, the tornado of what
//! matters most (with CSV) and the goal seek.

use crate::analysis::{
    MonteCarloSettings, Sampling, MAX_SAMPLES, MIN_CHOSEN_SAMPLES, MOVABLE_YEAR_MIN,
};
use crate::app::chart_canvas::{ChartCanvas, References};
use crate::app::downloads::notice_failure;
use crate::app::goal_seek::{self, use_goal_seek, GoalSeekState};
use crate::app::state::{Action, AppState};
use crate::app::{button, markup};
use crate::chart::{ChartKind, Theme};
use crate::data::Region;
use crate::i18n::Msg;
use crate::params::Param;
use crate::projection::Projection;
use crate::state::{LinkState, Shown};
use crate::text;
use crate::tr;
use crate::web::files;
use crate::worker_protocol::{AnalysisInput, AnalysisResults};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Targets offered for Russia's share in the target year.
const TARGET_CHOICES: [f64; 5] = [0.05, 0.10, 0.12, 0.15, 0.20];

/// First year offered for the target: the first the scenario can move.
const FIRST_TARGET_YEAR: u16 = MOVABLE_YEAR_MIN;

/// Last year always offered for the target (later years up to the horizon are offered too).
const LAST_TARGET_YEAR: u16 = 2040;

/// Run counts offered for the Monte Carlo.
const SAMPLE_CHOICES: [u32; 4] = [200, 1_000, 5_000, 10_000];

/// What the analysis section shows, besides its state ([`use_analysis_panel`]).
pub struct AnalysisPanelInput<'a> {
    /// The current link state (scenario, stage, settings).
    pub link: &'a LinkState,
    /// The pinned references, if comparing.
    pub references: References,
    /// The latest analysis results.
    pub results: &'a AnalysisResults,
    /// Whether the results match the current inputs.
    pub fresh: bool,
    /// Light or dark.
    pub theme: Theme,
    /// Where changes go.
    pub dispatch: &'a UseReducerDispatcher<AppState>,
    /// The goal seek's last answer.
    pub goal: &'a Option<Result<goal_seek::Answer, goal_seek::Invalid>>,
}

/// The analysis section's state: the projection its fan is drawn around and the goal seek's.
///
/// Held by the page's root: a component of its own would bring the page another copy of yew's
/// generic code, and the section changes with the link, as the root does.
pub struct AnalysisPanelState {
    analysed: Rc<Projection>,
    goal: GoalSeekState,
}

/// The analysis section's hooks, with the projection of the scenario the results are for
/// (`analysed`, the page state's; before any, the page's `projection`). The fan's central line is
/// the scenario its bands were computed for, and the tornado needs no projection: neither chart
/// redraws on a slider move, only when new results arrive. Like the bands, it ends at the
/// scenario's own horizon, where the other charts end.
#[hook]
pub fn use_analysis_panel(
    analysed: Option<&Rc<Projection>>,
    projection: &Rc<Projection>,
) -> AnalysisPanelState {
    AnalysisPanelState {
        analysed: analysed.unwrap_or(projection).clone(),
        goal: use_goal_seek(),
    }
}

/// The run to keep in the link: none when `settings` are the defaults (keeps links short).
fn link_settings(settings: MonteCarloSettings) -> Option<MonteCarloSettings> {
    (settings != MonteCarloSettings::default()).then_some(settings)
}

/// A count with thousands separators.
fn count_text(count: u32) -> String {
    text::thousands(f64::from(count))
}

/// Uncertainty, sensitivity and goal seek.
pub fn view(state: &AnalysisPanelState, props: AnalysisPanelInput<'_>) -> Html {
    let input = AnalysisInput::from_link(props.link);
    let settings = props.link.monte_carlo.unwrap_or_default();
    let stage = props.link.stage;
    let analysed = &state.analysed;
    // One listener for every setting (their change events bubble to it), told apart by the
    // field's id: a handler per field would cost the download a closure each.
    let on_setting = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: Event| {
            // Selects and the number field alike: `value`, `id` and `set_value` are read by name.
            let field: HtmlInputElement = event.target_unchecked_into();
            let value = field.value();
            let mut run = settings;
            let action = match field.id().as_str() {
                "target-share" => text::parse_number(&value).map(Action::SetTarget),
                "target-year" => text::parse_whole(&value).map(Action::SetTargetYear),
                "fan-region" => Region::from_id(&value).map(Action::SetFanRegion),
                "mc-samples" => text::parse_whole::<u32>(&value).map(|samples| {
                    run.samples = samples.clamp(MIN_CHOSEN_SAMPLES, MAX_SAMPLES);
                    Action::SetMonteCarlo(link_settings(run))
                }),
                "mc-sampling" => Sampling::from_id(&value).map(|sampling| {
                    run.sampling = sampling;
                    Action::SetMonteCarlo(link_settings(run))
                }),
                // The seed, the one number field.
                _ => Some(match value.trim().parse::<u64>() {
                    Ok(seed) => {
                        run.seed = seed;
                        Action::SetMonteCarlo(link_settings(run))
                    }
                    Err(_) => {
                        field.set_value(&settings.seed.to_string());
                        Action::Notify(tr!(Msg::AnalysisSeedInvalid).into())
                    }
                }),
            };
            if let Some(action) = action {
                dispatch.dispatch(action);
            }
        })
    };
    let on_tornado_csv = {
        let tornado = props.results.tornado.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let name = format!("ree-outlook-tornado-{}.csv", stage.id());
            let outcome = match &tornado {
                Some(tornado) => files::download_text(&name, "text/csv", &tornado.to_csv()),
                None => Err(tr!(Msg::AnalysisTornadoNotRun).into()),
            };
            notice_failure(&name, outcome, &dispatch);
        })
    };

    let mut targets: Vec<f64> = TARGET_CHOICES.to_vec();
    if !targets
        .iter()
        .any(|share| (share - input.target_share).abs() < 1e-12)
    {
        insert_in_order(&mut targets, input.target_share);
    }
    let horizon = props.link.scenario.get(Param::Horizon);
    let last_year = if horizon.is_finite() {
        (horizon as u16).max(LAST_TARGET_YEAR)
    } else {
        LAST_TARGET_YEAR
    };
    let mut years: Vec<u16> = (FIRST_TARGET_YEAR..=last_year).collect();
    if !years.contains(&input.target_year) {
        insert_in_order(&mut years, input.target_year);
    }
    let mut samples: Vec<u32> = SAMPLE_CHOICES.to_vec();
    if !samples.contains(&settings.samples) {
        insert_in_order(&mut samples, settings.samples);
    }
    // Before the analyses first answer, their charts stay empty rather than draw a placeholder.
    let waiting = props.results.input.is_none();
    let status = if props.fresh {
        crate::i18n::plural(
            Msg::AnalysisStatus,
            f64::from(settings.samples),
            &[
                &count_text(settings.samples),
                &settings.seed.to_string(),
                &text::fixed(props.results.run_ms, 0),
            ],
        )
    } else {
        tr!(Msg::AnalysisUpdating).into()
    };

    html! {
        <section id="analysis" class="analysis" aria-labelledby="analysis-heading">
            { markup("m-analysis") }
            <div class="analysis-settings" onchange={on_setting}>
                <span class="setting">
                    <label for="target-share">{ tr!(Msg::AnalysisTarget, stage = Shown::Stage(stage).name()) }</label>
                    <select id="target-share">
                        { options(targets.iter().map(|share| (text::shortest(*share), text::percent(*share, 1), (share - input.target_share).abs() < 1e-12))) }
                    </select>
                </span>
                <span class="setting">
                    { markup("m-target-year") }
                    <select id="target-year">
                        { options(years.iter().map(|year| (year.to_string(), year.to_string(), *year == input.target_year))) }
                    </select>
                </span>
                <span class="setting">
                    { markup("m-fan-region") }
                    <select id="fan-region">
                        { options(Region::ALL.into_iter().map(|region| (region.id().into(), region.label().into(), region == input.fan_region))) }
                    </select>
                </span>
                <span class="setting">
                    { markup("m-mc-sampling") }
                    <select id="mc-sampling">
                        { options(Sampling::ALL.into_iter().map(|mode| (mode.id().into(), mode.assumption().into(), mode == settings.sampling))) }
                    </select>
                </span>
                <span class="setting">
                    { markup("m-mc-samples") }
                    <select id="mc-samples">
                        { options(samples.iter().map(|count| (count.to_string(), count_text(*count), *count == settings.samples))) }
                    </select>
                </span>
                <span class="setting">
                    { markup("m-mc-seed") }
                    <input type="number" id="mc-seed" class="seed" min="0" step="1" inputmode="numeric"
                        value={settings.seed.to_string()} />
                </span>
                <span id="analysis-status" class="analysis-status" aria-live="off">{ status }</span>
            </div>
            // Goal seek above the charts: their captions grow when the results arrive.
            { goal_seek::view(&state.goal, props.goal, props.link.scenario, input.target(), props.dispatch) }
            <div class="charts analysis-charts">
                <ChartCanvas kind={ChartKind::Fan} projection={analysed.clone()}
                    references={props.references.clone()} {stage} theme={props.theme} lang={crate::i18n::language()}
                    bands={props.results.bands.clone()} {waiting} dispatch={props.dispatch.clone()} />
                <div class="chart-with-extra">
                    <ChartCanvas kind={ChartKind::Tornado} projection={analysed.clone()}
                        {stage} theme={props.theme} lang={crate::i18n::language()}
                        tornado={props.results.tornado.clone()} {waiting} dispatch={props.dispatch.clone()} />
                    { button("download-csv-tornado", tr!(Msg::AnalysisTornadoCsv), on_tornado_csv) }
                </div>
            </div>
        </section>
    }
}

/// The `<option>`s of a select from (value, label, selected) triples: one place builds every
/// option of the analysis panel and the goal seek, rather than one closure per list.
pub fn options(choices: impl Iterator<Item = (String, String, bool)>) -> Html {
    let choices: Vec<(String, String, bool)> = choices.collect();
    option_list(choices)
}

/// [`options`] for a list already collected (not generic, so compiled once).
fn option_list(choices: Vec<(String, String, bool)>) -> Html {
    choices
        .into_iter()
        .map(|(value, label, selected)| html! { <option {value} {selected}>{ label }</option> })
        .collect()
}

/// Adds `value` to an ascending list of choices before the first larger one (a sort would add a
/// sorting routine per element type to the page for lists of a dozen entries).
fn insert_in_order<T: PartialOrd>(list: &mut Vec<T>, value: T) {
    let at = list
        .iter()
        .position(|choice| *choice > value)
        .unwrap_or(list.len());
    list.insert(at, value);
}
