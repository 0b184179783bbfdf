//! The page: one file per part of the page, around the one reducer in [`state`].
//!
//! A part is a yew function component when it needs hooks of its own per instance (each chart's
//! canvas) or when skipping its re-render on equal props pays (the sixteen sliders); otherwise it
//! is a plain `view` function of its inputs, called from the parent's `html!` (headline, notices,
//! preset picker, controls, stage switch, table, the money section, downloads, "My scenarios", and the copy link
//! and the analysis panel with the goal seek, whose hooks the root holds): each component brings its own copy of
//! yew's generic code, about 0.6 KB of the gzipped page (each effect or memo, 0.2 to 0.3 KB).
//! Parts get values and callbacks and keep no model logic; derived values (projections, texts)
//! are computed in render, with `use_memo` where a render would otherwise recompute them for
//! nothing, never stored.

pub mod analysis_hook;
pub mod analysis_panel;
pub mod budget;
pub mod chart_canvas;
pub mod compare;
pub mod controls;
pub mod downloads;
pub mod goal_seek;
pub mod headline;
pub mod lang_switch;
pub mod my_scenarios;
pub mod notices;
pub mod param_control;
pub mod preset_picker;
pub mod projection_table;
pub mod root;
pub mod share_link;
pub mod stage_switch;
pub mod state;
pub mod walk;

pub use root::App;

use yew::{html, AttrValue, Callback, Html, MouseEvent};

/// Static markup, parsed by the browser: for elements and text that never change, written in the
/// source as one string (a compile-time constant, never text from a reader, a link or a file).
/// The page then carries that string instead of the code that builds each element and text node
/// (about 25 bytes of the gzipped page per node). The DOM is the same, except in a table: the
/// browser parses the string in a `<div>`, where table rows and cells are not allowed (it would
/// keep only their text), so a table goes in whole (`<table>…</table>`, as the money section's and
/// the projection table are written), never row by row.
pub fn markup(html: &'static str) -> Html {
    Html::from_html_unchecked(AttrValue::Static(html))
}

/// `<button type="button" id=… onclick=…>label</button>`, built in one place: each such button
/// of the page is then a call, not its own copy of the code that builds an element.
#[inline(never)]
pub fn button(id: &'static str, label: &'static str, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="button" {id} {onclick}>{ label }</button> }
}

/// Renders the app into `root`, replacing what it holds (the static loading state).
///
/// The entry point (`src/bin/ree-web.rs`) calls this rather than naming `yew::Renderer::<App>`
/// itself: instantiated in the binary, yew's generic code for `App` would be compiled a second
/// time (0.5 KB more, gzipped).
pub fn mount(root: web_sys::Element) {
    yew::Renderer::<App>::with_root(root).render();
}
