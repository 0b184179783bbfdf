//! Tests of the scenario file: exact round trip, strict refusal of bad files with clear messages, and fuzzing.

use proptest::prelude::*;
use ree_outlook::analysis::Sampling;
use ree_outlook::params::{Param, PARAMS, PARAM_COUNT};
use ree_outlook::projection::TARGET_YEAR;
use ree_outlook::provenance::Made;
use ree_outlook::scenario::{Preset, PRESETS};
use ree_outlook::scenario_file::{
    scenario_from_json, scenario_to_json, scenario_to_json_made, MAX_FILE_LEN,
};
use ree_outlook::state::{Product, Reference, Shown, MAX_REFERENCES};
use ree_outlook::url::{
    LinkState, MonteCarloLink, View, MC_MAX_SAMPLES, MC_MIN_SAMPLES, TARGET_YEAR_MAX,
    TARGET_YEAR_MIN,
};
use ree_outlook::{Region, Stage};

fn values_strategy() -> impl Strategy<Value = Vec<f64>> {
    PARAMS
        .iter()
        .map(|spec| {
            prop_oneof![
                1 => Just(spec.min),
                1 => Just(spec.max),
                1 => Just(spec.default),
                4 => spec.min..=spec.max,
            ]
        })
        .collect::<Vec<_>>()
}

fn state_strategy() -> impl Strategy<Value = LinkState> {
    (
        0..PRESETS.len(),
        values_strategy(),
        0..Shown::ALL.len(),
        any::<bool>(),
        proptest::collection::vec(
            (values_strategy(), proptest::option::of("[^\\p{Cc}]{0,40}")),
            0..=MAX_REFERENCES,
        ),
        proptest::option::of((
            MC_MIN_SAMPLES..=MC_MAX_SAMPLES,
            any::<u64>(),
            proptest::sample::select(Sampling::ALL.to_vec()),
        )),
        proptest::option::of(0.0..=1.0f64),
        (TARGET_YEAR_MIN..=TARGET_YEAR_MAX, 0..Region::ALL.len()),
    )
        .prop_map(
            |(preset, values, stage, table, reference, run, target, (year, region))| {
                let mut state = LinkState::from_preset(&PRESETS[preset]);
                for (spec, value) in PARAMS.iter().zip(&values) {
                    state.scenario.set(spec.param, *value);
                }
                state.show(Shown::ALL[stage]);
                state.view = if table { View::Table } else { View::Charts };
                state.references = reference
                    .into_iter()
                    .map(|(values, name)| {
                        let mut scenario = state.scenario;
                        for (spec, value) in PARAMS.iter().zip(&values) {
                            scenario.set(spec.param, *value);
                        }
                        Reference {
                            scenario,
                            name: name.map(|name| name.trim().to_string()).unwrap_or_default(),
                        }
                    })
                    .collect();
                state.monte_carlo = run.map(|(samples, seed, sampling)| MonteCarloLink {
                    samples,
                    seed,
                    sampling,
                });
                state.target = target;
                state.target_year = year;
                state.fan_region = Region::ALL[region];
                state
            },
        )
}

fn load(text: &str) -> Result<LinkState, String> {
    scenario_from_json(text).map(|(state, _)| state)
}

fn error_of(text: &str) -> String {
    match scenario_from_json(text) {
        Ok((state, notices)) => panic!("accepted {text}: {state:?} {notices:?}"),
        Err(message) => message,
    }
}

fn file_with(parameters: &str) -> String {
    format!(
        r#"{{"format":"ree-outlook-scenario","version":1,"preset":"baseline","parameters":{parameters}}}"#
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_written_file_loads_back_bit_for_bit(state in state_strategy()) {
        let text = scenario_to_json(&state);
        prop_assert!(text.len() < MAX_FILE_LEN);
        let (loaded, notices) = match scenario_from_json(&text) {
            Ok(loaded) => loaded,
            Err(message) => return Err(TestCaseError::fail(message)),
        };
        prop_assert!(notices.is_empty(), "{:?}", notices);
        prop_assert_eq!(&loaded, &state);
        for (a, b) in loaded.scenario.values().iter().zip(state.scenario.values().iter()) {
            prop_assert_eq!(a.to_bits(), b.to_bits());
        }
    }

    /// Where and when the file was made changes nothing it loads: the same state, no notice; and
    /// the file is the plain one with three fields more, last.
    #[test]
    fn a_file_with_its_provenance_loads_back_the_same(state in state_strategy(), date in "[0-9-]{0,10}", quirk in "[\"\\\\ é\n]{0,3}") {
        let link = format!("https://example.org/ree/#{}{quirk}", ree_outlook::url::encode(&state));
        let made = Made::new(&quirk, 2, link.clone(), date.clone());
        let text = scenario_to_json_made(&state, &made);
        let (loaded, notices) = match scenario_from_json(&text) {
            Ok(loaded) => loaded,
            Err(message) => return Err(TestCaseError::fail(message)),
        };
        prop_assert!(notices.is_empty(), "{:?}", notices);
        prop_assert_eq!(&loaded, &state);
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let plain: serde_json::Value = serde_json::from_str(&scenario_to_json(&state)).unwrap_or_default();
        let fields = value.as_object_mut().map(|fields| {
            ["link", "made", "sources"].map(|key| fields.remove(key).unwrap_or_default())
        });
        prop_assert_eq!(fields, Some([serde_json::json!(link), serde_json::json!(date), serde_json::json!("sources.txt")]));
        prop_assert_eq!(value, plain);
        let last: Vec<&str> = text.lines().rev().take(4).collect();
        prop_assert!(last[1].starts_with("  \"sources\": ") && last[2].starts_with("  \"made\": ") && last[3].starts_with("  \"link\": "), "{}", text);
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = scenario_from_json(&text);
    }

    #[test]
    fn json_shaped_text_never_panics_and_what_loads_is_in_range(
        entries in proptest::collection::vec(
            (proptest::sample::select(PARAMS.iter().map(|spec| spec.key).collect::<Vec<_>>()),
             prop_oneof![any::<f64>().prop_map(|v| v.to_string()), Just("\"x\"".to_string()), Just("null".to_string()), Just("[1]".to_string()), (-3000.0..3000.0f64).prop_map(|v| v.to_string())]),
            0..PARAM_COUNT),
        preset in "[a-z-]{0,12}",
    ) {
        let parameters: Vec<String> = entries.iter().map(|(key, value)| format!("\"{key}\":{value}")).collect();
        let text = format!(r#"{{"preset":"{preset}","parameters":{{{}}}}}"#, parameters.join(","));
        if let Ok((state, _)) = scenario_from_json(&text) {
            prop_assert!(Preset::find(&state.preset).is_some());
            for (spec, value) in state.scenario.iter() {
                prop_assert!(spec.contains(value), "{} {}", spec.key, value);
            }
        }
    }
}

#[test]
fn the_file_names_format_version_preset_and_every_parameter() {
    let state = LinkState::from_preset(&PRESETS[3]);
    let text = scenario_to_json(&state);
    assert!(
        text.contains("\"format\": \"ree-outlook-scenario\""),
        "{text}"
    );
    assert!(text.contains("\"version\": 1"));
    assert!(text.contains("\"preset\": \"skeptic\""));
    for spec in PARAMS.iter() {
        assert!(
            text.contains(&format!("\"{}\": ", spec.key)),
            "{}",
            spec.key
        );
    }
}

#[test]
fn malformed_files_are_refused_with_a_clear_message() {
    assert!(error_of("{not json").contains("not valid JSON"));
    assert!(error_of("").contains("not valid JSON"));
    assert!(error_of("[1,2]").contains("must be a JSON object"));
    assert!(error_of(r#"{"format":"something-else"}"#)
        .contains("not a Rare-Earth Outlook scenario file"));
    assert!(error_of(r#"{"version":"one"}"#).contains("'version' must be a whole number"));
    assert!(error_of(r#"{"parameters":[1]}"#).contains("'parameters' must be an object"));
    assert!(error_of(r#"{"stage":"refining"}"#).contains("Unknown stage 'refining'"));
    assert!(
        error_of(r#"{"stage":"separation_medium"}"#).contains("separation_light, separation_heavy")
    );
    assert!(error_of(r#"{"stage":3}"#).contains("'stage' must be a string"));
    assert!(error_of(r#"{"view":"3d"}"#).contains("Unknown view"));
    assert!(error_of(r#"{"target":2}"#).contains("'target' must be a share between 0 and 1"));
    assert!(error_of(r#"{"monte_carlo":{"samples":3}}"#).contains("between 10 and 100000"));
    assert!(error_of(r#"{"monte_carlo":{"samples":100,"seed":-4}}"#).contains("'monte_carlo.seed'"));
    for sampling in ["\"wide\"", "1"] {
        assert_eq!(
            error_of(&format!(
                r#"{{"monte_carlo":{{"samples":100,"sampling":{sampling}}}}}"#
            )),
            "'monte_carlo.sampling' must be \"plausible\" or \"scenario\"."
        );
    }
    assert!(error_of(r#"{"reference":5}"#).contains("'reference' must be an object"));
    assert_eq!(
        error_of(r#"{"target_year":2060}"#),
        "'target_year' must be a whole year from 2024 to 2050 (the file has 2060)."
    );
    assert!(error_of(r#"{"target_year":2030.5}"#).contains("'target_year' must be a whole year"));
    assert!(error_of(r#"{"target_year":"2035"}"#).contains("'target_year' must be a whole year"));
    assert_eq!(
        error_of(r#"{"fan_region":"atlantis"}"#),
        "Unknown fan chart region 'atlantis' (valid: china, russia, united_states, australia, myanmar, malaysia, eu, other)."
    );
    assert!(error_of(r#"{"fan_region":7}"#).contains("'fan_region' must be a string"));
}

#[test]
fn target_year_and_fan_region_are_written_only_when_chosen() {
    let mut state = LinkState::from_preset(&PRESETS[0]);
    let text = scenario_to_json(&state);
    assert!(
        !text.contains("target_year") && !text.contains("fan_region"),
        "{text}"
    );
    state.target_year = 2035;
    state.fan_region = Region::China;
    let text = scenario_to_json(&state);
    assert!(text.contains("\"target_year\": 2035"), "{text}");
    assert!(text.contains("\"fan_region\": \"china\""), "{text}");
    assert_eq!(load(&text), Ok(state));
    let old = load(r#"{"preset":"baseline"}"#);
    assert_eq!(
        old.map(|state| (state.target_year, state.fan_region)),
        Ok((TARGET_YEAR, Region::Russia))
    );
}

#[test]
fn a_wrong_type_names_the_key_and_range() {
    assert_eq!(
        error_of(&file_with(r#"{"sanctions":"high"}"#)),
        "The parameter 'sanctions' must be a number between 0 and 1 (the file has \"high\")."
    );
}

#[test]
fn an_out_of_range_value_is_refused_not_clamped() {
    assert_eq!(
        error_of(&file_with(r#"{"sanctions":2.5}"#)),
        "The parameter 'sanctions' must be between 0 and 1 (the file has 2.5)."
    );
    assert!(error_of(r#"{"reference":{"parameters":{"horizon":2100}}}"#)
        .contains("The reference parameter 'horizon' must be between 2030 and 2050"));
    assert!(error_of(&file_with(r#"{"sanctions":1e999}"#)).contains("not valid JSON"));
}

#[test]
fn too_large_files_are_refused() {
    let text = file_with(&format!("{{}}{}", " ".repeat(MAX_FILE_LEN)));
    assert!(error_of(&text).contains("scenario files are at most 64 KB"));
}

#[test]
fn harmless_oddities_load_with_notices() {
    let (state, notices) = match scenario_from_json(
        r#"{"version":7,"preset":"skeptic","parameters":{"sanctions":0.25,"zz":1},"colour":"red"}"#,
    ) {
        Ok(loaded) => loaded,
        Err(message) => panic!("{message}"),
    };
    assert_eq!(state.preset, "skeptic");
    assert_eq!(state.scenario.get(Param::Sanctions), 0.25);
    assert_eq!(
        state.scenario.get(Param::RuRampYears),
        PRESETS[3].scenario().get(Param::RuRampYears)
    );
    let all = notices.join("\n");
    assert!(all.contains("does not say it is a"), "{all}");
    assert!(all.contains("newer version"), "{all}");
    assert!(all.contains("Ignored unknown field 'colour'"), "{all}");
    assert!(all.contains("Ignored unknown parameter 'zz'"), "{all}");
    assert!(all.contains("does not set ru_plan_share,"), "{all}");
}

#[test]
fn an_unknown_preset_keeps_the_file_values() {
    let mut text = scenario_to_json(&LinkState::from_preset(&PRESETS[3]));
    text = text.replace("\"skeptic\"", "\"gone\"");
    let (state, notices) = match scenario_from_json(&text) {
        Ok(loaded) => loaded,
        Err(message) => panic!("{message}"),
    };
    assert_eq!(state.preset, "baseline");
    assert_eq!(state.scenario, PRESETS[3].scenario());
    assert_eq!(notices.len(), 1);
    assert!(notices[0].starts_with("Unknown preset 'gone'"));
    assert!(load("{}").is_ok());
}

#[test]
fn the_provenance_comes_last_and_its_values_are_not_read() {
    let state = LinkState::from_preset(&PRESETS[3]);
    let made = Made::new(
        "Supply-chain skeptic",
        0,
        "https://example.org/ree/#v=1&p=skeptic&st=separation&d=2025.1".to_string(),
        "2026-11-30".to_string(),
    );
    let text = scenario_to_json_made(&state, &made);
    assert!(
        text.ends_with(
            "\n  \"link\": \"https://example.org/ree/#v=1&p=skeptic&st=separation&d=2025.1\",\n  \"made\": \"2026-11-30\",\n  \"sources\": \"sources.txt\"\n}"
        ),
        "{text}"
    );
    assert!(text.contains(&format!(
        "\n  \"data_version\": \"{}\",\n",
        ree_outlook::data::DATA_VERSION
    )));
    // The settings are the scenario: a link or date of any kind (even another scenario's) is not read.
    let odd = text
        .replace("\"2026-11-30\",", "7,")
        .replace("#v=1&p=skeptic", "#v=1&p=baseline");
    assert_eq!(
        scenario_from_json(&odd).map(|(loaded, notices)| (loaded == state, notices)),
        Ok((true, Vec::new()))
    );
    // A file without them, as every file before them, loads the same.
    assert_eq!(
        scenario_from_json(&scenario_to_json(&state))
            .map(|(loaded, notices)| (loaded, notices.len())),
        Ok((state, 0))
    );
}

#[test]
fn files_carry_the_data_version_and_older_files_say_the_data_changed() {
    let written = scenario_to_json(&LinkState::default());
    assert!(
        written.contains(&format!(
            "\"data_version\": \"{}\"",
            ree_outlook::data::DATA_VERSION
        )),
        "{written}"
    );
    let notices_of = |text: &str| match scenario_from_json(text) {
        Ok((_, notices)) => notices,
        Err(message) => panic!("{message}"),
    };
    assert!(notices_of(&written).is_empty());
    // A file from before versions were written: same settings on the current data, with a note.
    let old = notices_of(&file_with(r#"{"sanctions":0.25}"#)).join("\n");
    assert!(
        old.contains("This file was made with the 2024.1 data")
            && old.contains("method.html#data-changes"),
        "{old}"
    );
    assert_eq!(
        load(&file_with(r#"{"sanctions":0.25}"#)).map(|state| state.scenario.get(Param::Sanctions)),
        Ok(0.25)
    );
    let wrong = error_of(
        r#"{"format":"ree-outlook-scenario","data_version":7,"preset":"baseline","parameters":{}}"#,
    );
    assert!(wrong.contains("'data_version' must be a string"), "{wrong}");
}

/// The file as the serde-derived writer of earlier versions wrote it (plus `data_version`): the
/// hand-built writer that replaced it, so that the page carries no serde_json, must match it byte for byte.
#[derive(serde::Serialize)]
struct SerdeFile<'a> {
    format: &'static str,
    version: u64,
    data_version: &'static str,
    preset: &'a str,
    stage: &'static str,
    view: &'static str,
    parameters: &'a ree_outlook::Scenario,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference: Option<SerdeReference<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    more_references: Vec<SerdeReference<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    monte_carlo: Option<SerdeRun>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target_year: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fan_region: Option<&'static str>,
}

#[derive(serde::Serialize)]
struct SerdeReference<'a> {
    preset: &'static str,
    parameters: &'a ree_outlook::Scenario,
    #[serde(skip_serializing_if = "str::is_empty")]
    name: &'a str,
}

fn serde_reference(reference: &Reference) -> SerdeReference<'_> {
    SerdeReference {
        preset: PRESETS
            .iter()
            .min_by_key(|preset| reference.scenario.differences(&preset.scenario()).len())
            .map_or("baseline", |preset| preset.id),
        parameters: &reference.scenario,
        name: &reference.name,
    }
}

#[derive(serde::Serialize)]
struct SerdeRun {
    samples: u32,
    seed: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    sampling: Option<&'static str>,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_writer_matches_serde_json_byte_for_byte(state in state_strategy()) {
        let expected = serde_json::to_string_pretty(&SerdeFile {
            format: "ree-outlook-scenario",
            version: 1,
            data_version: ree_outlook::data::DATA_VERSION,
            preset: state.preset().id,
            stage: state.shown().id(),
            view: state.view.id(),
            parameters: &state.scenario,
            reference: state.references.first().map(serde_reference),
            more_references: state.references.iter().skip(1).map(serde_reference).collect(),
            monte_carlo: state.monte_carlo.map(|run| SerdeRun {
                samples: run.samples,
                seed: run.seed,
                sampling: (run.sampling != Sampling::Plausible).then(|| run.sampling.id()),
            }),
            target: state.target,
            target_year: (state.target_year != TARGET_YEAR).then_some(state.target_year),
            fan_region: (state.fan_region != Region::Russia).then(|| state.fan_region.id()),
        });
        prop_assert!(expected.is_ok());
        prop_assert_eq!(scenario_to_json(&state), expected.unwrap_or_default());
    }
}

#[test]
fn a_file_with_many_oddities_lists_twelve_and_counts_the_rest() {
    let fields: Vec<String> = (0..20)
        .map(|index| format!(r#""extra{index:02}":1"#))
        .collect();
    let text = format!(
        r#"{{"format":"ree-outlook-scenario","version":1,"preset":"skeptic",{}}}"#,
        fields.join(",")
    );
    let (state, notices) = match scenario_from_json(&text) {
        Ok(loaded) => loaded,
        Err(message) => panic!("{message}"),
    };
    assert_eq!(state.preset, "skeptic");
    assert_eq!(notices.len(), 13, "{notices:#?}");
    assert!(notices[0].contains("'extra00'"), "{notices:#?}");
    // Twenty unknown fields, no parameters and no data version: 22 notices, 12 shown.
    assert_eq!(notices[12], "10 more problems with this file were ignored.");
}

#[test]
fn repeated_fields_are_named_once_each() {
    let text = r#"{"format":"ree-outlook-scenario","version":1,"preset":"baseline","preset":"skeptic",
        "parameters":{"sanctions":0.2,"sanctions":0.3,"sanctions":0.4},"reference":{"parameters":{"sanctions":0.5}},
        "note":"a \"preset\": here", "list":[{"x":1},{"x":2}]}"#;
    let (state, notices) = match scenario_from_json(text) {
        Ok(loaded) => loaded,
        Err(message) => panic!("{message}"),
    };
    assert_eq!(state.preset, "skeptic", "the last value wins");
    assert_eq!(state.scenario.get(Param::Sanctions), 0.4);
    let repeated: Vec<&String> = notices
        .iter()
        .filter(|notice| notice.contains("appears more than once"))
        .collect();
    assert_eq!(repeated.len(), 2, "{notices:#?}");
    assert!(
        repeated[0].contains("'preset'") && repeated[1].contains("'sanctions'"),
        "{repeated:?}"
    );
}

#[test]
fn the_sampling_mode_is_kept_in_the_file_and_old_files_keep_the_plausible_ranges() {
    let old = load(r#"{"preset":"kremlin-12","monte_carlo":{"samples":1000,"seed":1}}"#);
    assert_eq!(
        old.map(|state| state.monte_carlo.map(|run| run.sampling)),
        Ok(Some(Sampling::Plausible))
    );
    let mut state = LinkState::from_preset(Preset::find("kremlin-12").unwrap_or(&PRESETS[0]));
    state.monte_carlo = Some(MonteCarloLink {
        sampling: Sampling::Scenario,
        ..MonteCarloLink::default()
    });
    let text = scenario_to_json(&state);
    assert!(text.contains("\"sampling\": \"scenario\""), "{text}");
    assert_eq!(load(&text), Ok(state));
}

#[test]
fn a_file_carries_the_product_of_separation_shown_and_old_files_keep_their_stage() {
    for product in [Product::Light, Product::Heavy] {
        let mut state = LinkState::default();
        state.show(Shown::Product(product));
        let text = scenario_to_json(&state);
        assert!(
            text.contains(&format!("\"stage\": \"{}\"", Shown::Product(product).id())),
            "{text}"
        );
        assert_eq!(load(&text), Ok(state));
    }
    let magnets = load(r#"{"stage":"magnets"}"#);
    assert_eq!(
        magnets.map(|state| (state.stage, state.product)),
        Ok((Stage::Magnets, None))
    );
}

#[test]
fn files_keep_the_first_reference_under_reference_and_old_files_open() {
    let mut state = LinkState::from_preset(&PRESETS[0]);
    for (index, id) in ["skeptic", "price-war", "baseline"].into_iter().enumerate() {
        let preset = Preset::find(id).map(Preset::scenario).unwrap_or_default();
        state.references.push(Reference {
            scenario: preset,
            name: if index == 1 {
                "Ours \"quoted\"".to_string()
            } else {
                String::new()
            },
        });
    }
    let text = scenario_to_json(&state);
    assert!(
        text.contains("\"more_references\"") && text.contains("\"name\": \"Ours \\\"quoted\\\"\"")
    );
    let loaded = scenario_from_json(&text).map(|(loaded, _)| loaded);
    assert_eq!(
        loaded.as_ref().map(|loaded| &loaded.references),
        Ok(&state.references)
    );
    // A file of the single-reference days.
    let old = r#"{"format":"ree-outlook-scenario","version":1,"data_version":"2025.1","preset":"baseline","parameters":{},"reference":{"preset":"skeptic","parameters":{}}}"#;
    let old = scenario_from_json(old).map(|(loaded, _)| loaded.references);
    assert_eq!(old.as_ref().map(Vec::len), Ok(1));
    assert_eq!(
        old.map(|refs| refs[0].label(0)),
        Ok("Supply-chain skeptic (dashed)".to_string())
    );
}
