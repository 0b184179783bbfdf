//! "Copy link": the scenario's address, copied to the clipboard with a confirmation, or
//! selected in a text field where the clipboard is not available.
//!
//! Its state (the confirmation and the field) is held by the page's root ([`use_share_link`]): a
//! component of its own would bring the page another copy of yew's generic code, and the root
//! renders whenever the link changes anyway.

use crate::app::{button, markup};
use crate::i18n::Msg;
use crate::tr;
use crate::web::{clipboard, files};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The copy link's state: the confirmation (or why copying failed) and the link's field.
pub struct ShareLinkState {
    status: UseStateHandle<String>,
    field: NodeRef,
}

/// The copy link's hooks for the link with `fragment` (without `#`): a confirmation belongs to
/// the link it copied, so it is cleared when the link changes (only when there is one: setting
/// the state renders the whole page again, and the link changes with every slider step).
#[hook]
pub fn use_share_link(fragment: &str) -> ShareLinkState {
    let status = use_state(String::new);
    let field = use_node_ref();
    {
        let status = status.clone();
        use_effect_with(fragment.to_string(), move |_| {
            if !status.is_empty() {
                status.set(String::new());
            }
        });
    }
    ShareLinkState { status, field }
}

/// A copy-link button, its status, the scenario's `link` in a read-only field, a print button and
/// how to cite the scenario (`citation`, [`crate::provenance::citation`]; the downloads carry the
/// same).
pub fn view(state: &ShareLinkState, link: String, citation: String) -> Html {
    let onclick = {
        let status = state.status.clone();
        let field = state.field.clone();
        let link = link.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let field = field.clone();
            let done = move |outcome: Result<(), String>| match outcome {
                Ok(()) => status.set(tr!(Msg::ShareCopied).to_string()),
                Err(reason) => {
                    if let Some(input) = field.cast::<HtmlInputElement>() {
                        clipboard::select_field(&input);
                    }
                    status.set(tr!(Msg::ShareCopyFailed, reason = reason));
                }
            };
            clipboard::copy(&link.as_str().into(), Box::new(done));
        })
    };
    html! {
        <div class="share">
            { button("copy-link", tr!(Msg::ShareCopy), onclick) }
            <span id="copy-status" class="copy-status" aria-live="polite">{ (*state.status).clone() }</span>
            { markup("m-share-label") }
            <input id="share-link" class="share-field" type="text" readonly=true value={link} ref={state.field.clone()} />
            { button("print-briefing", tr!(Msg::SharePrint), Callback::from(|_: MouseEvent| files::print_page())) }
            <p id="cite" class="cite">{ markup("m-cite") }<span id="citation">{ citation }</span></p>
        </div>
    }
}
