//! "Copy link": the scenario's address, copied to the clipboard with a confirmation, or
//! selected in a text field where the clipboard is not available.
//!
//! Its state (the confirmation and the field) is held by the page's root ([`use_share_link`]): a
//! component of its own would bring the page another copy of yew's generic code, and the root
//! renders whenever the link changes anyway.

use crate::app::state::{Action, AppState};
use crate::app::{button, markup};
use crate::i18n::Msg;
use crate::tr;
use crate::web::{clipboard, files};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The copy link's field, where the link is selected when the clipboard refuses it; what the
/// button did is the page state's `copy_status`.
pub struct ShareLinkState {
    field: NodeRef,
}

/// The copy link's hooks. Node references here and in the other parts are kept with
/// `use_mut_ref` (yew's `use_node_ref` is a `use_state`, whose generic code the page would carry for
/// it alone).
#[hook]
pub fn use_share_link() -> ShareLinkState {
    ShareLinkState {
        field: use_mut_ref(NodeRef::default).borrow().clone(),
    }
}

/// A copy-link button, its status, the scenario's `link` in a read-only field, a print button and
/// how to cite the scenario (`citation`, [`crate::provenance::citation`]; the downloads carry the
/// same), with what the button did last (`status`).
pub fn view(
    state: &ShareLinkState,
    status: &str,
    link: String,
    citation: String,
    dispatch: &UseReducerDispatcher<AppState>,
) -> Html {
    let onclick = {
        let dispatch = dispatch.clone();
        let field = state.field.clone();
        let link = link.clone();
        Callback::from(move |_: MouseEvent| {
            let dispatch = dispatch.clone();
            let field = field.clone();
            let done = move |outcome: Result<(), String>| {
                dispatch.dispatch(Action::CopyStatus(match outcome {
                    Ok(()) => tr!(Msg::ShareCopied).to_string(),
                    Err(reason) => {
                        if let Some(input) = field.cast::<HtmlInputElement>() {
                            clipboard::select_field(&input);
                        }
                        tr!(Msg::ShareCopyFailed, reason = reason)
                    }
                }))
            };
            clipboard::copy(&link.as_str().into(), Box::new(done));
        })
    };
    html! {
        <div class="share">
            { button("copy-link", tr!(Msg::ShareCopy), onclick) }
            <span id="copy-status" class="copy-status" aria-live="polite">{ status.to_string() }</span>
            { markup("m-share-label") }
            <input id="share-link" class="share-field" type="text" readonly=true value={link} ref={state.field.clone()} />
            { button("print-briefing", tr!(Msg::SharePrint), Callback::from(|_: MouseEvent| files::print_page())) }
            <p id="cite" class="cite">{ markup("m-cite") }<span id="citation">{ citation }</span></p>
        </div>
    }
}
