//! The preset picker: each preset encodes a published claim; its description cites it.

use crate::app::state::{Action, AppState};
use crate::app::{button, markup};
use crate::scenario::{Preset, PRESETS};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// A `<select id="preset">`, the preset's description and "reset to preset".
pub fn view(
    preset: &'static str,
    changed: usize,
    dispatch: &UseReducerDispatcher<AppState>,
) -> Html {
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(preset) = Preset::find(&select.value()) {
                dispatch.dispatch(Action::PickPreset(preset.id));
            }
        })
    };
    let onreset = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ResetToPreset))
    };
    let current = Preset::find(preset).unwrap_or(&PRESETS[0]);
    let status = match changed {
        0 => "All values as in the preset.".to_string(),
        1 => "1 value changed from the preset.".to_string(),
        count => format!("{count} values changed from the preset."),
    };
    html! {
        <section class="presets" aria-labelledby="preset-heading">
            { markup(r#"<h2 id="preset-heading">Scenario</h2><label for="preset">Start from a preset</label>"#) }
            // `~value` sets the select's value property: once the reader has picked an option, the
            // options' `selected` attributes no longer move the selection (Back, Forward, a file).
            <select id="preset" ~value={current.id} {onchange} aria-describedby="preset-description">
                { for PRESETS.iter().map(|preset| html! {
                    <option value={preset.id} selected={preset.id == current.id}>{ preset.title }</option>
                }) }
            </select>
            // The preset's own description as an HTML string (see `app::markup`): fixed text.
            { Html::from_html_unchecked(format!(r#"<p id="preset-description" class="preset-description">{}</p>"#, current.description).into()) }
            { markup(r#"<p class="preset-all"><a href="claims.html">Every preset side by side</a></p>"#) }
            <div class="preset-status">
                { Html::from_html_unchecked(format!(r#"<span id="changed-count">{status}</span>"#).into()) }
                { button("reset-preset", "Reset to preset", onreset) }
            </div>
        </section>
    }
}
