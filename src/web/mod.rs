//! The browser shell: the library's only module that calls browser APIs, one concern per file.
//!
//! It uses the core and never `app` (the yew components use it, not the other way round): where
//! the page must react to the browser (a navigation, a resize, an analysis result) the caller
//! passes a closure. Functions here never panic: when the browser refuses something they return
//! an error text or do nothing.
//!
//! - [`history`]: the address, its fragment and the history entries (throttled writes, back and forward).
//! - [`colour_scheme`]: the system's light or dark preference.
//! - [`canvas`]: a chart on a canvas (size, device pixel ratio, resize observation, drawing) and
//!   [`backend`], the one plotters backend type for the canvas and SVG.
//! - [`files`]: downloads and reading a chosen file; [`clipboard`]: copying a link, an embed code or
//!   a chart's picture.
//! - [`json`]: JSON text parsed with the browser's `JSON.parse`; [`storage`]: `localStorage` (saved scenarios).
//! - [`lang`]: the reader's language, the texts of other languages than English, the document's `lang`.
//! - [`timings`]: `performance.now` and the page's readiness, which the benchmark and tests read.
//! - [`frame`]: work that waits for the next frame, or for the frame that presents the latest
//!   input, and the pace of input.
//! - [`worker`]: the analysis worker (both ends of its messages); [`analysis_runner`]: when the
//!   analyses run, in the worker or on the main thread.
//! - [`events`]: event listeners removed when dropped (timers are `gloo_timers`'s).

pub mod analysis_runner;
pub mod backend;
pub mod canvas;
pub mod clipboard;
pub mod colour_scheme;
pub mod events;
pub mod files;
pub mod frame;
pub mod history;
pub mod json;
pub mod lang;
pub mod storage;
pub mod timings;
pub mod worker;

use web_sys::{Document, Window};

/// The page's window (`None` in a worker).
pub fn window() -> Option<Window> {
    web_sys::window()
}

/// The page's document (`None` in a worker).
pub fn document() -> Option<Document> {
    window()?.document()
}

/// The markup inside the page's element with `id` (a `<template>`'s content), if there is one:
/// static text the page's HTML carries, so the WebAssembly need not.
pub fn template_html(id: &str) -> Option<String> {
    Some(document()?.get_element_by_id(id)?.inner_html())
}

/// Sets the attribute `name` of the document's root element to `value`, or removes it.
pub fn mark_root(name: &str, value: Option<&str>) {
    if let Some(root) = document().and_then(|document| document.document_element()) {
        let _ = match value {
            Some(value) => root.set_attribute(name, value),
            None => root.remove_attribute(name),
        };
    }
}

/// Moves the keyboard focus to the element with `id`, if there is one (a heading needs
/// `tabindex="-1"`).
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document()
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Whether this code runs in a worker (no window): the module then only serves analyses.
pub fn in_worker() -> bool {
    window().is_none()
}

/// A `gloo_timers` timeout that runs `task` after `ms` milliseconds (cancelled when dropped), the
/// task boxed: one copy of wasm-bindgen's closure code serves every timer of the page.
pub(crate) fn timeout(ms: u32, task: impl FnOnce() + 'static) -> gloo_timers::callback::Timeout {
    gloo_timers::callback::Timeout::new(ms, Box::new(task) as Box<dyn FnOnce()>)
}

/// Calls `done` once `promise` settles, with the value it was fulfilled or rejected with (callers
/// tell them apart by type: each promise used here fulfils with a string or `undefined` and rejects
/// with an error object). One self-freeing closure serves as both handlers, so nothing leaks and
/// no future executor is linked into the page (about 3 KB gzipped less than `async`/`.await`);
/// `done` is boxed, so one copy of this code serves every caller.
pub(crate) fn when_settled(
    promise: &js_sys::Promise,
    done: Box<dyn FnOnce(wasm_bindgen::JsValue)>,
) {
    use wasm_bindgen::JsCast;
    let handler = wasm_bindgen::closure::Closure::once_into_js(done);
    let then = js_sys::Reflect::get(promise, &"then".into())
        .ok()
        .and_then(|then| then.dyn_into::<js_sys::Function>().ok());
    if let Some(then) = then {
        let _ = then.call2(promise, &handler, &handler);
    }
}
