//! "Copy link": the scenario's address, copied to the clipboard with a confirmation, or
//! selected in a text field where the clipboard is not available.

use crate::app::{button, markup};
use crate::web::{clipboard, history};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Properties of [`ShareLink`].
#[derive(Properties, PartialEq)]
pub struct ShareLinkProps {
    /// The fragment (without `#`) of the current state.
    pub fragment: String,
}

/// A copy-link button, its status and the link in a read-only field.
#[function_component(ShareLink)]
pub fn share_link(props: &ShareLinkProps) -> Html {
    let status = use_state(String::new);
    let field = use_node_ref();
    let link = history::link_for(&props.fragment);
    {
        // A confirmation belongs to the link it copied: clear it when the link changes.
        let status = status.clone();
        use_effect_with(props.fragment.clone(), move |_| status.set(String::new()));
    }
    let onclick = {
        let status = status.clone();
        let field = field.clone();
        let link = link.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let field = field.clone();
            clipboard::copy_text(&link, move |outcome| match outcome {
                Ok(()) => status.set("Link copied.".to_string()),
                Err(reason) => {
                    if let Some(input) = field.cast::<HtmlInputElement>() {
                        clipboard::select_field(&input);
                    }
                    status.set(format!(
                        "Could not copy ({reason}): the link is selected below, press Ctrl+C or ⌘C."
                    ));
                }
            });
        })
    };
    html! {
        <div class="share">
            { button("copy-link", "Copy link", onclick) }
            <span id="copy-status" class="copy-status" aria-live="polite">{ (*status).clone() }</span>
            { markup(r#"<label for="share-link" class="visually-hidden">Link to this scenario</label>"#) }
            <input id="share-link" class="share-field" type="text" readonly=true value={link} />
        </div>
    }
}
