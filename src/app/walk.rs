//! A guided walk through the claims: each preset opened in turn, with what it assumes (its
//! description, which cites the claim) and what it shows (Russia's 2030 share at each stage and
//! China's share of separation, from the projection on screen), above the headline and the charts.
//!
//! The walk only picks presets, as the preset picker does, so every step is a link in the history
//! (Back returns to the step before) and the reader can leave it at any step. Whether it is on is
//! the page's state ([`AppState::walking`]), not the link's.

use crate::app::state::{Action, AppState};
use crate::app::{button, markup};
use crate::data::{Region, Stage};
use crate::projection::{Projection, TARGET_YEAR};
use crate::scenario::{Preset, PRESETS};
use crate::text::percent;
use crate::web::{focus, frame};
use yew::prelude::*;

/// "Walk through the claims": starts the walk at the first preset and moves the focus to it.
pub fn start(dispatch: &UseReducerDispatcher<AppState>) -> Html {
    step_button("walk-start", "Walk through the claims", dispatch, Some(0))
}

/// A button that opens the preset at `step` with the walk on (and, from the start button, moves
/// the focus to the walk), or with `None` ends the walk and gives the focus back to its start.
#[inline(never)]
fn step_button(
    id: &'static str,
    label: &'static str,
    dispatch: &UseReducerDispatcher<AppState>,
    step: Option<usize>,
) -> Html {
    let dispatch = dispatch.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        dispatch.dispatch(Action::Walk(step));
        let focus_on = if step.is_some() {
            "walk-heading"
        } else {
            "walk-start"
        };
        if id != "walk-next" && id != "walk-previous" {
            frame::after_frame(move || focus(focus_on));
        }
    });
    button(id, label, onclick)
}

/// The walk's step for `preset` (its place among the presets, what it assumes and what it shows)
/// with Previous, Next and End; nothing when the walk is off.
pub fn view(
    walking: bool,
    preset: &'static Preset,
    projection: &Projection,
    dispatch: &UseReducerDispatcher<AppState>,
) -> Html {
    if !walking {
        return Html::default();
    }
    let index = PRESETS
        .iter()
        .position(|candidate| candidate.id == preset.id)
        .unwrap_or(0);
    let share = |stage, region| percent(projection.share(TARGET_YEAR, stage, region), 1);
    // The preset's own description and the model's numbers, as an HTML string (see `app::markup`).
    let text = format!(
        "<p><b>What it assumes:</b> {}</p><p><b>What it shows:</b> in {TARGET_YEAR} Russia would have {} of world mining (the stage the 10% claim counts), {} of separation and {} of magnet making; China {} of separation.</p>",
        preset.description,
        share(Stage::Mining, Region::Russia),
        share(Stage::Separation, Region::Russia),
        share(Stage::Magnets, Region::Russia),
        share(Stage::Separation, Region::China),
    );
    let last = index + 1 == PRESETS.len();
    let previous = (index > 0)
        .then(|| step_button("walk-previous", "Previous claim", dispatch, Some(index - 1)));
    let next = (!last).then(|| step_button("walk-next", "Next claim", dispatch, Some(index + 1)));
    let end = if last {
        "End the walk"
    } else {
        "Skip the rest"
    };
    html! {
        <section id="walk" class="walk" aria-labelledby="walk-heading">
            // The heading takes the focus when the walk starts; the step's text is announced as it changes.
            <h2 id="walk-heading" tabindex="-1">{ format!("Claim {} of {}: {}", index + 1, PRESETS.len(), preset.title) }</h2>
            <div aria-live="polite">{ Html::from_html_unchecked(text.into()) }</div>
            <div class="walk-buttons">
                { previous }{ next }{ step_button("walk-end", end, dispatch, None) }
            </div>
            { markup(r#"<p class="walk-note">Each step opens the claim's preset, as the preset picker does: the headline and charts below are that claim's; Back returns to the step before.</p>"#) }
        </section>
    }
}
