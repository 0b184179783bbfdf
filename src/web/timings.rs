//! Timings: the clock (`performance.now`, in the page and in the worker) and the records the
//! benchmark and the end-to-end tests read from `window`: `__reeReady` (first chart drawn),
//! `__reeTimings` (input to canvas) and `__reeAnalysisMs` (one analysis run each).

use super::window;
use gloo_timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use wasm_bindgen::{JsCast, JsValue};

/// Milliseconds since navigation, or since a worker started (0 when unknown).
pub fn now_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .and_then(|performance| performance.dyn_into::<web_sys::Performance>().ok())
        .map_or(0.0, |performance| performance.now())
}

fn set_window_property(name: &str, value: &JsValue) {
    if let Some(window) = window() {
        let _ = js_sys::Reflect::set(&window, &JsValue::from_str(name), value);
    }
}

thread_local! {
    static READY: Cell<bool> = const { Cell::new(false) };
    static INPUT_START: Cell<Option<(f64, Option<u32>)>> = const { Cell::new(None) };
    /// Ends the current input's record at the browser's next task; replacing it cancels it.
    static INPUT_END: RefCell<Option<Timeout>> = const { RefCell::new(None) };
}

/// Marks the page ready (`window.__reeReady = true`) once the first chart is drawn.
pub fn set_ready() {
    if !READY.with(|ready| ready.replace(true)) {
        set_window_property("__reeReady", &JsValue::TRUE);
    }
}

/// Notes that an input event happened at `event_time_ms` (the event's `timeStamp`).
///
/// Chart draws that follow before the browser's next task extend the same record in
/// `window.__reeTimings`: one number per input, from the event to the end of the last draw.
pub fn mark_input(event_time_ms: f64) {
    let start = if event_time_ms.is_finite() && event_time_ms > 0.0 {
        event_time_ms
    } else {
        now_ms()
    };
    INPUT_START.with(|cell| cell.set(Some((start, None))));
    let end = Timeout::new(0, || {
        INPUT_START.with(|cell| cell.set(None));
        INPUT_END.with(|cell| cell.replace(None));
    });
    INPUT_END.with(|cell| cell.replace(Some(end)));
}

/// Notes the end of a chart draw, for the input-to-canvas timings.
pub fn note_chart_drawn() {
    let Some((start, slot)) = INPUT_START.with(Cell::get) else {
        return;
    };
    let Some(window) = window() else { return };
    let timings = window_array(&window, "__reeTimings");
    let elapsed = JsValue::from_f64(now_ms() - start);
    let slot = match slot {
        Some(index) => {
            timings.set(index, elapsed);
            index
        }
        None => timings.push(&elapsed).saturating_sub(1),
    };
    INPUT_START.with(|cell| cell.set(Some((start, Some(slot)))));
}

/// Records how long one analysis run (Monte Carlo plus tornado) took, in
/// `window.__reeAnalysisMs`, for the benchmark.
pub fn note_analysis_run(elapsed_ms: f64) {
    let Some(window) = window() else { return };
    window_array(&window, "__reeAnalysisMs").push(&JsValue::from_f64(elapsed_ms));
}

/// The array at `window[name]`, created there first if missing (timings the benchmark reads).
fn window_array(window: &web_sys::Window, name: &str) -> js_sys::Array {
    let key = JsValue::from_str(name);
    match js_sys::Reflect::get(window, &key)
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::Array>().ok())
    {
        Some(array) => array,
        None => {
            let array = js_sys::Array::new();
            let _ = js_sys::Reflect::set(window, &key, &array);
            array
        }
    }
}
