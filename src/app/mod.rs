//! The page: one file per part of the page, around the one reducer in [`state`].
//!
//! A part is a yew function component when it needs hooks of its own per instance (each chart's
//! canvas) or when skipping its re-render on equal props pays (the sixteen sliders); otherwise it
//! is a plain `view` function of its inputs, called from the parent's `html!` (headline, notices,
//! preset picker, controls, stage switch, table, the money section, downloads, "My scenarios", and the copy link
//! and the analysis panel with the goal seek, whose hooks the root holds): each component brings its own copy of
//! yew's generic code, about 0.6 KB of the gzipped page (each effect or memo, 0.2 to 0.3 KB).
//! Parts get values and callbacks and keep no model logic; derived texts are computed in render,
//! and the projections by the reducer when their scenarios change (`state::Derived`). State
//! goes into the reducer and node references into `use_mut_ref` rather than a `use_state` or
//! `use_memo` each, and run-once effects through [`use_mount`]: each hook of another type is
//! another copy of yew's generic code.

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

use yew::{hook, html, AttrValue, Callback, Html, MouseEvent};

/// Fixed markup, parsed by the browser: the content of index.html's `<template id="m-…">` (`id`),
/// in the page's language (www/pwa.js translates the templates with the page's own HTML, as the
/// `static.*` texts of i18n/<lang>.json). The page carries neither the string nor the code that
/// builds each element and text node (about 25 bytes of the gzipped page per node); each
/// template is read once per language. The DOM is the same as yew's, except in a table: the
/// browser parses the string in a `<div>`, where table rows and cells are not allowed (it would
/// keep only their text), so a table goes in whole, never row by row. Empty where the page lacks
/// the template (a test's bare document).
#[inline(never)]
pub fn markup(id: &'static str) -> Html {
    thread_local! {
        /// The templates read so far, and the language they were read in.
        static READ: std::cell::RefCell<(crate::i18n::Lang, Vec<(&'static str, AttrValue)>)> =
            const { std::cell::RefCell::new((crate::i18n::Lang::En, Vec::new())) };
    }
    let html = READ.with(|read| {
        let (lang, read) = &mut *read.borrow_mut();
        if *lang != crate::i18n::language() {
            *lang = crate::i18n::language();
            read.clear();
        }
        if let Some((_, html)) = read.iter().find(|(known, _)| *known == id) {
            return html.clone();
        }
        let html = AttrValue::from(crate::web::template_html(id).unwrap_or_default());
        read.push((id, html.clone()));
        html
    });
    Html::from_html_unchecked(html)
}

/// `<button type="button" id=… onclick=…>label</button>`, built in one place: each such button
/// of the page is then a call, not its own copy of the code that builds an element.
#[inline(never)]
pub fn button(id: &'static str, label: &'static str, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="button" {id} {onclick}>{ label }</button> }
}

/// An effect that runs once, after the first render, and cleans up (what `body` returns) when the
/// part of the page goes: `use_effect_with((), …)` with the body boxed, so that every such effect
/// of the page shares one copy of yew's generic code for it.
#[hook]
pub fn use_mount(body: Box<dyn FnOnce() -> Box<dyn FnOnce()>>) {
    yew::use_effect_with((), move |()| body());
}

/// Renders the app into `root`, replacing what it holds (the static loading state).
///
/// The entry point (`src/bin/ree-web.rs`) calls this rather than naming `yew::Renderer::<App>`
/// itself: instantiated in the binary, yew's generic code for `App` would be compiled a second
/// time (0.5 KB more, gzipped).
pub fn mount(root: web_sys::Element) {
    yew::Renderer::<App>::with_root(root).render();
}
