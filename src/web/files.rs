//! Files in and out: downloads (text, bytes and a canvas's PNG), reading the scenario file the user
//! chose, and reading a static file of the site.

use super::document;
use crate::i18n::Msg;
use crate::tr;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlCanvasElement, HtmlInputElement};

/// Longest scenario file the page reads, in bytes.
pub const MAX_FILE_BYTES: f64 = 64.0 * 1024.0;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `window.reeText` (www/pwa.js): a promise of the text of the site's file at `url`, which
    /// rejects when it cannot be read. In JavaScript, like `reeCopy`: a
    /// `fetch` and its response through web-sys cost the page more.
    #[wasm_bindgen(catch, js_name = reeText)]
    fn fetch_text(url: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Reads the site's file at `url` (relative to the page; from the service worker's cache once the
/// site is saved for offline use), then calls `done` with its text as a JavaScript string, or with
/// something else when it cannot be read (`as_string` tells them apart). The value is passed on as
/// it comes, which costs the page less than a closure more.
pub fn read_site_file(url: &str, done: Box<dyn FnOnce(JsValue)>) {
    match fetch_text(url) {
        Ok(text) => super::when_settled(&text, done),
        Err(_) => done(JsValue::UNDEFINED),
    }
}

/// Offers `text` to the user as a file download.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    download_bytes(file_name, mime, text.as_bytes())
}

/// Offers `bytes` to the user as a file download.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| tr!(Msg::FilePrepareFailed).to_string())?;
    download_blob(file_name, &blob)
}

fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let failed = || tr!(Msg::FileDownloadRefused).to_string();
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| failed())?;
    let anchor: web_sys::HtmlAnchorElement = document()
        .and_then(|document| document.create_element("a").ok())
        .and_then(|element| element.dyn_into().ok())
        .ok_or_else(failed)?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Give the browser time to start the download before the address is released.
    super::timeout(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Opens the browser's print dialogue for the page (the stylesheet's print rules lay out the
/// briefing).
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Offers the canvas's current pixels as a PNG download.
pub fn download_canvas_png(canvas: &HtmlCanvasElement, file_name: &str) -> Result<(), String> {
    let file_name = file_name.to_string();
    // Boxed, as `web::when_settled`'s handler is: one copy of wasm-bindgen's code for both.
    let callback = Closure::once_into_js(Box::new(move |blob: JsValue| {
        if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
            let _ = download_blob(&file_name, &blob);
        }
    }) as Box<dyn FnOnce(JsValue)>);
    canvas
        .to_blob(callback.unchecked_ref())
        .map_err(|_| tr!(Msg::ChartExportFailed).to_string())
}

/// Reads the first file chosen in a file input as text, refusing files over [`MAX_FILE_BYTES`],
/// then calls `done` with the file's name and text. The input is cleared, so the same file can be
/// chosen again. Nothing is called when no file was chosen.
pub fn read_chosen_file(
    input: &HtmlInputElement,
    done: impl FnOnce(Result<(String, String), String>) + 'static,
) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    // The file stays readable; the input forgets it.
    input.set_value("");
    let name = file.name();
    if file.size() > MAX_FILE_BYTES {
        return done(Err(tr!(
            Msg::FileTooBigChosen,
            name = name,
            size = crate::text::fixed(file.size() / 1024.0, 0),
            max = crate::text::fixed(MAX_FILE_BYTES / 1024.0, 0)
        )));
    }
    super::when_settled(
        &file.text(),
        Box::new(move |outcome| {
            // text() fulfils with a string and rejects with an error.
            done(match outcome.as_string() {
                Some(text) => Ok((name, text)),
                None => Err(tr!(Msg::FileUnreadable, name = name)),
            })
        }),
    );
}
