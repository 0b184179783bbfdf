//! Reads and checks the data files (`data/base-2025.json`, `data/hindcast-2020.json`) and writes them as Rust constants.
//!
//! Shared by `build.rs` (which compiles the data files into the crate, so the page never parses
//! JSON at start-up and carries none of the provenance text) and by the library's tests (which
//! check that broken data is refused). It knows regions, stages and statuses by their ids only.
//! The schema is described in `data/README.md`.

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

/// Project status ids in array order, most advanced first, with the Rust variant each becomes.
pub const STATUSES: [(&str, &str); 7] = [
    ("operating", "Operating"),
    ("construction", "Construction"),
    ("financed", "Financed"),
    ("feasibility", "Feasibility"),
    ("announced", "Announced"),
    ("stalled", "Stalled"),
    ("cancelled", "Cancelled"),
];

/// Most projects the pipeline may hold (the model keeps them in a fixed array).
pub const MAX_PROJECTS: usize = 64;

/// Most observed stage-years the history may hold.
pub const MAX_HISTORY: usize = 64;

const TAGS: [&str; 4] = ["P", "S", "D", "U"];

#[derive(Deserialize)]
struct Source {
    publisher: String,
    title: String,
    date: String,
    url: String,
}

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
struct HistoryRow {
    stage: String,
    year: u16,
    basis: String,
    values: BTreeMap<String, f64>,
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
struct StatusRow {
    probability: f64,
    slip: f64,
    source: String,
    tag: String,
}

#[derive(Deserialize)]
struct ProjectRow {
    name: String,
    region: String,
    stage: String,
    nameplate: f64,
    start: f64,
    status: String,
    capex_musd: Option<f64>,
    /// Dy and Tb oxide within a separation project's nameplate, t a year (absent: none).
    #[serde(default)]
    heavy: f64,
    source: String,
    tag: String,
}

#[derive(Deserialize)]
struct Raw {
    version: String,
    base_year: u16,
    sources: BTreeMap<String, Source>,
    base: Vec<Row>,
    #[serde(default)]
    history: Vec<HistoryRow>,
    reserves_mt: Vec<Reserve>,
    constants: BTreeMap<String, Constant>,
    statuses: BTreeMap<String, StatusRow>,
    projects: Vec<ProjectRow>,
    #[serde(default)]
    defaults: BTreeMap<String, Constant>,
}

/// The constants the model reads, in the order of the `Constants` struct.
pub const CONSTANTS: [&str; 7] = [
    "magnet_ree_per_concentrate",
    "ree_per_magnet",
    "price_delay_years",
    "price_util_cut",
    "ru_programme_utilisation",
    "heavy_share",
    "april_list_magnets",
];

/// One checked project: name, region, stage, nameplate, start, status, capex.
type CheckedProject = (String, usize, usize, f64, f64, usize, Option<f64>, f64);

/// One checked observed stage-year: stage, year, shares, tonnes if published as tonnes.
type CheckedHistory = (usize, u16, [f64; 8], Option<[f64; 8]>);

/// A data file, checked: every region and stage once, 0 ≤ output ≤ capacity, known sources and
/// tags, every constant and status present, a pipeline and a history that fit the model's arrays.
pub struct Checked {
    version: String,
    base_year: u16,
    output: Table,
    capacity: Table,
    history: Vec<CheckedHistory>,
    reserves: [Option<f64>; 8],
    constants: [f64; 7],
    statuses: [(f64, f64); 7],
    projects: Vec<CheckedProject>,
    defaults: Vec<(String, f64)>,
}

fn index_of(table: &[(&str, &str)], what: &str, id: &str) -> Result<usize, String> {
    table
        .iter()
        .position(|(known, _)| *known == id)
        .ok_or_else(|| format!("unknown {what} '{id}'"))
}

fn region_index(id: &str) -> Result<usize, String> {
    index_of(&REGIONS, "region", id)
}

fn stage_index(id: &str) -> Result<usize, String> {
    index_of(&STAGES, "stage", id)
}

fn check_provenance(
    what: &str,
    source: &str,
    tag: &str,
    sources: &BTreeMap<String, Source>,
) -> Result<(), String> {
    if !sources.contains_key(source) {
        return Err(format!("{what}: unknown source '{source}'"));
    }
    if !TAGS.contains(&tag) {
        return Err(format!("{what}: tag '{tag}' is not one of P, S, D, U"));
    }
    Ok(())
}

fn check_sources(sources: &BTreeMap<String, Source>) -> Result<(), String> {
    for (key, source) in sources {
        for (field, text) in [
            ("publisher", &source.publisher),
            ("title", &source.title),
            ("date", &source.date),
            ("url", &source.url),
        ] {
            if text.trim().is_empty() {
                return Err(format!("source '{key}': empty {field}"));
            }
        }
    }
    Ok(())
}

/// Base-year figures, `[stage][region]`.
type Table = [[f64; 8]; 3];

fn check_base(raw: &Raw) -> Result<(Table, Table), String> {
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
    Ok((output, capacity))
}

fn check_history(raw: &Raw) -> Result<Vec<CheckedHistory>, String> {
    if raw.history.len() > MAX_HISTORY {
        return Err(format!("at most {MAX_HISTORY} history rows"));
    }
    let mut history: Vec<CheckedHistory> = Vec::new();
    for row in &raw.history {
        let what = format!("history {} {}", row.stage, row.year);
        let stage = stage_index(&row.stage)?;
        check_provenance(&what, &row.source, &row.tag, &raw.sources)?;
        if !(1990..raw.base_year).contains(&row.year) {
            return Err(format!("{what}: the year must come before the base year"));
        }
        if history
            .iter()
            .any(|(other, year, _, _)| *other == stage && *year == row.year)
        {
            return Err(format!("{what} appears twice"));
        }
        let mut values = [f64::NAN; 8];
        for (id, value) in &row.values {
            if !(value.is_finite() && *value >= 0.0) {
                return Err(format!("{what}: {id} must be a number >= 0"));
            }
            values[region_index(id)?] = *value;
        }
        if let Some(missing) = values.iter().position(|value| value.is_nan()) {
            return Err(format!("{what}: {} is missing", REGIONS[missing].0));
        }
        let total: f64 = values.iter().sum();
        let (shares, tonnes) = match row.basis.as_str() {
            "tonnes" if total > 0.0 => (values.map(|value| value / total), Some(values)),
            "share" if (total - 1.0).abs() <= 0.005 => (values.map(|value| value / total), None),
            "tonnes" => return Err(format!("{what}: tonnes must not all be zero")),
            "share" => return Err(format!("{what}: shares must sum to 1 (got {total})")),
            other => return Err(format!("{what}: basis '{other}' is not tonnes or share")),
        };
        history.push((stage, row.year, shares, tonnes));
    }
    history.sort_by_key(|(stage, year, _, _)| (*stage, *year));
    Ok(history)
}

fn check_statuses(raw: &Raw) -> Result<[(f64, f64); 7], String> {
    let mut statuses = [(0.0, 0.0); 7];
    for (slot, (key, _)) in statuses.iter_mut().zip(STATUSES) {
        let status = raw
            .statuses
            .get(key)
            .ok_or_else(|| format!("status '{key}' is missing"))?;
        check_provenance(key, &status.source, &status.tag, &raw.sources)?;
        if !((0.0..=1.0).contains(&status.probability) && (0.0..=20.0).contains(&status.slip)) {
            return Err(format!(
                "status '{key}': need a probability in [0, 1] and a slip in [0, 20] years"
            ));
        }
        *slot = (status.probability, status.slip);
    }
    if let Some(key) = raw
        .statuses
        .keys()
        .find(|key| STATUSES.iter().all(|(known, _)| known != &key.as_str()))
    {
        return Err(format!("unknown status '{key}'"));
    }
    Ok(statuses)
}

fn check_projects(raw: &Raw) -> Result<Vec<CheckedProject>, String> {
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
        if project
            .capex_musd
            .is_some_and(|capex| !(capex > 0.0 && capex.is_finite()))
        {
            return Err(format!("{}: capex must be positive or null", project.name));
        }
        if !(0.0..=project.nameplate).contains(&project.heavy)
            || (project.heavy > 0.0 && project.stage != "separation")
        {
            return Err(format!(
                "{}: heavy must be a separation project's Dy and Tb, 0 to its nameplate",
                project.name
            ));
        }
        if projects
            .iter()
            .any(|(name, ..): &CheckedProject| *name == project.name)
        {
            return Err(format!("{}: the name appears twice", project.name));
        }
        projects.push((
            project.name.clone(),
            region_index(&project.region)?,
            stage_index(&project.stage)?,
            project.nameplate,
            project.start,
            index_of(&STATUSES, "status", &project.status)?,
            project.capex_musd,
            project.heavy,
        ));
    }
    Ok(projects)
}

/// Parses and checks a data file's text.
pub fn check(text: &str) -> Result<Checked, String> {
    let raw: Raw = serde_json::from_str(text).map_err(|error| error.to_string())?;
    if raw.version.trim().is_empty() || raw.version.len() > 32 {
        return Err("version: need a short version id".to_string());
    }
    check_sources(&raw.sources)?;
    let (output, capacity) = check_base(&raw)?;
    let history = check_history(&raw)?;
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
    let mut constants = [0.0; 7];
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
    let statuses = check_statuses(&raw)?;
    let projects = check_projects(&raw)?;
    let mut defaults = Vec::new();
    for (key, default) in &raw.defaults {
        check_provenance(
            &format!("default {key}"),
            &default.source,
            &default.tag,
            &raw.sources,
        )?;
        if !default.value.is_finite() {
            return Err(format!("default {key} must be a number"));
        }
        defaults.push((key.clone(), default.value));
    }
    Ok(Checked {
        version: raw.version,
        base_year: raw.base_year,
        output,
        capacity,
        history,
        reserves,
        constants,
        statuses,
        projects,
        defaults,
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

fn option(value: Option<String>) -> String {
    value.map_or("None".to_string(), |text| format!("Some({text})"))
}

/// The checked data as the Rust source of a `Dataset` constant named `name`, read from `file`.
pub fn to_rust(data: &Checked, name: &str, file: &str) -> String {
    let mut out = format!("// Generated by build.rs from {file}; do not edit.\n");
    let _ = writeln!(
        out,
        "/// The dataset compiled from {file} (see that file for every source)."
    );
    let _ = writeln!(out, "pub const {name}: Dataset = Dataset {{");
    let _ = writeln!(out, "    version: {:?},", data.version);
    let _ = writeln!(out, "    base_year: {},", data.base_year);
    for (field, table) in [("output", &data.output), ("capacity", &data.capacity)] {
        let rows: Vec<String> = table.iter().map(|row| array(row)).collect();
        let _ = writeln!(out, "    {field}: [{}],", rows.join(", "));
    }
    let _ = writeln!(out, "    history: &[");
    for (stage, year, shares, tonnes) in &data.history {
        let _ = writeln!(
            out,
            "        Observed {{ stage: Stage::{}, year: {year}, share: {}, output: {} }},",
            STAGES[*stage].1,
            array(shares),
            option(tonnes.map(|tonnes| array(&tonnes)))
        );
    }
    let _ = writeln!(out, "    ],");
    let reserves: Vec<String> = data
        .reserves
        .iter()
        .map(|reserve| option(reserve.map(literal)))
        .collect();
    let _ = writeln!(out, "    reserves_mt: [{}],", reserves.join(", "));
    let _ = writeln!(out, "    constants: Constants {{");
    for (key, value) in CONSTANTS.iter().zip(data.constants) {
        let _ = writeln!(out, "        {key}: {},", literal(value));
    }
    let _ = writeln!(out, "    }},");
    let statuses: Vec<String> = data
        .statuses
        .iter()
        .map(|(probability, slip)| {
            format!(
                "StatusOdds {{ probability: {}, slip: {} }}",
                literal(*probability),
                literal(*slip)
            )
        })
        .collect();
    let _ = writeln!(out, "    statuses: [{}],", statuses.join(", "));
    let _ = writeln!(out, "    projects: &[");
    for (_, region, stage, nameplate, start, status, _, heavy) in &data.projects {
        let _ = writeln!(
            out,
            "        Project {{ region: Region::{}, stage: Stage::{}, nameplate: {}, start: {}, status: Status::{}, heavy: {} }},",
            REGIONS[*region].1,
            STAGES[*stage].1,
            literal(*nameplate),
            literal(*start),
            STATUSES[*status].1,
            literal(*heavy),
        );
    }
    let _ = writeln!(out, "    ],");
    let defaults: Vec<String> = data
        .defaults
        .iter()
        .map(|(key, value)| format!("({key:?}, {})", literal(*value)))
        .collect();
    let _ = writeln!(out, "    defaults: &[{}],", defaults.join(", "));
    let _ = writeln!(out, "}};");
    // Names and capex in constants of their own, so code that never reads them (the page) does not carry them.
    let names: Vec<String> = data
        .projects
        .iter()
        .map(|(name, ..)| format!("{name:?}"))
        .collect();
    let _ = writeln!(
        out,
        "/// The names of {name}'s projects, in the same order."
    );
    let _ = writeln!(
        out,
        "pub const {name}_PROJECT_NAMES: &[&str] = &[{}];",
        names.join(", ")
    );
    let capex: Vec<String> = data
        .projects
        .iter()
        .map(|(.., capex, _)| option(capex.map(literal)))
        .collect();
    let _ = writeln!(
        out,
        "/// The published capital cost of {name}'s projects in US$ millions, in the same order."
    );
    let _ = writeln!(
        out,
        "pub const {name}_PROJECT_CAPEX_MUSD: &[Option<f64>] = &[{}];",
        capex.join(", ")
    );
    out
}
