//! A guided walk through the claims: each preset opened in turn, with what it assumes (its
//! description, which cites the claim) and what it shows (Russia's 2030 share at each stage and
//! China's share of separation, from the projection on screen), above the headline and the charts.
//!
//! The walk only picks presets, as the preset picker does, so every step is a link in the history
//! (Back returns to the step before) and the reader can leave it at any step. Whether it is on is
//! the page's state ([`AppState::walking`]), not the link's.

use crate::app::button;
use crate::app::state::{Action, AppState};
use crate::chart::escape;
use crate::data::{Region, Stage};
use crate::i18n::Msg;
use crate::projection::{Projection, TARGET_YEAR};
use crate::scenario::{Preset, PRESETS};
use crate::text::percent;
use crate::tr;
use crate::web::{focus, frame};
use yew::prelude::*;

/// "Walk through the claims": starts the walk at the first preset and moves the focus to it.
pub fn start(dispatch: &UseReducerDispatcher<AppState>) -> Html {
    step_button("walk-start", tr!(Msg::WalkStart), dispatch, Some(0))
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
    // The preset's own description and the model's numbers in the text's own markup, as an HTML
    // string (see `app::markup`; the numbers are digits and signs, the description is escaped).
    let text = tr!(
        Msg::WalkText,
        description = escape(preset.reader_description()),
        year = crate::text::shortest(TARGET_YEAR.into()),
        mining = share(Stage::Mining, Region::Russia),
        separation = share(Stage::Separation, Region::Russia),
        magnets = share(Stage::Magnets, Region::Russia),
        china = share(Stage::Separation, Region::China),
    );
    let last = index + 1 == PRESETS.len();
    let previous = (index > 0).then(|| {
        step_button(
            "walk-previous",
            tr!(Msg::WalkPrevious),
            dispatch,
            Some(index - 1),
        )
    });
    let next =
        (!last).then(|| step_button("walk-next", tr!(Msg::WalkNext), dispatch, Some(index + 1)));
    let end = tr!(if last { Msg::WalkEnd } else { Msg::WalkSkip });
    html! {
        <section id="walk" class="walk" aria-labelledby="walk-heading">
            // The heading takes the focus when the walk starts; the step's text is announced as it changes.
            <h2 id="walk-heading" tabindex="-1">{ tr!(Msg::WalkHeading, n = crate::text::thousands((index + 1) as f64), count = crate::text::thousands(PRESETS.len() as f64), title = preset.reader_title()) }</h2>
            <div aria-live="polite">{ Html::from_html_unchecked(text.into()) }</div>
            <div class="walk-buttons">
                { previous }{ next }{ step_button("walk-end", end, dispatch, None) }
            </div>
            { Html::from_html_unchecked(format!(r#"<p class="walk-note">{}</p>"#, escape(tr!(Msg::WalkNote))).into()) }
        </section>
    }
}
