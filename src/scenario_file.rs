//! The scenario file: a [`LinkState`] as a self-describing JSON document, and its strict loader.
//!
//! The page's "download scenario" writes it and "load scenario" reads it back. Unlike a
//! link, a file is checked strictly: a malformed file, a value of the wrong type or out of
//! range is refused with a message, so the page keeps its current scenario. Only harmless
//! things (an unknown field, a missing parameter, a newer version) are accepted with a notice.
//!
//! ```json
//! {
//!   "format": "ree-outlook-scenario",
//!   "version": 1,
//!   "data_version": "2025.1",
//!   "preset": "skeptic",
//!   "stage": "separation",
//!   "view": "charts",
//!   "parameters": { "ru_plan_share": 0.1, "ru_first_plant": 2029, ... every key ... },
//!   "reference": { "preset": "baseline", "parameters": { ... }, "name": "Our plan" },
//!   "more_references": [ { "preset": "price-war", "parameters": { ... } } ],
//!   "monte_carlo": { "samples": 1000, "seed": 42, "sampling": "scenario" },
//!   "target": 0.12,
//!   "target_year": 2035,
//!   "fan_region": "china",
//!   "link": "https://example.org/ree/#v=1&p=skeptic&st=separation&d=2025.1",
//!   "made": "2026-11-30",
//!   "sources": "sources.txt"
//! }
//! ```
//! `stage` is what the stage switch shows: a stage or a product of separation (`separation_light`,
//! `separation_heavy`), as in a link's `st`.
//! `data_version` names the dataset the file was made with; a file without it was made with the
//! 2024 data and opens the same settings on the current data, with a notice.
//! `link`, `made` and `sources`, last, say where the file came from, for a person who finds it later
//! ([`Made`]): the scenario's whole address (what the page's "Copy link" copies, and the page's
//! citation names), the day the file was made (`YYYY-MM-DD`, the reader's calendar) and where the
//! data's sources are listed: the site's plain-text `sources.txt`, an address relative to `link`
//! (beside the page; `method.html` there gives each figure's source). With `data_version` they are
//! the file's provenance. The page's download writes them; the loader reads none of them (the
//! settings are the scenario), whatever they hold, and files without them load as before.
//! `reference` is the first scenario pinned for comparison (drawn dashed) and `more_references` the
//! second and third (dotted, long dashes), each with its closest preset, every parameter and, when
//! the reader named it, `name` (at most 40 characters; control characters are dropped with a
//! notice); files from before several references keep opening with their one `reference`.
//! `reference`, `more_references`, `monte_carlo` and `target` appear only when set; `target_year` only when not
//! 2030, `fan_region` only when not `russia`, `monte_carlo.sampling` only when not `plausible`
//! (what the runs draw around; see [`Sampling`]).

use crate::analysis::{
    MonteCarloSettings, Sampling, DEFAULT_SEED, MAX_SAMPLES, MIN_CHOSEN_SAMPLES, TARGET_YEAR_MAX,
    TARGET_YEAR_MIN,
};
use crate::data::Region;
use crate::i18n::Msg;
use crate::json::{get, Json, Number};
use crate::params::{checked, Invalid, PARAMS};
use crate::projection::TARGET_YEAR;
use crate::provenance::{Made, SOURCES_FILE};
use crate::scenario::{Preset, Scenario};
use crate::state::{
    clean_name, LinkState, Reference, Shown, View, DEFAULT_FAN_REGION, MAX_NAME, MAX_REFERENCES,
};
use crate::tr;

/// The value of the file's `format` field.
pub const FILE_FORMAT: &str = "ree-outlook-scenario";

/// The file version this code writes.
pub const FILE_VERSION: u64 = 1;

/// Largest file the loader reads, in bytes.
pub const MAX_FILE_LEN: usize = 64 * 1024;

/// The scenario file for `state`, pretty-printed, every parameter by key in table order.
pub fn scenario_to_json(state: &LinkState) -> String {
    scenario_file(state, None)
}

/// [`scenario_to_json`] with where and when the file was made: `link`, `made` and `sources`, at
/// the end.
pub fn scenario_to_json_made(state: &LinkState, made: &Made) -> String {
    scenario_file(state, Some(made))
}

fn scenario_file(state: &LinkState, made: Option<&Made>) -> String {
    let text = |text: &str| Json::String(text.to_string());
    let whole = |number: u64| Json::Number(Number::U64(number));
    let parameters = |scenario: &Scenario| {
        Json::Object(
            scenario
                .iter()
                .map(|(spec, value)| (spec.key.to_string(), Json::Number(Number::F64(value))))
                .collect(),
        )
    };
    let mut file = vec![
        ("format", text(FILE_FORMAT)),
        ("version", whole(FILE_VERSION)),
        ("data_version", text(crate::data::DATA_VERSION)),
        ("preset", text(state.preset().id)),
        ("stage", text(state.shown().id())),
        ("view", text(state.view.id())),
        ("parameters", parameters(&state.scenario)),
    ];
    let reference = |reference: &Reference| {
        let mut fields = vec![
            (
                "preset".to_string(),
                text(crate::url::closest_preset(&reference.scenario).id),
            ),
            ("parameters".to_string(), parameters(&reference.scenario)),
        ];
        if !reference.name.is_empty() {
            fields.push(("name".to_string(), text(&reference.name)));
        }
        Json::Object(fields)
    };
    let mut pinned = state.references.iter().take(MAX_REFERENCES);
    if let Some(first) = pinned.next() {
        file.push(("reference", reference(first)));
    }
    let more: Vec<Json> = pinned.map(reference).collect();
    if !more.is_empty() {
        file.push(("more_references", Json::Array(more)));
    }
    if let Some(run) = state.monte_carlo {
        let mut fields = vec![
            ("samples".to_string(), whole(u64::from(run.samples))),
            ("seed".to_string(), whole(run.seed)),
        ];
        if run.sampling != Sampling::default() {
            fields.push(("sampling".to_string(), text(run.sampling.id())));
        }
        file.push(("monte_carlo", Json::Object(fields)));
    }
    if let Some(target) = state.target {
        file.push(("target", Json::Number(Number::F64(target))));
    }
    if state.target_year != TARGET_YEAR {
        file.push(("target_year", whole(u64::from(state.target_year))));
    }
    if state.fan_region != DEFAULT_FAN_REGION {
        file.push(("fan_region", text(state.fan_region.id())));
    }
    if let Some(lang) = state.lang {
        file.push(("lang", text(lang.id())));
    }
    if let Some(made) = made {
        file.push(("link", text(&made.link)));
        file.push(("made", text(&made.date)));
        file.push(("sources", text(SOURCES_FILE)));
    }
    Json::Object(
        file.into_iter()
            .map(|(key, value)| (key.to_string(), value))
            .collect(),
    )
    .to_pretty()
}

/// Refuses text longer than [`MAX_FILE_LEN`] before anything parses it.
fn check_len(text: &str) -> Result<(), String> {
    if text.len() > MAX_FILE_LEN {
        return Err(tr!(
            Msg::FileTooBig,
            size = text.len().div_ceil(1024).to_string(),
            max = (MAX_FILE_LEN / 1024).to_string()
        ));
    }
    Ok(())
}

/// Reads a scenario file's text with the given JSON parser (serde_json on the command line, the
/// browser's `JSON.parse` in the page), then checks it like [`scenario_from_value`].
pub fn scenario_from_text(
    text: &str,
    parse: impl FnOnce(&str) -> Result<Json, String>,
) -> Result<(LinkState, Vec<String>), String> {
    check_len(text)?;
    let root = parse(text).map_err(|error| tr!(Msg::FileNotJson, error = error))?;
    let (state, notices) = read_value(&root)?;
    // JSON parsers keep the last of a repeated key without a word; say so, as a link does.
    let repeated = repeated_keys(text)
        .into_iter()
        .map(|key| tr!(Msg::FileRepeated, field = short(&key)));
    Ok((
        state,
        crate::url::capped(repeated.chain(notices).collect(), Msg::NoticeMoreFile),
    ))
}

/// Keys that appear more than once in one object of `text` (valid JSON), as written (escapes are
/// compared as written), each once, in the order of their second appearance.
fn repeated_keys(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    // One entry per open object (its keys so far) or array (`None`).
    let mut open: Vec<Option<Vec<&str>>> = Vec::new();
    let mut expect_key = false;
    let mut repeated: Vec<String> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'{' => {
                open.push(Some(Vec::new()));
                expect_key = true;
            }
            b'[' => {
                open.push(None);
                expect_key = false;
            }
            b'}' | b']' => {
                open.pop();
                expect_key = false;
            }
            b',' => expect_key = matches!(open.last(), Some(Some(_))),
            b'"' => {
                let start = at + 1;
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    // An escape's next byte is ASCII in valid JSON: skip it with the backslash.
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
                if expect_key {
                    let key = text.get(start..at.min(bytes.len())).unwrap_or_default();
                    if let Some(Some(keys)) = open.last_mut() {
                        if !keys.contains(&key) {
                            keys.push(key);
                        } else if !repeated.iter().any(|seen| seen == key) {
                            repeated.push(key.to_string());
                        }
                    }
                    expect_key = false;
                }
            }
            _ => {}
        }
        at += 1;
    }
    repeated
}

/// Reads a scenario file with serde_json. `Ok` carries the state and notices about harmless
/// oddities; `Err` carries one clear message, and the caller keeps its current state.
pub fn scenario_from_json(text: &str) -> Result<(LinkState, Vec<String>), String> {
    scenario_from_text(text, crate::json::parse)
}

/// Checks a parsed scenario file. `Ok` carries the state and notices about harmless oddities;
/// `Err` carries one clear message, and the caller keeps its current state.
pub fn scenario_from_value(root: &Json) -> Result<(LinkState, Vec<String>), String> {
    let (state, notices) = read_value(root)?;
    Ok((state, crate::url::capped(notices, Msg::NoticeMoreFile)))
}

/// [`scenario_from_value`] with every notice (the callers cap them).
fn read_value(root: &Json) -> Result<(LinkState, Vec<String>), String> {
    let Some(root) = root.as_object() else {
        return Err(tr!(Msg::FileNotObject).to_string());
    };
    let mut notices = Vec::new();
    match get(root, "format") {
        Some(Json::String(format)) if format == FILE_FORMAT => {}
        Some(_) => return Err(tr!(Msg::FileWrongFormat, format = FILE_FORMAT)),
        None => notices.push(tr!(Msg::FileNoFormat, format = FILE_FORMAT)),
    }
    match get(root, "version") {
        None => {}
        Some(version @ Json::Number(number)) => match number.as_u64() {
            Some(FILE_VERSION) => {}
            Some(newer) if newer > FILE_VERSION => {
                notices.push(tr!(Msg::FileNewer, version = newer.to_string()))
            }
            _ => return Err(tr!(Msg::FileVersion, version = version.to_compact())),
        },
        Some(_) => return Err(tr!(Msg::FileVersionType).to_string()),
    }
    for (key, _) in root {
        const KNOWN: [&str; 17] = [
            "format",
            "version",
            "data_version",
            "link",
            "made",
            "sources",
            "preset",
            "stage",
            "view",
            "parameters",
            "reference",
            "more_references",
            "monte_carlo",
            "target",
            "target_year",
            "fan_region",
            "lang",
        ];
        if !KNOWN.contains(&key.as_str()) {
            notices.push(tr!(Msg::FileUnknownField, field = short(key)));
        }
    }

    match get(root, "data_version") {
        None | Some(Json::String(_)) => notices.extend(crate::url::data_note(
            Msg::NoticeWhatFile,
            get(root, "data_version").and_then(Json::as_str),
        )),
        Some(_) => return Err(tr!(Msg::FileDataVersionType).to_string()),
    }
    let preset = read_preset(root, "", &mut notices)?;
    let scenario = read_scenario(root, preset, "", &mut notices)?;
    let mut state = LinkState::from_preset(preset);
    state.scenario = scenario;
    if let Some(stage) = optional_string(root, "stage")? {
        let shown = Shown::from_id(stage).ok_or_else(|| {
            tr!(
                Msg::FileUnknownStage,
                value = short(stage),
                valid = crate::state::SHOWN_IDS
            )
        })?;
        state.show(shown);
    }
    if let Some(view) = optional_string(root, "view")? {
        state.view =
            View::from_id(view).ok_or_else(|| tr!(Msg::FileUnknownView, value = short(view)))?;
    }
    if let Some(lang) = optional_string(root, "lang")? {
        state.lang = Some(crate::i18n::Lang::from_tag(lang).unwrap_or_else(|| {
            notices.push(tr!(Msg::LangUnknown, value = format!("'{}'", short(lang))));
            crate::i18n::Lang::En
        }));
    }
    match get(root, "reference") {
        None | Some(Json::Null) => {}
        Some(Json::Object(reference)) => {
            let first = read_reference(reference, tr!(Msg::NoticeWhose1), &mut notices)?;
            state.references.push(first);
        }
        Some(_) => return Err(tr!(Msg::FileMustObject, field = "reference")),
    }
    match get(root, "more_references") {
        None | Some(Json::Null) => {}
        Some(Json::Array(more)) => {
            for item in more {
                let Json::Object(reference) = item else {
                    return Err(tr!(Msg::FileEachObject).to_string());
                };
                let pinned = read_reference(reference, tr!(Msg::NoticeWhose1), &mut notices)?;
                if state.references.len() < MAX_REFERENCES {
                    state.references.push(pinned);
                } else {
                    notices.push(tr!(Msg::FileTooMany, max = MAX_REFERENCES.to_string()));
                    break;
                }
            }
        }
        Some(_) => return Err(tr!(Msg::FileMustArray).to_string()),
    }
    state.monte_carlo = match get(root, "monte_carlo") {
        None | Some(Json::Null) => None,
        Some(Json::Object(run)) => Some(read_monte_carlo(run)?),
        Some(_) => return Err(tr!(Msg::FileMustObject, field = "monte_carlo")),
    };
    state.target = match get(root, "target") {
        None | Some(Json::Null) => None,
        Some(value @ Json::Number(number)) => match number.as_f64() {
            target if (0.0..=1.0).contains(&target) => Some(target),
            _ => return Err(tr!(Msg::FileTargetRange, value = value.to_compact())),
        },
        Some(_) => return Err(tr!(Msg::FileMustNumber, field = "target")),
    };
    state.target_year = match get(root, "target_year") {
        None | Some(Json::Null) => TARGET_YEAR,
        Some(year) => year
            .as_u64()
            .filter(|year| (u64::from(TARGET_YEAR_MIN)..=u64::from(TARGET_YEAR_MAX)).contains(year))
            .and_then(|year| u16::try_from(year).ok())
            .ok_or_else(|| {
                tr!(
                    Msg::FileTargetYear,
                    min = TARGET_YEAR_MIN.to_string(),
                    max = TARGET_YEAR_MAX.to_string(),
                    value = short(&year.to_compact())
                )
            })?,
    };
    if let Some(region) = optional_string(root, "fan_region")? {
        state.fan_region = Region::from_id(region).ok_or_else(|| {
            tr!(
                Msg::FileUnknownRegion,
                value = short(region),
                valid = crate::url::valid_region_ids()
            )
        })?;
    }
    Ok((state, notices))
}

/// The string at `key`, if present; an error if it is not a string.
fn optional_string<'a>(object: &'a [(String, Json)], key: &str) -> Result<Option<&'a str>, String> {
    match get(object, key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(text)) => Ok(Some(text)),
        Some(_) => Err(tr!(Msg::FileMustString, field = key)),
    }
}

/// The preset named in `object`, the baseline if none is named or the name is unknown.
fn read_preset(
    object: &[(String, Json)],
    whose: &str,
    notices: &mut Vec<String>,
) -> Result<&'static Preset, String> {
    let baseline = &crate::scenario::PRESETS[0];
    Ok(match optional_string(object, "preset")? {
        None => baseline,
        Some(id) => Preset::find(id).unwrap_or_else(|| {
            notices.push(tr!(
                Msg::FileUnknownPreset,
                whose = whose,
                value = short(id),
                baseline = baseline.reader_title()
            ));
            baseline
        }),
    })
}

/// The scenario in `object["parameters"]`; missing keys take the preset's value.
/// A pinned reference: its preset, parameters and optional name.
fn read_reference(
    object: &[(String, Json)],
    whose: &str,
    notices: &mut Vec<String>,
) -> Result<Reference, String> {
    let preset = read_preset(object, whose, notices)?;
    let scenario = read_scenario(object, preset, whose, notices)?;
    let (name, changed) = clean_name(optional_string(object, "name")?.unwrap_or_default());
    if changed {
        notices.push(tr!(
            Msg::FileNameCleaned,
            max = MAX_NAME.to_string(),
            name = name
        ));
    }
    Ok(Reference { scenario, name })
}

fn read_scenario(
    object: &[(String, Json)],
    preset: &Preset,
    whose: &str,
    notices: &mut Vec<String>,
) -> Result<Scenario, String> {
    let mut scenario = preset.scenario();
    let parameters = match get(object, "parameters") {
        Some(Json::Object(parameters)) => parameters,
        None => {
            notices.push(tr!(Msg::FileNoParameters, whose = whose));
            return Ok(scenario);
        }
        Some(_) => return Err(tr!(Msg::FileParametersType, whose = whose)),
    };
    for (key, value) in parameters {
        let (param, number) = match checked(key, value.as_f64()) {
            Ok(checked) => checked,
            Err(Invalid::UnknownKey) => {
                notices.push(tr!(
                    Msg::FileUnknownParameter,
                    whose = whose,
                    key = short(key)
                ));
                continue;
            }
            Err(Invalid::NotANumber(param)) => {
                return Err(range_error(
                    Msg::FileParameterNan,
                    whose,
                    param,
                    short(&value.to_compact()),
                ))
            }
            Err(Invalid::OutOfRange(param, number)) => {
                return Err(range_error(
                    Msg::FileParameterRange,
                    whose,
                    param,
                    crate::text::shortest(number),
                ))
            }
        };
        scenario.set(param, number);
    }
    let missing: Vec<&str> = PARAMS
        .iter()
        .filter(|spec| get(parameters, spec.key).is_none())
        .map(|spec| spec.key)
        .collect();
    if !missing.is_empty() {
        notices.push(tr!(
            Msg::FileMissing,
            whose = whose,
            keys = missing.join(", ")
        ));
    }
    Ok(scenario)
}

/// Why the file's value of `param` (`value`, as written) cannot be used: `msg` with its range.
fn range_error(msg: Msg, whose: &str, param: crate::params::Param, value: String) -> String {
    let spec = param.spec();
    tr!(
        dyn msg,
        whose = whose,
        key = param.key(),
        min = crate::text::shortest(spec.min),
        max = crate::text::shortest(spec.max),
        value = value
    )
}

/// The Monte Carlo settings in `run`, checked.
fn read_monte_carlo(run: &[(String, Json)]) -> Result<MonteCarloSettings, String> {
    let samples = get(run, "samples")
        .and_then(Json::as_u64)
        .filter(|samples| {
            (u64::from(MIN_CHOSEN_SAMPLES)..=u64::from(MAX_SAMPLES)).contains(samples)
        })
        .and_then(|samples| u32::try_from(samples).ok())
        .ok_or_else(|| {
            tr!(
                Msg::FileSamples,
                min = MIN_CHOSEN_SAMPLES.to_string(),
                max = MAX_SAMPLES.to_string()
            )
        })?;
    let seed = match get(run, "seed") {
        None => DEFAULT_SEED,
        Some(seed) => seed
            .as_u64()
            .ok_or_else(|| tr!(Msg::FileSeed, max = u64::MAX.to_string()))?,
    };
    let sampling = match get(run, "sampling") {
        None | Some(Json::Null) => Some(Sampling::default()),
        Some(Json::String(id)) => Sampling::from_id(id),
        Some(_) => None,
    }
    .ok_or(tr!(Msg::FileSampling))?;
    Ok(MonteCarloSettings {
        samples,
        seed,
        sampling,
    })
}

/// `text` shortened for a message.
fn short(text: &str) -> String {
    const MAX: usize = 40;
    let mut shown: String = text
        .chars()
        .take(MAX)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if text.chars().count() > MAX {
        shown.push('…');
    }
    shown
}
