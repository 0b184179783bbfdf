//! The browser's `localStorage`: reading and writing one key's text, with the browser's refusals
//! (storage switched off or blocked, a full quota) as sentences for the reader.

use crate::i18n::Msg;

/// Why there is no storage.
const NO_STORAGE: Msg = Msg::SavedNoStorage;

/// The page's `localStorage`, or why there is none.
fn local_storage() -> Result<web_sys::Storage, Msg> {
    super::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .ok_or(NO_STORAGE)
}

/// The text stored under `key` (`None`: nothing is), or why it cannot be read.
pub fn read(key: &str) -> Result<Option<String>, Msg> {
    local_storage()?.get_item(key).map_err(|_| NO_STORAGE)
}

/// Stores `text` under `key`, or says why the browser refused (what was stored is then unchanged).
pub fn write(key: &str, text: &str) -> Result<(), Msg> {
    local_storage()?.set_item(key, text).map_err(|error| {
        let name = js_sys::Reflect::get(&error, &"name".into()).unwrap_or_default();
        if name.as_string().as_deref() == Some("QuotaExceededError") {
            Msg::SavedQuota
        } else {
            Msg::SavedRefused
        }
    })
}
