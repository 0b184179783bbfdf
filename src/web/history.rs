//! The page's address: its fragment (the link state), the address to share, history entries
//! written as the state changes (throttled while a slider moves), and back and forward.

use super::events::{listen, Listener};
use super::frame::after_input_frame;
use super::timings::now_ms;
use super::window;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// Shortest time between two history writes while a slider moves, in milliseconds.
pub const URL_WRITE_INTERVAL_MS: f64 = 250.0;

/// The current URL fragment without its leading `#` (empty if none, and in a worker).
pub fn location_fragment() -> String {
    let hash = window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// The page's address without its fragment, for "reset" links and copied links.
pub fn page_address() -> String {
    let href = window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

/// The full shareable address for a fragment.
pub fn link_for(fragment: &str) -> String {
    format!("{}#{fragment}", page_address())
}

/// How a new fragment enters the browser history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    /// Replace the current entry, throttled (slider moves).
    Replace,
    /// Add an entry, at once (discrete choices such as a preset).
    Push,
}

/// A pending throttled history write.
#[derive(Default)]
struct UrlWriter {
    last_write_ms: f64,
    pending: Option<String>,
    /// The final write after the last change; dropping it cancels it.
    timer: Option<Timeout>,
}

thread_local! {
    static URL_WRITER: RefCell<UrlWriter> = RefCell::new(UrlWriter {
        last_write_ms: f64::NEG_INFINITY,
        ..UrlWriter::default()
    });
}

fn history_write(fragment: &str, mode: HistoryMode) {
    let Some(window) = window() else { return };
    let Ok(history) = window.history() else {
        return;
    };
    let current = location_fragment();
    if current == fragment && mode == HistoryMode::Replace {
        return;
    }
    let url = format!("#{fragment}");
    // A refused write (for example a browser's own rate limit) leaves the old address; the next write catches up.
    let _ = match mode {
        HistoryMode::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
        HistoryMode::Push if current != fragment => {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        }
        HistoryMode::Push => Ok(()),
    };
}

/// Writes `fragment` into the address bar: a push at once, or a replace at most every
/// [`URL_WRITE_INTERVAL_MS`] with a final write after the last change. A replace also waits for
/// the frame that presents the input and for a gap in the input ([`after_input_frame`]): writing
/// the address takes the main thread a few milliseconds, which an input's frame must not wait for.
pub fn write_fragment(fragment: &str, mode: HistoryMode) {
    let now = now_ms();
    URL_WRITER.with(|cell| {
        let Ok(mut writer) = cell.try_borrow_mut() else {
            return;
        };
        if mode == HistoryMode::Push {
            // The pending replace belongs to the entry we are leaving: finish it first.
            if let Some(pending) = writer.pending.take() {
                history_write(&pending, HistoryMode::Replace);
            }
            writer.timer = None;
            history_write(fragment, HistoryMode::Push);
            writer.last_write_ms = now;
            return;
        }
        writer.pending = Some(fragment.to_string());
        if writer.timer.is_none() {
            let wait = writer.last_write_ms + URL_WRITE_INTERVAL_MS - now;
            writer.timer = Some(Timeout::new(wait.max(0.0).ceil() as u32, || {
                after_input_frame(ADDRESS_WRITE_MS, flush_pending_fragment);
            }));
        }
    });
}

/// What writing the address is assumed to take, in milliseconds.
const ADDRESS_WRITE_MS: f64 = 4.0;

fn flush_pending_fragment() {
    let now = now_ms();
    URL_WRITER.with(|cell| {
        let Ok(mut writer) = cell.try_borrow_mut() else {
            return;
        };
        // The timer has fired (wasm-bindgen frees its closure once it returns).
        writer.timer = None;
        if let Some(pending) = writer.pending.take() {
            history_write(&pending, HistoryMode::Replace);
            writer.last_write_ms = now;
        }
    });
}

/// Forgets a throttled write that has not happened yet (the user navigated meanwhile).
pub fn cancel_pending_fragment_write() {
    URL_WRITER.with(|cell| {
        if let Ok(mut writer) = cell.try_borrow_mut() {
            writer.pending = None;
            writer.timer = None;
        }
    });
}

/// Calls `handler` with the new fragment whenever back, forward or an edited address changes it,
/// until the listeners are dropped.
pub fn on_navigation(handler: impl Fn(String) + 'static) -> Vec<Listener> {
    let Some(window) = window() else {
        return Vec::new();
    };
    let handler = Rc::new(handler);
    ["popstate", "hashchange"]
        .into_iter()
        .filter_map(|name| {
            let handler = handler.clone();
            listen(window.clone().into(), name, move |_| {
                cancel_pending_fragment_write();
                handler(location_fragment());
            })
        })
        .collect()
}
