//! A scenario (one value for every parameter) and the presets that encode published claims.

use crate::i18n::{english_const, Msg};
use crate::params::{Param, ParamSpec, PARAMS, PARAM_COUNT};
use crate::tr;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// One value for every parameter in [`PARAMS`], indexed by [`Param`].
///
/// The values are private: they are read with [`Scenario::get`] (or all at once with
/// [`Scenario::values`] and [`Scenario::iter`]) and written only through [`Scenario::set`], which
/// clamps into the parameter's allowed range, so a scenario never holds a value outside it.
/// [`crate::simulate`] clamps again so it stays total.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scenario {
    /// The values, in table order, each within its parameter's allowed range.
    values: [f64; PARAM_COUNT],
}

impl Default for Scenario {
    fn default() -> Self {
        let mut values = [0.0; PARAM_COUNT];
        for (slot, spec) in values.iter_mut().zip(PARAMS.iter()) {
            *slot = spec.default;
        }
        Scenario { values }
    }
}

impl Scenario {
    /// The value of one parameter.
    pub fn get(&self, param: Param) -> f64 {
        self.values[param.index()]
    }

    /// Every value, in table order.
    pub fn values(&self) -> &[f64; PARAM_COUNT] {
        &self.values
    }

    /// Sets one parameter, clamped into its allowed range ([`ParamSpec::clamp`]: a value inside it
    /// is kept bit for bit, except that -0 becomes 0; NaN becomes the default).
    pub fn set(&mut self, param: Param, value: f64) {
        self.values[param.index()] = param.spec().clamp(value);
    }

    /// This scenario with one parameter changed (clamped).
    pub fn with(mut self, param: Param, value: f64) -> Self {
        self.set(param, value);
        self
    }

    /// Pairs of parameter and value, in table order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static ParamSpec, f64)> + '_ {
        PARAMS.iter().zip(self.values.iter().copied())
    }

    /// The parameters whose values differ from `reference` (bit for bit).
    pub fn differences(&self, reference: &Scenario) -> Vec<Param> {
        Param::all()
            .filter(|param| self.get(*param).to_bits() != reference.get(*param).to_bits())
            .collect()
    }
}

impl Serialize for Scenario {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(PARAM_COUNT))?;
        for (spec, value) in self.iter() {
            map.serialize_entry(spec.key, &value)?;
        }
        map.end()
    }
}

/// A named scenario that encodes a published claim.
#[derive(Debug, Serialize)]
pub struct Preset {
    /// Stable id used in links and on the command line.
    pub id: &'static str,
    /// Short title for the picker, in English (links, files and the command line read it; the page
    /// shows [`Preset::reader_title`]).
    pub title: &'static str,
    /// One paragraph: the claim, who made it, and how the preset encodes it; in English, as the
    /// title is ([`Preset::reader_description`]).
    pub description: &'static str,
    /// The title's and the description's texts, in every language.
    #[serde(skip)]
    pub msgs: [Msg; 2],
    /// Values that differ from the parameter table's defaults.
    #[serde(skip)]
    pub overrides: &'static [(Param, f64)],
}

impl Preset {
    /// The title in the reader's language.
    pub fn reader_title(&self) -> &'static str {
        tr!(self.msgs[0])
    }

    /// The description in the reader's language.
    pub fn reader_description(&self) -> &'static str {
        tr!(self.msgs[1])
    }

    /// The full scenario of this preset.
    pub fn scenario(&self) -> Scenario {
        let mut scenario = Scenario::default();
        for (param, value) in self.overrides {
            scenario.set(*param, *value);
        }
        scenario
    }

    /// The baseline preset (always the first), which is also the default scenario.
    pub fn baseline() -> &'static Preset {
        &PRESETS[0]
    }

    /// The preset with this id, if any.
    pub fn find(id: &str) -> Option<&'static Preset> {
        PRESETS.iter().find(|preset| preset.id == id)
    }

    /// Every preset id, comma-separated, for messages.
    pub fn valid_ids() -> String {
        PRESETS
            .iter()
            .map(|preset| preset.id)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The baseline preset, which is also the default scenario.
pub const BASELINE: &str = "baseline";

/// Every preset, baseline first.
pub const PRESETS: [Preset; 9] = [
    Preset {
        id: BASELINE,
        title: english_const(Msg::PresetBaselineTitle),
        description: english_const(Msg::PresetBaselineDescription),
        msgs: [Msg::PresetBaselineTitle, Msg::PresetBaselineDescription],
        overrides: &[],
    },
    Preset {
        id: "kremlin-2030",
        title: english_const(Msg::PresetKremlin2030Title),
        description: english_const(Msg::PresetKremlin2030Description),
        msgs: [
            Msg::PresetKremlin2030Title,
            Msg::PresetKremlin2030Description,
        ],
        overrides: &[
            (Param::RuPlanShare, 0.10),
            (Param::RuFirstPlant, 2028.0),
            (Param::RuRampYears, 2.0),
            (Param::RuFeedImports, 0.8),
            (Param::Sanctions, 0.1),
            (Param::CnPriceResponse, 0.0),
            (Param::RuProgrammeOdds, 1.0),
        ],
    },
    Preset {
        id: "kremlin-12",
        title: english_const(Msg::PresetKremlin12Title),
        description: english_const(Msg::PresetKremlin12Description),
        msgs: [Msg::PresetKremlin12Title, Msg::PresetKremlin12Description],
        overrides: &[
            (Param::RuPlanShare, 0.12),
            (Param::RuFirstPlant, 2028.0),
            (Param::RuRampYears, 2.0),
            (Param::RuFeedImports, 0.8),
            (Param::Sanctions, 0.1),
            (Param::CnPriceResponse, 0.0),
            (Param::RuProgrammeOdds, 1.0),
        ],
    },
    Preset {
        id: "skeptic",
        title: english_const(Msg::PresetSkepticTitle),
        description: english_const(Msg::PresetSkepticDescription),
        msgs: [Msg::PresetSkepticTitle, Msg::PresetSkepticDescription],
        overrides: &[
            (Param::RuFirstPlant, 2029.0),
            (Param::RuRampYears, 6.0),
            (Param::RuFeedImports, 0.3),
            (Param::Sanctions, 0.85),
            (Param::SanctionsDelayMax, 4.0),
            (Param::SanctionsUtilLoss, 0.6),
        ],
    },
    Preset {
        id: "sanctions-lifted",
        title: english_const(Msg::PresetSanctionsLiftedTitle),
        description: english_const(Msg::PresetSanctionsLiftedDescription),
        msgs: [
            Msg::PresetSanctionsLiftedTitle,
            Msg::PresetSanctionsLiftedDescription,
        ],
        overrides: &[(Param::Sanctions, 0.0), (Param::RuFeedImports, 0.8)],
    },
    Preset {
        id: "price-war",
        title: english_const(Msg::PresetPriceWarTitle),
        description: english_const(Msg::PresetPriceWarDescription),
        msgs: [Msg::PresetPriceWarTitle, Msg::PresetPriceWarDescription],
        overrides: &[
            (Param::CnPriceResponse, 0.9),
            (Param::CnExportControls, 0.4),
        ],
    },
    Preset {
        id: "allied-buildout",
        title: english_const(Msg::PresetAlliedBuildoutTitle),
        description: english_const(Msg::PresetAlliedBuildoutDescription),
        msgs: [
            Msg::PresetAlliedBuildoutTitle,
            Msg::PresetAlliedBuildoutDescription,
        ],
        overrides: &[
            (Param::AlliedBuildout, 2.0),
            (Param::AlliedSlip, 0.0),
            (Param::RivalUtilisation, 0.9),
        ],
    },
    Preset {
        id: "hub-budget",
        title: english_const(Msg::PresetHubBudgetTitle),
        description: english_const(Msg::PresetHubBudgetDescription),
        msgs: [Msg::PresetHubBudgetTitle, Msg::PresetHubBudgetDescription],
        overrides: &[
            (Param::RuProgrammeOdds, 1.0),
            (Param::RuBudgetShare, 1.0),
            (Param::RuFirstPlant, 2028.0),
        ],
    },
    Preset {
        id: "controls-2026",
        title: english_const(Msg::PresetControls2026Title),
        description: english_const(Msg::PresetControls2026Description),
        msgs: [
            Msg::PresetControls2026Title,
            Msg::PresetControls2026Description,
        ],
        overrides: &[
            (Param::CnExportControls, 0.5),
            (Param::CnControlsYear, 2027.0),
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preset_ids_are_unique_and_overrides_in_range() {
        for (index, preset) in PRESETS.iter().enumerate() {
            assert_eq!(preset.title, preset.reader_title(), "{}", preset.id);
            assert_eq!(preset.description, preset.reader_description());
            assert!(PRESETS[index + 1..]
                .iter()
                .all(|other| other.id != preset.id));
            for (param, value) in preset.overrides {
                assert!(
                    param.spec().contains(*value),
                    "{} {}",
                    preset.id,
                    param.key()
                );
            }
        }
        assert_eq!(
            Preset::find(BASELINE).map(Preset::scenario),
            Some(Scenario::default())
        );
    }

    #[test]
    fn set_clamps_into_range() {
        let scenario = Scenario::default().with(Param::Sanctions, 7.0);
        assert_eq!(scenario.get(Param::Sanctions), 1.0);
        let scenario = scenario.with(Param::Sanctions, f64::NAN);
        assert_eq!(
            scenario.get(Param::Sanctions),
            Param::Sanctions.spec().default
        );
    }
}
