//! The language switch: English, Russian or Chinese, kept in the link once chosen.

use crate::app::state::{Action, AppState};
use crate::i18n::{Lang, Msg};
use crate::tr;
use crate::web::lang;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Reads `lang`'s texts and puts them in use, then tells the page (`chosen`: by the reader, so
/// the link keeps it); if they cannot be read, says why and leaves the page as it is.
pub fn switch_to(lang: Lang, chosen: bool, dispatch: UseReducerDispatcher<AppState>) {
    lang::load(
        lang,
        Box::new(move |loaded| match loaded {
            Ok(catalogue) => {
                lang::apply(lang, Ok(catalogue));
                dispatch.dispatch(Action::Language(lang, chosen));
            }
            Err(why) => dispatch.dispatch(Action::Notify(unavailable(lang, &why))),
        }),
    );
}

/// The notice for a language whose texts could not be read.
pub fn unavailable(lang: Lang, why: &str) -> String {
    tr!(Msg::LangUnavailable, language = tr!(lang.name()), why = why)
}

/// The switch: a labelled list of the languages, each in its own name.
pub fn view(current: Lang, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(lang) = Lang::from_tag(&select.value()) {
                switch_to(lang, true, dispatch.clone());
            }
        })
    };
    let label = tr!(Msg::LangLabel);
    // A landmark of its own, outside the page's main parts (axe: all content in landmarks).
    html! {
        <nav class="lang-switch" aria-label={label}>
            <label for="lang">{ label }</label>
            <select id="lang" {onchange}>
                { for Lang::ALL.into_iter().map(|lang| html! {
                    <option value={lang.id()} lang={lang.id()} selected={lang == current}>{ tr!(lang.name()) }</option>
                }) }
            </select>
        </nav>
    }
}
