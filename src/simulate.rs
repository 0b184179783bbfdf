//! The model: one [`Scenario`] in, one [`Projection`] out. Total, deterministic, allocation-free.
//!
//! The equations are written out in docs/MODEL.md; the comments here name them.
//! Transcendental functions come from `libm` so native and wasm builds agree bit for bit.

use crate::data::{dataset, Dataset, Region, Stage, REGION_COUNT, STAGE_COUNT};
use crate::params::Param;
use crate::projection::{Projection, StageYear, MAX_YEARS, TARGET_YEAR};
use crate::scenario::Scenario;

/// ln 3: the logistic rises from 25% to 75% of its span over half the ramp.
const LN_3: f64 = 1.098_612_288_668_109_8;

/// China comes first in every per-region array, so its rivals are the indices from 1 on.
const FIRST_RIVAL: usize = 1;
/// Russia comes second, so the trusted regions (neither China nor Russia) are the indices from 2 on.
const FIRST_TRUSTED: usize = 2;
const _: () = assert!(Region::China as usize == 0 && Region::Russia as usize == 1);

/// Most projects the pipeline may hold; a data test keeps the file under it.
pub const MAX_PROJECTS: usize = 32;

/// Share of nameplate reached `years_online` years after the first year of output began.
///
/// `years_online` is 1 in the first year of output (fractional starts are allowed).
/// The curve is a logistic centred on half the ramp, rescaled to run from 0 at
/// `years_online = 0` to 1 at `years_online = ramp_years`: for a four-year ramp it
/// gives 19%, 50%, 81% and 100% in years one to four.
pub fn ramp(years_online: f64, ramp_years: f64) -> f64 {
    if years_online.is_nan() || years_online <= 0.0 {
        return 0.0;
    }
    let length = ramp_years.max(0.5);
    if years_online >= length {
        return 1.0;
    }
    // The logistic 1 / (1 + exp(-4 ln3 (x - 1/2))) of x = years_online / length is 0.1 at x = 0 and 0.9 at x = 1.
    let logistic = 1.0 / (1.0 + libm::exp(-4.0 * LN_3 * (years_online / length - 0.5)));
    ((logistic - 0.1) / 0.8).clamp(0.0, 1.0)
}

/// One project as this scenario sees it: where, when, how big and how well run.
#[derive(Clone, Copy, Default)]
struct EffectiveProject {
    region: usize,
    stage: usize,
    nameplate: f64,
    first_year: f64,
    ramp_years: f64,
    utilisation: f64,
}

/// Per-stage settings derived once from the scenario.
#[derive(Clone, Copy, Default)]
struct StageSettings {
    base_output: [f64; REGION_COUNT],
    base_capacity: [f64; REGION_COUNT],
    base_demand: f64,
    china_base_output: f64,
    china_base_capacity: f64,
    rivals_base_output: f64,
    russia_delay: f64,
    russia_utilisation_factor: f64,
    programme: EffectiveProject,
    export_controls: f64,
}

/// Projects `scenario` from the base year to its horizon.
pub fn simulate(scenario: &Scenario) -> Projection {
    let mut projection = Projection::default();
    simulate_into(scenario, &mut projection);
    projection
}

/// Like [`simulate`], writing into an existing projection (no allocation at all).
pub fn simulate_into(scenario: &Scenario, projection: &mut Projection) {
    simulate_stages_into(scenario, Stage::Magnets, projection);
}

/// Like [`simulate_into`], but computes the stages only up to `last_stage` (upstream stages
/// never depend on downstream ones); the cells of later stages are left as they were.
/// Analyses that read one upstream stage use it to skip work.
// Several per-region arrays are read and written in step, so index loops are the plain form.
#[allow(clippy::needless_range_loop)]
pub fn simulate_stages_into(scenario: &Scenario, last_stage: Stage, projection: &mut Projection) {
    let data = dataset();
    let mut clamped = *scenario;
    for param in Param::all() {
        clamped.set(param, scenario.get(param));
    }
    let scenario = &clamped;
    let value = |param: Param| scenario.get(param);

    let base_year = data.base_year;
    let horizon = value(Param::Horizon).round() as u16;
    let years = usize::from(horizon.saturating_sub(base_year) + 1).min(MAX_YEARS);
    projection.base_year = base_year;
    projection.years = years;

    let growth = 1.0 + value(Param::DemandGrowth);
    let sanctions = value(Param::Sanctions);
    let price = value(Param::CnPriceResponse);
    let price_delay = price * data.constants.price_delay_years;
    let price_utilisation = 1.0 - price * data.constants.price_util_cut;
    let rival_utilisation = value(Param::RivalUtilisation);
    let feed_imports = value(Param::RuFeedImports) * (1.0 - sanctions);
    let stage_weight = [
        value(Param::SanctionsMiningFactor),
        1.0,
        value(Param::SanctionsMagnetFactor),
    ];
    let mut growth_to_target = 1.0;
    for _ in base_year..TARGET_YEAR {
        growth_to_target *= growth;
    }

    // Stage settings: base-year figures (separation rescaled to China's share) and Russia's frictions.
    let mut stages = [StageSettings::default(); STAGE_COUNT];
    for stage in Stage::ALL {
        let index = stage as usize;
        let settings = &mut stages[index];
        settings.base_output = data.output[index];
        settings.base_capacity = data.capacity[index];
        if stage == Stage::Separation {
            rescale_to_china_share(data, value(Param::CnRefiningShare), settings);
        }
        settings.base_demand = settings.base_output.iter().sum();
        settings.china_base_output = settings.base_output[Region::China as usize];
        settings.china_base_capacity = settings.base_capacity[Region::China as usize];
        settings.rivals_base_output = rivals_total(&settings.base_output);
        let weight = stage_weight[index];
        settings.russia_delay = sanctions * value(Param::SanctionsDelayMax) * weight;
        settings.russia_utilisation_factor =
            (1.0 - sanctions * value(Param::SanctionsUtilLoss) * weight).clamp(0.0, 1.0);
        settings.export_controls = if stage == Stage::Mining {
            0.0
        } else {
            value(Param::CnExportControls)
        };
    }

    // Projects: the data pipeline, with slips, scaling and utilisation applied.
    let mut projects = [EffectiveProject::default(); MAX_PROJECTS];
    let mut project_count = 0;
    let mut russia_committed = [0.0; STAGE_COUNT];
    for (slot, project) in projects.iter_mut().zip(data.projects) {
        let stage = project.stage as usize;
        let settings = &stages[stage];
        *slot = if project.region == Region::Russia {
            russia_committed[stage] += project.nameplate;
            EffectiveProject {
                region: project.region as usize,
                stage,
                nameplate: project.nameplate,
                first_year: project.start + settings.russia_delay + price_delay,
                ramp_years: value(Param::RuRampYears),
                utilisation: rival_utilisation
                    * price_utilisation
                    * settings.russia_utilisation_factor,
            }
        } else {
            let scale = if project.region.is_allied() {
                value(Param::AlliedBuildout)
            } else {
                1.0
            };
            let slip = if project.region.is_allied() {
                value(Param::AlliedSlip)
            } else {
                0.0
            };
            EffectiveProject {
                region: project.region as usize,
                stage,
                nameplate: project.nameplate * scale,
                first_year: project.start + slip + price_delay,
                ramp_years: value(Param::ProjectRampYears),
                utilisation: rival_utilisation * price_utilisation,
            }
        };
        project_count += 1;
    }
    let projects = &projects[..project_count];

    // Russia's programme: sized so that, fully ramped, it brings Russia to its ambition in 2030.
    let programme_utilisation = data.constants.ru_programme_utilisation;
    for stage in Stage::ALL {
        let index = stage as usize;
        let settings = &mut stages[index];
        let russia = Region::Russia as usize;
        let target_output = value(Param::RuPlanShare) * settings.base_demand * growth_to_target;
        let existing = settings.base_capacity[russia] + russia_committed[index];
        settings.programme = EffectiveProject {
            region: russia,
            stage: index,
            nameplate: (target_output / programme_utilisation - existing).max(0.0),
            first_year: value(Param::RuFirstPlant) + settings.russia_delay + price_delay,
            ramp_years: value(Param::RuRampYears),
            utilisation: programme_utilisation
                * price_utilisation
                * settings.russia_utilisation_factor,
        };
        projection.russia[index] = crate::projection::RussiaStage {
            programme_nameplate: settings.programme.nameplate,
            programme_start: settings.programme.first_year,
            utilisation: settings.programme.utilisation,
            first_constrained_year: None,
        };
    }

    // Group the projects by stage, each stage's programme last, so the yearly loop walks one short slice.
    let mut stage_projects = [[EffectiveProject::default(); MAX_PROJECTS + 1]; STAGE_COUNT];
    let mut stage_project_counts = [0usize; STAGE_COUNT];
    for project in projects
        .iter()
        .chain(stages.iter().map(|settings| &settings.programme))
    {
        let count = &mut stage_project_counts[project.stage];
        stage_projects[project.stage][*count] = *project;
        *count += 1;
    }

    let reserve_cap = |region: Region| -> Option<f64> {
        let reserves = if region == Region::Russia {
            Some(value(Param::RuReservesMt))
        } else {
            data.reserves_mt[region as usize]
        };
        reserves.map(|mt| mt * 1.0e6 / value(Param::MineLifeYears))
    };
    projection.russia_reserve_cap = reserve_cap(Region::Russia).unwrap_or(f64::INFINITY);
    let project_ramp_years = value(Param::ProjectRampYears);
    let china_floor_share = value(Param::CnDomesticShare);

    let mut mining_caps = [f64::INFINITY; REGION_COUNT];
    for region in Region::ALL {
        mining_caps[region as usize] = reserve_cap(region).unwrap_or(f64::INFINITY);
    }
    mining_caps[Region::China as usize] = f64::INFINITY;
    // Idle base capacity outside China that ramps into use like a new plant.
    let mut idle = [[0.0; REGION_COUNT]; STAGE_COUNT];
    for (stage_idle, settings) in idle.iter_mut().zip(stages.iter()) {
        for region in Region::ALL
            .into_iter()
            .filter(|region| *region != Region::China)
        {
            let r = region as usize;
            let mut utilisation = rival_utilisation * price_utilisation;
            if region == Region::Russia {
                utilisation *= settings.russia_utilisation_factor;
            }
            stage_idle[r] =
                (settings.base_capacity[r] * utilisation - settings.base_output[r]).max(0.0);
        }
    }

    // The yearly loop: no allocation from here on.
    let mut demand_factor = 1.0;
    for year_index in 0..years {
        let year = f64::from(base_year) + year_index as f64;
        let headroom_ramp = ramp(year_index as f64, project_ramp_years);
        let mut russia_upstream_output = 0.0;
        for stage in Stage::ALL.into_iter().take(last_stage as usize + 1) {
            let index = stage as usize;
            let settings = &stages[index];
            let demand = settings.base_demand * demand_factor;
            // Every field of the cell is written below; it is reused in place to avoid copies.
            let cell = &mut projection.cells[year_index][index];
            cell.demand = demand;

            // Rivals: base output, the ramp of idle base capacity, then new projects.
            for r in FIRST_RIVAL..REGION_COUNT {
                cell.capacity[r] = settings.base_capacity[r];
                cell.output[r] = settings.base_output[r] + idle[index][r] * headroom_ramp;
            }
            for project in &stage_projects[index][..stage_project_counts[index]] {
                let online = ramp(year - project.first_year + 1.0, project.ramp_years);
                cell.capacity[project.region] += project.nameplate * online;
                cell.output[project.region] += project.nameplate * online * project.utilisation;
            }

            // Reserves cap mining; feed caps Russia's separation and magnets.
            let russia = Region::Russia as usize;
            let russia_before = cell.output[russia];
            if stage == Stage::Mining {
                for r in FIRST_RIVAL..REGION_COUNT {
                    cell.capacity[r] = cell.capacity[r].min(mining_caps[r]);
                    cell.output[r] = cell.output[r].min(mining_caps[r]);
                }
            } else {
                let upstream_content = if stage == Stage::Separation {
                    data.constants.magnet_ree_per_concentrate
                } else {
                    1.0 / data.constants.ree_per_magnet
                };
                let feed = russia_upstream_output * upstream_content
                    + feed_imports * cell.capacity[russia];
                cell.output[russia] = cell.output[russia].min(feed);
            }
            if cell.output[russia] < russia_before
                && projection.russia[index].first_constrained_year.is_none()
            {
                projection.russia[index].first_constrained_year =
                    Some(base_year + year_index as u16);
            }
            russia_upstream_output = cell.output[russia];

            // China clears the market: the rest of demand, within its floor and its capacity.
            // China is the swing supplier: it adds capacity as fast as world demand grows.
            let china = Region::China as usize;
            let rivals_output = rivals_total(&cell.output);
            let china_capacity =
                (settings.china_base_capacity + (demand - settings.base_demand)).max(0.0);
            let china_floor =
                (china_floor_share * demand).min(settings.china_base_output * demand_factor);
            let residual = settings.china_base_output + (demand - settings.base_demand)
                - (rivals_output - settings.rivals_base_output);
            cell.capacity[china] = china_capacity;
            cell.output[china] = residual.max(china_floor).min(china_capacity).max(0.0);

            finish_cell(cell, china_floor_share, settings.export_controls);
        }
        demand_factor *= growth;
    }
}

/// Total output of every region but China, summed in region order.
fn rivals_total(output: &[f64; REGION_COUNT]) -> f64 {
    let mut total = 0.0;
    for value in &output[FIRST_RIVAL..] {
        total += value;
    }
    total
}

/// Sets China's base-year separation output to `china_share` of the world; the others share the rest as in the data.
fn rescale_to_china_share(data: &Dataset, china_share: f64, settings: &mut StageSettings) {
    let index = Stage::Separation as usize;
    let world: f64 = data.output[index].iter().sum();
    let china = Region::China as usize;
    let others_data = world - data.output[index][china];
    let china_output = china_share * world;
    for region in Region::ALL {
        let r = region as usize;
        let output = if r == china {
            china_output
        } else {
            (world - china_output) * data.output[index][r] / others_data
        };
        let headroom = if data.output[index][r] > 0.0 {
            data.capacity[index][r] / data.output[index][r]
        } else {
            1.0
        };
        settings.base_output[r] = output;
        settings.base_capacity[r] = if data.output[index][r] > 0.0 {
            output * headroom
        } else {
            data.capacity[index][r]
        };
    }
    // Keep the data's own numbers exactly when the share is the data's share.
    if china_share == data.output[index][china] / world {
        settings.base_output = data.output[index];
        settings.base_capacity = data.capacity[index];
    }
}

/// Shares, HHI, trusted share, exposure and supply gap from a cell's outputs.
fn finish_cell(cell: &mut StageYear, china_domestic_share: f64, export_controls: f64) {
    let total: f64 = cell.output.iter().sum();
    let china = Region::China as usize;
    if total > 0.0 && total.is_finite() {
        for (share, output) in cell.share.iter_mut().zip(cell.output.iter()) {
            *share = output / total;
        }
    } else {
        cell.share = [0.0; REGION_COUNT];
        cell.share[china] = 1.0;
    }
    cell.hhi = cell
        .share
        .iter()
        .map(|share| (share * 100.0) * (share * 100.0))
        .sum();
    let mut trusted = 0.0;
    for share in &cell.share[FIRST_TRUSTED..] {
        trusted += share;
    }
    cell.trusted_share = trusted;
    cell.exposure = cell.share[china] + cell.share[Region::Russia as usize];

    let domestic_demand = china_domestic_share * cell.demand;
    let outside_demand = cell.demand - domestic_demand;
    let china_exports = (cell.output[china] - domestic_demand).max(0.0);
    let outside_supply = (total - cell.output[china]) + (1.0 - export_controls) * china_exports;
    cell.supply_gap = (outside_demand - outside_supply).max(0.0);
    cell.supply_gap_share = if outside_demand > 0.0 {
        cell.supply_gap / outside_demand
    } else {
        0.0
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ramp_follows_the_documented_curve() {
        let points: Vec<f64> = (0..=5)
            .map(|year| (ramp(f64::from(year), 4.0) * 100.0).round())
            .collect();
        assert_eq!(points, vec![0.0, 19.0, 50.0, 81.0, 100.0, 100.0]);
        assert_eq!(ramp(-3.0, 4.0), 0.0);
        assert_eq!(ramp(f64::NAN, 4.0), 0.0);
    }

    #[test]
    fn pipeline_fits_the_fixed_array() {
        assert!(dataset().projects.len() <= MAX_PROJECTS);
    }
}
