//! The compiled-in dataset: base-year figures by region and stage, reserves and the project pipeline.
//!
//! The numbers live in `data/base-2025.json` (and, for the track record, `data/hindcast-2020.json`),
//! each with its source; `build.rs` checks the files and compiles their numbers into the constants
//! [`DATASET`] and [`HINDCAST_DATASET`] (fixed arrays indexed by [`Region`] and [`Stage`]), so
//! nothing is parsed at run time. The schema is in `data/README.md`.

use crate::i18n::Msg;
use crate::tr;
use serde::{Deserialize, Serialize};

/// A producing region. The order is the order of every per-region array.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    /// China.
    China,
    /// Russia.
    Russia,
    /// The United States.
    UnitedStates,
    /// Australia.
    Australia,
    /// Myanmar (USGS: Burma).
    Myanmar,
    /// Malaysia.
    Malaysia,
    /// The European Union.
    Eu,
    /// Everyone else.
    Other,
}

/// Number of regions.
pub const REGION_COUNT: usize = 8;

impl Region {
    /// Every region, in array order.
    pub const ALL: [Region; REGION_COUNT] = [
        Region::China,
        Region::Russia,
        Region::UnitedStates,
        Region::Australia,
        Region::Myanmar,
        Region::Malaysia,
        Region::Eu,
        Region::Other,
    ];

    /// Lowercase id used in CSV, JSON and links.
    pub fn id(self) -> &'static str {
        match self {
            Region::China => "china",
            Region::Russia => "russia",
            Region::UnitedStates => "united_states",
            Region::Australia => "australia",
            Region::Myanmar => "myanmar",
            Region::Malaysia => "malaysia",
            Region::Eu => "eu",
            Region::Other => "other",
        }
    }

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Region::China => tr!(Msg::RegionChina),
            Region::Russia => tr!(Msg::RegionRussia),
            Region::UnitedStates => tr!(Msg::RegionUnitedStates),
            Region::Australia => tr!(Msg::RegionAustralia),
            Region::Myanmar => tr!(Msg::RegionMyanmar),
            Region::Malaysia => tr!(Msg::RegionMalaysia),
            Region::Eu => tr!(Msg::RegionEu),
            Region::Other => tr!(Msg::RegionOther),
        }
    }

    /// Whether the allied build-out factor scales this region's pipeline.
    pub fn is_allied(self) -> bool {
        !matches!(self, Region::China | Region::Russia | Region::Myanmar)
    }

    /// The region with this id, if any.
    pub fn from_id(id: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|region| region.id() == id)
    }
}

/// A stage of the supply chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Mining: rare-earth oxide in concentrate.
    Mining,
    /// Separation (refining) into magnet rare-earth oxides.
    Separation,
    /// Sintered NdFeB magnet making.
    Magnets,
}

/// Number of stages.
pub const STAGE_COUNT: usize = 3;

impl Stage {
    /// Every stage, upstream first.
    pub const ALL: [Stage; STAGE_COUNT] = [Stage::Mining, Stage::Separation, Stage::Magnets];

    /// Lowercase id used in CSV, JSON and links.
    pub fn id(self) -> &'static str {
        match self {
            Stage::Mining => "mining",
            Stage::Separation => "separation",
            Stage::Magnets => "magnets",
        }
    }

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Mining => tr!(Msg::StageMining),
            Stage::Separation => tr!(Msg::StageSeparation),
            Stage::Magnets => tr!(Msg::StageMagnets),
        }
    }

    /// Short unit of this stage's tonnages.
    pub fn unit(self) -> &'static str {
        match self {
            Stage::Mining => tr!(Msg::StageMiningUnit),
            Stage::Separation => tr!(Msg::StageSeparationUnit),
            Stage::Magnets => tr!(Msg::StageMagnetsUnit),
        }
    }

    /// The stage with this id, if any.
    pub fn from_id(id: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|stage| stage.id() == id)
    }
}

/// How far a project has got; sets its completion probability and expected slip (see the data file's `statuses`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Producing or ramping up.
    Operating,
    /// Under construction.
    Construction,
    /// Financed (final investment decision or committed funding), not yet building.
    Financed,
    /// Feasibility study published.
    Feasibility,
    /// Announced only.
    Announced,
    /// Stalled: promised dates passed without construction.
    Stalled,
    /// Cancelled (kept so the record shows it).
    Cancelled,
}

/// Number of project statuses.
pub const STATUS_COUNT: usize = 7;

impl Status {
    /// Every status, most advanced first.
    pub const ALL: [Status; STATUS_COUNT] = [
        Status::Operating,
        Status::Construction,
        Status::Financed,
        Status::Feasibility,
        Status::Announced,
        Status::Stalled,
        Status::Cancelled,
    ];

    /// Lowercase id used in the data file, CSV and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Status::Operating => "operating",
            Status::Construction => "construction",
            Status::Financed => "financed",
            Status::Feasibility => "feasibility",
            Status::Announced => "announced",
            Status::Stalled => "stalled",
            Status::Cancelled => "cancelled",
        }
    }
}

/// A status's completion probability and expected slip past the announced start, in years.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct StatusOdds {
    /// Chance the project is ever built.
    pub probability: f64,
    /// Years past the announced start, beyond the pipeline's typical slip.
    pub slip: f64,
}

/// A named capacity addition (its name and published capex are in [`DATASET_PROJECT_NAMES`] and
/// [`DATASET_PROJECT_CAPEX_MUSD`], same order).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Project {
    /// Region it adds capacity to.
    pub region: Region,
    /// Stage it adds capacity to.
    pub stage: Stage,
    /// Nameplate in the stage's unit per year.
    pub nameplate: f64,
    /// Announced first year of output.
    pub start: f64,
    /// How far it has got.
    pub status: Status,
    /// Dy and Tb oxide within the nameplate, t a year (separation projects; 0 for light-only plants).
    pub heavy: f64,
}

/// One observed stage-year before the base year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Observed {
    /// Stage.
    pub stage: Stage,
    /// Calendar year.
    pub year: u16,
    /// Share of world output per region; sums to 1.
    pub share: [f64; REGION_COUNT],
    /// Output per region in the stage's unit, where the source publishes tonnes.
    pub output: Option<[f64; REGION_COUNT]>,
}

/// The model's named constants (each one's source and tag are in the data file).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Constants {
    /// Tonnes of magnet oxide per tonne of concentrate REO.
    pub magnet_ree_per_concentrate: f64,
    /// Tonnes of rare earths per tonne of magnet.
    pub ree_per_magnet: f64,
    /// Start delay of new non-China plants at full price suppression, in years.
    pub price_delay_years: f64,
    /// Utilisation cut of new non-China plants at full price suppression.
    pub price_util_cut: f64,
    /// Utilisation Russia's programme is sized for.
    pub ru_programme_utilisation: f64,
    /// Dy and Tb in magnet rare-earth oxides: the heavy share of separation demand, and of China's
    /// separated-oxide exports the April 2025 list covers.
    pub heavy_share: f64,
    /// Share of China's magnet exports the April 2025 list covers (magnets holding Dy or Tb).
    pub april_list_magnets: f64,
}

/// A dataset in the shape the model uses: fixed arrays indexed by [`Stage`] and [`Region`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dataset {
    /// Version id (`"2025.1"`); links and scenario files carry it.
    pub version: &'static str,
    /// The base year.
    pub base_year: u16,
    /// Base-year output, `[stage][region]`.
    pub output: [[f64; REGION_COUNT]; STAGE_COUNT],
    /// Base-year capacity, `[stage][region]`.
    pub capacity: [[f64; REGION_COUNT]; STAGE_COUNT],
    /// Observed stage-years before the base year, by stage then year; missing years are gaps.
    pub history: &'static [Observed],
    /// Published reserves in Mt REO; `None` where there is no figure (no cap).
    pub reserves_mt: [Option<f64>; REGION_COUNT],
    /// Named constants.
    pub constants: Constants,
    /// Completion probability and slip by [`Status`].
    pub statuses: [StatusOdds; STATUS_COUNT],
    /// The project pipeline.
    pub projects: &'static [Project],
    /// Parameter defaults that differ from today's (the hindcast's, as set in 2020): key and value.
    pub defaults: &'static [(&'static str, f64)],
}

impl Dataset {
    /// The odds of a status.
    pub fn odds(&self, status: Status) -> StatusOdds {
        self.statuses[status as usize]
    }

    /// The observed shares of one stage, oldest first, ending with the base year (from the base rows).
    pub fn observed(&self, stage: Stage) -> impl Iterator<Item = Observed> + '_ {
        let base = &self.output[stage as usize];
        let total: f64 = base.iter().sum();
        let base_year = Observed {
            stage,
            year: self.base_year,
            share: base.map(|output| output / total),
            output: Some(*base),
        };
        self.history
            .iter()
            .filter(move |observed| observed.stage == stage)
            .copied()
            .chain(std::iter::once(base_year))
    }

    /// The observed share of `region` at `stage` in `year`, if that year was observed.
    pub fn observed_share(&self, year: u16, stage: Stage, region: Region) -> Option<f64> {
        self.observed(stage)
            .find(|observed| observed.year == year)
            .map(|observed| observed.share[region as usize])
    }
}

// `DATASET` and `HINDCAST_DATASET`, written by build.rs from the data files after checking them (src/dataset_source.rs).
include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// The current dataset's base year.
pub const DATA_BASE_YEAR: u16 = DATASET.base_year;

/// The current dataset's version id.
pub const DATA_VERSION: &str = DATASET.version;

/// The version id of the dataset before this one: links and files without a version were made with it.
pub const LEGACY_DATA_VERSION: &str = "2024.1";

/// The compiled-in dataset.
pub fn dataset() -> &'static Dataset {
    &DATASET
}

/// The text of the current data file, for tests and tools that want the provenance as well as the numbers.
#[cfg(test)]
const DATA_JSON: &str = include_str!("../data/base-2025.json");

/// The text of the hindcast data file, for the same tests.
#[cfg(test)]
const HINDCAST_JSON: &str = include_str!("../data/hindcast-2020.json");

#[cfg(test)]
#[path = "dataset_source.rs"]
mod dataset_source;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_constants_are_the_checked_data_files() {
        let mut expected = String::new();
        for (text, name, file) in [
            (DATA_JSON, "DATASET", "data/base-2025.json"),
            (HINDCAST_JSON, "HINDCAST_DATASET", "data/hindcast-2020.json"),
        ] {
            let checked = dataset_source::check(text);
            assert!(checked.is_ok(), "{file}: {:?}", checked.err());
            if let Ok(checked) = checked {
                expected.push_str(&dataset_source::to_rust(&checked, name, file));
            }
        }
        let compiled = std::fs::read_to_string(concat!(env!("OUT_DIR"), "/dataset.rs"));
        assert_eq!(compiled.ok(), Some(expected));
    }

    #[test]
    fn region_and_stage_ids_agree_with_the_data_compiler() {
        let ids: Vec<&str> = Region::ALL.iter().map(|region| region.id()).collect();
        let compiler: Vec<&str> = dataset_source::REGIONS.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, compiler);
        let ids: Vec<&str> = Stage::ALL.iter().map(|stage| stage.id()).collect();
        let compiler: Vec<&str> = dataset_source::STAGES.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, compiler);
        assert_eq!(dataset_source::MAX_PROJECTS, crate::simulate::MAX_PROJECTS);
        let ids: Vec<&str> = Status::ALL.iter().map(|status| status.id()).collect();
        let compiler: Vec<&str> = dataset_source::STATUSES.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, compiler);
    }

    #[test]
    fn world_totals_match_the_documented_sums() {
        let data = dataset();
        let world = |stage: Stage| data.output[stage as usize].iter().sum::<f64>();
        // USGS MCS 2026 rows for 2025 (389,310 t); separation set so China is 85% (80,847 t);
        // magnets from China's 300,000 t at 94.4% (317,797 t).
        assert_eq!(data.version, "2025.1");
        assert_eq!(data.base_year, 2025);
        assert_eq!(world(Stage::Mining), 389_310.0);
        assert_eq!(world(Stage::Separation), 80_847.0);
        assert_eq!(world(Stage::Magnets), 317_797.0);
        assert_eq!(data.output[0][Region::China as usize], 270_000.0);
        assert_eq!(data.output[0][Region::Russia as usize], 2_600.0);
        assert_eq!(data.output[1][Region::Russia as usize], 0.0);
        assert_eq!(data.reserves_mt[Region::China as usize], Some(44.0));
        assert_eq!(data.reserves_mt[Region::Myanmar as usize], None);
    }

    #[test]
    fn allied_regions_units_and_ids_are_as_documented() {
        let allied: Vec<&str> = Region::ALL
            .into_iter()
            .filter(|region| region.is_allied())
            .map(Region::id)
            .collect();
        assert_eq!(
            allied,
            ["united_states", "australia", "malaysia", "eu", "other"]
        );
        let units: Vec<&str> = Stage::ALL.into_iter().map(Stage::unit).collect();
        assert_eq!(units, ["t REO", "t oxide", "t NdFeB"]);
        for status in Status::ALL {
            assert_eq!(
                dataset_source::STATUSES[status as usize].0,
                status.id(),
                "{status:?}"
            );
        }
    }

    #[test]
    fn refining_default_is_the_data_share() {
        let data = dataset();
        let separation = &data.output[Stage::Separation as usize];
        let share = separation[Region::China as usize] / separation.iter().sum::<f64>();
        assert_eq!(share, crate::params::Param::CnRefiningShare.spec().default);
    }

    /// The data file with one change made by `edit`, checked.
    fn check_edited(edit: impl Fn(&mut serde_json::Value)) -> Result<(), String> {
        let mut value: serde_json::Value =
            serde_json::from_str(DATA_JSON).map_err(|e| e.to_string())?;
        edit(&mut value);
        dataset_source::check(&value.to_string()).map(|_| ())
    }

    #[test]
    fn broken_data_is_refused_with_a_message() {
        use serde_json::json;
        type Edit = fn(&mut serde_json::Value);
        let cases: [(Edit, &str); 9] = [
            (|v| v["base"][0]["region"] = json!("russia"), "twice"),
            (
                |v| v["base"][0]["capacity"] = json!(1),
                "output <= capacity",
            ),
            (
                |v| v["projects"][0]["source"] = json!("nobody"),
                "unknown source",
            ),
            (
                |v| v["reserves_mt"][0]["region"] = json!("atlantis"),
                "unknown region",
            ),
            (
                |v| {
                    v["constants"]
                        .as_object_mut()
                        .map(|c| c.remove("ree_per_magnet"));
                },
                "ree_per_magnet",
            ),
            (
                |v| v["projects"][0]["status"] = json!("dreaming"),
                "unknown status",
            ),
            (
                |v| {
                    v["statuses"].as_object_mut().map(|c| c.remove("announced"));
                },
                "announced",
            ),
            (
                |v| v["projects"][1]["name"] = v["projects"][0]["name"].clone(),
                "twice",
            ),
            (
                |v| v["history"][0]["year"] = json!(2025),
                "before the base year",
            ),
        ];
        assert_eq!(check_edited(|_| {}), Ok(()));
        for (edit, message) in cases {
            let result = check_edited(edit);
            assert!(
                result.as_ref().is_err_and(|error| error.contains(message)),
                "{message}: {result:?}"
            );
        }
        // Shares that do not sum to one, a source without an address.
        let result = check_edited(|v| {
            if let Some(row) = v["history"]
                .as_array_mut()
                .and_then(|rows| rows.iter_mut().find(|row| row["basis"] == "share"))
            {
                row["values"]["china"] = json!(0.2);
            }
        });
        assert!(result.is_err_and(|error| error.contains("sum to 1")));
        let result = check_edited(|v| {
            if let Some(source) = v["sources"]
                .as_object_mut()
                .and_then(|s| s.values_mut().next())
            {
                source["url"] = json!(" ");
            }
        });
        assert!(result.is_err_and(|error| error.contains("empty url")));
    }
}
