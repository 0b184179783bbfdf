//! Copying text to the clipboard, and selecting it for a manual copy where that fails.

use super::window;
use web_sys::HtmlInputElement;

/// Copies `text` to the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = window().ok_or("no window")?;
    let clipboard = window.navigator().clipboard();
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err("the clipboard is not available".into());
    }
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "the browser did not allow copying".into())
}

/// Selects the whole text of a field, so the user can copy it by hand.
pub fn select_field(field: &HtmlInputElement) {
    let _ = field.focus();
    field.select();
}
