//! The page: the one reducer, the derived projections, the URL kept in step with the state,
//! and the layout (headline, charts, table and downloads, then the settings: after the charts on a
//! phone, beside them on a wide screen).

use crate::app::analysis_hook::{self, use_analysis};
use crate::app::analysis_panel::{self, use_analysis_panel, AnalysisPanelInput};
use crate::app::budget;
use crate::app::chart_canvas::{ChartCanvas, Compared, References};
use crate::app::compare;
use crate::app::controls;
use crate::app::downloads;
use crate::app::headline;
use crate::app::lang_switch;
use crate::app::my_scenarios;
use crate::app::notices;
use crate::app::preset_picker;
use crate::app::projection_table;
use crate::app::share_link::{self, use_share_link};
use crate::app::stage_switch;
use crate::app::state::{Action, AppState};
use crate::app::use_mount;
use crate::app::walk;
use crate::chart::{ChartKind, Theme};
use crate::data::Stage;
use crate::i18n::Msg;
use crate::provenance::Made;
use crate::state::{LinkState, View};
use crate::tr;
use crate::url;
use crate::web::colour_scheme::{on_colour_scheme_change, prefers_dark};
use crate::web::history::{self, HistoryMode};
use crate::web::timings;
use crate::worker_protocol::AnalysisInput;
use std::rc::Rc;
use yew::prelude::*;

/// The system's theme now.
fn system_theme() -> Theme {
    if prefers_dark() {
        Theme::Dark
    } else {
        Theme::Light
    }
}

/// The whole calculator.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer_eq(|| {
        let mut state =
            AppState::from_decoded(url::decode(&history::location_href()), system_theme());
        state.saved = my_scenarios::load();
        if let Some((lang, why)) = crate::web::lang::take_failure() {
            state.notices_add(lang_switch::unavailable(lang, &why));
        }
        state
    });
    let dispatch = state.dispatcher();
    let link = &state.link;

    // Derived data: recomputed by the reducer only when its ground state changes.
    let projection = state.derived.projection.clone();
    let references = state.derived.references.clone();
    let preset = state.preset();
    let preset_scenario = preset.scenario();
    let changed = link.scenario.differences(&preset_scenario).len();
    let fragment = url::encode(link);
    // The scenario's address, and how to cite it today: under the link and in the downloads.
    let made = Made::new(
        preset.title,
        changed,
        history::link_for(&fragment),
        timings::today(),
    );
    let analysis_input = AnalysisInput::from_link(link);
    let runner = use_analysis(&dispatch);
    let analysis = (*state.analysis.0).clone();
    // Whether the results shown belong to the current input.
    let analysis_fresh = analysis.input == Some(analysis_input);
    let share = use_share_link();
    let panel = use_analysis_panel(state.derived.analysed.as_ref(), &projection);

    // The analyses follow their input; the URL follows the state: throttled replaces, a push for
    // discrete changes; and a copy link's confirmation goes once the link changes. (One effect:
    // each effect is its own copy of yew's code.)
    {
        let last = use_mut_ref(|| (state.history_pushes, fragment.clone(), None));
        let embed = link.embed.map(ChartKind::id);
        // A confirmation belongs to the link it copied (cleared only when there is one: a
        // change of state renders the whole page again, and the link changes with every slider
        // step).
        let copied = (!state.copy_status.is_empty()).then(|| dispatch.clone());
        use_effect_with(
            (fragment.clone(), state.history_pushes, analysis_input),
            move |(fragment, pushes, input)| {
                let mut last = last.borrow_mut();
                analysis_hook::ask_once(&runner, &mut last.2, *input);
                if last.1 != *fragment {
                    last.1.clone_from(fragment);
                    if let Some(dispatch) = &copied {
                        dispatch.dispatch(Action::CopyStatus(String::new()));
                    }
                }
                // The embed view marks the document too, so the stylesheet can hide the static
                // page around the app without `:has()`, which made every change restyle the page.
                crate::web::mark_root("data-embed", embed);
                let mode = if *pushes == last.0 {
                    HistoryMode::Replace
                } else {
                    HistoryMode::Push
                };
                last.0 = *pushes;
                history::write_fragment(fragment, mode);
            },
        );
    }

    // Back, forward and edited addresses: the state follows the URL. And the charts follow the
    // system colour scheme. (One effect for both: each effect is its own copy of yew's code.)
    {
        let dispatch = dispatch.clone();
        use_mount(Box::new(move || {
            let navigated = dispatch.clone();
            let listeners = history::on_navigation(move |fragment| {
                // The same path as a typed link: everything after the first '#'.
                let decoded = url::decode(&format!("#{fragment}"));
                let canonical = url::encode(&decoded.state);
                // The link may ask for another language than the one in use.
                let lang = decoded
                    .state
                    .lang
                    .unwrap_or_else(crate::web::lang::browser_preference);
                if lang != crate::i18n::language() {
                    lang_switch::switch_to(lang, false, navigated.clone());
                }
                navigated.dispatch(Action::Navigate(decoded, false));
                canonical
            });
            let listener = on_colour_scheme_change(move |dark| {
                dispatch.dispatch(Action::SetTheme(if dark {
                    Theme::Dark
                } else {
                    Theme::Light
                }));
            });
            Box::new(move || drop((listeners, listener)))
        }));
    }

    let show_table = link.view == View::Table;
    let on_toggle_table = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::SetView(if show_table {
                View::Charts
            } else {
                View::Table
            }));
        })
    };

    // While a product of separation is chosen, what follows the stage switch (the share and
    // supply-gap charts, the table, the headline) reads projections whose separation is it.
    let shown = link.shown();
    let view_of = |projection: &Rc<crate::projection::Projection>| match shown.product() {
        Some(product) => Rc::new(crate::chart::product_view(projection, product)),
        None => projection.clone(),
    };
    let shown_projection = view_of(&projection);
    let shown_references: References = match shown.product() {
        Some(_) => Rc::new(
            references
                .iter()
                .map(|compared| Compared {
                    projection: view_of(&compared.projection),
                    label: compared.label.clone(),
                })
                .collect(),
        ),
        None => references.clone(),
    };
    let chart = |kind: ChartKind, stage: Stage| {
        let follows = matches!(kind, ChartKind::Share | ChartKind::SupplyGap);
        let product = shown.product().filter(|_| follows);
        let (projection, references) = if follows {
            (&shown_projection, &shown_references)
        } else {
            (&projection, &references)
        };
        html! {
            <ChartCanvas
                {kind}
                projection={projection.clone()}
                references={references.clone()}
                {stage}
                {product}
                theme={state.theme}
                lang={state.lang}
                dispatch={dispatch.clone()}
            />
        }
    };

    // The embed view (`embed=<chart>`, for an article's iframe) is this page with `data-embed`:
    // the stylesheet then shows only the headline, that chart and the link to the same scenario
    // in the whole calculator (in a new tab), which exists only there.
    let embed = link.embed.map(ChartKind::id);
    let downloads = downloads::view(
        &projection,
        link,
        &made,
        state.file_outcome.as_deref(),
        &dispatch,
    );
    // Only in the embed view (the whole page has no use for it, and a link that changed would be
    // parsed anew at each key press). As an HTML string (the link's own encoding: ids and
    // numbers), which costs less than yew's code for the element.
    let full = match link.embed {
        Some(_) => Html::from_html_unchecked(
            format!(
                r##"<a id="open-full" class="embed-open" href="#{}" target="_blank" rel="noopener">{}</a>"##,
                crate::chart::escape(&url::encode(&LinkState {
                    embed: None,
                    ..link.clone()
                })),
                crate::chart::escape(tr!(Msg::EmbedOpenFull))
            )
            .into(),
        ),
        None => Html::default(),
    };

    html! {
        <div class="page" data-embed={embed}>
            { lang_switch::view(state.lang, &dispatch) }
            { notices::view(&state.notices, &dispatch) }
            <div class="layout">
                { walk::view(state.walking, preset, &projection, &dispatch) }
                { headline::view(&shown_projection, &projection, &link.scenario, shown, &shown_references, analysis.bands.as_deref(), analysis_fresh) }
                <main class="main" id="main">
                    <div class="toolbar">
                        { stage_switch::view(shown, &dispatch) }
                        <div class="toolbar-buttons">
                            <button type="button" id="toggle-table" aria-pressed={show_table.to_string()}
                                aria-controls="projection-table-area" onclick={on_toggle_table}>
                                { if show_table { tr!(Msg::PageTableHide) } else { tr!(Msg::PageTableShow) } }
                            </button>
                            { compare::pin_button(link.references.len(), &dispatch) }
                        </div>
                    </div>
                    { compare::view(&link.references, &dispatch) }
                    <div class="charts" id="charts">
                        { chart(ChartKind::Share, link.stage) }
                        { chart(ChartKind::Russia, link.stage) }
                        { chart(ChartKind::Concentration, Stage::Separation) }
                        { chart(ChartKind::SupplyGap, link.stage) }
                    </div>
                    <div id="projection-table-area" class="table-area">
                        if show_table {
                            { projection_table::view(&shown_projection, shown, &shown_references) }
                        }
                    </div>
                    { budget::view(&projection, &link.scenario, chart(ChartKind::Feed, Stage::Separation)) }
                    // The embed view's link to the whole calculator, right after its chart.
                    { full }
                    // The link and the files before the analyses: the analyses' results arrive
                    // later and grow their captions, which would move anything below them under
                    // a reader's pointer.
                    { share_link::view(&share, &state.copy_status, made.link, made.citation, &dispatch) }
                    { downloads }
                    { my_scenarios::view(&state.saved, &fragment, &dispatch) }
                    { analysis_panel::view(&panel, AnalysisPanelInput { link, references: references.clone(), results: &analysis,
                        fresh: analysis_fresh, theme: state.theme, dispatch: &dispatch, goal: &state.goal }) }
                </main>
                // After the charts in reading order, so that on a phone the headline and the first
                // chart fill the first screen; a wide screen shows it as the left column.
                <aside class="sidebar" id="settings" aria-label={tr!(Msg::PageSettingsLabel)}>
                    { preset_picker::view(preset.id, changed, &dispatch) }
                    { walk::start(&dispatch) }
                    { controls::view(&link.scenario, &preset_scenario, &dispatch) }
                </aside>
            </div>
            // The footer's text as one HTML string (fixed wording and the data's own figures).
            { Html::from_html_unchecked(format!(r#"<footer class="site-footer"><p>{}</p></footer>"#, crate::chart::escape(&tr!(Msg::PageFooter, version = crate::data::DATA_VERSION, projects = crate::data::dataset().projects.len().to_string()))).into()) }
        </div>
    }
}
