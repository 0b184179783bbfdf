//! "What would it take?": pick a target share for Russia, a year, a stage and one parameter;
//! the page answers with the value that reaches it, says it is already met, or says how close the
//! best value gets.
//!
//! The fields keep what the reader typed: their page defaults are set as `defaultValue`, which a
//! field follows only until the reader edits it, so re-rendering the answer never resets them. An
//! answer computed for another scenario than the page's is marked stale; a field that cannot be
//! read gets its message beside it (`aria-invalid`, `aria-describedby`).

use crate::analysis::{
    describe_goal_seek, goal_seek, GoalSeek, Output, Target, MOVABLE_YEAR_MIN, TARGET_YEAR_MAX,
};
use crate::app::state::{Action, AppState};
use crate::data::{Region, Stage};
use crate::params::{Param, PARAMS};
use crate::scenario::Scenario;
use crate::text;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`GoalSeekForm`].
#[derive(Properties, PartialEq)]
pub struct GoalSeekFormProps {
    /// The page's scenario: the one a goal seek starts from, and the one an answer is checked
    /// against to tell whether it is stale.
    pub scenario: Scenario,
    /// The target chosen on the page: its stage, year and share are the form's defaults (the
    /// region is always Russia).
    #[prop_or_default]
    pub target: Target,
    /// Where "use this value" goes.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The answer shown, with what it was asked for.
#[derive(Clone, PartialEq)]
struct Answer {
    text: String,
    param: Param,
    answer: GoalSeek,
    scenario: Scenario,
}

/// What is wrong with the form's two typed fields, each beside its field.
#[derive(Clone, Default, PartialEq)]
struct Invalid {
    share: Option<&'static str>,
    year: Option<String>,
}

fn input_value(node: &NodeRef) -> String {
    node.cast::<HtmlInputElement>()
        .map(|input| input.value())
        .unwrap_or_default()
}

fn select_value(node: &NodeRef) -> String {
    node.cast::<HtmlSelectElement>()
        .map(|select| select.value())
        .unwrap_or_default()
}

/// Reads the form into a parameter and a target, or says what is wrong with each typed field.
fn read_form(
    share: &str,
    year: &str,
    stage: &str,
    param: &str,
) -> Result<(Param, Target), Invalid> {
    let share = text::parse_number(share.trim().trim_end_matches('%'))
        .filter(|value: &f64| *value > 0.0 && *value < 100.0)
        .ok_or("Enter a percentage above 0 and below 100.");
    let year = year
        .trim()
        .parse::<u16>()
        .ok()
        .filter(|year| (MOVABLE_YEAR_MIN..=TARGET_YEAR_MAX).contains(year))
        .ok_or_else(|| format!("Enter a year from {MOVABLE_YEAR_MIN} to {TARGET_YEAR_MAX}."));
    match (share, year) {
        (Ok(share), Ok(year)) => Ok((
            // The choices come from the page's own lists, so they always read.
            Param::from_key(param).unwrap_or(Param::Sanctions),
            Target {
                output: Output {
                    region: Region::Russia,
                    stage: Stage::from_id(stage).unwrap_or(Stage::Separation),
                    year,
                },
                share: share / 100.0,
            },
        )),
        (share, year) => Err(Invalid {
            share: share.err(),
            year: year.err(),
        }),
    }
}

/// `aria-describedby` and `aria-invalid` for a field with `message` (none when it reads).
fn marks(message: bool, id: &'static str) -> (Option<&'static str>, Option<&'static str>) {
    if message {
        (Some(id), Some("true"))
    } else {
        (None, None)
    }
}

/// The goal-seek form and its answer.
#[function_component(GoalSeekForm)]
pub fn goal_seek_form(props: &GoalSeekFormProps) -> Html {
    let answer = use_state(|| None::<Result<Answer, Invalid>>);
    let share_ref = use_node_ref();
    let year_ref = use_node_ref();
    let stage_ref = use_node_ref();
    let param_ref = use_node_ref();

    let onsubmit = {
        let answer = answer.clone();
        let scenario = props.scenario;
        let refs = (
            share_ref.clone(),
            year_ref.clone(),
            stage_ref.clone(),
            param_ref.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let result = read_form(
                &input_value(&refs.0),
                &input_value(&refs.1),
                &select_value(&refs.2),
                &select_value(&refs.3),
            )
            .map(|(param, target)| {
                let found = goal_seek(&scenario, param, target);
                Answer {
                    text: describe_goal_seek(&scenario, param, target, found),
                    param,
                    answer: found,
                    scenario,
                }
            });
            answer.set(Some(result));
        })
    };

    let invalid = match &*answer {
        Some(Err(invalid)) => invalid.clone(),
        _ => Invalid::default(),
    };
    let result_html = match &*answer {
        Some(Ok(found)) => {
            let stale = found.scenario != props.scenario;
            let apply = match found.answer {
                // Offered only while the answer is for the page's scenario and changes something.
                GoalSeek::Reached { value, .. }
                    if !stale && value != found.scenario.get(found.param) =>
                {
                    let dispatch = props.dispatch.clone();
                    let param = found.param;
                    let onclick = Callback::from(move |_: MouseEvent| {
                        dispatch.dispatch(Action::SetParam(param, value));
                    });
                    html! {
                        <button type="button" id="goal-seek-apply" {onclick}>
                            { format!("Use {}", param.spec().display(value)) }
                        </button>
                    }
                }
                _ => html! {},
            };
            html! {
                <>
                    <p id="goal-seek-answer" data-stale={stale.to_string()}>{ found.text.clone() }</p>
                    if stale {
                        <p class="goal-note">{ "This answer was for the previous settings; press \u{201c}Find the value\u{201d} again." }</p>
                    }
                    { apply }
                </>
            }
        }
        _ => html! {},
    };

    let default_share = text::shortest((props.target.share * 1000.0).round() / 10.0);
    let (share_described, share_invalid) = marks(invalid.share.is_some(), "goal-share-error");
    let (year_described, year_invalid) = marks(invalid.year.is_some(), "goal-year-error");
    html! {
        <section class="goal-seek" aria-labelledby="goal-seek-heading">
            <h3 id="goal-seek-heading">{ "What would it take?" }</h3>
            <form id="goal-seek" class="goal-form" novalidate=true {onsubmit}>
                <span class="setting">
                    <label for="goal-share">{ "Russia's share (%)" }</label>
                    <input ref={share_ref} type="number" id="goal-share" min="0.5" max="99" step="0.5"
                        ~defaultValue={default_share} inputmode="decimal"
                        aria-describedby={share_described} aria-invalid={share_invalid} />
                    if let Some(message) = invalid.share {
                        <span id="goal-share-error" class="goal-error">{ message }</span>
                    }
                </span>
                <span class="setting">
                    <label for="goal-year">{ "in year" }</label>
                    <input ref={year_ref} type="number" id="goal-year" min={MOVABLE_YEAR_MIN.to_string()}
                        max={TARGET_YEAR_MAX.to_string()} step="1"
                        ~defaultValue={props.target.output.year.clamp(MOVABLE_YEAR_MIN, TARGET_YEAR_MAX).to_string()} inputmode="numeric"
                        aria-describedby={year_described} aria-invalid={year_invalid} />
                    if let Some(message) = invalid.year {
                        <span id="goal-year-error" class="goal-error">{ message }</span>
                    }
                </span>
                <span class="setting">
                    <label for="goal-stage">{ "of" }</label>
                    <select ref={stage_ref} id="goal-stage">
                        { for Stage::ALL.into_iter().map(|stage| html! {
                            <option value={stage.id()} selected={stage == props.target.output.stage}>{ stage.label() }</option>
                        }) }
                    </select>
                </span>
                <span class="setting">
                    <label for="goal-param">{ "by changing" }</label>
                    <select ref={param_ref} id="goal-param">
                        { for PARAMS.iter().filter(|spec| spec.param != Param::Horizon).map(|spec| html! {
                            <option value={spec.key} selected={spec.param == Param::Sanctions}>{ spec.label }</option>
                        }) }
                    </select>
                </span>
                <button type="submit" id="goal-seek-run">{ "Find the value" }</button>
            </form>
            <div id="goal-seek-result" class="goal-result" role="status">{ result_html }</div>
        </section>
    }
}
