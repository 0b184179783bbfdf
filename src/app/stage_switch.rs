//! The stage switch: mining, separation, separation's light (Nd, Pr) and heavy (Dy, Tb) products,
//! or magnets, for the share and supply-gap charts, the table and the headline.

use crate::app::state::{Action, AppState};
use crate::data::Stage;
use crate::i18n::Msg;
use crate::state::{Product, Shown};
use crate::tr;
use yew::prelude::*;

/// Five radio buttons `name="stage"`, one per [`Shown`] choice, each with its short label shown and
/// its full label as its accessible name ("Separation: heavy (Dy, Tb)" beside "Heavy (Dy, Tb)").
pub fn view(chosen: Shown, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    html! {
        <fieldset class="stage-switch">
            <legend>{ tr!(Msg::SwitchStageLegend) }</legend>
            { for Shown::ALL.into_iter().map(|shown| {
                let id = input_id(shown);
                let onchange = {
                    let dispatch = dispatch.clone();
                    Callback::from(move |event: Event| {
                        crate::web::timings::mark_input(event.time_stamp());
                        dispatch.dispatch(Action::Show(shown));
                    })
                };
                html! {
                    <span class="stage-option">
                        <input type="radio" name="stage" {id} value={shown.id()} aria-label={shown.label()}
                            checked={shown == chosen} {onchange} />
                        <label for={id}>{ shown.short_label() }</label>
                    </span>
                }
            }) }
        </fieldset>
    }
}

/// The id of a choice's radio button: `stage-` and the stage's id, or `stage-separation-light` and
/// `stage-separation-heavy`.
fn input_id(shown: Shown) -> &'static str {
    match shown {
        Shown::Stage(Stage::Mining) => "stage-mining",
        Shown::Stage(Stage::Separation) => "stage-separation",
        Shown::Stage(Stage::Magnets) => "stage-magnets",
        Shown::Product(Product::Light) => "stage-separation-light",
        Shown::Product(Product::Heavy) => "stage-separation-heavy",
    }
}
