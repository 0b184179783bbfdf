//! Tests of the link codec: round trip, golden links that pin format 1, bad input of every kind, and fuzzing.

use proptest::prelude::*;
use ree_outlook::analysis::Sampling;
use ree_outlook::chart::ChartKind;
use ree_outlook::data::DATA_VERSION;
use ree_outlook::params::{Param, PARAMS, PARAM_COUNT};
use ree_outlook::projection::TARGET_YEAR;
use ree_outlook::scenario::{Preset, Scenario, PRESETS};
use ree_outlook::state::{Product, Reference, Shown, MAX_REFERENCES};
use ree_outlook::url::DATA_CHANGES;
use ree_outlook::url::{
    decode, encode, Decoded, LinkState, MonteCarloLink, View, MAX_LINK_LEN, MC_MAX_SAMPLES,
    MC_MIN_SAMPLES, TARGET_YEAR_MAX, TARGET_YEAR_MIN,
};
use ree_outlook::{simulate, Region, Stage};

/// The one check every decoded state must pass: a valid preset and every value in range.
fn assert_in_range(decoded: &Decoded) {
    let state = &decoded.state;
    assert!(Preset::find(&state.preset).is_some(), "{}", state.preset);
    let mut scenarios = vec![&state.scenario];
    scenarios.extend(state.references.iter().map(|reference| &reference.scenario));
    for scenario in scenarios {
        for (spec, value) in scenario.iter() {
            assert!(spec.contains(value), "{} = {value}", spec.key);
        }
    }
    if let Some(run) = state.monte_carlo {
        assert!((MC_MIN_SAMPLES..=MC_MAX_SAMPLES).contains(&run.samples));
    }
    if let Some(target) = state.target {
        assert!((0.0..=1.0).contains(&target));
    }
    assert!((TARGET_YEAR_MIN..=TARGET_YEAR_MAX).contains(&state.target_year));
    for notice in &decoded.notices {
        assert!(!notice.is_empty() && notice.len() < 600, "{notice}");
    }
}

fn notices_of(link: &str) -> Vec<String> {
    let decoded = decode(link);
    assert_in_range(&decoded);
    decoded.notices
}

fn one_notice(link: &str) -> String {
    let notices = notices_of(link);
    assert_eq!(notices.len(), 1, "{link}: {notices:?}");
    notices[0].clone()
}

fn preset_state(id: &str) -> LinkState {
    match Preset::find(id) {
        Some(preset) => LinkState::from_preset(preset),
        None => panic!("no preset {id}"),
    }
}

// ---------------------------------------------------------------- golden links

/// One pinned link: the exact text and what it must decode to, forever.
struct Golden {
    link: &'static str,
    preset: &'static str,
    values: &'static [(&'static str, f64)],
    stage: Stage,
    view: View,
    reference: Option<(&'static str, &'static [(&'static str, f64)])>,
    monte_carlo: Option<(u32, u64)>,
    target: Option<f64>,
}

/// Links written by format 1. Values not listed are the preset's, so a deliberate
/// change to a preset moves old links with it; a renamed key or preset id fails here.
const GOLDEN: &[Golden] = &[
    Golden {
        link: "v=1&p=baseline&st=separation",
        preset: "baseline",
        values: &[],
        stage: Stage::Separation,
        view: View::Charts,
        reference: None,
        monte_carlo: None,
        target: None,
    },
    Golden {
        link: "v=1&p=skeptic&sanctions=0.9&st=mining",
        preset: "skeptic",
        values: &[("sanctions", 0.9)],
        stage: Stage::Mining,
        view: View::Charts,
        reference: None,
        monte_carlo: None,
        target: None,
    },
    Golden {
        link: "v=1&p=kremlin-12&ru_reserves_mt=28.7&demand_growth=0.075&st=magnets&vw=table",
        preset: "kremlin-12",
        values: &[("ru_reserves_mt", 28.7), ("demand_growth", 0.075)],
        stage: Stage::Magnets,
        view: View::Table,
        reference: None,
        monte_carlo: None,
        target: None,
    },
    Golden {
        link: "v=1&p=baseline&ru_plan_share=0.12&ru_first_plant=2031&cn_refining_share=0.88&allied_slip=0&horizon=2050&st=separation",
        preset: "baseline",
        values: &[
            ("ru_plan_share", 0.12),
            ("ru_first_plant", 2031.0),
            ("cn_refining_share", 0.88),
            ("allied_slip", 0.0),
            ("horizon", 2050.0),
        ],
        stage: Stage::Separation,
        view: View::Charts,
        reference: None,
        monte_carlo: None,
        target: None,
    },
    Golden {
        link: "v=1&p=price-war&cn_export_controls=0.55&st=separation&r.p=skeptic&r.allied_buildout=1.5&mc=1000&seed=42&tg=0.12",
        preset: "price-war",
        values: &[("cn_export_controls", 0.55)],
        stage: Stage::Separation,
        view: View::Charts,
        reference: Some(("skeptic", &[("allied_buildout", 1.5)])),
        monte_carlo: Some((1000, 42)),
        target: Some(0.12),
    },
    Golden {
        link: "v=1&p=sanctions-lifted&demand_growth=0.0275&st=separation&r.p=baseline",
        preset: "sanctions-lifted",
        values: &[("demand_growth", 0.0275)],
        stage: Stage::Separation,
        view: View::Charts,
        reference: Some(("baseline", &[])),
        monte_carlo: None,
        target: None,
    },
];

fn scenario_of(preset: &str, values: &[(&str, f64)]) -> Scenario {
    let mut scenario = match Preset::find(preset) {
        Some(preset) => preset.scenario(),
        None => panic!("golden preset {preset} no longer exists"),
    };
    for (key, value) in values {
        match Param::from_key(key) {
            Some(param) => scenario.set(param, *value),
            None => panic!("golden key {key} no longer exists"),
        }
    }
    scenario
}

#[test]
fn golden_links_decode_to_their_pinned_state_and_encode_back_verbatim() {
    for golden in GOLDEN {
        let decoded = decode(golden.link);
        assert!(
            decoded.notices.is_empty(),
            "{}: {:?}",
            golden.link,
            decoded.notices
        );
        let expected = LinkState {
            preset: golden.preset.to_string(),
            scenario: scenario_of(golden.preset, golden.values),
            stage: golden.stage,
            product: None,
            view: golden.view,
            references: golden
                .reference
                .map(|(preset, values)| Reference::new(scenario_of(preset, values)))
                .into_iter()
                .collect(),
            monte_carlo: golden.monte_carlo.map(|(samples, seed)| MonteCarloLink {
                samples,
                seed,
                ..MonteCarloLink::default()
            }),
            target: golden.target,
            // Links from before `ty` and `fr` keep the year 2030 and Russia's fan.
            target_year: TARGET_YEAR,
            fan_region: Region::Russia,
            // Links from before `embed` open the whole calculator.
            embed: None,
            // Links from before `lang` open in each reader's language.
            lang: None,
        };
        assert_eq!(decoded.state, expected, "{}", golden.link);
        // Made before links carried the data version: the same settings on the current data,
        // with a note saying so; written back with today's data version appended.
        assert!(
            decoded
                .data_note
                .as_deref()
                .is_some_and(|note| note.contains("2024.1") && note.contains(DATA_CHANGES)),
            "{:?}",
            decoded.data_note
        );
        assert_eq!(
            encode(&expected),
            format!("{}&d={DATA_VERSION}", golden.link)
        );
    }
}

#[test]
fn links_carry_the_data_version_and_old_or_unknown_versions_get_a_note() {
    let link = encode(&LinkState::default());
    assert_eq!(
        link,
        format!("v=1&p=baseline&st=separation&d={DATA_VERSION}")
    );
    let current = decode(&link);
    assert_eq!(current.data_note, None);
    assert!(current.notices.is_empty());
    let old = decode("v=1&p=skeptic&st=separation&d=2024.1");
    assert!(old.data_note.is_some_and(|note| note.contains("2024.1")));
    let unknown = decode("v=1&p=skeptic&st=separation&d=1999.9");
    assert!(unknown
        .data_note
        .is_some_and(|note| note.contains("'1999.9'") && note.contains("does not know")));
    // A page opened with no link at all is not an old link.
    assert_eq!(decode("").data_note, None);
    assert_eq!(decode("https://example.org/ree/").data_note, None);
    // The version never changes the state.
    assert_eq!(old.state, decode("v=1&p=skeptic&st=separation").state);
}

/// Links with the target year (`ty`) and the fan chart's region (`fr`): text, year, region.
const GOLDEN_TARGET_YEAR_AND_FAN: &[(&str, u16, Region)] = &[
    ("v=1&p=baseline&st=separation&ty=2035", 2035, Region::Russia),
    ("v=1&p=baseline&st=separation&fr=china", 2030, Region::China),
    (
        "v=1&p=skeptic&st=magnets&mc=5000&seed=7&tg=0.12&ty=2040&fr=united_states",
        2040,
        Region::UnitedStates,
    ),
    ("v=1&p=baseline&st=mining&ty=2024&fr=eu", 2024, Region::Eu),
    ("v=1&p=baseline&st=separation&ty=2050", 2050, Region::Russia),
];

#[test]
fn the_sampling_mode_travels_as_sm_and_links_without_it_keep_the_plausible_ranges() {
    // Written only when not the default, after the seed.
    let link = "v=1&p=kremlin-12&st=separation&mc=1000&seed=1&sm=scenario";
    let decoded = decode(link);
    assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
    assert_eq!(
        decoded.state.monte_carlo,
        Some(MonteCarloLink {
            sampling: Sampling::Scenario,
            ..MonteCarloLink::default()
        })
    );
    assert_eq!(encode(&decoded.state), format!("{link}&d={DATA_VERSION}"));
    // Every link made before the key keeps the model's plausible ranges.
    for (old, _, _) in GOLDEN_TARGET_YEAR_AND_FAN {
        let run = decode(old).state.monte_carlo;
        assert!(
            run.is_none_or(|run| run.sampling == Sampling::Plausible),
            "{old}"
        );
    }
    // Named alone, it asks for the default run drawn that way; the default named is dropped.
    let alone = decode("v=1&p=kremlin-12&sm=Scenario");
    assert!(alone.notices.is_empty(), "{:?}", alone.notices);
    assert_eq!(alone.state.monte_carlo, decoded.state.monte_carlo);
    assert_eq!(
        decode("v=1&p=kremlin-12&sm=plausible").state.monte_carlo,
        None
    );
    assert_eq!(
        encode(&decode("v=1&p=baseline&mc=200&seed=3&sm=plausible").state),
        format!("v=1&p=baseline&st=separation&mc=200&seed=3&d={DATA_VERSION}")
    );
}

#[test]
fn golden_links_with_target_year_and_fan_region() {
    for (link, year, region) in GOLDEN_TARGET_YEAR_AND_FAN {
        let decoded = decode(link);
        assert!(decoded.notices.is_empty(), "{link}: {:?}", decoded.notices);
        assert_eq!(decoded.state.target_year, *year, "{link}");
        assert_eq!(decoded.state.fan_region, *region, "{link}");
        assert_eq!(encode(&decoded.state), format!("{link}&d={DATA_VERSION}"));
    }
    let decoded = decode(GOLDEN_TARGET_YEAR_AND_FAN[2].0);
    assert_eq!(decoded.state.preset, "skeptic");
    assert_eq!(decoded.state.stage, Stage::Magnets);
    assert_eq!(decoded.state.target, Some(0.12));
    assert_eq!(
        decoded.state.monte_carlo,
        Some(MonteCarloLink {
            samples: 5000,
            seed: 7,
            ..MonteCarloLink::default()
        })
    );
    // The defaults are never written, so a link naming them is shortened on the next encode.
    let decoded = decode("v=1&p=baseline&st=separation&ty=2030&fr=russia");
    assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
    assert_eq!(
        encode(&decoded.state),
        format!("v=1&p=baseline&st=separation&d={DATA_VERSION}")
    );
}

#[test]
fn the_embed_view_travels_as_embed_and_old_links_open_the_whole_calculator() {
    // Written after the fan region, before the data version; every projection chart has its id.
    for (id, chart) in [
        ("share", ChartKind::Share),
        ("russia", ChartKind::Russia),
        ("hhi", ChartKind::Concentration),
        ("gap", ChartKind::SupplyGap),
        ("feed", ChartKind::Feed),
    ] {
        let link = format!("v=1&p=skeptic&st=mining&fr=china&embed={id}");
        let decoded = decode(&link);
        assert!(decoded.notices.is_empty(), "{link}: {:?}", decoded.notices);
        assert_eq!(decoded.state.embed, Some(chart), "{link}");
        assert_eq!(decoded.state.fan_region, Region::China, "{link}");
        assert_eq!(encode(&decoded.state), format!("{link}&d={DATA_VERSION}"));
        // Without the key, the same scenario in the whole calculator.
        let full = LinkState {
            embed: None,
            ..decoded.state
        };
        assert_eq!(
            encode(&full),
            format!("v=1&p=skeptic&st=mining&fr=china&d={DATA_VERSION}")
        );
    }
    assert_eq!(
        decode("v=1&p=baseline&embed=HHI").state.embed,
        Some(ChartKind::Concentration)
    );
    for golden in GOLDEN {
        assert_eq!(decode(golden.link).state.embed, None, "{}", golden.link);
    }
    // An unknown chart, or one that needs the analyses, gives the whole page and a notice.
    for bad in ["pie", "fan", "tornado", ""] {
        let decoded = decode(&format!("v=1&p=baseline&embed={bad}"));
        assert_eq!(decoded.state.embed, None, "{bad}");
        assert_eq!(decoded.state, decode("v=1&p=baseline").state, "{bad}");
    }
    assert_eq!(
        one_notice("embed=pie"),
        "Unknown chart 'pie' to embed; showing the whole calculator (valid: share, russia, hhi, gap, feed)."
    );
    assert!(one_notice("embed=fan").starts_with("Unknown chart 'fan' to embed"));
}

#[test]
fn tiny_values_are_written_with_an_exponent_and_the_link_stays_short() {
    let mut state = LinkState::default();
    for spec in PARAMS.iter().filter(|spec| spec.min == 0.0) {
        state.scenario.set(spec.param, 5e-324);
    }
    let link = encode(&state);
    assert!(link.contains("sanctions=5e-324"), "{link}");
    // 19 of the 32 parameters can be 0, each written as "&key=5e-324".
    assert!(link.len() < 500, "{} characters: {link}", link.len());
    let decoded = decode(&link);
    assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
    assert_eq!(decoded.state, state);
    // Ordinary values keep their plain form, so golden links are unchanged.
    assert_eq!(ree_outlook::url::number_text(0.9), "0.9");
    assert_eq!(ree_outlook::url::number_text(2029.0), "2029");
    assert_eq!(ree_outlook::url::number_text(1e-7), "1e-7");
}

#[test]
fn golden_values_are_bit_exact() {
    let decoded = decode("v=1&p=baseline&cn_refining_share=0.9126885975760574&st=separation");
    assert_eq!(
        decoded.state.scenario.get(Param::CnRefiningShare).to_bits(),
        0.9126885975760574f64.to_bits()
    );
}

// ---------------------------------------------------------------- round trip

/// A value anywhere in the allowed box: the ends, the preset's value, or any double between, and,
/// where zero is allowed, tiny and subnormal values that plain decimals would spell out in full.
fn value_strategy(index: usize) -> BoxedStrategy<Option<f64>> {
    let spec = &PARAMS[index];
    let usual = prop_oneof![
        1 => Just(None),
        1 => Just(Some(spec.min)),
        1 => Just(Some(spec.max)),
        4 => (spec.min..=spec.max).prop_map(Some),
    ];
    if spec.min == 0.0 {
        let max = spec.max;
        prop_oneof![
            7 => usual,
            1 => (1u64..1u64 << 52)
                .prop_map(f64::from_bits)
                .prop_map(move |value| Some(value.min(max))),
        ]
        .boxed()
    } else {
        usual.boxed()
    }
}

fn scenario_strategy() -> impl Strategy<Value = (usize, Vec<Option<f64>>)> {
    let values: Vec<_> = (0..PARAM_COUNT).map(value_strategy).collect();
    (0..PRESETS.len(), values)
}

fn build(preset: usize, values: &[Option<f64>]) -> Scenario {
    let mut scenario = PRESETS[preset].scenario();
    for (index, value) in values.iter().enumerate() {
        if let Some(value) = value {
            scenario.set(PARAMS[index].param, *value);
        }
    }
    scenario
}

fn state_strategy() -> impl Strategy<Value = LinkState> {
    (
        scenario_strategy(),
        0..Shown::ALL.len(),
        any::<bool>(),
        proptest::collection::vec(
            (
                scenario_strategy(),
                proptest::option::of("[^\\p{Cc}]{0,40}"),
            ),
            0..=MAX_REFERENCES,
        ),
        proptest::option::of((
            MC_MIN_SAMPLES..=MC_MAX_SAMPLES,
            any::<u64>(),
            proptest::sample::select(Sampling::ALL.to_vec()),
        )),
        proptest::option::of(0.0..=1.0f64),
        (TARGET_YEAR_MIN..=TARGET_YEAR_MAX, 0..Region::ALL.len()),
        (
            proptest::option::of(proptest::sample::select(ChartKind::PROJECTION.to_vec())),
            proptest::option::of(proptest::sample::select(
                ree_outlook::i18n::Lang::ALL.to_vec(),
            )),
        ),
    )
        .prop_map(
            |(
                (preset, values),
                stage,
                table,
                reference,
                run,
                target,
                (year, region),
                (embed, lang),
            )| {
                LinkState {
                    preset: PRESETS[preset].id.to_string(),
                    scenario: build(preset, &values),
                    stage: Shown::ALL[stage].stage(),
                    product: Shown::ALL[stage].product(),
                    view: if table { View::Table } else { View::Charts },
                    references: reference
                        .into_iter()
                        .map(|((preset, values), name)| Reference {
                            scenario: build(preset, &values),
                            name: name.map(|name| name.trim().to_string()).unwrap_or_default(),
                        })
                        .collect(),
                    monte_carlo: run.map(|(samples, seed, sampling)| MonteCarloLink {
                        samples,
                        seed,
                        sampling,
                    }),
                    target,
                    target_year: year,
                    fan_region: Region::ALL[region],
                    embed,
                    lang,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn decode_of_encode_is_identity(state in state_strategy()) {
        let link = encode(&state);
        prop_assert!(link.len() <= MAX_LINK_LEN);
        let decoded = decode(&link);
        prop_assert!(decoded.notices.is_empty(), "{}: {:?}", link, decoded.notices);
        prop_assert_eq!(&decoded.state, &state);
        for (a, b) in decoded.state.scenario.values().iter().zip(state.scenario.values().iter()) {
            prop_assert_eq!(a.to_bits(), b.to_bits());
        }
        // The same link with a leading '#' or inside a full URL decodes the same.
        prop_assert_eq!(&decode(&format!("#{link}")).state, &state);
        prop_assert_eq!(&decode(&format!("https://example.org/ree/?x=1#{link}")).state, &state);
    }

    #[test]
    fn only_changed_parameters_are_written((preset, values) in scenario_strategy()) {
        let scenario = build(preset, &values);
        let state = LinkState { preset: PRESETS[preset].id.to_string(), scenario, ..LinkState::default() };
        let link = encode(&state);
        let written = link.split('&').count() - 4; // v, p, st, d
        prop_assert_eq!(written, scenario.differences(&PRESETS[preset].scenario()).len());
    }
}

#[test]
fn a_decoded_link_gives_the_same_projection_to_the_last_digit() {
    let mut state = preset_state("skeptic");
    state
        .scenario
        .set(Param::Sanctions, 0.123_456_789_012_345_67);
    state.scenario.set(Param::DemandGrowth, 1.0 / 30.0);
    let decoded = decode(&encode(&state));
    assert_eq!(
        simulate(&decoded.state.scenario).to_csv(),
        simulate(&state.scenario).to_csv()
    );
    assert_eq!(simulate(&decoded.state.scenario), simulate(&state.scenario));
}

// ---------------------------------------------------------------- fuzzing

/// Pieces a link is built from, real and broken, for key=value soups.
fn soup_piece() -> impl Strategy<Value = String> {
    let keys: Vec<String> = PARAMS
        .iter()
        .map(|spec| spec.key.to_string())
        .chain(
            [
                "v",
                "p",
                "st",
                "vw",
                "mc",
                "seed",
                "tg",
                "ty",
                "fr",
                "embed",
                "r.p",
                "r.sanctions",
                "r.horizon",
                "foo",
                "",
            ]
            .map(String::from),
        )
        .collect();
    let values = prop_oneof![
        any::<f64>().prop_map(|value| value.to_string()),
        (-1.0e4..1.0e4f64).prop_map(|value| value.to_string()),
        any::<i64>().prop_map(|value| value.to_string()),
        Just("NaN".to_string()),
        Just("inf".to_string()),
        Just("%".to_string()),
        Just("%E2%82%AC".to_string()),
        Just(String::new()),
        "[a-z0-9%.=#?+-]{0,12}",
        proptest::sample::select(
            PRESETS
                .iter()
                .map(|preset| preset.id.to_string())
                .collect::<Vec<_>>()
        ),
        proptest::sample::select(
            Region::ALL
                .iter()
                .map(|region| region.id().to_string())
                .collect::<Vec<_>>()
        ),
        (2000..2080u16).prop_map(|year| year.to_string()),
        proptest::sample::select(vec![
            "mining".to_string(),
            "separation".to_string(),
            "magnets".to_string(),
            "table".to_string(),
            "share".to_string(),
            "fan".to_string()
        ]),
    ];
    (proptest::sample::select(keys), values, any::<bool>()).prop_map(|(key, value, equals)| {
        if equals {
            format!("{key}={value}")
        } else {
            key
        }
    })
}

/// The fuzz-style properties' settings: 2,000 cases from a fixed seed in `make test`, so a run is
/// repeatable; `make fuzz` (or `REE_FUZZ_CASES`, `REE_FUZZ_SEED`) runs more, from another seed.
fn fuzz_config() -> ProptestConfig {
    let number = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|value| value.parse().ok())
            .unwrap_or(default)
    };
    ProptestConfig {
        cases: u32::try_from(number("REE_FUZZ_CASES", 2000)).unwrap_or(u32::MAX),
        rng_seed: proptest::test_runner::RngSeed::Fixed(number("REE_FUZZ_SEED", 20_261_130)),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(fuzz_config())]

    #[test]
    fn arbitrary_strings_never_panic_and_stay_in_range(text in any::<String>()) {
        assert_in_range(&decode(&text));
    }

    #[test]
    fn link_like_strings_never_panic_and_stay_in_range(text in "[#?]?[a-z0-9_.=&%#?+-]{0,200}") {
        assert_in_range(&decode(&text));
    }

    #[test]
    fn key_value_soups_never_panic_and_stay_in_range(pieces in proptest::collection::vec(soup_piece(), 0..40), hash in any::<bool>()) {
        let link = format!("{}{}", if hash { "#" } else { "" }, pieces.join("&"));
        let decoded = decode(&link);
        assert_in_range(&decoded);
        // A decoded state always re-encodes into a link that decodes cleanly to itself.
        let again = decode(&encode(&decoded.state));
        prop_assert!(again.notices.is_empty(), "{:?}", again.notices);
        prop_assert_eq!(again.state, decoded.state);
    }
}

// ---------------------------------------------------------------- bad input, one kind at a time

#[test]
fn empty_input_is_the_baseline_without_notices() {
    for text in ["", "#", "?", "   ", "&&&", "https://example.org/ree/"] {
        let decoded = decode(text);
        assert_eq!(decoded.state, LinkState::default(), "{text:?}");
        assert!(
            decoded.notices.is_empty(),
            "{text:?}: {:?}",
            decoded.notices
        );
    }
}

#[test]
fn unknown_key_is_ignored_with_a_notice() {
    let decoded = decode("v=1&p=skeptic&foo=3&st=mining");
    assert_eq!(decoded.notices, ["Ignored unknown setting 'foo'."]);
    assert_eq!(decoded.state.preset, "skeptic");
    assert_eq!(decoded.state.stage, Stage::Mining);
}

#[test]
fn malformed_number_keeps_the_preset_value() {
    let decoded = decode("v=1&p=skeptic&sanctions=lots");
    assert_eq!(
        decoded.notices,
        ["The value of Sanctions friction ('lots') is not a number; kept 85%."]
    );
    assert_eq!(decoded.state.scenario, preset_state("skeptic").scenario);
    for bad in ["NaN", "inf", "", "0,5", "1e400"] {
        let notice = one_notice(&format!("sanctions={bad}"));
        assert!(notice.contains("is not a number"), "{bad}: {notice}");
    }
}

#[test]
fn out_of_range_value_is_clamped_with_a_notice_saying_from_what_to_what() {
    let decoded = decode("v=1&p=baseline&sanctions=2.5");
    assert_eq!(
        decoded.notices,
        ["Sanctions friction 250% is out of range; used 100%."]
    );
    assert_eq!(decoded.state.scenario.get(Param::Sanctions), 1.0);
    let decoded = decode("ru_first_plant=1990");
    assert_eq!(
        decoded.notices,
        ["First new Russian plants start 1990 is out of range; used 2025."]
    );
    assert_eq!(decoded.state.scenario.get(Param::RuFirstPlant), 2025.0);
    let notice = one_notice("ru_reserves_mt=1e300");
    assert_eq!(
        notice,
        "Russia's reserves '1e300' is out of range; used 40 Mt REO."
    );
    let notice = one_notice("r.p=baseline&r.sanctions=-1");
    assert_eq!(
        notice,
        "Reference sanctions friction -100% is out of range; used 0%."
    );
}

#[test]
fn unknown_preset_falls_back_to_baseline_with_a_notice() {
    let decoded = decode("v=1&p=utopia&sanctions=0.2");
    assert_eq!(decoded.notices.len(), 1);
    assert!(decoded.notices[0].starts_with(
        "Unknown preset 'utopia'; used Baseline instead (valid: baseline, kremlin-2030"
    ));
    assert_eq!(decoded.state.preset, "baseline");
    assert_eq!(decoded.state.scenario.get(Param::Sanctions), 0.2);
}

#[test]
fn future_version_uses_what_it_understands() {
    let decoded = decode("v=2&p=skeptic&sanctions=0.3&zz=9&st=magnets");
    assert_eq!(decoded.notices.len(), 2, "{:?}", decoded.notices);
    assert!(decoded.notices[0].contains("newer version"));
    assert_eq!(decoded.notices[1], "Ignored unknown setting 'zz'.");
    assert_eq!(decoded.state.preset, "skeptic");
    assert_eq!(decoded.state.scenario.get(Param::Sanctions), 0.3);
    assert_eq!(decoded.state.stage, Stage::Magnets);
    assert!(one_notice("v=banana").contains("'banana' is not understood"));
    assert!(one_notice("v=0").contains("'0' is not understood"));
}

#[test]
fn duplicate_keys_use_the_last_value_with_one_notice() {
    let decoded = decode("sanctions=0.1&sanctions=0.2&sanctions=0.3");
    assert_eq!(
        decoded.notices,
        ["The setting 'sanctions' appears more than once; the last one was used."]
    );
    assert_eq!(decoded.state.scenario.get(Param::Sanctions), 0.3);
}

#[test]
fn garbage_gives_the_baseline_and_short_notices() {
    let decoded = decode("\u{0}\u{7}<script>alert(1)</script>==&&=");
    assert_in_range(&decoded);
    assert_eq!(decoded.state.scenario, Scenario::default());
    assert!(!decoded.notices.is_empty());
    let many: String = (0..100).map(|i| format!("k{i}=1&")).collect();
    let notices = notices_of(&many);
    assert_eq!(notices.len(), 13);
    assert_eq!(notices[12], "88 more problems with this link were ignored.");
}

#[test]
fn full_urls_and_prefixes_are_accepted() {
    let expected = decode("v=1&p=skeptic&st=magnets").state;
    for text in [
        "#v=1&p=skeptic&st=magnets",
        "?v=1&p=skeptic&st=magnets",
        "https://example.org/ree/#v=1&p=skeptic&st=magnets",
        "http://127.0.0.1:8080/sub/path/index.html?lang=en#v=1&p=skeptic&st=magnets",
        "https://example.org/ree/?v=1&p=skeptic&st=magnets",
        "  #v=1&p=SKEPTIC&st=Magnets  ",
    ] {
        let decoded = decode(text);
        assert!(decoded.notices.is_empty(), "{text}: {:?}", decoded.notices);
        assert_eq!(decoded.state, expected, "{text}");
    }
}

#[test]
fn percent_encoding_is_decoded() {
    let decoded = decode("v%3D1&p=kremlin%2D2030&sanctions=0%2E25&st=%6Dining");
    // "v%3D1" is one key named "v=1" with no value.
    assert_eq!(
        decoded.notices,
        ["The setting 'v=1' has no value; it was ignored."]
    );
    assert_eq!(decoded.state.preset, "kremlin-2030");
    assert_eq!(decoded.state.scenario.get(Param::Sanctions), 0.25);
    assert_eq!(decoded.state.stage, Stage::Mining);
}

#[test]
fn too_long_links_are_refused_with_a_notice() {
    let long = format!(
        "v=1&p=skeptic&sanctions=0.5&pad={}",
        "x".repeat(MAX_LINK_LEN)
    );
    let decoded = decode(&long);
    assert_eq!(decoded.state, LinkState::default());
    assert_eq!(decoded.notices.len(), 1);
    assert!(
        decoded.notices[0].contains(&format!("more than the {MAX_LINK_LEN}")),
        "{:?}",
        decoded.notices
    );
}

#[test]
fn separation_products_round_trip_and_old_stages_open_as_before() {
    for (id, product) in [
        ("separation_light", Product::Light),
        ("separation_heavy", Product::Heavy),
    ] {
        let link = format!("v=1&p=baseline&st={id}&d={DATA_VERSION}");
        let decoded = decode(&link);
        assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
        assert_eq!(decoded.state.stage, Stage::Separation);
        assert_eq!(decoded.state.product, Some(product));
        assert_eq!(decoded.state.shown(), Shown::Product(product));
        assert_eq!(encode(&decoded.state), link);
        // Written in capitals by hand, it still reads.
        let shouted = decode(&link.replace(id, &id.to_ascii_uppercase()));
        assert_eq!(shouted.state.shown(), Shown::Product(product));
    }
    // The three stages open exactly as before, with no product.
    for stage in Stage::ALL {
        let state = decode(&format!("v=1&p=baseline&st={}", stage.id())).state;
        assert_eq!((state.stage, state.product), (stage, None));
    }
    // Choosing a stage after a product drops the product.
    let mut state = decode("v=1&p=baseline&st=separation_heavy").state;
    state.show(Shown::Stage(Stage::Magnets));
    assert_eq!(state.product, None);
    assert!(encode(&state).contains("&st=magnets&"));
    // A product left over beside another stage is not shown, nor written.
    let stray = LinkState {
        stage: Stage::Mining,
        product: Some(Product::Heavy),
        ..LinkState::default()
    };
    assert_eq!(stray.shown(), Shown::Stage(Stage::Mining));
    assert!(encode(&stray).contains("&st=mining&"));
    // The analyses aim at the separation stage while a product of it is shown.
    let heavy = decode("v=1&p=baseline&st=separation_heavy").state;
    assert_eq!(heavy.target().output.stage, Stage::Separation);
}

#[test]
fn stage_view_and_analysis_fields_report_bad_values() {
    assert!(one_notice("st=refining").starts_with("Unknown stage 'refining'"));
    assert!(one_notice("st=separation_medium")
        .contains("(valid: mining, separation, separation_light, separation_heavy, magnets)"));
    assert!(one_notice("vw=3d").starts_with("Unknown view '3d'"));
    assert_eq!(
        one_notice("mc=5"),
        "5 Monte Carlo samples is out of range (10 to 100000); used 10."
    );
    assert!(one_notice("mc=many").contains("not a whole number"));
    assert!(one_notice("mc=100&seed=-1").contains("seed '-1' is not a whole number"));
    assert!(one_notice("seed=4").starts_with("Ignored the Monte Carlo seed"));
    assert_eq!(
        one_notice("mc=100&sm=wide"),
        "Unknown Monte Carlo sampling 'wide' (valid: plausible, scenario); used plausible."
    );
    assert_eq!(
        decode("mc=100&sm=wide")
            .state
            .monte_carlo
            .map(|run| run.sampling),
        Some(Sampling::Plausible)
    );
    assert_eq!(
        one_notice("tg=1.5"),
        "The target share 150% is out of range; used 100%."
    );
    assert!(one_notice("tg=x").contains("not a number"));
    assert!(one_notice("sanctions").contains("has no value"));
    assert!(one_notice("r.p=nope").starts_with("Unknown reference preset 'nope'"));
    assert_eq!(one_notice("r.zz=1"), "Ignored unknown setting 'r.zz'.");
    assert_eq!(
        one_notice("ty=2075"),
        "The target year 2075 is out of range (2024 to 2050); used 2050."
    );
    assert_eq!(decode("ty=2075").state.target_year, TARGET_YEAR_MAX);
    assert_eq!(
        one_notice("ty=1999"),
        "The target year 1999 is out of range (2024 to 2050); used 2024."
    );
    assert_eq!(decode("ty=1999").state.target_year, TARGET_YEAR_MIN);
    assert!(one_notice("ty=-1e300").contains("'-1e300' is out of range"));
    assert_eq!(
        one_notice("ty=2031.5"),
        "The target year '2031.5' is not a whole year; 2030 was used."
    );
    assert_eq!(decode("ty=soon").state.target_year, TARGET_YEAR);
    assert_eq!(
        one_notice("fr=atlantis"),
        "Unknown region 'atlantis' for the fan chart; showing Russia instead (valid: china, russia, united_states, australia, myanmar, malaysia, eu, other)."
    );
    assert_eq!(decode("fr=atlantis").state.fan_region, Region::Russia);
    let decoded = decode("ty=2035&fr=China");
    assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
    assert_eq!(
        (decoded.state.target_year, decoded.state.fan_region),
        (2035, Region::China)
    );
    let decoded = decode("mc=500");
    assert_eq!(
        decoded.state.monte_carlo,
        Some(MonteCarloLink {
            samples: 500,
            seed: 1,
            ..MonteCarloLink::default()
        })
    );
}

#[test]
fn minus_zero_is_zero_and_not_a_change() {
    let decoded = decode("v=1&p=baseline&cn_export_controls=-0&st=separation");
    assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
    assert_eq!(
        decoded
            .state
            .scenario
            .get(Param::CnExportControls)
            .to_bits(),
        0.0f64.to_bits()
    );
    assert_eq!(decoded.state.scenario, Scenario::default());
    assert_eq!(
        encode(&decoded.state),
        format!("v=1&p=baseline&st=separation&d={DATA_VERSION}")
    );
}

// ---------------------------------------------------------------- the page and the command line read the same link

/// What a browser's `location.href` holds for a fragment typed as `typed`: the URL standard's fragment
/// percent-encode set (C0 controls, space, `"`, `<`, `>`, `` ` ``, DEL and everything beyond ASCII, as UTF-8).
fn as_browser_gives_it(typed: &str) -> String {
    let mut out = String::new();
    for c in typed.chars() {
        if c.is_ascii() && !c.is_ascii_control() && !matches!(c, ' ' | '"' | '<' | '>' | '`') {
            out.push(c);
        } else {
            let mut buffer = [0; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

/// Fragments with the characters that split links elsewhere (`#`, `?`, `://`), escapes, spaces and non-ASCII text,
/// built from pieces of real links so many of them set something.
fn fragment_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("v=1".to_string()),
        Just("p=skeptic".to_string()),
        Just("p=kremlin-2030".to_string()),
        Just("sanctions=0.9".to_string()),
        Just("st=mining".to_string()),
        Just("ref=https://example.org".to_string()),
        Just("x=?y".to_string()),
        Just("a=#b".to_string()),
        Just("%zz".to_string()),
        Just("%41=1".to_string()),
        Just("é=ü".to_string()),
        Just("note=hello world".to_string()),
        "[a-z_.#?:/%é ]{0,12}(=[a-z0-9.#?:/%é ]{0,12})?",
    ];
    proptest::collection::vec(piece, 0..10).prop_map(|pieces| pieces.join("&"))
}

proptest! {
    #![proptest_config(fuzz_config())]

    /// The page decodes its `location.href`; the command line and the JavaScript API decode the link as pasted.
    /// Both give the same scenario and the same notices, whatever the fragment holds.
    #[test]
    fn the_page_and_the_command_line_read_a_link_alike(fragment in fragment_strategy()) {
        let pasted = decode(&format!("https://example.org/ree/#{fragment}"));
        let in_page = decode(&format!("https://example.org/ree/#{}", as_browser_gives_it(&fragment)));
        prop_assert_eq!(&in_page.state, &pasted.state);
        prop_assert_eq!(&in_page.notices, &pasted.notices);
        // The page's navigation handler passes '#' and the fragment: the same again.
        let navigated = decode(&format!("#{}", as_browser_gives_it(&fragment)));
        prop_assert_eq!(&navigated.state, &pasted.state);
        prop_assert_eq!(&navigated.notices, &pasted.notices);
    }
}

#[test]
fn a_fragment_holding_an_address_is_read_up_to_its_own_keys() {
    let decoded = decode("#v=1&p=skeptic&sanctions=0.9&ref=https://example.org");
    assert_eq!(decoded.state.preset, "skeptic");
    assert_eq!(decoded.state.scenario.get(Param::Sanctions), 0.9);
    assert!(
        decoded
            .notices
            .iter()
            .any(|notice| notice.contains("'ref'")),
        "{:?}",
        decoded.notices
    );
}

#[test]
fn a_link_is_as_long_as_the_reader_typed_it() {
    let typed = format!("v=1&p=skeptic&note={}", "é".repeat(1400));
    let pasted = decode(&format!("#{typed}"));
    let in_page = decode(&format!("#{}", as_browser_gives_it(&typed)));
    assert!(
        !pasted
            .notices
            .iter()
            .any(|notice| notice.contains("characters long")),
        "{:?}",
        pasted.notices
    );
    assert_eq!(in_page.notices, pasted.notices);
    assert_eq!(in_page.state.preset, "skeptic");
}

// ---------------------------------------------------------------- several references

#[test]
fn three_named_references_round_trip_and_old_single_reference_links_read_as_before() {
    let link = "v=1&p=kremlin-2030&st=separation&r.p=skeptic&r.n=Our%20plan%20%26%20co&r2.p=price-war&r2.sanctions=0.5&r3.p=baseline&d=2025.1";
    let decoded = decode(link);
    assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
    let references = &decoded.state.references;
    assert_eq!(references.len(), 3);
    assert_eq!(references[0].name, "Our plan & co");
    assert_eq!(references[0].label(0), "Our plan & co (dashed)");
    assert_eq!(
        references[1].label(1),
        "China's price war (changed) (dotted)"
    );
    assert_eq!(references[2].label(2), "Baseline (long dashes)");
    assert_eq!(references[2].scenario, preset_state("baseline").scenario);
    assert_eq!(encode(&decoded.state), link);
    // A link with today's single reference opens exactly one, unnamed.
    let old = decode("v=1&p=price-war&st=separation&r.p=skeptic&r.allied_buildout=1.5");
    assert_eq!(old.state.references.len(), 1);
    assert_eq!(old.state.references[0].name, "");
    assert_eq!(
        old.state.references[0].name(),
        "Supply-chain skeptic (changed)"
    );
}

#[test]
fn a_fourth_reference_is_unknown_and_names_are_cleaned_with_a_notice() {
    let notice = one_notice("v=1&p=baseline&r.p=skeptic&r4.p=baseline");
    assert!(
        notice.contains("Ignored unknown setting 'r4.p'"),
        "{notice}"
    );
    let decoded = decode(&format!(
        "v=1&p=baseline&r2.p=skeptic&r2.n=a%07b{}",
        "x".repeat(60)
    ));
    assert_eq!(decoded.notices.len(), 1, "{:?}", decoded.notices);
    assert!(decoded.notices[0].contains("second reference"));
    // The second moves up when there is no first; its name lost the bell and was cut to 40.
    let name = &decoded.state.references[0].name;
    assert!(
        name.starts_with("abx") && name.chars().count() == 40,
        "{name}"
    );
    // A name with no reference is ignored silently; an unknown preset names its reference.
    assert!(
        decode("v=1&p=baseline&r3.p=nope").notices[0].contains("Unknown third reference preset")
    );
}
