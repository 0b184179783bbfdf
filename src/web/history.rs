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

/// The page's whole address, as `url::decode` reads a link (what follows the first `#`, else the query).
pub fn location_href() -> String {
    window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default()
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
    /// Add an entry, at once (discrete choices such as a preset), unless the previous entry was added
    /// less than [`COALESCE_PUSH_MS`] ago: then that entry is replaced, so browsing the preset picker
    /// with the arrow keys leaves one entry, not one per preset passed.
    Push,
}

/// Discrete changes closer together than this share one history entry, in milliseconds.
pub const COALESCE_PUSH_MS: f64 = 1000.0;

/// The page's history bookkeeping. Each entry the page creates carries a number in `history.state`,
/// so a throttled write that had not landed when the reader left an entry (Back within
/// [`URL_WRITE_INTERVAL_MS`] of a slider move) is kept and restored when the reader returns to it.
struct UrlWriter {
    last_write_ms: f64,
    last_push_ms: f64,
    pending: Option<String>,
    /// The final write after the last change; dropping it cancels it.
    timer: Option<Timeout>,
    /// The number of the entry the page is on, and the next number to give.
    entry: u32,
    next_entry: u32,
    /// The latest fragment of entries left before their last write landed.
    unwritten: Vec<(u32, String)>,
    /// The fragment the page last showed or wrote: a navigation to it is not a change.
    seen: Option<String>,
}

thread_local! {
    /// The page's path as it opened ([`on_navigation`] sets it).
    static HOME: RefCell<String> = const { RefCell::new(String::new()) };
    static URL_WRITER: RefCell<UrlWriter> = const { RefCell::new(UrlWriter {
        last_write_ms: f64::NEG_INFINITY,
        last_push_ms: f64::NEG_INFINITY,
        pending: None,
        timer: None,
        entry: 0,
        next_entry: 1,
        unwritten: Vec::new(),
        seen: None,
    }) };
}

/// Writes `fragment` into the current entry (`Replace`) or a new one (`Push`), tagging it with
/// `entry`. A refused write (for example the browser's own rate limit) leaves the old address; the
/// next write catches up.
fn history_write(fragment: &str, mode: HistoryMode, entry: u32) {
    let Some(history) = window().and_then(|window| window.history().ok()) else {
        return;
    };
    let url = format!("#{fragment}");
    let state = JsValue::from(entry);
    let _ = match mode {
        HistoryMode::Replace => history.replace_state_with_url(&state, "", Some(&url)),
        HistoryMode::Push => history.push_state_with_url(&state, "", Some(&url)),
    };
}

/// Writes `fragment` into the address bar: a push at once (see [`HistoryMode::Push`]), or a
/// replace at most every [`URL_WRITE_INTERVAL_MS`] with a final write after the last change. A
/// replace also waits for the frame that presents the input and for a gap in the input
/// ([`after_input_frame`]): writing the address takes the main thread a few milliseconds, which an
/// input's frame must not wait for.
pub fn write_fragment(fragment: &str, mode: HistoryMode) {
    let now = now_ms();
    URL_WRITER.with(|cell| {
        let Ok(mut writer) = cell.try_borrow_mut() else {
            return;
        };
        if writer.seen.as_deref() == Some(fragment) && writer.pending.is_none() {
            return;
        }
        writer.seen = Some(fragment.to_string());
        if mode == HistoryMode::Push && now - writer.last_push_ms >= COALESCE_PUSH_MS {
            // The pending replace belongs to the entry we are leaving: finish it first.
            if let Some(pending) = writer.pending.take() {
                history_write(&pending, HistoryMode::Replace, writer.entry);
            }
            writer.timer = None;
            writer.entry = writer.next_entry;
            writer.next_entry += 1;
            history_write(fragment, HistoryMode::Push, writer.entry);
            writer.last_write_ms = now;
            writer.last_push_ms = now;
            return;
        }
        if mode == HistoryMode::Push {
            // A discrete change soon after another replaces its entry, at once.
            writer.pending = None;
            writer.timer = None;
            history_write(fragment, HistoryMode::Replace, writer.entry);
            writer.last_write_ms = now;
            writer.last_push_ms = now;
            return;
        }
        writer.pending = Some(fragment.to_string());
        if writer.timer.is_none() {
            let wait = writer.last_write_ms + URL_WRITE_INTERVAL_MS - now;
            writer.timer = Some(super::timeout(wait.max(0.0).ceil() as u32, || {
                after_input_frame(ADDRESS_WRITE_MS, flush_pending_fragment);
            }));
        }
    });
}

/// What writing the address is assumed to take, in milliseconds.
const ADDRESS_WRITE_MS: f64 = 4.0;

fn flush_pending_fragment() {
    // Not into another page's entry: the write waits, as for an entry left before it landed.
    if away() {
        return;
    }
    let now = now_ms();
    URL_WRITER.with(|cell| {
        let Ok(mut writer) = cell.try_borrow_mut() else {
            return;
        };
        // The timer has fired (wasm-bindgen frees its closure once it returns).
        writer.timer = None;
        if let Some(pending) = writer.pending.take() {
            history_write(&pending, HistoryMode::Replace, writer.entry);
            writer.last_write_ms = now;
        }
    });
}

/// Whether the address is another page's: www/pwa.js shows the all-claims view in place of the
/// calculator at that page's address (`claims.html`), in a history entry of its own, which is not
/// the calculator's to read or write.
fn away() -> bool {
    let path = window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_default();
    HOME.with(|home| {
        let home = home.borrow();
        !home.is_empty() && *home != path
    })
}

/// What a navigation brings: the fragment to show, or nothing when the page already shows it.
fn arrive() -> Option<String> {
    let history = window().and_then(|window| window.history().ok())?;
    let location = location_fragment();
    URL_WRITER.with(|cell| {
        let mut writer = cell.try_borrow_mut().ok()?;
        // A write that had not landed belongs to the entry being left: keep it for a return.
        writer.timer = None;
        if let Some(pending) = writer.pending.take() {
            let left = writer.entry;
            writer.unwritten.retain(|(entry, _)| *entry != left);
            writer.unwritten.push((left, pending));
        }
        let tagged = history.state().ok().and_then(|state| state.as_f64());
        let fragment = match tagged {
            Some(entry) => {
                writer.entry = entry as u32;
                match writer
                    .unwritten
                    .iter()
                    .position(|(kept, _)| *kept == writer.entry)
                {
                    Some(index) => {
                        let (_, kept) = writer.unwritten.remove(index);
                        history_write(&kept, HistoryMode::Replace, writer.entry);
                        kept
                    }
                    None => location,
                }
            }
            None => {
                // An entry the browser made (an edited address): give it a number.
                writer.entry = writer.next_entry;
                writer.next_entry += 1;
                history_write(&location, HistoryMode::Replace, writer.entry);
                location
            }
        };
        // popstate and hashchange both report one change of fragment: the second is not news.
        if writer.seen.as_deref() == Some(fragment.as_str()) {
            return None;
        }
        writer.seen = Some(fragment.clone());
        Some(fragment)
    })
}

/// Settles the address on `canonical` (the page's own link for what it now shows) at once.
fn settle(canonical: &str) {
    URL_WRITER.with(|cell| {
        if let Ok(mut writer) = cell.try_borrow_mut() {
            if location_fragment() != canonical {
                history_write(canonical, HistoryMode::Replace, writer.entry);
            }
            writer.seen = Some(canonical.to_string());
            writer.last_write_ms = now_ms();
        }
    });
}

/// Calls `handler` with the new fragment whenever back, forward or an edited address changes it,
/// once per change, until the listeners are dropped. `handler` returns the canonical fragment of
/// what the page then shows, and the address settles on it at once.
pub fn on_navigation(handler: impl Fn(String) -> String + 'static) -> Vec<Listener> {
    let Some(window) = window() else {
        return Vec::new();
    };
    HOME.with(|home| *home.borrow_mut() = window.location().pathname().unwrap_or_default());
    // The first entry gets its number too (the address is left as it is).
    if let Ok(history) = window.history() {
        let _ = history.replace_state(&JsValue::from(0), "");
    }
    let handler = Rc::new(handler);
    ["popstate", "hashchange"]
        .into_iter()
        .filter_map(|name| {
            let handler = handler.clone();
            listen(window.clone().into(), name, move |_| {
                if away() {
                    return;
                }
                if let Some(fragment) = arrive() {
                    settle(&handler(fragment));
                }
            })
        })
        .collect()
}
