//! Browser tests of the page (wasm-bindgen-test in headless Chromium): the canvas component
//! draws real pixels, and the mounted app recomputes its headline when a slider moves.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::expect_used, clippy::unwrap_used)]

use ree_outlook::app::chart_canvas::ChartCanvas;
use ree_outlook::app::state::AppState;
use ree_outlook::app::App;
use ree_outlook::chart::{ChartKind, Theme};
use ree_outlook::data::Stage;
use ree_outlook::simulate;
use ree_outlook::url;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlInputElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits `ms` milliseconds (lets yew's scheduler and the resize observer run).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|window| window.document())
        .expect("a document")
}

/// A fresh mount point of a given CSS size, attached to the body.
fn mount_point(width_px: u32) -> Element {
    let host = document().create_element("div").expect("a div");
    host.set_attribute("style", &format!("width: {width_px}px"))
        .expect("style");
    document()
        .body()
        .expect("a body")
        .append_child(&host)
        .expect("attached");
    host
}

fn element(id: &str) -> Element {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("#{id} exists"))
}

/// Waits until `check` holds, for at most about two seconds.
async fn eventually(mut check: impl FnMut() -> bool) -> bool {
    for _ in 0..100 {
        if check() {
            return true;
        }
        sleep(20).await;
    }
    check()
}

/// Counts distinct colours in the canvas's pixels (a blank canvas has one).
fn distinct_colours(canvas: &HtmlCanvasElement) -> usize {
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .expect("2d context")
        .expect("a context")
        .dyn_into()
        .expect("a 2d context");
    let (width, height) = (canvas.width(), canvas.height());
    let pixels = context
        .get_image_data(0.0, 0.0, f64::from(width), f64::from(height))
        .expect("pixels")
        .data();
    let mut colours: Vec<[u8; 4]> = pixels
        .chunks_exact(4)
        .step_by(7)
        .map(|pixel| [pixel[0], pixel[1], pixel[2], pixel[3]])
        .collect();
    colours.sort_unstable();
    colours.dedup();
    colours.len()
}

#[derive(Properties, PartialEq)]
struct OneChartProps {
    kind: ChartKind,
}

/// The canvas component alone, with the dispatcher it needs.
#[function_component(OneChart)]
fn one_chart(props: &OneChartProps) -> Html {
    let state = use_reducer(|| AppState::from_decoded(url::decode(""), Theme::Light));
    let projection = use_memo((), |()| Rc::new(simulate(&state.link.scenario)));
    html! {
        <ChartCanvas kind={props.kind} projection={(*projection).clone()}
            stage={Stage::Separation} theme={Theme::Light} dispatch={state.dispatcher()} />
    }
}

#[wasm_bindgen_test]
async fn canvas_component_draws_non_blank_pixels() {
    let host = mount_point(640);
    let handle = yew::Renderer::<OneChart>::with_root_and_props(
        host.clone(),
        OneChartProps {
            kind: ChartKind::Share,
        },
    )
    .render();
    let drawn = eventually(|| {
        document()
            .get_element_by_id("chart-share")
            .and_then(|canvas| canvas.get_attribute("data-draws"))
            .is_some()
    })
    .await;
    assert!(drawn, "the share chart never reported a draw");
    let canvas: HtmlCanvasElement = element("chart-share").dyn_into().expect("a canvas");
    assert!(canvas.width() >= 300, "canvas width {}", canvas.width());
    let colours = distinct_colours(&canvas);
    assert!(
        colours > 8,
        "the canvas looks blank: {colours} distinct colours"
    );
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn app_mounts_and_a_slider_updates_the_headline() {
    let host = mount_point(1000);
    let handle = yew::Renderer::<App>::with_root(host.clone()).render();
    // window.__reeReady may already be set by another test in this page: wait for this app's own draw.
    let ready = eventually(|| {
        let ready_flag =
            js_sys::Reflect::get(&web_sys::window().expect("window"), &"__reeReady".into())
                .map(|value| value.is_truthy())
                .unwrap_or(false);
        let drawn = document()
            .get_element_by_id("chart-russia")
            .and_then(|canvas| canvas.get_attribute("data-draws"))
            .is_some();
        ready_flag && drawn && document().get_element_by_id("headline-russia").is_some()
    })
    .await;
    assert!(ready, "the app never drew its charts");
    let headline = || element("headline-russia").get_attribute("data-value");
    let before = headline().expect("a data-value");
    let draws = || element("chart-russia").get_attribute("data-draws");
    let draws_before = draws();

    let slider: HtmlInputElement = element("param-ru_first_plant")
        .dyn_into()
        .expect("a range input");
    slider.set_value("2025");
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .expect("an input event");
    slider.dispatch_event(&event).expect("dispatched");

    let changed = eventually(|| headline().as_deref() != Some(before.as_str())).await;
    assert!(changed, "the headline stayed at {before}");
    let after: f64 = headline()
        .and_then(|value| value.parse().ok())
        .expect("a number");
    assert!(
        after > before.parse::<f64>().expect("a number"),
        "earlier plants should raise Russia's 2030 share: {before} -> {after}"
    );
    assert!(
        eventually(|| draws() != draws_before).await,
        "the Russia chart did not redraw"
    );
    assert!(element("value-ru_first_plant")
        .text_content()
        .unwrap_or_default()
        .contains("2025"));
    let wrapper = element("param-ru_first_plant")
        .closest(".control")
        .expect("closest")
        .expect("a control wrapper");
    assert!(wrapper.class_list().contains("changed"));
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
fn worker_codec_carries_the_same_bands_and_tornado_as_a_direct_run() {
    use ree_outlook::analysis::{monte_carlo, tornado, MonteCarloSettings};
    use ree_outlook::data::Region;
    use ree_outlook::params::Param;
    use ree_outlook::scenario::Scenario;
    use ree_outlook::web::worker::answer;
    use ree_outlook::worker_protocol::{read_answer, read_request, request, AnalysisInput};

    let input = AnalysisInput {
        scenario: Scenario::default()
            .with(Param::Sanctions, 0.35)
            .with(Param::RuFirstPlant, 2027.0),
        stage: Stage::Magnets,
        settings: MonteCarloSettings {
            samples: 300,
            seed: (7_u64 << 40) + 12_345,
            ..MonteCarloSettings::default()
        },
        target_share: 0.05,
        target_year: 2036,
        fan_region: Region::China,
    };
    let wire = request(&input);
    assert_eq!(read_request(&wire), Some(input), "the request round-trips");
    let results = read_answer(&input, &answer(&wire)).expect("a well-formed answer");
    let direct = monte_carlo(
        &input.scenario,
        input.settings,
        Region::China,
        input.stage,
        input.target(),
    );
    assert_eq!(results.bands.as_deref(), Some(&direct));
    assert_eq!(
        results.tornado.as_deref(),
        Some(&tornado(&input.scenario, input.output()))
    );
    assert!(
        read_request(&wire[1..]).is_none(),
        "a short request is refused"
    );
    assert!(
        read_answer(&input, &[1.0, 0.5]).is_none(),
        "a short answer is refused"
    );
}

#[wasm_bindgen_test]
fn reducer_keeps_ground_state_only_and_refused_files_change_nothing() {
    use ree_outlook::app::state::Action;
    use ree_outlook::data::Region;
    use ree_outlook::params::Param;
    use yew::Reducible;

    let start = Rc::new(AppState::from_decoded(
        url::decode("v=1&p=skeptic&bogus=1"),
        Theme::Light,
    ));
    // A link from before data versions: the data note first, then the bad key.
    assert_eq!(
        start.notices.len(),
        2,
        "the data note and the bad key are reported"
    );
    assert!(start.notices[0].text.contains("2024.1"));
    assert!(start.notices[1].text.contains("bogus"));
    let moved = start
        .clone()
        .reduce(Action::SetParam(Param::Sanctions, 7.0));
    assert_eq!(moved.link.scenario.get(Param::Sanctions), 1.0, "clamped");
    assert_eq!(
        moved.history_pushes, start.history_pushes,
        "a slider replaces history"
    );
    let refused = moved
        .clone()
        .reduce(Action::LoadFile(Err("bad.json was not loaded".to_string())));
    assert_eq!(refused.link, moved.link, "a refused file changes nothing");
    assert_eq!(refused.notices.len(), moved.notices.len() + 1);
    let picked = refused.clone().reduce(Action::PickPreset("kremlin-2030"));
    assert_eq!(picked.link.preset, "kremlin-2030");
    assert!(
        picked.history_pushes != refused.history_pushes,
        "a preset gets its own entry"
    );
    let unknown = picked.clone().reduce(Action::PickPreset("nonsense"));
    assert!(
        Rc::ptr_eq(&unknown, &picked),
        "an unknown preset is ignored"
    );
    let default_target = picked.clone().reduce(Action::SetTarget(0.10));
    assert_eq!(
        default_target.link.target, None,
        "the default target stays out of the link"
    );
    let far = picked.clone().reduce(Action::SetTargetYear(2099));
    assert_eq!(far.link.target_year, 2050, "the target year is clamped");
    let china = far.clone().reduce(Action::SetFanRegion(Region::China));
    assert_eq!(china.link.fan_region, Region::China);
    assert!(
        url::encode(&china.link).ends_with("&ty=2050&fr=china&d=2025.1"),
        "{}",
        url::encode(&china.link)
    );
    let dismissed = picked
        .clone()
        .reduce(Action::DismissNotice(picked.notices[0].id));
    assert_eq!(dismissed.notices.len(), picked.notices.len() - 1);
}

#[wasm_bindgen_test]
fn the_browser_json_parser_reads_files_as_serde_json_does() {
    use ree_outlook::json::{Json, Number};
    use ree_outlook::scenario_file::{scenario_from_text, scenario_to_json, scenario_to_json_made};
    use ree_outlook::web::json::parse_json;
    // Exact 64-bit integers, integers against doubles, -0, duplicate keys (the last wins), sorted keys.
    let parsed = parse_json(
        r#"{"z": [18446744073709551615, 2028, 2028.0, -0, -3, 0.1, 1e-7], "a": {"k": 1, "k": 2}, "s": "x\u00e9", "n": null, "b": true}"#,
    );
    let number = |number| Json::Number(number);
    assert_eq!(
        parsed,
        Ok(Json::Object(vec![
            (
                "a".to_string(),
                Json::Object(vec![("k".to_string(), number(Number::U64(2)))])
            ),
            ("b".to_string(), Json::Bool(true)),
            ("n".to_string(), Json::Null),
            ("s".to_string(), Json::String("xé".to_string())),
            (
                "z".to_string(),
                Json::Array(vec![
                    number(Number::U64(u64::MAX)),
                    number(Number::U64(2028)),
                    number(Number::F64(2028.0)),
                    number(Number::F64(-0.0)),
                    number(Number::I64(-3)),
                    number(Number::F64(0.1)),
                    number(Number::F64(1e-7)),
                ])
            ),
        ]))
    );
    assert!(parse_json("{not json").is_err());
    // A written file with the largest seed and a sampling mode loads back exactly in the page.
    let state = url::LinkState {
        monte_carlo: Some(url::MonteCarloLink {
            samples: 5000,
            seed: u64::MAX,
            sampling: ree_outlook::analysis::Sampling::Scenario,
        }),
        target: Some(0.123_456_789_012_345_67),
        ..url::LinkState::default()
    };
    let loaded = scenario_from_text(&scenario_to_json(&state), parse_json);
    assert_eq!(loaded.map(|(loaded, _)| loaded), Ok(state.clone()));
    // With where and when it was made, the same, and without a notice.
    let made = ree_outlook::provenance::Made::new(
        "Baseline",
        0,
        "https://example.org/ree/#v=1&p=baseline".to_string(),
        "2026-11-30".to_string(),
    );
    let loaded = scenario_from_text(&scenario_to_json_made(&state, &made), parse_json);
    assert_eq!(loaded, Ok((state, Vec::new())));
    let broken = scenario_from_text("{\"format\": ", parse_json);
    assert!(broken.is_err_and(|message| message.starts_with("This file is not valid JSON (")));
}
