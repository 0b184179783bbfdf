//! Timings: the clock (`performance.now`, in the page and in the worker) and the page's
//! readiness, which the benchmark and the end-to-end tests read from `window.__reeReady`.

use super::frame::{after_frame, note_input};
use super::window;
use std::cell::Cell;
use wasm_bindgen::JsValue;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `performance.now()` of the page or the worker, whichever runs this.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// Milliseconds since navigation, or since a worker started.
pub fn now_ms() -> f64 {
    performance_now()
}

/// Today's date in the reader's calendar as `YYYY-MM-DD` (for a citation's "accessed").
pub fn today() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

thread_local! {
    static DRAWN: Cell<bool> = const { Cell::new(false) };
}

/// Notes that a chart was drawn with its data. After the first, the page sets
/// `window.__reeReady = true` two frames after the frame that presents it: the charts below the
/// fold draw after that frame (`app::chart_canvas`), and the next one presents them.
pub fn note_chart_drawn() {
    if !DRAWN.with(|drawn| drawn.replace(true)) {
        after_frame(|| {
            after_frame(|| {
                if let Some(window) = window() {
                    let _ = js_sys::Reflect::set(&window, &"__reeReady".into(), &JsValue::TRUE);
                }
            })
        });
    }
}

/// Notes an input event that happened at `event_time_ms` (the event's `timeStamp`), for the pace
/// of input that work after a frame waits for ([`super::frame`]).
pub fn mark_input(event_time_ms: f64) {
    note_input(event_time_ms);
}
