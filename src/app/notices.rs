//! The notices area `#notices`: what a link or a file could not use, each dismissible.

use crate::app::state::{Action, AppState, Notice};
use yew::prelude::*;

/// Properties of [`Notices`].
#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    /// The notices, oldest first.
    pub notices: Vec<Notice>,
    /// Where dismissals go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// A status region listing the notices with a dismiss button each.
#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    html! {
        <div id="notices" class="notices" role="status">
            { for props.notices.iter().map(|notice| {
                let dispatch = props.dispatch.clone();
                let id = notice.id;
                let onclick = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::DismissNotice(id)));
                html! {
                    <div class="notice" key={id}>
                        <p>{ notice.text.clone() }</p>
                        <button type="button" class="dismiss" {onclick} aria-label="Dismiss this notice">{ "Dismiss" }</button>
                    </div>
                }
            }) }
        </div>
    }
}
