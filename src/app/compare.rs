//! Compare mode's controls: "Pin for comparison" (the current scenario becomes the next of up to
//! three references), and per pinned reference a field for its name (its line's style drawn
//! beside it by the stylesheet, from `data-style`) and a remove button, plus "Clear all".
//!
//! A reader's name only ever goes into a field's value and yew's text nodes (and, as escaped
//! text, into the charts' SVG), never into an HTML string. Fixed wording is static markup.

use crate::app::state::{Action, AppState};
use crate::app::{button, markup};
use crate::i18n::Msg;
use crate::state::{Reference, MAX_REFERENCES, REFERENCE_STYLES};
use crate::tr;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Each reference's name field and remove button: ids, the field's accessible name and the
/// button's text (each names the line, so that three buttons never read alike).
const FIELDS: [(&str, Msg, &str, Msg); MAX_REFERENCES] = [
    (
        "reference-name-1",
        Msg::CompareName1,
        "remove-reference-1",
        Msg::CompareRemove1,
    ),
    (
        "reference-name-2",
        Msg::CompareName2,
        "remove-reference-2",
        Msg::CompareRemove2,
    ),
    (
        "reference-name-3",
        Msg::CompareName3,
        "remove-reference-3",
        Msg::CompareRemove3,
    ),
];

/// The pin button (for the toolbar); once [`MAX_REFERENCES`] are pinned, disabled and pointing
/// to the reason under it.
pub fn pin_button(pinned: usize, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    if pinned >= MAX_REFERENCES {
        return markup("m-pin-full");
    }
    let dispatch = dispatch.clone();
    button(
        "pin-reference",
        tr!(Msg::ComparePin),
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::PinReference)),
    )
}

/// The list of pinned references (nothing when none is pinned).
pub fn view(references: &[Reference], dispatch: &UseReducerDispatcher<AppState>) -> Html {
    if references.is_empty() {
        return Html::default();
    }
    let items = references.iter().zip(FIELDS).enumerate().map(
        |(index, (reference, (id, label, remove_id, remove_label)))| {
            let on_name = {
                let dispatch = dispatch.clone();
                Callback::from(move |event: Event| {
                    let field: HtmlInputElement = event.target_unchecked_into();
                    dispatch.dispatch(Action::NameReference(index, field.value()));
                })
            };
            let dispatch = dispatch.clone();
            let on_remove = Callback::from(move |_: MouseEvent| {
                dispatch.dispatch(Action::RemoveReference(index))
            });
            html! {
                <li data-style={REFERENCE_STYLES[index]}>
                    <input type="text" {id} aria-label={tr!(label)} maxlength="40"
                        value={reference.name()} onchange={on_name} />
                    { button(remove_id, tr!(remove_label), on_remove) }
                </li>
            }
        },
    );
    let dispatch = dispatch.clone();
    let on_clear = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ClearReference));
    html! {
        <div class="compare" id="compare">
            { markup("m-compare-note") }
            <ul id="compare-list" class="compare-list">{ for items }</ul>
            if references.len() >= MAX_REFERENCES {
                { markup("m-compare-full") }
            }
            { button("clear-reference", tr!(Msg::CompareClear), on_clear) }
        </div>
    }
}
