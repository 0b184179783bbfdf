//! The notices area `#notices`: what a link or a file could not use, each dismissible.

use crate::app::state::{Action, AppState, Notice};
use yew::prelude::*;

/// A status region listing the notices, oldest first, each with a dismiss button (`dispatch`
/// receives the dismissals).
pub fn view(notices: &[Notice], dispatch: &UseReducerDispatcher<AppState>) -> Html {
    html! {
        <div id="notices" class="notices" role="status">
            { for notices.iter().map(|notice| {
                let dispatch = dispatch.clone();
                let id = notice.id;
                let onclick = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::DismissNotice(id)));
                html! {
                    <div class="notice" key={id}>
                        <p>{ notice.text.clone() }</p>
                        <button type="button" class="dismiss" {onclick} aria-label={crate::tr!(crate::i18n::Msg::NoticeDismissLabel)}>{ crate::tr!(crate::i18n::Msg::NoticeDismiss) }</button>
                    </div>
                }
            }) }
        </div>
    }
}
