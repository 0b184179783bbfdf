//! "What would it take?": pick a target share for Russia, a year, a stage and one parameter;
//! the page answers with the value that reaches it, or says how close the best value gets.

use crate::analysis::{
    describe_goal_seek, goal_seek, GoalSeek, Output, Target, MOVABLE_YEAR_MIN, TARGET_YEAR_MAX,
};
use crate::app::state::{Action, AppState};
use crate::data::{Region, Stage};
use crate::params::{Param, PARAMS};
use crate::scenario::Scenario;
use crate::text;
use std::cell::Cell;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The page's newest scenario, shared without causing re-renders (equal when it is the same cell).
#[derive(Clone)]
pub struct LatestScenario(pub Rc<Cell<Scenario>>);

impl PartialEq for LatestScenario {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Properties of [`GoalSeekForm`].
#[derive(Properties, PartialEq)]
pub struct GoalSeekFormProps {
    /// The scenario to start from, read when the form is submitted.
    pub scenario: LatestScenario,
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

/// Reads the form into a parameter and a target, or says what is wrong.
fn read_form(share: &str, year: &str, stage: &str, param: &str) -> Result<(Param, Target), String> {
    let share: f64 = text::parse_number(share.trim().trim_end_matches('%'))
        .filter(|value: &f64| *value > 0.0 && *value < 100.0)
        .ok_or("The target share must be a percentage above 0 and below 100.")?;
    let year: u16 = year
        .trim()
        .parse()
        .ok()
        .filter(|year| (MOVABLE_YEAR_MIN..=TARGET_YEAR_MAX).contains(year))
        .ok_or_else(|| format!("The year must be from {MOVABLE_YEAR_MIN} to {TARGET_YEAR_MAX}."))?;
    let stage = Stage::from_id(stage).ok_or("Choose a stage.")?;
    let param = Param::from_key(param).ok_or("Choose a parameter.")?;
    Ok((
        param,
        Target {
            output: Output {
                region: Region::Russia,
                stage,
                year,
            },
            share: share / 100.0,
        },
    ))
}

/// The goal-seek form and its answer.
#[function_component(GoalSeekForm)]
pub fn goal_seek_form(props: &GoalSeekFormProps) -> Html {
    let answer = use_state(|| None::<Result<Answer, String>>);
    let share_ref = use_node_ref();
    let year_ref = use_node_ref();
    let stage_ref = use_node_ref();
    let param_ref = use_node_ref();

    let onsubmit = {
        let answer = answer.clone();
        let scenario_cell = props.scenario.clone();
        let refs = (
            share_ref.clone(),
            year_ref.clone(),
            stage_ref.clone(),
            param_ref.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let scenario = scenario_cell.0.get();
            let result = read_form(
                &input_value(&refs.0),
                &input_value(&refs.1),
                &select_value(&refs.2),
                &select_value(&refs.3),
            )
            .map(|(param, target)| {
                let found = goal_seek(&scenario, param, target);
                Answer {
                    text: describe_goal_seek(param, target, found),
                    param,
                    answer: found,
                    scenario,
                }
            });
            answer.set(Some(result));
        })
    };

    let result_html = match &*answer {
        None => html! {},
        Some(Err(message)) => html! { <p class="goal-error">{ message.clone() }</p> },
        Some(Ok(found)) => {
            let stale = found.scenario != props.scenario.0.get();
            let apply = match found.answer {
                GoalSeek::Reached { value, .. } => {
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
                GoalSeek::Unreachable { .. } => html! {},
            };
            html! {
                <>
                    <p>{ found.text.clone() }</p>
                    if stale {
                        <p class="goal-note">{ "The scenario has changed since: ask again for an up-to-date answer." }</p>
                    }
                    { apply }
                </>
            }
        }
    };

    let default_share = text::shortest((props.target.share * 1000.0).round() / 10.0);
    html! {
        <section class="goal-seek" aria-labelledby="goal-seek-heading">
            <h3 id="goal-seek-heading">{ "What would it take?" }</h3>
            <form id="goal-seek" class="goal-form" {onsubmit}>
                <span class="setting">
                    <label for="goal-share">{ "Russia's share (%)" }</label>
                    <input ref={share_ref} type="number" id="goal-share" min="0.5" max="99" step="0.5"
                        value={default_share} inputmode="decimal" />
                </span>
                <span class="setting">
                    <label for="goal-year">{ "in year" }</label>
                    <input ref={year_ref} type="number" id="goal-year" min={MOVABLE_YEAR_MIN.to_string()}
                        max={TARGET_YEAR_MAX.to_string()} step="1"
                        value={props.target.output.year.clamp(MOVABLE_YEAR_MIN, TARGET_YEAR_MAX).to_string()} inputmode="numeric" />
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
