//! Copying to the clipboard: text (a link, an embed code) or a chart's picture as a PNG image, and
//! selecting text for a manual copy where that fails.

use wasm_bindgen::JsValue;
use web_sys::HtmlInputElement;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `window.reeCopy` (www/pwa.js): writes `what` to the clipboard, a string as text and a
    /// canvas as its picture in PNG; throws where the browser cannot (no asynchronous clipboard,
    /// or no `ClipboardItem` for a picture). In JavaScript because the promise of the PNG it
    /// makes needs a closure, which costs the page less there than through wasm-bindgen.
    #[wasm_bindgen(catch, js_name = reeCopy)]
    fn write(what: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// What is told when a copy is done: whether it worked, or why not.
pub type Copied = Box<dyn FnOnce(Result<(), String>)>;

/// Copies `what` (a string, or a canvas whose picture is copied as a PNG image), then calls `done`
/// with the outcome: done, refused by the reader or the browser, or not possible in this browser.
pub fn copy(what: &JsValue, done: Copied) {
    match write(what) {
        Ok(written) => super::when_settled(
            &written,
            Box::new(move |outcome| {
                // A write fulfils with undefined and rejects with an error.
                done(if outcome.is_undefined() {
                    Ok(())
                } else {
                    Err(crate::tr!(crate::i18n::Msg::ShareNotAllowed).into())
                })
            }),
        ),
        Err(_) => done(Err(crate::tr!(crate::i18n::Msg::ShareCannotCopy).into())),
    }
}

/// Selects the whole text of a field, so the user can copy it by hand.
pub fn select_field(field: &HtmlInputElement) {
    let _ = field.focus();
    field.select();
}
