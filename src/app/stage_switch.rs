//! The stage switch: mining, separation or magnets for the share chart and the table.

use crate::app::markup;
use crate::app::state::{Action, AppState};
use crate::data::Stage;
use yew::prelude::*;

/// Three radio buttons `name="stage"`.
pub fn view(chosen: Stage, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    html! {
        <fieldset class="stage-switch">
            { markup("<legend>Stage of the supply chain</legend>") }
            { for Stage::ALL.into_iter().map(|stage| {
                let id = input_id(stage);
                let onchange = {
                    let dispatch = dispatch.clone();
                    Callback::from(move |event: Event| {
                        crate::web::timings::mark_input(event.time_stamp());
                        dispatch.dispatch(Action::SetStage(stage));
                    })
                };
                html! {
                    <span class="stage-option">
                        <input type="radio" name="stage" {id} value={stage.id()}
                            checked={stage == chosen} {onchange} />
                        <label for={id}>{ stage.label() }</label>
                    </span>
                }
            }) }
        </fieldset>
    }
}

/// The id of a stage's radio button: `stage-` and the stage's id.
fn input_id(stage: Stage) -> &'static str {
    match stage {
        Stage::Mining => "stage-mining",
        Stage::Separation => "stage-separation",
        Stage::Magnets => "stage-magnets",
    }
}
