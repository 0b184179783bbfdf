//! The compiled-in dataset: base-year figures by region and stage, reserves and the project pipeline.
//!
//! The numbers live in `data/base-2024.json`, each with its source; `build.rs` checks the
//! file and compiles its numbers into the constant [`DATASET`] (fixed arrays indexed by
//! [`Region`] and [`Stage`]), so nothing is parsed at run time.

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
            Region::China => "China",
            Region::Russia => "Russia",
            Region::UnitedStates => "United States",
            Region::Australia => "Australia",
            Region::Myanmar => "Myanmar",
            Region::Malaysia => "Malaysia",
            Region::Eu => "EU",
            Region::Other => "Other",
        }
    }

    /// Whether the allied build-out factor scales this region's pipeline.
    pub fn is_allied(self) -> bool {
        !matches!(self, Region::China | Region::Russia | Region::Myanmar)
    }

    /// Whether this region counts as trusted (neither China nor Russia).
    pub fn is_trusted(self) -> bool {
        !matches!(self, Region::China | Region::Russia)
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
            Stage::Mining => "Mining",
            Stage::Separation => "Separation",
            Stage::Magnets => "Magnets",
        }
    }

    /// Short unit of this stage's tonnages.
    pub fn unit(self) -> &'static str {
        match self {
            Stage::Mining => "t REO",
            Stage::Separation => "t oxide",
            Stage::Magnets => "t NdFeB",
        }
    }

    /// The stage with this id, if any.
    pub fn from_id(id: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|stage| stage.id() == id)
    }
}

/// A named capacity addition.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Project {
    /// Name shown in the docs.
    pub name: &'static str,
    /// Region it adds capacity to.
    pub region: Region,
    /// Stage it adds capacity to.
    pub stage: Stage,
    /// Nameplate in the stage's unit per year.
    pub nameplate: f64,
    /// Announced first year of output.
    pub start: f64,
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
}

/// The dataset in the shape the model uses: fixed arrays indexed by [`Stage`] and [`Region`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dataset {
    /// The base year (2024).
    pub base_year: u16,
    /// Base-year output, `[stage][region]`.
    pub output: [[f64; REGION_COUNT]; STAGE_COUNT],
    /// Base-year capacity, `[stage][region]`.
    pub capacity: [[f64; REGION_COUNT]; STAGE_COUNT],
    /// Published reserves in Mt REO; `None` where there is no figure (no cap).
    pub reserves_mt: [Option<f64>; REGION_COUNT],
    /// Named constants.
    pub constants: Constants,
    /// The project pipeline.
    pub projects: &'static [Project],
}

// `DATASET`, written by build.rs from data/base-2024.json after checking it (src/dataset_source.rs).
include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// The compiled-in dataset.
pub fn dataset() -> &'static Dataset {
    &DATASET
}

/// The text of the data file, for tests and tools that want the provenance as well as the numbers.
pub const DATA_JSON: &str = include_str!("../data/base-2024.json");

#[cfg(test)]
#[path = "dataset_source.rs"]
mod dataset_source;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_constant_is_the_checked_data_file() {
        let checked = dataset_source::check(DATA_JSON);
        assert!(checked.is_ok(), "{:?}", checked.err());
        if let Ok(checked) = checked {
            let expected = dataset_source::to_rust(&checked);
            let compiled = std::fs::read_to_string(concat!(env!("OUT_DIR"), "/dataset.rs"));
            assert_eq!(compiled.ok(), Some(expected));
        }
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
    }

    #[test]
    fn world_totals_match_the_documented_sums() {
        let data = dataset();
        let world = |stage: Stage| data.output[stage as usize].iter().sum::<f64>();
        assert_eq!(world(Stage::Mining), 393_950.0);
        assert_eq!(world(Stage::Separation), 80_860.0);
        assert_eq!(world(Stage::Magnets), 319_149.0);
        assert_eq!(data.output[0][Region::China as usize], 270_000.0);
        assert_eq!(data.output[0][Region::Russia as usize], 2_500.0);
        assert_eq!(data.reserves_mt[Region::China as usize], Some(44.0));
        assert_eq!(data.reserves_mt[Region::Myanmar as usize], None);
    }

    #[test]
    fn refining_default_is_the_data_share() {
        let data = dataset();
        let separation = &data.output[Stage::Separation as usize];
        let share = separation[Region::China as usize] / separation.iter().sum::<f64>();
        assert_eq!(share, crate::params::Param::CnRefiningShare.spec().default);
    }

    #[test]
    fn broken_data_is_refused_with_a_message() {
        let cases = [
            (
                "\"region\": \"eu\", \"stage\": \"magnets\"",
                "\"region\": \"other\", \"stage\": \"magnets\"",
                "twice",
            ),
            (
                "\"output\": 270000, \"capacity\": 270000",
                "\"output\": 270000, \"capacity\": 1",
                "output <= capacity",
            ),
            (
                "\"source\": \"glazov\"",
                "\"source\": \"nobody\"",
                "unknown source",
            ),
            (
                "\"region\": \"australia\", \"value\"",
                "\"region\": \"atlantis\", \"value\"",
                "unknown region",
            ),
            (
                "\"ree_per_magnet\"",
                "\"ree_per_magnet_typo\"",
                "ree_per_magnet",
            ),
        ];
        for (from, to, message) in cases {
            assert!(DATA_JSON.contains(from), "{from}");
            let broken = DATA_JSON.replacen(from, to, 1);
            let result = dataset_source::check(&broken);
            assert!(
                result.as_ref().is_err_and(|error| error.contains(message)),
                "{message}: {:?}",
                result.err()
            );
        }
    }
}
