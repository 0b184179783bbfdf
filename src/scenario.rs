//! A scenario (one value for every parameter) and the presets that encode published claims.

use crate::params::{Param, ParamSpec, PARAMS, PARAM_COUNT};
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
    /// Short title for the picker.
    pub title: &'static str,
    /// One paragraph: the claim, who made it, and how the preset encodes it.
    pub description: &'static str,
    /// Values that differ from the parameter table's defaults.
    #[serde(skip)]
    pub overrides: &'static [(Param, f64)],
}

impl Preset {
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
        title: "Baseline",
        description: "What is being built: operating capacity in 2025 (USGS Mineral Commodity Summaries 2026; IEA Global Critical Minerals Outlook 2026) plus the named pipeline outside China, each project weighted by its status (operating and under construction nearly certain, announced ones at one in four) and slipping two years plus its status's record; new plants take six years to reach nameplate, as MP Materials did. Russia's stated 10% by 2030 is risked like any announced programme (a one-in-four chance it is built), under today's sanctions (60% friction, an assumption), and China answers with mild price pressure.",
        overrides: &[],
    },
    Preset {
        id: "kremlin-2030",
        title: "Kremlin 2030 (10%)",
        description: "The official plan at face value: Russia lifts its share of world supply from about 1% to 10% by 2030 (Reuters, 12 Aug 2020; bne IntelliNews, 2 Feb 2026, on an ECFR brief), with the $9.2bn Angara–Yenisei hub's first plants in 2028 (Rare Earth Exchanges, 26 Jan 2026, on the ECFR analysis), a fast two-year ramp, imported feed where needed, little sanctions friction (10%) and no Chinese price response.",
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
        title: "Kremlin 12%",
        description: "Russian statements of 2025 reported by Reuters (Rare Earth Exchanges, 2025): 12% of world supply by 2030. Same face-value delivery as Kremlin 2030 (plants in 2028, a two-year ramp, 10% sanctions friction, no Chinese price response), with the programme sized for 12%.",
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
        title: "Supply-chain skeptic",
        description: "The critics' view (Rare Earth Exchanges, 26 Jan and 2 Feb 2026, on the ECFR analysis): reserves are not the bottleneck; sanctions block equipment, reagents, finance and know-how; permitting, EPC, commissioning, yield optimisation and customer qualification push meaningful output into the next decade. Plants slip to 2029, friction is 85%, ramps take six years, and sanctions delay a separation plant by up to four more.",
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
        title: "Sanctions lifted",
        description: "A settlement that reopens Western technology, equipment and finance to Russia's programme (the counterfactual to the critics' 'sanctions block equipment, reagents, finance, insurance and technology transfer', Rare Earth Exchanges, 26 Jan 2026): friction falls to zero, imported feed flows, and plants start in 2028 with an ordinary ramp; the programme itself is still risked like any announced project.",
        overrides: &[(Param::Sanctions, 0.0), (Param::RuFeedImports, 0.8)],
    },
    Preset {
        id: "price-war",
        title: "China's price war",
        description: "China defends its share, as Rare Earth Exchanges (2025) warns it may if Russia ramps up: prices low enough to delay and idle high-cost plants elsewhere (90% price suppression), plus export controls withholding 40% of its exports, in the spirit of the April and October 2025 controls.",
        overrides: &[
            (Param::CnPriceResponse, 0.9),
            (Param::CnExportControls, 0.4),
        ],
    },
    Preset {
        id: "allied-buildout",
        title: "Allied build-out",
        description: "The United States, Australia, Malaysia, Brazil and the EU deliver their pipelines on time and twice over (the MP Materials–Department of Defense deal of July 2025 with its $110/kg NdPr floor; the EU Critical Raw Materials Act's 40% processing benchmark): the allied factor is 2 with no slip, and new plants run at 90%.",
        overrides: &[
            (Param::AlliedBuildout, 2.0),
            (Param::AlliedSlip, 0.0),
            (Param::RivalUtilisation, 0.9),
        ],
    },
    Preset {
        id: "hub-budget",
        title: "The hub's budget at face value",
        description: "The $9.2bn Angara–Yenisei hub (bne IntelliNews, 2 Feb 2026, on the ECFR brief; 700bn roubles of capital to attract, TASS, Feb 2026) is built for certain and spent wholly on rare earths, first plants in 2028, at the median capex of the named pipeline plus a sanctions premium on equipment (CEPII, Mar 2025) under today's sanctions: what the money buys, and what runs out first.",
        overrides: &[
            (Param::RuProgrammeOdds, 1.0),
            (Param::RuBudgetShare, 1.0),
            (Param::RuFirstPlant, 2028.0),
        ],
    },
    Preset {
        id: "controls-2026",
        title: "Controls return in November 2026",
        description: "China's April 2025 controls on heavy rare earths and magnets holding them stay, and the October 2025 list returns when its suspension lapses on 10 November 2026 (MOFCOM Announcement 70; USGS Mineral Commodity Summaries 2026), withholding half of China's exports once they apply (an assumption: its exports of rare-earth products, mostly magnets, fell 61% year on year in May 2025, Bloomberg, 18 Jun 2025).",
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
