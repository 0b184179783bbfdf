//! Copying text to the clipboard, and selecting it for a manual copy where that fails.

use super::window;
use web_sys::HtmlInputElement;

/// Copies `text` to the clipboard, then calls `done` with the outcome.
pub fn copy_text(text: &str, done: impl FnOnce(Result<(), String>) + 'static) {
    let Some(window) = window() else {
        return done(Err("no window".into()));
    };
    let clipboard = window.navigator().clipboard();
    if clipboard.is_undefined() || clipboard.is_null() {
        return done(Err("the clipboard is not available".into()));
    }
    super::when_settled(&clipboard.write_text(text), move |outcome| {
        // writeText fulfils with undefined and rejects with an error.
        done(if outcome.is_undefined() {
            Ok(())
        } else {
            Err("the browser did not allow copying".into())
        })
    });
}

/// Selects the whole text of a field, so the user can copy it by hand.
pub fn select_field(field: &HtmlInputElement) {
    let _ = field.focus();
    field.select();
}
