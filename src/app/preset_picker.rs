//! The preset picker: each preset encodes a published claim; its description cites it.

use crate::app::button;
use crate::app::state::{Action, AppState};
use crate::chart::escape;
use crate::i18n::Msg;
use crate::scenario::{Preset, PRESETS};
use crate::text;
use crate::tr;
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
    let count_text;
    let status = match changed {
        0 => tr!(Msg::PresetStatusNone),
        1 => tr!(Msg::PresetStatusOne),
        count => {
            count_text = tr!(Msg::PresetStatusChanged, n = text::thousands(count as f64));
            &count_text
        }
    };
    html! {
        <section class="presets" aria-labelledby="preset-heading">
            { Html::from_html_unchecked(format!(r#"<h2 id="preset-heading">{}</h2><label for="preset">{}</label>"#, escape(tr!(Msg::PresetHeading)), escape(tr!(Msg::PresetLabel))).into()) }
            // `~value` sets the select's value property: once the reader has picked an option, the
            // options' `selected` attributes no longer move the selection (Back, Forward, a file).
            <select id="preset" ~value={current.id} {onchange} aria-describedby="preset-description">
                { for PRESETS.iter().map(|preset| html! {
                    <option value={preset.id} selected={preset.id == current.id}>{ preset.reader_title() }</option>
                }) }
            </select>
            // The preset's own description and the link to every preset as an HTML string (see
            // `app::markup`): fixed text. The link's paragraph is the text `preset.all` itself,
            // markup and all, so that it names the all-claims page of the reader's language
            // (claims.ru.html…) at no cost in code.
            { Html::from_html_unchecked(format!(r#"<p id="preset-description" class="preset-description">{}</p>{}"#, escape(current.reader_description()), tr!(Msg::PresetAll)).into()) }
            <div class="preset-status">
                { Html::from_html_unchecked(format!(r#"<span id="changed-count">{}</span>"#, escape(status)).into()) }
                { button("reset-preset", tr!(Msg::PresetReset), onreset) }
            </div>
        </section>
    }
}
