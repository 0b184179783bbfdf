//! The system's colour scheme (`prefers-color-scheme`), which the charts follow, and the window's
//! width class, which decides whether the settings start open.

use super::events::{listen, Listener};
use super::window;

const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

/// Whether `query` (a CSS media query) matches now.
fn matches(query: &str) -> bool {
    window()
        .and_then(|window| window.match_media(query).ok().flatten())
        .is_some_and(|query| query.matches())
}

/// Whether the system asks for a dark colour scheme.
pub fn prefers_dark() -> bool {
    matches(DARK_QUERY)
}

/// Whether the window is wide enough (960 CSS px, the stylesheet's two-column layout) to show the
/// settings beside the charts, open; on narrower screens they start folded.
pub fn is_wide() -> bool {
    matches("(min-width: 960px)")
}

/// Calls `handler` with [`prefers_dark`] whenever the system colour scheme changes, until the
/// listener is dropped.
pub fn on_colour_scheme_change(handler: impl Fn(bool) + 'static) -> Option<Listener> {
    let query = window()?.match_media(DARK_QUERY).ok()??;
    listen(query.into(), "change", move |_| handler(prefers_dark()))
}
