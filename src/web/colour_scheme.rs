//! The system's colour scheme (`prefers-color-scheme`), which the charts follow.

use super::events::{listen, Listener};
use super::window;

const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

/// Whether the system asks for a dark colour scheme.
pub fn prefers_dark() -> bool {
    window()
        .and_then(|window| window.match_media(DARK_QUERY).ok().flatten())
        .is_some_and(|query| query.matches())
}

/// Calls `handler` with [`prefers_dark`] whenever the system colour scheme changes, until the
/// listener is dropped.
pub fn on_colour_scheme_change(handler: impl Fn(bool) + 'static) -> Option<Listener> {
    let query = window()?.match_media(DARK_QUERY).ok()??;
    listen(query.into(), "change", move |_| handler(prefers_dark()))
}
