//! "My scenarios": the current scenario saved in this browser under a name, and the saved ones
//! listed, each to open (as its link would open), rename or delete.
//!
//! The list's rules and stored text are the core's (`crate::saved`); the key is read and written
//! through `web::storage`. Every change starts from the list as stored now (another tab may have
//! changed it), and a failure (storage off or blocked, a full quota, an unreadable list) is said in
//! the section's status line and changes nothing stored. What the section shows lives in the page's
//! state (`AppState::saved`), so this is a plain `view` function.

use crate::app::markup;
use crate::app::state::{Action, AppState, SavedEntries};
use crate::i18n::Msg;
use crate::saved::{SavedList, STORAGE_KEY};
use crate::tr;
use crate::url;
use crate::web::json::parse_json;
use crate::web::{clipboard, storage, timings};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The stored list now (none stored: an empty one), or why it cannot be used.
fn stored() -> Result<SavedList, Msg> {
    match storage::read(STORAGE_KEY)? {
        Some(text) => SavedList::parse(parse_json(&text)),
        None => Ok(SavedList::default()),
    }
}

/// What the section shows when the page opens: the saved scenarios and what could not be read.
pub fn load() -> (SavedEntries, AttrValue) {
    match stored() {
        Ok(list) => {
            let note = list.skipped_note().map(AttrValue::from);
            (
                SavedEntries(Rc::new(list.entries)),
                note.unwrap_or_default(),
            )
        }
        Err(why) => (SavedEntries::default(), AttrValue::Static(tr!(why))),
    }
}

/// Deletes the entry `delete`, or renames the entry `rename` to `name`, or saves `link` as `name`,
/// in the list as stored now (another tab may have changed it), and stores the result. The action
/// shows the entries and what was done, or why nothing was changed (the entries then stay as shown).
fn change(name: &str, delete: Option<&str>, rename: Option<&str>, link: &str) -> Action {
    let outcome = stored().and_then(|mut list| {
        let done = match (delete, rename) {
            (Some(entry), _) => list.delete(entry).map(|()| Msg::SavedDeleted),
            (None, Some(entry)) => list.rename(entry, name).map(|()| Msg::SavedRenamed),
            (None, None) => list
                .save(name, link, &timings::today())
                .map(|()| Msg::SavedSaved),
        }?;
        storage::write(STORAGE_KEY, &list.to_json())?;
        Ok((list.entries, done))
    });
    match outcome {
        Ok((entries, done)) => Action::Saved(
            Some(SavedEntries(Rc::new(entries))),
            AttrValue::Static(tr!(done)),
        ),
        Err(why) => Action::Saved(None, AttrValue::Static(tr!(why))),
    }
}

/// The section: the name field and Save, the status line, and the saved scenarios, each with Open,
/// Rename (to the name in the field) and Delete. `fragment` is the current scenario's link.
///
/// The section is one form (a landmark named by its heading): every button submits it, and the
/// button's `value` says what to do (`o3`: open the fourth entry, `r3`: rename it, `d3`: delete it;
/// none: save); Enter in the field presses the first, Save. All but the names, dates and status is
/// markup (see `app::markup`) that never changes for its place, so the field keeps its text and
/// focus. Names and dates, the reader's or stored text, are yew's text nodes, never markup.
pub fn view(
    (SavedEntries(entries), status): &(SavedEntries, AttrValue),
    fragment: &str,
    dispatch: &UseReducerDispatcher<AppState>,
) -> Html {
    let onsubmit = {
        let (dispatch, fragment, entries) =
            (dispatch.clone(), fragment.to_string(), entries.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            // The form's field, by its id (a form's named property).
            let form = event.target().map(JsValue::from).unwrap_or_default();
            let input: HtmlInputElement = js_sys::Reflect::get(&form, &"saved-name".into())
                .unwrap_or_default()
                .unchecked_into();
            let value = event
                .submitter()
                .and_then(|button| button.get_attribute("value"))
                .unwrap_or_default();
            let (op, index) = value.split_at(value.len().min(1));
            let entry = entries.get(crate::text::parse_whole(index).unwrap_or(usize::MAX));
            let name = entry.map(|entry| entry.name.as_str());
            // Focus goes to the field: it outlives the button pressed, whichever it was.
            clipboard::select_field(&input);
            let action = match (op, entry) {
                ("o", Some(entry)) => {
                    // The same decoding as a link's: its notices (an older version's link, say) go
                    // with it, to the notices at the top, and the status points there.
                    let decoded = url::decode(&entry.link);
                    let noted = decoded.data_note.is_some() || !decoded.notices.is_empty();
                    dispatch.dispatch(Action::Navigate(decoded, true));
                    Action::Saved(
                        None,
                        AttrValue::Static(tr!(if noted {
                            Msg::SavedOpenedNotices
                        } else {
                            Msg::SavedOpened
                        })),
                    )
                }
                _ => {
                    let action = change(
                        &input.value(),
                        name.filter(|_| op == "d"),
                        name.filter(|_| op == "r"),
                        &fragment,
                    );
                    if matches!(action, Action::Saved(Some(_), _)) && op != "d" {
                        input.set_value("");
                    }
                    action
                }
            };
            dispatch.dispatch(action);
        })
    };
    html! {
        <form class="saved" aria-labelledby="saved-heading" {onsubmit}>
            { markup("m-saved") }
            <p id="saved-status" role="status">{ status.clone() }</p>
            <ul>{ for entries.iter().enumerate().map(|(index, entry)| html! {
                // Each button is named by its own text and the entry's name ("Open Skeptic").
                <li>
                    <span id={format!("sn{index}")}>{ entry.name.clone() }</span>
                    { tr!(Msg::SavedOn) }{ entry.saved.clone() }
                    { Html::from_html_unchecked(format!(r#"<span><button id="so{index}" value="o{index}" aria-labelledby="so{index} sn{index}">{}</button><button id="sr{index}" value="r{index}" aria-labelledby="sr{index} sn{index}">{}</button><button id="sd{index}" value="d{index}" aria-labelledby="sd{index} sn{index}">{}</button></span>"#, tr!(Msg::SavedOpen), tr!(Msg::SavedRename), tr!(Msg::SavedDelete)).into()) }
                </li>
            }) }</ul>
        </form>
    }
}
