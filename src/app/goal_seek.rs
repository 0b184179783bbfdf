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
use crate::app::analysis_panel::options;
use crate::app::markup;
use crate::app::state::{Action, AppState};
use crate::data::{Region, Stage};
use crate::i18n::Msg;
use crate::params::{Param, PARAMS};
use crate::scenario::Scenario;
use crate::text;
use crate::tr;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The answer shown, with what it was asked for (its words are written when it is shown, in the
/// page's language then).
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    param: Param,
    answer: GoalSeek,
    scenario: Scenario,
    /// The target asked for; its stage is the one the form keeps showing when the page's stage
    /// switch moves.
    target: Target,
}

/// Which of the form's two typed fields cannot be read (each gets its message beside it).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Invalid {
    share: bool,
    year: bool,
}

/// The value of a field or select (`value` is read by name, so the input's binding serves both).
fn field_value(node: &NodeRef) -> String {
    node.get()
        .map(|field| field.unchecked_into::<HtmlInputElement>().value())
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
        .ok_or(());
    let year = text::parse_whole::<u16>(year.trim())
        .filter(|year| (MOVABLE_YEAR_MIN..=TARGET_YEAR_MAX).contains(year))
        .ok_or(());
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
            share: share.is_err(),
            year: year.is_err(),
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

/// The goal seek's four fields. Its answer (or what is wrong with the form) is the page state's
/// `goal`.
///
/// Held by the page's root, through the analysis panel's hooks ([`use_goal_seek`]): a component of
/// its own would bring the page another copy of yew's generic code.
pub struct GoalSeekState {
    share: NodeRef,
    year: NodeRef,
    stage: NodeRef,
    param: NodeRef,
}

/// The goal seek's hooks, for the component that shows it.
#[hook]
pub fn use_goal_seek() -> GoalSeekState {
    GoalSeekState {
        share: use_mut_ref(NodeRef::default).borrow().clone(),
        year: use_mut_ref(NodeRef::default).borrow().clone(),
        stage: use_mut_ref(NodeRef::default).borrow().clone(),
        param: use_mut_ref(NodeRef::default).borrow().clone(),
    }
}

/// The goal-seek form and its answer, for `scenario` (the page's: the one a goal seek starts
/// from, and the one an answer is checked against to tell whether it is stale), with the page's
/// chosen `target` as the fields' defaults (the region is always Russia) and the last `answer`.
pub fn view(
    state: &GoalSeekState,
    answer: &Option<Result<Answer, Invalid>>,
    scenario: Scenario,
    target: Target,
    dispatch: &UseReducerDispatcher<AppState>,
) -> Html {
    let onsubmit = {
        let dispatch = dispatch.clone();
        let refs = (
            state.share.clone(),
            state.year.clone(),
            state.stage.clone(),
            state.param.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let result = read_form(
                &field_value(&refs.0),
                &field_value(&refs.1),
                &field_value(&refs.2),
                &field_value(&refs.3),
            )
            .map(|(param, target)| {
                let found = goal_seek(&scenario, param, target);
                Answer {
                    param,
                    answer: found,
                    scenario,
                    target,
                }
            });
            dispatch.dispatch(Action::Goal(result));
        })
    };

    let invalid = match answer {
        Some(Err(invalid)) => invalid.clone(),
        _ => Invalid::default(),
    };
    let result_html = match answer {
        Some(Ok(found)) => {
            let stale = found.scenario != scenario;
            let apply = match found.answer {
                // Offered only while the answer is for the page's scenario and changes something.
                GoalSeek::Reached { value, .. }
                    if !stale && value != found.scenario.get(found.param) =>
                {
                    let dispatch = dispatch.clone();
                    let param = found.param;
                    let onclick = Callback::from(move |_: MouseEvent| {
                        dispatch.dispatch(Action::SetParam(param, value));
                    });
                    html! {
                        <button type="button" id="goal-seek-apply" {onclick}>
                            { tr!(Msg::GoalUse, value = param.spec().display(value)) }
                        </button>
                    }
                }
                _ => html! {},
            };
            // The answer (the model's own sentence) as an HTML string and the note as the page's
            // markup (see `app::markup`): less code than yew's for each element.
            let text = describe_goal_seek(&found.scenario, found.param, found.target, found.answer);
            html! {
                <>
                    { Html::from_html_unchecked(format!(r#"<p id="goal-seek-answer" data-stale="{stale}">{text}</p>"#).into()) }
                    if stale { { markup("m-goal-stale") } }
                    { apply }
                </>
            }
        }
        _ => html! {},
    };

    // The stage of the question asked, once there is an answer; before, the page's.
    let asked_stage = match answer {
        Some(Ok(found)) => found.target.output.stage,
        _ => target.output.stage,
    };
    let default_share = text::shortest((target.share * 1000.0).round() / 10.0);
    let (share_described, share_invalid) = marks(invalid.share, "goal-share-error");
    let (year_described, year_invalid) = marks(invalid.year, "goal-year-error");
    html! {
        <section class="goal-seek" aria-labelledby="goal-seek-heading">
            { markup("m-goal-heading") }
            <form id="goal-seek" class="goal-form" novalidate=true {onsubmit}>
                <span class="setting">
                    { markup("m-goal-share") }
                    <input ref={state.share.clone()} type="number" id="goal-share" min="0.5" max="99" step="0.5"
                        ~defaultValue={default_share} inputmode="decimal"
                        aria-describedby={share_described} aria-invalid={share_invalid} />
                    if invalid.share {
                        <span id="goal-share-error" class="goal-error">{ tr!(Msg::GoalShareInvalid) }</span>
                    }
                </span>
                <span class="setting">
                    { markup("m-goal-year") }
                    <input ref={state.year.clone()} type="number" id="goal-year" min={MOVABLE_YEAR_MIN.to_string()}
                        max={TARGET_YEAR_MAX.to_string()} step="1"
                        ~defaultValue={target.output.year.clamp(MOVABLE_YEAR_MIN, TARGET_YEAR_MAX).to_string()} inputmode="numeric"
                        aria-describedby={year_described} aria-invalid={year_invalid} />
                    if invalid.year {
                        <span id="goal-year-error" class="goal-error">{ tr!(Msg::GoalYearInvalid, from = MOVABLE_YEAR_MIN.to_string(), to = TARGET_YEAR_MAX.to_string()) }</span>
                    }
                </span>
                <span class="setting">
                    { markup("m-goal-stage") }
                    <select ref={state.stage.clone()} id="goal-stage">
                        { options(Stage::ALL.into_iter().map(|stage| (stage.id().into(), stage.label().into(), stage == asked_stage))) }
                    </select>
                </span>
                <span class="setting">
                    { markup("m-goal-param") }
                    <select ref={state.param.clone()} id="goal-param">
                        { options(PARAMS.iter().filter(|spec| spec.param != Param::Horizon).map(|spec| (spec.key.into(), spec.reader_label().into(), spec.param == Param::Sanctions))) }
                    </select>
                </span>
                { markup("m-goal-run") }
            </form>
            <div id="goal-seek-result" class="goal-result" role="status">{ result_html }</div>
        </section>
    }
}
