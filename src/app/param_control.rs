//! One parameter's control: a labelled range slider with its value, unit, help, source and
//! a "changed" mark; the reserves control also offers the two published figures.

use crate::app::state::{Action, AppState};
use crate::chart::escape;
use crate::i18n::Msg;
use crate::params::{Param, ParamSpec, MINISTRY_RUSSIA_RESERVES_MT, USGS_RUSSIA_RESERVES_MT};
use crate::text;
use crate::tr;
use crate::web::timings;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A slider's value text as the browser gives it, parsed; `None` for anything else.
fn parse_slider(text: &str) -> Option<f64> {
    text::parse_number(text.trim())
}

/// The model's or the parameter table's text as HTML, parsed by the browser.
fn model_html(html: String) -> Html {
    Html::from_html_unchecked(html.into())
}

/// The step attribute: the table's step as short text.
fn number_text(value: f64) -> String {
    text::shortest(value)
}

/// One labelled slider for `param` at `value` (`preset_value` in the preset, for the "changed"
/// mark) with its help and source; changes go to `dispatch`.
///
/// A plain view, not a component: a component per slider brought the page its own copy of yew's
/// generic code, and re-rendering 32 controls' few elements on each change costs well under a
/// millisecond (BENCHMARKS.md, key press to frame).
pub fn view(
    param: Param,
    value: f64,
    preset_value: f64,
    dispatch: &UseReducerDispatcher<AppState>,
) -> Html {
    let spec: &'static ParamSpec = param.spec();
    let key = spec.key;
    let changed = value.to_bits() != preset_value.to_bits();
    let shown = spec.display(value);
    let oninput = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| {
            timings::mark_input(event.time_stamp());
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(value) = parse_slider(&input.value()) {
                dispatch.dispatch(Action::SetParam(param, value));
            }
        })
    };
    let input_id = format!("param-{key}");
    let help_id = format!("help-{key}");
    let reserves = (param == Param::RuReservesMt).then(|| reserve_buttons(value, dispatch));
    // The label, the preset's value and the help as HTML strings (the parameter table's own
    // text and numbers the page formats, never text from a reader, a link or a file; see
    // `app::markup`): far less code than yew's for each element. The help comes from
    // `index.html` (`ParamSpec::help_html`, written there at build time), read once; its string is
    // the same at every render, so yew leaves its elements (and a reader's focus on them) alone.
    let help = help_html(param);
    let body = html! {
        <>
            <div class="control-head">
                { model_html(format!(r#"<label for="{input_id}">{}</label>"#, escape(spec.reader_label()))) }
                <output id={format!("value-{key}")} for={input_id.clone()}>{ shown.clone() }</output>
            </div>
            <input
                type="range"
                id={input_id}
                min={number_text(spec.min)}
                max={number_text(spec.max)}
                step={number_text(spec.step)}
                value={number_text(value)}
                aria-valuetext={shown}
                aria-describedby={help_id}
                {oninput}
            />
            if changed {
                { model_html(format!(r#"<p class="changed-mark"><span class="changed-badge">{}</span> {}</p>"#, escape(tr!(Msg::ControlChanged)), escape(&tr!(Msg::ControlPresetValue, value = spec.display(preset_value))))) }
            }
            { reserves.unwrap_or_default() }
            { model_html(help) }
        </>
    };
    // Two static class lists rather than `classes!`: a dynamic class pulls yew's `Classes` (an
    // ordered hash set) into the page, about 4 KB gzipped for three elements.
    if changed {
        html! { <div key={key} class="control changed">{ body }</div> }
    } else {
        html! { <div key={key} class="control">{ body }</div> }
    }
}

thread_local! {
    /// Each parameter's help block, once read from the page, and the language it was read in.
    static HELP: std::cell::RefCell<(crate::i18n::Lang, Vec<Option<String>>)> =
        const { std::cell::RefCell::new((crate::i18n::Lang::En, Vec::new())) };
}

/// `param`'s help block ([`ParamSpec::help_html`]) from the page's `<template id="help-src-…">`,
/// read once per language (www/pwa.js puts the language's help into the templates before the
/// page renders in it); empty if the page lacks it.
fn help_html(param: Param) -> String {
    HELP.with(|help| {
        let (lang, help) = &mut *help.borrow_mut();
        if *lang != crate::i18n::language() {
            *lang = crate::i18n::language();
            help.clear();
        }
        let index = param as usize;
        if help.len() <= index {
            help.resize(index + 1, None);
        }
        help[index]
            .get_or_insert_with(|| {
                crate::web::template_html(&format!("help-src-{}", param.spec().key))
                    .unwrap_or_default()
            })
            .clone()
    })
}

/// The two published reserve figures (from the parameter table) as one-click choices.
fn reserve_buttons(value: f64, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let choice = |id: &'static str, who: &str, figure: f64| {
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |event: MouseEvent| {
            timings::mark_input(event.time_stamp());
            dispatch.dispatch(Action::SetParam(Param::RuReservesMt, figure));
        });
        let pressed = (value - figure).abs() < 1e-9;
        html! {
            <button type="button" {id} class="choice" aria-pressed={pressed.to_string()} {onclick}>{ tr!(Msg::ControlReservesChoice, who = who, n = text::trimmed(figure, 1)) }</button>
        }
    };
    html! {
        <div class="choices" role="group" aria-label={tr!(Msg::ControlReservesLabel)}>
            { choice("reserves-usgs", "USGS", USGS_RUSSIA_RESERVES_MT) }
            { choice("reserves-ministry", tr!(Msg::ControlReservesMinistry), MINISTRY_RUSSIA_RESERVES_MT) }
        </div>
    }
}
