//! "Copy link": the scenario's address, copied to the clipboard with a confirmation, or
//! selected in a text field where the clipboard is not available.
//!
//! Its state (the confirmation and the field) is held by the page's root ([`use_share_link`]): a
//! component of its own would bring the page another copy of yew's generic code, and the root
//! renders whenever the link changes anyway.

use crate::app::{button, markup};
use crate::web::{clipboard, files};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The copy link's state: the confirmation (or why copying failed) and the link's field.
pub struct ShareLinkState {
    status: UseStateHandle<String>,
    field: NodeRef,
}

/// The copy link's hooks. A confirmation belongs to the link it copied: the root's effect that
/// follows the link calls [`ShareLinkState::link_changed`] (an effect of its own here would be
/// another copy of yew's code).
#[hook]
pub fn use_share_link() -> ShareLinkState {
    ShareLinkState {
        status: use_state(String::new),
        field: use_node_ref(),
    }
}

impl ShareLinkState {
    /// A handle for an effect: clears the confirmation once the link has changed (only when there
    /// is one: setting the state renders the whole page again, and the link changes with every
    /// slider step).
    pub fn status(&self) -> UseStateHandle<String> {
        self.status.clone()
    }
}

/// Clears a copy confirmation `status` (see [`ShareLinkState::status`]) after the link changed.
pub fn link_changed(status: &UseStateHandle<String>) {
    if !status.is_empty() {
        status.set(String::new());
    }
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
                Ok(()) => status.set("Link copied.".to_string()),
                Err(reason) => {
                    if let Some(input) = field.cast::<HtmlInputElement>() {
                        clipboard::select_field(&input);
                    }
                    status.set(format!(
                        "Could not copy ({reason}): the link is selected below, press Ctrl+C or ⌘C."
                    ));
                }
            };
            clipboard::copy(&link.as_str().into(), Box::new(done));
        })
    };
    html! {
        <div class="share">
            { button("copy-link", "Copy link", onclick) }
            <span id="copy-status" class="copy-status" aria-live="polite">{ (*state.status).clone() }</span>
            { markup("m-share-label") }
            <input id="share-link" class="share-field" type="text" readonly=true value={link} ref={state.field.clone()} />
            { button("print-briefing", "Print a briefing", Callback::from(|_: MouseEvent| files::print_page())) }
            <p id="cite" class="cite">{ markup("m-cite") }<span id="citation">{ citation }</span></p>
        </div>
    }
}
