//! The compiled-in dataset: base-year figures by region and stage, reserves and the project pipeline.
//!
//! The numbers live in `data/base-2024.json`, each with its source; this module
//! only reads them into fixed arrays indexed by [`Region`] and [`Stage`].

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

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

/// One row of base-year figures.
#[derive(Clone, Debug, Deserialize)]
pub struct BaseRow {
    /// Region.
    pub region: Region,
    /// Stage.
    pub stage: Stage,
    /// Output in the stage's unit per year.
    pub output: f64,
    /// Capacity in the stage's unit per year.
    pub capacity: f64,
    /// Key into the sources table.
    pub source: String,
    /// P, S, U or D (see the data file's `about`).
    pub tag: String,
    /// What the number is and how it was derived.
    #[serde(default)]
    pub note: String,
}

/// A published reserve figure.
#[derive(Clone, Debug, Deserialize)]
pub struct ReserveRow {
    /// Region.
    pub region: Region,
    /// Reserves in million tonnes REO.
    pub value: f64,
    /// Key into the sources table.
    pub source: String,
    /// P, S, U or D.
    pub tag: String,
}

/// A named capacity addition.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Project {
    /// Name shown in the docs.
    pub name: String,
    /// Region it adds capacity to.
    pub region: Region,
    /// Stage it adds capacity to.
    pub stage: Stage,
    /// Nameplate in the stage's unit per year.
    pub nameplate: f64,
    /// Announced first year of output.
    pub start: f64,
    /// Key into the sources table.
    pub source: String,
    /// P, S, U or D.
    pub tag: String,
    /// Remarks on the figure.
    #[serde(default)]
    pub note: String,
}

/// A constant with its provenance.
#[derive(Clone, Debug, Deserialize)]
pub struct Constant {
    /// The value.
    pub value: f64,
    /// P, S, U or D.
    pub tag: String,
    /// Key into the sources table.
    pub source: String,
    /// What it means.
    pub note: String,
}

/// The model's named constants.
#[derive(Clone, Debug, Deserialize)]
pub struct Constants {
    /// Tonnes of magnet oxide per tonne of concentrate REO.
    pub magnet_ree_per_concentrate: Constant,
    /// Tonnes of rare earths per tonne of magnet.
    pub ree_per_magnet: Constant,
    /// Start delay of new non-China plants at full price suppression.
    pub price_delay_years: Constant,
    /// Utilisation cut of new non-China plants at full price suppression.
    pub price_util_cut: Constant,
    /// Utilisation Russia's programme is sized for.
    pub ru_programme_utilisation: Constant,
}

/// A stage's description in the data file.
#[derive(Clone, Debug, Deserialize)]
pub struct StageInfo {
    /// Stage id.
    pub id: Stage,
    /// Long unit.
    pub unit_long: String,
    /// How the world total is formed.
    pub world_note: String,
}

#[derive(Deserialize)]
struct RawDataset {
    base_year: u16,
    sources: std::collections::BTreeMap<String, String>,
    stages: Vec<StageInfo>,
    base: Vec<BaseRow>,
    reserves_mt: Vec<ReserveRow>,
    constants: Constants,
    projects: Vec<Project>,
}

/// The dataset in the shape the model uses.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// The base year (2024).
    pub base_year: u16,
    /// Base-year output, `[stage][region]`.
    pub output: [[f64; REGION_COUNT]; STAGE_COUNT],
    /// Base-year capacity, `[stage][region]`.
    pub capacity: [[f64; REGION_COUNT]; STAGE_COUNT],
    /// Published reserves in Mt REO; `None` where there is no figure (no cap).
    pub reserves_mt: [Option<f64>; REGION_COUNT],
    /// The project pipeline.
    pub projects: Vec<Project>,
    /// Named constants.
    pub constants: Constants,
    /// Source keys to full citations.
    pub sources: std::collections::BTreeMap<String, String>,
    /// The base-year rows as written, for docs and tests.
    pub rows: Vec<BaseRow>,
    /// Per-stage notes.
    pub stages: Vec<StageInfo>,
}

/// The text of the data file, compiled in.
pub const DATA_JSON: &str = include_str!("../data/base-2024.json");

/// Reads and checks the dataset text: every region and stage once, every source known.
pub fn parse_dataset(text: &str) -> Result<Dataset, String> {
    let raw: RawDataset = serde_json::from_str(text).map_err(|error| error.to_string())?;
    let mut output = [[f64::NAN; REGION_COUNT]; STAGE_COUNT];
    let mut capacity = [[f64::NAN; REGION_COUNT]; STAGE_COUNT];
    for row in &raw.base {
        let (stage, region) = (row.stage as usize, row.region as usize);
        if !output[stage][region].is_nan() {
            return Err(format!(
                "{} {} appears twice",
                row.region.id(),
                row.stage.id()
            ));
        }
        if !(row.output >= 0.0 && row.capacity >= row.output) {
            return Err(format!(
                "{} {}: need 0 <= output <= capacity",
                row.region.id(),
                row.stage.id()
            ));
        }
        output[stage][region] = row.output;
        capacity[stage][region] = row.capacity;
    }
    for stage in Stage::ALL {
        for region in Region::ALL {
            if output[stage as usize][region as usize].is_nan() {
                return Err(format!("{} {} is missing", region.id(), stage.id()));
            }
        }
    }
    let mut reserves_mt = [None; REGION_COUNT];
    for row in &raw.reserves_mt {
        reserves_mt[row.region as usize] = Some(row.value);
    }
    let sources_used = raw
        .base
        .iter()
        .map(|row| &row.source)
        .chain(raw.reserves_mt.iter().map(|row| &row.source))
        .chain(raw.projects.iter().map(|project| &project.source));
    for source in sources_used {
        if !raw.sources.contains_key(source) {
            return Err(format!("unknown source {source}"));
        }
    }
    Ok(Dataset {
        base_year: raw.base_year,
        output,
        capacity,
        reserves_mt,
        projects: raw.projects,
        constants: raw.constants,
        sources: raw.sources,
        rows: raw.base,
        stages: raw.stages,
    })
}

/// The compiled-in dataset, read once.
pub fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| match parse_dataset(DATA_JSON) {
        Ok(dataset) => dataset,
        // The file is compiled in and checked by `tests::compiled_dataset_is_valid`, so this cannot happen in a tested build.
        Err(error) => panic!("data/base-2024.json is invalid: {error}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_dataset_is_valid() {
        let dataset = parse_dataset(DATA_JSON);
        assert!(dataset.is_ok(), "{:?}", dataset.err());
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
        let text = DATA_JSON.replace(
            "\"region\": \"eu\", \"stage\": \"magnets\"",
            "\"region\": \"other\", \"stage\": \"magnets\"",
        );
        assert!(parse_dataset(&text).is_err_and(|error| error.contains("twice")));
    }
}
