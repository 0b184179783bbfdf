//! Compare mode's controls: "Pin for comparison" (the current scenario becomes the next of up to
//! three references), and per pinned reference its line's style, a name the reader may give it
//! and a remove button, plus "Clear all".
//!
//! A reader's name only ever goes into yew's text nodes and attributes (and, as escaped text,
//! into the charts' SVG), never into an HTML string.

use crate::app::button;
use crate::app::state::{Action, AppState};
use crate::state::{Reference, MAX_NAME, MAX_REFERENCES, REFERENCE_STYLES};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The pin button (for the toolbar): disabled, with the reason beside the list, once
/// [`MAX_REFERENCES`] are pinned.
pub fn pin_button(pinned: usize, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let dispatch = dispatch.clone();
    let onclick = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::PinReference));
    let full = pinned >= MAX_REFERENCES;
    html! {
        <button type="button" id="pin-reference" {onclick} disabled={full}
            aria-describedby={full.then_some("compare-full")}>
            { "Pin for comparison" }
        </button>
    }
}

/// The list of pinned references (nothing when none is pinned).
pub fn view(references: &[Reference], dispatch: &UseReducerDispatcher<AppState>) -> Html {
    if references.is_empty() {
        return Html::default();
    }
    let items = references.iter().enumerate().map(|(index, reference)| {
        let style = REFERENCE_STYLES[index];
        let on_name = {
            let dispatch = dispatch.clone();
            Callback::from(move |event: Event| {
                let field: HtmlInputElement = event.target_unchecked_into();
                dispatch.dispatch(Action::NameReference(index, field.value()));
            })
        };
        let on_remove = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::RemoveReference(index)))
        };
        let id = format!("reference-name-{}", index + 1);
        html! {
            <li data-style={style}>
                <label for={id.clone()}><span class="compare-line" aria-hidden="true"></span>{ format!("{style}:") }</label>
                <input type="text" {id} maxlength={MAX_NAME.to_string()} value={reference.name()}
                    onchange={on_name} autocomplete="off" />
                <button type="button" id={format!("remove-reference-{}", index + 1)}
                    aria-label={format!("Remove {}", reference.label(index))} onclick={on_remove}>
                    { "Remove" }
                </button>
            </li>
        }
    });
    let on_clear = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ClearReference))
    };
    let full = references.len() >= MAX_REFERENCES;
    html! {
        <section class="compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading" class="compare-note">
                { format!("Compared with {} pinned scenario{}, drawn beneath the current one on every chart (rename one to change its label):", references.len(), if references.len() == 1 { "" } else { "s" }) }
            </h2>
            <ul id="compare-list" class="compare-list">{ for items }</ul>
            if full {
                <p id="compare-full" class="compare-note">{ "Three scenarios are pinned, as many as the line styles tell apart: remove one to pin another." }</p>
            }
            { button("clear-reference", "Clear all", on_clear) }
        </section>
    }
}
