//! The link codec: the scenario and the page's choices as URL fragment text, versioned and forgiving.
//!
//! This format is a compatibility boundary: links pasted into chats and reports must keep
//! opening the same numbers. `tests/url.rs` pins today's format with golden strings.
//!
//! # Format, version 1
//!
//! The text after `#` is `key=value` pairs joined by `&`, written in this order:
//!
//! | key | value | written when |
//! |-----|-------|--------------|
//! | `v` | format version, `1` | always, first |
//! | `p` | preset id (`baseline`, `kremlin-2030`, …) | always |
//! | a parameter key (`sanctions`, `ru_plan_share`, … see [`crate::params::PARAMS`]) | the value in the table's own unit (fractions, years, Mt) | only when it differs from the preset, in table order |
//! | `st` | what the stage switch shows: a stage (`mining`, `separation`, `magnets`) or a product of separation (`separation_light`: Nd, Pr; `separation_heavy`: Dy, Tb) | always |
//! | `vw` | view: `charts` or `table` | only when not `charts` |
//! | `r.p` | first pinned reference's preset (compare mode: the closest preset) | only when comparing |
//! | `r.<parameter key>` | first reference's value differing from `r.p`'s preset | only when comparing |
//! | `r.n` | first reference's name given by the reader (percent-encoded UTF-8, at most 40 characters; control characters dropped) | only when named |
//! | `r2.p`, `r2.<parameter key>`, `r2.n` | the second pinned reference, as `r.` | only with a second |
//! | `r3.p`, `r3.<parameter key>`, `r3.n` | the third pinned reference, as `r.` | only with a third |
//! | `mc` | Monte Carlo sample count | only when a Monte Carlo run is chosen |
//! | `seed` | Monte Carlo seed (unsigned 64-bit integer) | with `mc` |
//! | `sm` | what Monte Carlo draws around: `scenario` (the scenario's own assumptions; see [`Sampling`]) | with `mc`, only when not `plausible` |
//! | `tg` | chosen target for Russia's share at the selected stage (fraction, e.g. `0.12`) | only when chosen |
//! | `ty` | the year by which the target is checked (whole year, 2024 to 2050: [`TARGET_YEAR_MIN`] to [`TARGET_YEAR_MAX`]) | only when not 2030 |
//! | `fr` | region shown in the fan chart: a region id (`china`, `united_states`, …) | only when not `russia` |
//! | `lang` | the language the reader chose: `en`, `ru` or `zh` (see [`crate::i18n::Lang`]); without it the page follows the browser's preference | only when chosen |
//! | `embed` | the embed view's one chart, a chart id (`share`, `russia`, `hhi`, `gap`, `feed`; see [`crate::chart::ChartKind::embedded`]) | only in the embed view |
//! | `d` | the dataset version the link was made with (`2025.1`, see [`crate::data::DATA_VERSION`]) | always, last |
//!
//! A link without `d` was made with the 2024 data (version `2024.1`); it opens the same preset
//! and settings on the current data, and [`Decoded::data_note`] says that the data changed and
//! where to read what changed (docs/DATA-CHANGES.md, which the Sources and method page shows).
//!
//! Numbers use Rust's shortest round-trip formatting, plain or with an exponent whichever is
//! shorter (`0.9`, `2029`, `5e-324`; see [`number_text`]), so a decoded link reproduces every value
//! bit for bit and a link the page writes never outgrows [`MAX_LINK_LEN`]. Reserved for later versions: `gs` (goal-seek parameter key).
//!
//! [`decode`] never fails: whatever it cannot use it skips or clamps, and says so in a
//! plain-language notice.

use crate::analysis::{
    MonteCarloSettings, Sampling, DEFAULT_SAMPLES, DEFAULT_SEED, MAX_SAMPLES, MIN_CHOSEN_SAMPLES,
};
use crate::data::Region;
use crate::i18n::Msg;
use crate::params::{Param, ParamSpec};
use crate::projection::TARGET_YEAR;
use crate::scenario::{Preset, Scenario, PRESETS};
use crate::state::{Reference, Shown, DEFAULT_FAN_REGION, DEFAULT_STAGE, MAX_NAME, MAX_REFERENCES};
use crate::tr;

// What a link carries is defined elsewhere, and reached here under the names the tests use: the
// ground state in `crate::state`; the Monte Carlo settings and the bounds on samples and target
// years in `crate::analysis`.
pub use crate::analysis::{
    MonteCarloSettings as MonteCarloLink, MAX_SAMPLES as MC_MAX_SAMPLES,
    MIN_CHOSEN_SAMPLES as MC_MIN_SAMPLES, TARGET_YEAR_MAX, TARGET_YEAR_MIN,
};
pub use crate::state::{LinkState, View};

/// The link format this code writes.
pub const FORMAT_VERSION: u32 = 1;

/// Longest link text [`decode`] reads, in characters; longer input is refused with a notice.
/// Room for the scenario and three pinned references with every value changed and named.
pub const MAX_LINK_LEN: usize = 8192;

/// Most notices [`decode`] lists one by one; the rest are counted in a last notice.
const MAX_NOTICES: usize = 12;

/// Longest piece of user text quoted back in a notice.
const MAX_QUOTE: usize = 40;

/// What [`decode`] made of a link: the state plus what it had to ignore or change.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The state to show; every value inside its allowed range.
    pub state: LinkState,
    /// Plain-language notes on what was ignored or changed, empty for a clean link.
    pub notices: Vec<String>,
    /// Set when the link was made with other data than the current dataset: what that means.
    pub data_note: Option<String>,
}

/// Where a reader finds what changed between data versions.
/// (In English; the notes give it in the reader's language.)
pub const DATA_CHANGES: &str = crate::i18n::english_const(Msg::NoticeDataChanges);

/// The note for a link or file (`what`: [`Msg::NoticeWhatLink`] or [`Msg::NoticeWhatFile`]) made
/// with data version `version` (`None`: before versions were written).
pub fn data_note(what: Msg, version: Option<&str>) -> Option<String> {
    let current = crate::data::DATA_VERSION;
    let (msg, version) = match version {
        Some(version) if version == current => return None,
        Some(version) if version == crate::data::LEGACY_DATA_VERSION => {
            (Msg::NoticeDataLegacy, version.to_string())
        }
        None => (
            Msg::NoticeDataUnversioned,
            crate::data::LEGACY_DATA_VERSION.to_string(),
        ),
        Some(version) => (Msg::NoticeDataUnknown, quote(version)),
    };
    Some(tr!(
        dyn msg,
        what = tr!(what),
        version = version,
        current = current,
        changes = tr!(Msg::NoticeDataChanges)
    ))
}

/// The fragment text for `state`, without the leading `#`.
pub fn encode(state: &LinkState) -> String {
    let preset = state.preset();
    let mut out = format!("v={FORMAT_VERSION}&p={}", preset.id);
    write_differences(&mut out, "", &state.scenario, &preset.scenario());
    out.push_str("&st=");
    out.push_str(state.shown().id());
    if state.view != View::default() {
        out.push_str("&vw=");
        out.push_str(state.view.id());
    }
    for (index, reference) in state.references.iter().take(MAX_REFERENCES).enumerate() {
        let prefix = REFERENCE_PREFIXES[index];
        let reference_preset = closest_preset(&reference.scenario);
        out.push('&');
        out.push_str(PRESET_KEYS[index]);
        out.push('=');
        out.push_str(reference_preset.id);
        let base = reference_preset.scenario();
        write_differences(&mut out, prefix, &reference.scenario, &base);
        if !reference.name.is_empty() {
            out.push_str(&format!("&{prefix}n={}", percent_encode(&reference.name)));
        }
    }
    if let Some(run) = state.monte_carlo {
        out.push_str(&format!("&mc={}&seed={}", run.samples, run.seed));
        if run.sampling != Sampling::default() {
            out.push_str("&sm=");
            out.push_str(run.sampling.id());
        }
    }
    if let Some(target) = state.target.filter(|target| target.is_finite()) {
        out.push_str("&tg=");
        out.push_str(&number_text(target));
    }
    if state.target_year != TARGET_YEAR {
        out.push_str(&format!("&ty={}", state.target_year));
    }
    if state.fan_region != DEFAULT_FAN_REGION {
        out.push_str("&fr=");
        out.push_str(state.fan_region.id());
    }
    if let Some(lang) = state.lang {
        out.push_str("&lang=");
        out.push_str(lang.id());
    }
    if let Some(chart) = state.embed {
        out.push_str("&embed=");
        out.push_str(chart.id());
    }
    out.push_str("&d=");
    out.push_str(crate::data::DATA_VERSION);
    out
}

/// The link keys' prefixes of the first, second and third pinned reference.
const REFERENCE_PREFIXES: [&str; MAX_REFERENCES] = ["r.", "r2.", "r3."];

/// Their preset keys.
const PRESET_KEYS: [&str; MAX_REFERENCES] = ["r.p", "r2.p", "r3.p"];

/// How notices name each: "reference ", "second reference ", "third reference ".
const WHOSE: [Msg; MAX_REFERENCES] = [Msg::NoticeWhose1, Msg::NoticeWhose2, Msg::NoticeWhose3];

/// `text` with every byte but letters, digits and `-._~` percent-encoded (UTF-8).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `value` in the shortest text that reads back to the same bits: plain decimals (`0.9`, `2029`),
/// or an exponent where that is shorter (`5e-324`, not 324 zeros), so every written link stays short.
pub fn number_text(value: f64) -> String {
    let plain = crate::text::shortest(value);
    let scientific = crate::text::exponent(value);
    if scientific.len() < plain.len() {
        scientific
    } else {
        plain
    }
}

/// Appends `&{prefix}{key}={value}` for every finite value of `scenario` that differs from `base`.
fn write_differences(out: &mut String, prefix: &str, scenario: &Scenario, base: &Scenario) {
    for param in scenario.differences(base) {
        let value = scenario.get(param);
        if value.is_finite() {
            out.push_str(&format!("&{prefix}{}={}", param.key(), number_text(value)));
        }
    }
}

/// The preset from which `scenario` differs in the fewest parameters (the first on a tie).
pub(crate) fn closest_preset(scenario: &Scenario) -> &'static Preset {
    PRESETS
        .iter()
        .min_by_key(|preset| scenario.differences(&preset.scenario()).len())
        .unwrap_or(Preset::baseline())
}

/// `notices` capped as a link's are (the first [`MAX_NOTICES`], then how many more: `more`,
/// [`Msg::NoticeMoreLink`] or [`Msg::NoticeMoreFile`], "One more problem with this link was
/// ignored."), so a long list cannot push other messages, such as "loaded …", out of the page's
/// notices.
pub fn capped(mut notices: Vec<String>, more: Msg) -> Vec<String> {
    let count = notices.len().saturating_sub(MAX_NOTICES);
    notices.truncate(MAX_NOTICES);
    if count > 0 {
        notices.push(crate::i18n::plural(
            more,
            count as f64,
            &[&count.to_string()],
        ));
    }
    notices
}

/// Reads link text into a state. Never fails and never panics; see the module docs.
///
/// Accepts the fragment alone, with a leading `#` or `?`, or a full URL.
pub fn decode(input: &str) -> Decoded {
    let mut notices: Vec<String> = Vec::new();
    let text = state_text(input);
    // Counted as the reader typed it: a browser's percent-encoding of "é" (six characters) counts as one.
    let typed_len = percent_decode(text).chars().count();
    if typed_len > MAX_LINK_LEN {
        notices.push(tr!(
            Msg::NoticeLinkTooLong,
            length = typed_len.to_string(),
            max = MAX_LINK_LEN.to_string()
        ));
        return Decoded {
            state: LinkState::default(),
            notices,
            data_note: None,
        };
    }
    let pairs = split_pairs(text, &mut notices);
    let value_of = |key: &str| {
        pairs
            .iter()
            .find(|(candidate, _)| candidate == key)
            .and_then(|(_, value)| value.as_deref())
    };

    if let Some(version) = value_of("v") {
        match crate::text::parse_whole::<u32>(version) {
            Some(FORMAT_VERSION) => {}
            Some(newer) if newer > FORMAT_VERSION => {
                notices.push(tr!(Msg::NoticeLinkNewer, version = newer.to_string()))
            }
            _ => notices.push(tr!(
                Msg::NoticeLinkFormat,
                value = quote(version),
                version = FORMAT_VERSION.to_string()
            )),
        }
    }

    let preset = read_preset(value_of("p"), "", &mut notices);
    let mut state = LinkState::from_preset(preset);
    // A reference is pinned when any key carries its prefix; the second and third keep their
    // places even if an earlier one is missing, and are then moved up.
    // Where each of `r.`, `r2.` and `r3.` went in `state.references` (`usize::MAX`: absent).
    let mut slots = [usize::MAX; MAX_REFERENCES];
    for (index, prefix) in REFERENCE_PREFIXES.iter().enumerate() {
        if pairs.iter().any(|(key, _)| key.starts_with(prefix)) {
            let preset = read_preset(
                value_of(PRESET_KEYS[index]),
                tr!(WHOSE[index]),
                &mut notices,
            );
            slots[index] = state.references.len();
            state.references.push(Reference::new(preset.scenario()));
        }
    }
    let mut mc_samples = None;
    let mut seed = None;
    let mut sampling = None;

    for (key, value) in &pairs {
        let Some(value) = value.as_deref() else {
            notices.push(tr!(Msg::NoticeNoValue, key = quote(key)));
            continue;
        };
        match key.as_str() {
            "v" | "p" | "r.p" | "r2.p" | "r3.p" | "d" => {}
            "st" => match Shown::from_id(&value.to_ascii_lowercase()) {
                Some(shown) => state.show(shown),
                None => notices.push(tr!(
                    Msg::NoticeUnknownStage,
                    value = quote(value),
                    stage = DEFAULT_STAGE.label(),
                    valid = crate::state::SHOWN_IDS
                )),
            },
            "vw" => match View::from_id(&value.to_ascii_lowercase()) {
                Some(view) => state.view = view,
                None => notices.push(tr!(Msg::NoticeUnknownView, value = quote(value))),
            },
            "mc" => mc_samples = read_samples(value, &mut notices),
            "seed" => match value.parse::<u64>() {
                Ok(number) => seed = Some(number),
                Err(_) => notices.push(tr!(
                    Msg::NoticeBadSeed,
                    value = quote(value),
                    max = u64::MAX.to_string()
                )),
            },
            "sm" => match Sampling::from_id(&value.to_ascii_lowercase()) {
                Some(mode) => sampling = Some(mode),
                None => notices.push(tr!(Msg::NoticeUnknownSampling, value = quote(value))),
            },
            "tg" => match parse_number(value) {
                Some(target) if (0.0..=1.0).contains(&target) => state.target = Some(target),
                Some(target) => {
                    let used = target.clamp(0.0, 1.0);
                    notices.push(tr!(
                        Msg::NoticeTargetRange,
                        value = percent(target, value),
                        used = percent(used, value)
                    ));
                    state.target = Some(used);
                }
                None => notices.push(tr!(Msg::NoticeTargetNan, value = quote(value))),
            },
            "ty" => {
                if let Some(year) = read_target_year(value, &mut notices) {
                    state.target_year = year;
                }
            }
            "fr" => match Region::from_id(&value.to_ascii_lowercase()) {
                Some(region) => state.fan_region = region,
                None => notices.push(tr!(
                    Msg::NoticeUnknownRegion,
                    value = quote(value),
                    region = DEFAULT_FAN_REGION.label(),
                    valid = valid_region_ids()
                )),
            },
            "lang" => match crate::i18n::Lang::ALL
                .into_iter()
                .find(|lang| value.eq_ignore_ascii_case(lang.id()))
            {
                Some(lang) => state.lang = Some(lang),
                None => {
                    state.lang = Some(crate::i18n::Lang::En);
                    notices.push(tr!(Msg::LangUnknown, value = quote(value)));
                }
            },
            "embed" => match crate::chart::ChartKind::embedded(&value.to_ascii_lowercase()) {
                Some(chart) => state.embed = Some(chart),
                None => notices.push(tr!(
                    Msg::NoticeUnknownEmbed,
                    value = quote(value),
                    valid = crate::chart::EMBED_IDS
                )),
            },
            _ => {
                let pinned = REFERENCE_PREFIXES
                    .iter()
                    .enumerate()
                    .find_map(|(index, prefix)| key.strip_prefix(prefix).map(|rest| (index, rest)));
                let (scenario, param_key, whose) = match pinned {
                    Some((index, "n")) => {
                        if let Some(reference) = state.references.get_mut(slots[index]) {
                            let (name, changed) = crate::state::clean_name(value);
                            if changed {
                                notices.push(tr!(
                                    Msg::NoticeNameCleaned,
                                    whose = tr!(WHOSE[index]),
                                    max = MAX_NAME.to_string(),
                                    name = quote(&name)
                                ));
                            }
                            reference.name = name;
                        }
                        continue;
                    }
                    Some((index, rest)) => (
                        state
                            .references
                            .get_mut(slots[index])
                            .map(|r| &mut r.scenario),
                        rest,
                        tr!(WHOSE[index]),
                    ),
                    None => (Some(&mut state.scenario), key.as_str(), ""),
                };
                match (scenario, Param::from_key(param_key)) {
                    (Some(scenario), Some(param)) => {
                        read_param(scenario, param.spec(), value, whose, &mut notices);
                    }
                    _ => notices.push(tr!(Msg::NoticeUnknownSetting, key = quote(key))),
                }
            }
        }
    }
    let sampling = sampling.unwrap_or_default();
    // A sampling mode alone (written by hand) asks for the default run drawn that way.
    let mc_samples = mc_samples.or(
        (value_of("mc").is_none() && sampling != Sampling::default()).then_some(DEFAULT_SAMPLES),
    );
    match (mc_samples, seed) {
        (Some(samples), seed) => {
            state.monte_carlo = Some(MonteCarloSettings {
                samples,
                seed: seed.unwrap_or(DEFAULT_SEED),
                sampling,
            });
        }
        (None, Some(_)) if value_of("mc").is_none() => {
            notices.push(tr!(Msg::NoticeSeedWithoutMc).to_string())
        }
        (None, _) => {}
    }
    // Only a real link (one that names a preset or a format version) can be from older data.
    let data_note = if value_of("v").is_some() || value_of("p").is_some() {
        data_note(Msg::NoticeWhatLink, value_of("d"))
    } else {
        None
    };
    Decoded {
        state,
        notices: capped(notices, Msg::NoticeMoreLink),
        data_note,
    }
}

/// The part of `input` that carries state: after `#` if any, else after `?`, else all of it.
fn state_text(input: &str) -> &str {
    let text = input.trim();
    if let Some((_, fragment)) = text.split_once('#') {
        fragment
    } else if let Some((_, query)) = text.split_once('?') {
        query
    } else if text.contains("://") {
        // A page address with no state: the defaults.
        ""
    } else {
        text
    }
}

/// Splits `text` into percent-decoded `(key, value)` pairs; a repeated key keeps its last value.
fn split_pairs(text: &str, notices: &mut Vec<String>) -> Vec<(String, Option<String>)> {
    let mut pairs: Vec<(String, Option<String>)> = Vec::new();
    let mut repeated: Vec<String> = Vec::new();
    // A piece that is only spaces, typed or percent-encoded, is no setting.
    for piece in text
        .split('&')
        .filter(|piece| !percent_decode(piece).trim().is_empty())
    {
        let (key, value) = match piece.split_once('=') {
            Some((key, value)) => (key, Some(percent_decode(value).trim().to_string())),
            None => (piece, None),
        };
        let key = percent_decode(key).trim().to_ascii_lowercase();
        match pairs.iter_mut().find(|(existing, _)| *existing == key) {
            Some(existing) => {
                existing.1 = value;
                if !repeated.contains(&key) {
                    notices.push(tr!(Msg::NoticeRepeated, key = quote(&key)));
                    repeated.push(key);
                }
            }
            None => pairs.push((key, value)),
        }
    }
    pairs
}

/// Decodes `%XX` escapes; malformed escapes stay as written, invalid UTF-8 becomes U+FFFD.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        if byte == b'%' {
            let high = bytes.get(index + 1).and_then(|b| hex_digit(*b));
            let low = bytes.get(index + 2).and_then(|b| hex_digit(*b));
            if let (Some(high), Some(low)) = (high, low) {
                out.push(high * 16 + low);
                index += 3;
                continue;
            }
        }
        out.push(byte);
        index += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of one hexadecimal digit.
fn hex_digit(byte: u8) -> Option<u8> {
    char::from(byte)
        .to_digit(16)
        .and_then(|digit| u8::try_from(digit).ok())
}

/// The preset named by `id`, or the baseline with a notice.
fn read_preset(id: Option<&str>, whose: &str, notices: &mut Vec<String>) -> &'static Preset {
    let Some(id) = id else {
        return Preset::baseline();
    };
    match Preset::find(&id.to_ascii_lowercase()) {
        Some(preset) => preset,
        None => {
            notices.push(tr!(
                Msg::NoticeUnknownPreset,
                whose = whose,
                value = quote(id),
                baseline = Preset::baseline().reader_title(),
                valid = Preset::valid_ids()
            ));
            Preset::baseline()
        }
    }
}

/// Sets one parameter from link text, clamping an out-of-range value and noting what it did.
fn read_param(
    scenario: &mut Scenario,
    spec: &ParamSpec,
    text: &str,
    whose: &str,
    notices: &mut Vec<String>,
) {
    let Some(value) = parse_number(text) else {
        notices.push(tr!(
            Msg::NoticeParamNan,
            whose = whose,
            label = spec.reader_label(),
            value = quote(text),
            kept = spec.display(scenario.get(spec.param))
        ));
        return;
    };
    if !spec.contains(value) {
        let used = spec.clamp(value);
        let shown = if value.abs() < 1.0e6 {
            spec.display(value)
        } else {
            quote(text)
        };
        // In English, "Reference sanctions friction 2 is out of range".
        let label = spec.reader_label();
        notices.push(tr!(
            Msg::NoticeParamRange,
            whose = capitalise_first(whose),
            label = if whose.is_empty() || crate::i18n::language() != crate::i18n::Lang::En {
                label.to_string()
            } else {
                label.to_ascii_lowercase()
            },
            value = shown,
            used = spec.display(used)
        ));
        scenario.set(spec.param, used);
        return;
    }
    // In range: `set` keeps the value bit for bit (only -0 becomes 0).
    scenario.set(spec.param, value);
}

/// The Monte Carlo sample count from link text, clamped into range, with a notice if needed.
fn read_samples(text: &str, notices: &mut Vec<String>) -> Option<u32> {
    match text.parse::<u64>() {
        Ok(samples) => {
            let used = samples.clamp(u64::from(MIN_CHOSEN_SAMPLES), u64::from(MAX_SAMPLES));
            if used != samples {
                notices.push(tr!(
                    Msg::NoticeSamplesRange,
                    samples = samples.to_string(),
                    min = MIN_CHOSEN_SAMPLES.to_string(),
                    max = MAX_SAMPLES.to_string(),
                    used = used.to_string()
                ));
            }
            u32::try_from(used).ok()
        }
        Err(_) => {
            notices.push(tr!(Msg::NoticeSamplesNan, value = quote(text)));
            None
        }
    }
}

/// The target year from link text, clamped into range, with a notice if needed.
fn read_target_year(text: &str, notices: &mut Vec<String>) -> Option<u16> {
    let Some(year) = parse_number(text).filter(|year| year.fract() == 0.0) else {
        notices.push(tr!(
            Msg::NoticeYearNan,
            value = quote(text),
            year = TARGET_YEAR.to_string()
        ));
        return None;
    };
    let used = year.clamp(f64::from(TARGET_YEAR_MIN), f64::from(TARGET_YEAR_MAX));
    if used != year {
        let shown = if year.abs() < 1.0e6 {
            crate::text::fixed(year, 0)
        } else {
            quote(text)
        };
        notices.push(tr!(
            Msg::NoticeYearRange,
            value = shown,
            min = TARGET_YEAR_MIN.to_string(),
            max = TARGET_YEAR_MAX.to_string(),
            used = crate::text::fixed(used, 0)
        ));
    }
    // `used` is a whole number within the u16 range here.
    Some(used as u16)
}

/// Every region id, for notices: "china, russia, …".
pub fn valid_region_ids() -> String {
    Region::ALL
        .iter()
        .map(|region| region.id())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A finite number written in plain decimal or exponent notation, spaces around it allowed;
/// `inf` and `NaN` are not numbers here ([`crate::text::parse_number`] of the trimmed text).
pub fn parse_number(text: &str) -> Option<f64> {
    crate::text::parse_number(text.trim())
}

/// A fraction as a percentage for notices (the raw text when the number is huge).
fn percent(value: f64, raw: &str) -> String {
    if value.abs() < 1.0e6 {
        format!("{}%", crate::text::trimmed(value * 100.0, 2))
    } else {
        quote(raw)
    }
}

/// `text` quoted for a notice: shortened, control characters replaced.
fn quote(text: &str) -> String {
    let mut shown: String = text
        .chars()
        .take(MAX_QUOTE)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if text.chars().count() > MAX_QUOTE {
        shown.push('…');
    }
    format!("'{shown}'")
}

/// `text` with its first letter in upper case.
fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_handles_good_and_broken_escapes() {
        assert_eq!(percent_decode("a%3Db"), "a=b");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%zz1"), "%zz1");
        assert_eq!(percent_decode("%C3%A9"), "é");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn state_text_finds_the_fragment_or_query() {
        assert_eq!(state_text("#v=1"), "v=1");
        assert_eq!(state_text("?v=1"), "v=1");
        assert_eq!(
            state_text("https://x.org/a/?q=2#v=1&p=skeptic"),
            "v=1&p=skeptic"
        );
        assert_eq!(state_text("https://x.org/a/?v=1"), "v=1");
        assert_eq!(state_text("https://x.org/a/"), "");
        assert_eq!(state_text("  v=1  "), "v=1");
    }

    #[test]
    fn numbers_reject_words_and_infinities() {
        assert_eq!(parse_number("0.5"), Some(0.5));
        assert_eq!(parse_number("1e-3"), Some(0.001));
        assert_eq!(parse_number(" 2 "), Some(2.0));
        for bad in ["", "inf", "NaN", "infinity", "0x10", "1,5", "1e999", "--1"] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn quotes_are_short_and_printable() {
        assert_eq!(quote("a\nb"), "'a?b'");
        assert_eq!(quote(&"x".repeat(50)), format!("'{}…'", "x".repeat(40)));
    }
}
