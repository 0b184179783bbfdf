//! Reads and checks `data/base-2024.json` and writes it as Rust constants.
//!
//! Shared by `build.rs` (which compiles the data file into the crate, so the page never parses
//! JSON at start-up and carries none of the provenance text) and by the library's tests (which
//! check that broken data is refused). It knows regions and stages by their ids only.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Region ids in array order, with the Rust variant each becomes.
pub const REGIONS: [(&str, &str); 8] = [
    ("china", "China"),
    ("russia", "Russia"),
    ("united_states", "UnitedStates"),
    ("australia", "Australia"),
    ("myanmar", "Myanmar"),
    ("malaysia", "Malaysia"),
    ("eu", "Eu"),
    ("other", "Other"),
];

/// Stage ids in array order, with the Rust variant each becomes.
pub const STAGES: [(&str, &str); 3] = [
    ("mining", "Mining"),
    ("separation", "Separation"),
    ("magnets", "Magnets"),
];

/// Most projects the pipeline may hold (the model keeps them in a fixed array).
pub const MAX_PROJECTS: usize = 32;

const TAGS: [&str; 4] = ["P", "S", "D", "U"];

#[derive(Deserialize)]
struct Row {
    region: String,
    stage: String,
    output: f64,
    capacity: f64,
    source: String,
    tag: String,
}

#[derive(Deserialize)]
struct Reserve {
    region: String,
    value: f64,
    source: String,
    tag: String,
}

#[derive(Deserialize)]
struct Constant {
    value: f64,
    tag: String,
    source: String,
}

#[derive(Deserialize)]
struct ProjectRow {
    name: String,
    region: String,
    stage: String,
    nameplate: f64,
    start: f64,
    source: String,
    tag: String,
}

#[derive(Deserialize)]
struct Raw {
    base_year: u16,
    sources: BTreeMap<String, String>,
    base: Vec<Row>,
    reserves_mt: Vec<Reserve>,
    constants: BTreeMap<String, Constant>,
    projects: Vec<ProjectRow>,
}

/// The constants the model reads, in the order of the `Constants` struct.
pub const CONSTANTS: [&str; 5] = [
    "magnet_ree_per_concentrate",
    "ree_per_magnet",
    "price_delay_years",
    "price_util_cut",
    "ru_programme_utilisation",
];

/// The data file, checked: every region and stage once, 0 ≤ output ≤ capacity, known sources and
/// tags, every constant present, a pipeline that fits the model's array.
pub struct Checked {
    base_year: u16,
    output: [[f64; 8]; 3],
    capacity: [[f64; 8]; 3],
    reserves: [Option<f64>; 8],
    constants: [f64; 5],
    projects: Vec<(String, usize, usize, f64, f64)>,
}

fn region_index(id: &str) -> Result<usize, String> {
    REGIONS
        .iter()
        .position(|(region, _)| *region == id)
        .ok_or_else(|| format!("unknown region '{id}'"))
}

fn stage_index(id: &str) -> Result<usize, String> {
    STAGES
        .iter()
        .position(|(stage, _)| *stage == id)
        .ok_or_else(|| format!("unknown stage '{id}'"))
}

fn check_provenance(
    what: &str,
    source: &str,
    tag: &str,
    sources: &BTreeMap<String, String>,
) -> Result<(), String> {
    if !sources.contains_key(source) {
        return Err(format!("{what}: unknown source '{source}'"));
    }
    if !TAGS.contains(&tag) {
        return Err(format!("{what}: tag '{tag}' is not one of P, S, D, U"));
    }
    Ok(())
}

/// Parses and checks the data file's text.
pub fn check(text: &str) -> Result<Checked, String> {
    let raw: Raw = serde_json::from_str(text).map_err(|error| error.to_string())?;
    let mut output = [[f64::NAN; 8]; 3];
    let mut capacity = [[f64::NAN; 8]; 3];
    for row in &raw.base {
        let what = format!("{} {}", row.region, row.stage);
        let (stage, region) = (stage_index(&row.stage)?, region_index(&row.region)?);
        if !output[stage][region].is_nan() {
            return Err(format!("{what} appears twice"));
        }
        if !(row.output >= 0.0 && row.capacity >= row.output && row.capacity.is_finite()) {
            return Err(format!("{what}: need 0 <= output <= capacity"));
        }
        check_provenance(&what, &row.source, &row.tag, &raw.sources)?;
        output[stage][region] = row.output;
        capacity[stage][region] = row.capacity;
    }
    for (stage, (stage_id, _)) in STAGES.iter().enumerate() {
        for (region, (region_id, _)) in REGIONS.iter().enumerate() {
            if output[stage][region].is_nan() {
                return Err(format!("{region_id} {stage_id} is missing"));
            }
        }
        if output[stage][0] <= 0.0 {
            return Err(format!(
                "china {stage_id} must be positive (China clears the market)"
            ));
        }
    }
    let mut reserves = [None; 8];
    for row in &raw.reserves_mt {
        check_provenance(
            &format!("reserves of {}", row.region),
            &row.source,
            &row.tag,
            &raw.sources,
        )?;
        if !(row.value > 0.0 && row.value.is_finite()) {
            return Err(format!("reserves of {} must be positive", row.region));
        }
        reserves[region_index(&row.region)?] = Some(row.value);
    }
    let mut constants = [0.0; 5];
    for (slot, key) in constants.iter_mut().zip(CONSTANTS) {
        let constant = raw
            .constants
            .get(key)
            .ok_or_else(|| format!("constant '{key}' is missing"))?;
        check_provenance(key, &constant.source, &constant.tag, &raw.sources)?;
        if !(constant.value > 0.0 && constant.value.is_finite()) {
            return Err(format!("constant '{key}' must be positive"));
        }
        *slot = constant.value;
    }
    if raw.projects.len() > MAX_PROJECTS {
        return Err(format!("at most {MAX_PROJECTS} projects"));
    }
    let mut projects = Vec::new();
    for project in &raw.projects {
        check_provenance(&project.name, &project.source, &project.tag, &raw.sources)?;
        if !(project.nameplate > 0.0
            && project.nameplate.is_finite()
            && (2000.0..2100.0).contains(&project.start))
        {
            return Err(format!(
                "{}: need a positive nameplate and a start year",
                project.name
            ));
        }
        projects.push((
            project.name.clone(),
            region_index(&project.region)?,
            stage_index(&project.stage)?,
            project.nameplate,
            project.start,
        ));
    }
    Ok(Checked {
        base_year: raw.base_year,
        output,
        capacity,
        reserves,
        constants,
        projects,
    })
}

/// `value` as a Rust `f64` literal that reads back to the same bits.
fn literal(value: f64) -> String {
    format!("{value:?}")
}

fn array(values: &[f64]) -> String {
    let items: Vec<String> = values.iter().map(|value| literal(*value)).collect();
    format!("[{}]", items.join(", "))
}

/// The checked data as the Rust source of a `Dataset` constant named `DATASET`.
pub fn to_rust(data: &Checked) -> String {
    let mut out = String::from("// Generated by build.rs from data/base-2024.json; do not edit.\n");
    let _ = writeln!(
        out,
        "/// The compiled-in dataset (see data/base-2024.json for every source)."
    );
    let _ = writeln!(out, "pub const DATASET: Dataset = Dataset {{");
    let _ = writeln!(out, "    base_year: {},", data.base_year);
    for (name, table) in [("output", &data.output), ("capacity", &data.capacity)] {
        let rows: Vec<String> = table.iter().map(|row| array(row)).collect();
        let _ = writeln!(out, "    {name}: [{}],", rows.join(", "));
    }
    let reserves: Vec<String> = data
        .reserves
        .iter()
        .map(|reserve| {
            reserve.map_or("None".to_string(), |value| {
                format!("Some({})", literal(value))
            })
        })
        .collect();
    let _ = writeln!(out, "    reserves_mt: [{}],", reserves.join(", "));
    let _ = writeln!(out, "    constants: Constants {{");
    for (key, value) in CONSTANTS.iter().zip(data.constants) {
        let _ = writeln!(out, "        {key}: {},", literal(value));
    }
    let _ = writeln!(out, "    }},");
    let _ = writeln!(out, "    projects: &[");
    for (name, region, stage, nameplate, start) in &data.projects {
        let _ = writeln!(
            out,
            "        Project {{ name: {name:?}, region: Region::{}, stage: Stage::{}, nameplate: {}, start: {} }},",
            REGIONS[*region].1,
            STAGES[*stage].1,
            literal(*nameplate),
            literal(*start)
        );
    }
    let _ = writeln!(out, "    ],");
    let _ = writeln!(out, "}};");
    out
}
