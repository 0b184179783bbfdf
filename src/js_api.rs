//! The JavaScript API (wasm32 only): the model for other pages and notebooks, plain objects in and out.
//!
//! Built with `wasm-pack build --target nodejs` (or `--target web`). Functions:
//! `simulate(scenario)`, `presets()`, `params()`, `decodeLink(text)`, `encodeLink(scenario)`.
//! A scenario is a plain object of parameter key to number; missing keys take the
//! preset's value, `preset` names the preset to start from (default `baseline`) and, for
//! `encodeLink`, `stage` names what the link's stage switch shows (`mining`, `separation`,
//! `separation_light`, `separation_heavy` or `magnets`; default `separation`).
//! Bad input throws an `Error` whose message names the key and its allowed range.

use crate::params::{checked, Invalid, PARAMS};
use crate::scenario::{Preset, Scenario, PRESETS};
use crate::state::{LinkState, Shown};
use crate::url;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// Converts a Rust value into a plain JavaScript value (objects, arrays, numbers; never `Map`).
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| JsError::new(&format!("could not convert the result: {error}")))
}

/// Reads a plain scenario object strictly into a state; `undefined` or `null` is the baseline.
fn scenario_from_js(input: JsValue) -> Result<LinkState, JsError> {
    if input.is_undefined() || input.is_null() {
        return Ok(LinkState::default());
    }
    let value: Value = serde_wasm_bindgen::from_value(input).map_err(|error| {
        JsError::new(&format!(
            "the scenario must be a plain object of parameter key to number: {error}"
        ))
    })?;
    let Value::Object(entries) = value else {
        return Err(JsError::new(
            "the scenario must be a plain object of parameter key to number, e.g. { sanctions: 0.9 }",
        ));
    };
    let preset = match entries.get("preset") {
        None | Some(Value::Null) => &PRESETS[0],
        Some(Value::String(id)) => Preset::find(id).ok_or_else(|| {
            JsError::new(&format!(
                "unknown preset '{id}'; valid presets: {}",
                Preset::valid_ids()
            ))
        })?,
        Some(_) => return Err(JsError::new("'preset' must be a string, e.g. \"skeptic\"")),
    };
    let mut state = LinkState::from_preset(preset);
    match entries.get("stage") {
        None | Some(Value::Null) => {}
        Some(Value::String(id)) => state.show(Shown::from_id(id).ok_or_else(|| {
            JsError::new(&format!(
                "unknown stage '{id}'; valid stages: {}",
                crate::state::SHOWN_IDS
            ))
        })?),
        Some(_) => {
            return Err(JsError::new(
                "'stage' must be a string, e.g. \"separation_heavy\"",
            ))
        }
    }
    for (key, value) in &entries {
        if key == "preset" || key == "stage" {
            continue;
        }
        let (param, number) = checked(key, value.as_f64()).map_err(|invalid| {
            JsError::new(&match invalid {
                Invalid::UnknownKey => format!(
                    "unknown parameter '{key}'; valid keys: preset, stage, {}",
                    crate::params::valid_keys()
                ),
                Invalid::NotANumber(param) => format!(
                    "{key} must be a number {} (got {value})",
                    param.spec().range_text()
                ),
                Invalid::OutOfRange(param, number) => {
                    format!("{key} must be {} (got {number})", param.spec().range_text())
                }
            })
        })?;
        state.scenario.set(param, number);
    }
    Ok(state)
}

/// Projects a scenario: `simulate({ preset: "skeptic", sanctions: 0.9 })`.
///
/// Returns `{ years, stages: { mining|separation|magnets: { unit, demand, hhi, trusted_share,
/// exposure, supply_gap, regions: { china: { output, capacity, share }, … } } }, russia,
/// russia_reserve_cap, budget, russia_feed, separation_products: { light|heavy: { supply_gap,
/// supply_gap_share, regions: { china: { output, share }, … } }, heavy_demand,
/// magnets_on_china_heavy } }`, one array entry per year. Throws on an unknown key, preset or
/// stage, a value that is not a number, or a value out of range.
#[wasm_bindgen]
pub fn simulate(scenario: JsValue) -> Result<JsValue, JsError> {
    let state = scenario_from_js(scenario)?;
    to_js(&crate::simulate(&state.scenario))
}

#[derive(Serialize)]
struct PresetOut {
    id: &'static str,
    title: &'static str,
    description: &'static str,
    parameters: Scenario,
}

/// Every preset: `[{ id, title, description, parameters: { key: value, … } }, …]`.
#[wasm_bindgen]
pub fn presets() -> Result<JsValue, JsError> {
    let list: Vec<PresetOut> = PRESETS
        .iter()
        .map(|preset| PresetOut {
            id: preset.id,
            title: preset.title,
            description: preset.description,
            parameters: preset.scenario(),
        })
        .collect();
    to_js(&list)
}

/// The parameter table: `[{ key, label, group, unit, min, max, step, default, low, high, format, help, source }, …]`.
#[wasm_bindgen]
pub fn params() -> Result<JsValue, JsError> {
    to_js(&PARAMS)
}

#[derive(Serialize)]
struct DecodedOut {
    preset: String,
    stage: &'static str,
    parameters: Scenario,
    notices: Vec<String>,
    #[serde(rename = "dataNote", skip_serializing_if = "Option::is_none")]
    data_note: Option<String>,
}

/// Reads a page link (full URL or fragment) like the page does; never throws.
///
/// Returns `{ preset, stage, parameters: { key: value, … }, notices: [ … ], dataNote? }` (`stage`
/// as the link's `st`: a stage or `separation_light` / `separation_heavy`); `notices`
/// says what was ignored or clamped, `dataNote` that the link was made with older data.
#[wasm_bindgen(js_name = decodeLink)]
pub fn decode_link(text: &str) -> Result<JsValue, JsError> {
    let decoded = url::decode(text);
    let stage = decoded.state.shown().id();
    to_js(&DecodedOut {
        preset: decoded.state.preset,
        stage,
        parameters: decoded.state.scenario,
        notices: decoded.notices,
        data_note: decoded.data_note,
    })
}

/// The link fragment (without `#`) for a scenario object, as the page writes it; the object's
/// `stage` (e.g. `"separation_heavy"`) becomes the link's `st`.
#[wasm_bindgen(js_name = encodeLink)]
pub fn encode_link(scenario: JsValue) -> Result<String, JsError> {
    Ok(url::encode(&scenario_from_js(scenario)?))
}
