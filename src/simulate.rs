//! The model: one [`Scenario`] in, one [`Projection`] out. Total, deterministic, allocation-free.
//!
//! The equations are written out in docs/MODEL.md; the comments here name them.
//! Transcendental functions come from `libm` so native and wasm builds agree bit for bit.

use crate::data::{dataset, Dataset, Region, Stage, Status, REGION_COUNT, STAGE_COUNT};
use crate::params::Param;
use crate::projection::{Heavy, Projection, StageYear, MAX_YEARS, RUSSIA_TARGETS, TARGET_YEAR};
use crate::scenario::Scenario;

/// ln 3: the logistic rises from 25% to 75% of its span over half the ramp.
const LN_3: f64 = 1.098_612_288_668_109_8;

/// China comes first in every per-region array, so its rivals are the indices from 1 on.
const FIRST_RIVAL: usize = 1;
/// Russia comes second, so the trusted regions (neither China nor Russia) are the indices from 2 on.
const FIRST_TRUSTED: usize = 2;
const _: () = assert!(Region::China as usize == 0 && Region::Russia as usize == 1);

/// Most projects the pipeline may hold; the data compiler keeps the file under it.
pub const MAX_PROJECTS: usize = 64;

/// Share of nameplate reached `years_online` years after the first year of output began.
///
/// `years_online` is 1 in the first year of output (fractional starts are allowed).
/// The curve is a logistic centred on half the ramp, rescaled to run from 0 at
/// `years_online = 0` to 1 at `years_online = ramp_years`: for the default six-year ramp it
/// gives 11%, 28%, 50%, 72%, 89% and 100% in years one to six (19%, 50%, 81%, 100% for four).
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
    nameplate: f64,
    first_year: f64,
    ramp_years: f64,
    utilisation: f64,
    /// Share of the output that is Dy and Tb oxide (separation only).
    heavy: f64,
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
    /// Share of China's exports withheld once the October 2025 list is back, and before (April list only).
    export_controls: f64,
    export_controls_early: f64,
    /// Idle base capacity outside China that ramps into use like a new plant.
    idle: [f64; REGION_COUNT],
}

/// One Monte Carlo draw of the pipeline: whether each project is built and how far it slips.
///
/// Index `i` is the data file's project `i`; [`PROGRAMME`] is Russia's programme. Without
/// draws, the model uses expectations: nameplate times the status's probability, and the
/// status's expected slip.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ProjectDraws {
    /// Whether the project is built in this draw.
    pub built: [bool; MAX_PROJECTS + 1],
    /// Years of slip beyond the typical slip (the status's slip, drawn).
    pub slip: [f64; MAX_PROJECTS + 1],
}

/// The index of Russia's programme in [`ProjectDraws`].
pub const PROGRAMME: usize = MAX_PROJECTS;

impl Default for ProjectDraws {
    fn default() -> Self {
        ProjectDraws {
            built: [true; MAX_PROJECTS + 1],
            slip: [0.0; MAX_PROJECTS + 1],
        }
    }
}

/// What one stage hands the next within a year: Russia's output (its feed) and the Dy and Tb
/// its projects made, per region (only separation projects make any).
#[derive(Clone, Copy, Default)]
struct Carry {
    russia_upstream: f64,
    heavy: [f64; REGION_COUNT],
}

/// Everything the yearly loop reads, derived once from the dataset and the scenario.
struct Prepared {
    base_year: f64,
    /// Every stage's projects, its programme last, in one array; `stage_ranges` slices it.
    projects: [EffectiveProject; MAX_PROJECTS + STAGE_COUNT],
    stage_ranges: [(usize, usize); STAGE_COUNT],
    years: usize,
    growth: f64,
    growth_late: f64,
    stages: [StageSettings; STAGE_COUNT],
    mining_caps: [f64; REGION_COUNT],
    project_ramp_years: f64,
    china_floor_share: f64,
    feed_imports: f64,
    magnet_ree_per_concentrate: f64,
    ree_per_magnet: f64,
    /// The first year the October 2025 export-control list is in force.
    controls_year: f64,
    /// Dy and Tb in magnet oxides, and China's base-year heavy output (all the world's).
    heavy_share: f64,
    china_base_heavy: f64,
}

/// Projects `scenario` from the base year to its horizon.
pub fn simulate(scenario: &Scenario) -> Projection {
    let mut projection = Projection::default();
    simulate_into(scenario, &mut projection);
    projection
}

/// Like [`simulate`], writing into an existing projection (no allocation at all).
pub fn simulate_into(scenario: &Scenario, projection: &mut Projection) {
    simulate_with(dataset(), scenario, None, Stage::Magnets, projection);
}

/// Like [`simulate_into`], but computes the stages only up to `last_stage` (upstream stages
/// never depend on downstream ones); the cells of later stages are left as they were.
/// Analyses that read one upstream stage use it to skip work.
pub fn simulate_stages_into(scenario: &Scenario, last_stage: Stage, projection: &mut Projection) {
    simulate_with(dataset(), scenario, None, last_stage, projection);
}

/// The model in full: `data` (the current dataset or the hindcast's), the scenario, optionally
/// one Monte Carlo draw of the pipeline, and the last stage to compute.
pub fn simulate_with(
    data: &Dataset,
    scenario: &Scenario,
    draws: Option<&ProjectDraws>,
    last_stage: Stage,
    projection: &mut Projection,
) {
    let mut clamped = *scenario;
    for param in Param::all() {
        clamped.set(param, scenario.get(param));
    }
    let prepared = prepare(data, &clamped, draws, projection);

    // The yearly loop: no allocation from here on.
    let base_year = data.base_year;
    let mut demand_factor = 1.0;
    for year_index in 0..prepared.years {
        let headroom_ramp = ramp(year_index as f64, prepared.project_ramp_years);
        let mut carry = Carry::default();
        for stage in Stage::ALL.into_iter().take(last_stage as usize + 1) {
            let index = stage as usize;
            let cell = &mut projection.cells[year_index][index];
            let planned = step_stage(
                &prepared,
                stage,
                f64::from(base_year) + year_index as f64,
                demand_factor,
                headroom_ramp,
                cell,
                &mut carry,
            );
            let actual = cell.output[Region::Russia as usize];
            if actual < planned && projection.russia[index].first_constrained_year.is_none() {
                projection.russia[index].first_constrained_year =
                    Some(base_year + year_index as u16);
            }
            // Russia's feed (equation 9): what separation needs and what it imported beyond its own mining.
            let feed = &mut projection.russia_feed[year_index];
            match stage {
                Stage::Mining => {}
                Stage::Separation => {
                    let content = prepared.magnet_ree_per_concentrate;
                    feed.need = planned / content;
                    feed.own = carry.russia_upstream;
                    feed.imported = (actual / content - carry.russia_upstream).max(0.0);
                    feed.unfed_separation = planned - actual;
                    // Feed cuts Russia's heavy output in proportion to its separation output.
                    if planned > 0.0 {
                        carry.heavy[Region::Russia as usize] *= actual / planned;
                    }
                    let cell = &projection.cells[year_index][index];
                    let heavy = &mut projection.heavy[year_index];
                    heavy.output = carry.heavy;
                    split_heavy(&prepared, demand_factor, cell, heavy);
                }
                Stage::Magnets => {
                    feed.unfed_magnets = planned - actual;
                    // Magnets outside China need Dy and Tb; what allied and Russian plants do not supply comes from China.
                    let cell = &projection.cells[year_index][index];
                    let heavy = &mut projection.heavy[year_index];
                    let outside = cell.output.iter().sum::<f64>() - cell.output[0];
                    let heavy_outside = rivals_total(&heavy.output);
                    let per_magnet = prepared.ree_per_magnet * prepared.heavy_share;
                    heavy.magnets_on_china = (outside - heavy_outside / per_magnet).max(0.0);
                }
            }
            carry.russia_upstream = actual;
        }
        // Demand grows at one rate to the programme's target year and at another after it.
        let year = base_year + year_index as u16;
        demand_factor *= if year < TARGET_YEAR {
            prepared.growth
        } else {
            prepared.growth_late
        };
    }
}

/// The preparation step: stage settings, the pipeline as this scenario sees it, Russia's
/// programme, caps and idle capacity. Writes the projection's header and Russia's programme.
fn prepare(
    data: &Dataset,
    scenario: &Scenario,
    draws: Option<&ProjectDraws>,
    projection: &mut Projection,
) -> Prepared {
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
    // Allied plants under a price floor or state offtake are shielded (equation 5).
    let allied_price = price * (1.0 - value(Param::PriceShield));
    let allied_price_delay = allied_price * data.constants.price_delay_years;
    let allied_price_utilisation = 1.0 - allied_price * data.constants.price_util_cut;
    let rival_utilisation = value(Param::RivalUtilisation);
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
        let (controls, april_list) = match stage {
            Stage::Mining => (0.0, 0.0),
            Stage::Separation => (value(Param::CnExportControls), data.constants.heavy_share),
            Stage::Magnets => (
                value(Param::CnExportControls),
                data.constants.april_list_magnets,
            ),
        };
        settings.export_controls = controls;
        settings.export_controls_early = controls * april_list;
        for region in Region::ALL.into_iter().skip(FIRST_RIVAL) {
            let r = region as usize;
            let mut utilisation = rival_utilisation
                * if region.is_allied() {
                    allied_price_utilisation
                } else {
                    price_utilisation
                };
            if region == Region::Russia {
                utilisation *= settings.russia_utilisation_factor;
            }
            settings.idle[r] =
                (settings.base_capacity[r] * utilisation - settings.base_output[r]).max(0.0);
        }
    }

    // Projects, stage by stage in one array: the data pipeline, weighted by status (or drawn), with
    // slips, scaling and utilisation, then that stage's share of Russia's programme, sized so that,
    // fully ramped, it brings Russia to its ambition in 2030 and weighted by the chance it is built.
    let typical_slip = value(Param::AlliedSlip);
    let programme_weight = match draws {
        Some(draws) => f64::from(u8::from(draws.built[PROGRAMME])),
        None => value(Param::RuProgrammeOdds),
    };
    let programme_utilisation = data.constants.ru_programme_utilisation;
    // Money (equation 7b): what the ambition and the published targets cost, per stage.
    let premium = sanctions * value(Param::CapexPremium);
    let capex_bn_per_t = [
        value(Param::CapexMining),
        value(Param::CapexSeparation),
        value(Param::CapexMagnets),
    ]
    .map(|thousand_usd| thousand_usd * 1e-6);
    let mut budget = crate::projection::Budget {
        money_bn: value(Param::RuBudget) * value(Param::RuBudgetShare),
        premium,
        ..crate::projection::Budget::default()
    };
    let mut programme_slots = [0; STAGE_COUNT];
    let mut projects = [EffectiveProject::default(); MAX_PROJECTS + STAGE_COUNT];
    let mut stage_ranges = [(0, 0); STAGE_COUNT];
    let mut count = 0;
    for stage in Stage::ALL {
        let index = stage as usize;
        let settings = &mut stages[index];
        let first = count;
        let mut russia_committed = 0.0;
        for (number, project) in data.projects.iter().enumerate().take(MAX_PROJECTS) {
            if project.stage != stage {
                continue;
            }
            let odds = data.odds(project.status);
            let (weight, status_slip) = match draws {
                Some(draws) => (f64::from(u8::from(draws.built[number])), draws.slip[number]),
                None => (odds.probability, odds.slip),
            };
            if weight <= 0.0 {
                continue;
            }
            let operating = project.status == Status::Operating;
            projects[count] = if project.region == Region::Russia {
                russia_committed += project.nameplate * weight;
                EffectiveProject {
                    region: project.region as usize,
                    nameplate: project.nameplate * weight,
                    first_year: project.start
                        + status_slip
                        + if operating {
                            0.0
                        } else {
                            settings.russia_delay
                        }
                        + price_delay,
                    ramp_years: value(Param::RuRampYears),
                    utilisation: rival_utilisation
                        * price_utilisation
                        * settings.russia_utilisation_factor,
                    heavy: project.heavy / project.nameplate,
                }
            } else {
                let (scale, delay, price_utilisation) = if project.region.is_allied() {
                    (
                        value(Param::AlliedBuildout),
                        allied_price_delay,
                        allied_price_utilisation,
                    )
                } else {
                    (1.0, price_delay, price_utilisation)
                };
                EffectiveProject {
                    region: project.region as usize,
                    nameplate: project.nameplate * scale * weight,
                    first_year: project.start
                        + status_slip
                        + if operating { 0.0 } else { typical_slip }
                        + delay,
                    ramp_years: value(Param::ProjectRampYears),
                    utilisation: rival_utilisation * price_utilisation,
                    heavy: project.heavy / project.nameplate,
                }
            };
            count += 1;
        }
        let russia = Region::Russia as usize;
        let existing = settings.base_capacity[russia] + russia_committed;
        // Share × demand × growth, in this order, so the sizing keeps its bits (fingerprints).
        let base_demand = settings.base_demand;
        let nameplate_for = |share: f64| {
            (share * base_demand * growth_to_target / programme_utilisation - existing).max(0.0)
        };
        let sized = nameplate_for(value(Param::RuPlanShare));
        for (target, share) in RUSSIA_TARGETS.iter().enumerate() {
            let need = nameplate_for(*share);
            budget.need[target][index] = need;
            budget.cost_bn[target] += need * capex_bn_per_t[index];
        }
        budget.ambition_cost_bn += sized * capex_bn_per_t[index] * (1.0 + premium);
        programme_slots[index] = count;
        let programme = EffectiveProject {
            region: russia,
            // The money's share is applied below, once every stage's cost is known.
            nameplate: sized * programme_weight,
            first_year: value(Param::RuFirstPlant) + settings.russia_delay + price_delay,
            ramp_years: value(Param::RuRampYears),
            utilisation: programme_utilisation
                * price_utilisation
                * settings.russia_utilisation_factor,
            // Loparite yields light rare earths only; Tomtor's ore would add Dy and Tb.
            heavy: if stage == Stage::Separation {
                value(Param::RuTomtorHeavy) * data.constants.heavy_share
            } else {
                0.0
            },
        };
        projects[count] = programme;
        count += 1;
        stage_ranges[index] = (first, count);
        projection.russia[index] = crate::projection::RussiaStage {
            programme_nameplate: sized,
            programme_odds: programme_weight,
            programme_start: programme.first_year,
            utilisation: programme.utilisation,
            first_constrained_year: None,
            bought: sized,
        };
    }
    // Every stage gets the same share of its ambition: the money's share of the ambition's cost.
    budget.funded = if budget.ambition_cost_bn > budget.money_bn {
        budget.money_bn / budget.ambition_cost_bn
    } else {
        1.0
    };
    for target in 0..RUSSIA_TARGETS.len() {
        budget.cost_with_premium_bn[target] = budget.cost_bn[target] * (1.0 + premium);
    }
    if budget.funded < 1.0 {
        for (index, slot) in programme_slots.into_iter().enumerate() {
            projects[slot].nameplate *= budget.funded;
            projection.russia[index].bought *= budget.funded;
        }
    }
    projection.budget = budget;

    let reserve_cap = |region: Region| -> Option<f64> {
        let reserves = if region == Region::Russia {
            Some(value(Param::RuReservesMt))
        } else {
            data.reserves_mt[region as usize]
        };
        reserves.map(|mt| mt * 1.0e6 / value(Param::MineLifeYears))
    };
    projection.russia_reserve_cap = reserve_cap(Region::Russia).unwrap_or(f64::INFINITY);
    let mut mining_caps = [f64::INFINITY; REGION_COUNT];
    for region in Region::ALL.into_iter().skip(FIRST_RIVAL) {
        mining_caps[region as usize] = reserve_cap(region).unwrap_or(f64::INFINITY);
    }

    Prepared {
        base_year: f64::from(base_year),
        projects,
        stage_ranges,
        years,
        growth,
        growth_late: 1.0 + value(Param::DemandGrowthLate),
        stages,
        mining_caps,
        project_ramp_years: value(Param::ProjectRampYears),
        china_floor_share: value(Param::CnDomesticShare),
        feed_imports: value(Param::RuFeedImports) * (1.0 - sanctions),
        magnet_ree_per_concentrate: data.constants.magnet_ree_per_concentrate,
        ree_per_magnet: data.constants.ree_per_magnet,
        controls_year: value(Param::CnControlsYear),
        heavy_share: data.constants.heavy_share,
        china_base_heavy: data.constants.heavy_share
            * stages[Stage::Separation as usize].base_demand,
    }
}

/// One stage in one year: rivals' output (base, idle capacity ramping in, projects), the caps
/// (reserves on mining, feed on Russia's separation and magnets), then China clearing the market.
/// Returns Russia's output before the caps (below it, a cap held Russia's output down).
// Several per-region arrays are read and written in step, so index loops are the plain form.
#[allow(clippy::needless_range_loop)]
fn step_stage(
    prepared: &Prepared,
    stage: Stage,
    year: f64,
    demand_factor: f64,
    headroom_ramp: f64,
    cell: &mut StageYear,
    carry: &mut Carry,
) -> f64 {
    let index = stage as usize;
    let settings = &prepared.stages[index];
    let demand = settings.base_demand * demand_factor;
    // Every field of the cell is written below; it is reused in place to avoid copies.
    cell.demand = demand;

    // Rivals: base output, the ramp of idle base capacity, then new projects.
    for r in FIRST_RIVAL..REGION_COUNT {
        cell.capacity[r] = settings.base_capacity[r];
        cell.output[r] = settings.base_output[r] + settings.idle[r] * headroom_ramp;
    }
    // The base year is the data: projects add from the year after it (one that started in the
    // base year is in the data's output for that year).
    let (first, end) = prepared.stage_ranges[index];
    let projects = if year > prepared.base_year {
        &prepared.projects[first..end]
    } else {
        &[]
    };
    for project in projects {
        let online = ramp(year - project.first_year + 1.0, project.ramp_years);
        let output = project.nameplate * online * project.utilisation;
        cell.capacity[project.region] += project.nameplate * online;
        cell.output[project.region] += output;
        carry.heavy[project.region] += output * project.heavy;
    }

    // Reserves cap mining; feed caps Russia's separation and magnets.
    let russia = Region::Russia as usize;
    let russia_before = cell.output[russia];
    if stage == Stage::Mining {
        for r in FIRST_RIVAL..REGION_COUNT {
            cell.capacity[r] = cell.capacity[r].min(prepared.mining_caps[r]);
            cell.output[r] = cell.output[r].min(prepared.mining_caps[r]);
        }
    } else {
        let upstream_content = if stage == Stage::Separation {
            prepared.magnet_ree_per_concentrate
        } else {
            1.0 / prepared.ree_per_magnet
        };
        // The base year's output was fed (it is observed), so the cap never goes below it.
        let feed = (carry.russia_upstream * upstream_content
            + prepared.feed_imports * cell.capacity[russia])
            .max(settings.base_output[russia]);
        cell.output[russia] = cell.output[russia].min(feed);
    }

    // China clears the market: the rest of demand, within its floor and its capacity.
    // China is the swing supplier: it adds capacity as fast as world demand grows.
    let china = Region::China as usize;
    let rivals_output = rivals_total(&cell.output);
    let china_capacity = (settings.china_base_capacity + (demand - settings.base_demand)).max(0.0);
    let china_floor = china_floor(
        prepared.china_floor_share,
        demand,
        settings.china_base_output * demand_factor,
    );
    let residual = settings.china_base_output + (demand - settings.base_demand)
        - (rivals_output - settings.rivals_base_output);
    cell.capacity[china] = china_capacity;
    cell.output[china] = residual.max(china_floor).min(china_capacity).max(0.0);

    // Export controls reach heavy rare earths only until the October 2025 list is back.
    let controls = if year >= prepared.controls_year {
        settings.export_controls
    } else {
        settings.export_controls_early
    };
    finish_cell(cell, prepared.china_floor_share, controls);
    russia_before
}

/// The heavy product of separation (equation 15): rivals' Dy and Tb are in `heavy.output`; China
/// supplies the rest of heavy demand, at least its floor and at most its separation output; then
/// shares and the heavy supply gap, which the April 2025 list opens from the start.
fn split_heavy(prepared: &Prepared, demand_factor: f64, cell: &StageYear, heavy: &mut Heavy) {
    let china = Region::China as usize;
    let demand = prepared.heavy_share * cell.demand;
    heavy.demand = demand;
    let rivals = rivals_total(&heavy.output);
    let floor = china_floor(
        prepared.china_floor_share,
        demand,
        prepared.china_base_heavy * demand_factor,
    );
    heavy.output[china] = (demand - rivals)
        .max(floor)
        .min(cell.output[china])
        .max(0.0);
    let total = rivals + heavy.output[china];
    if total > 0.0 {
        heavy.share = heavy.output.map(|output| output / total);
    } else {
        heavy.share = [0.0; REGION_COUNT];
        heavy.share[china] = 1.0;
    }
    let domestic = prepared.china_floor_share * demand;
    let exports = (heavy.output[china] - domestic).max(0.0);
    let controls = prepared.stages[Stage::Separation as usize].export_controls;
    heavy.supply_gap = ((demand - domestic) - (rivals + (1.0 - controls) * exports)).max(0.0);
    heavy.supply_gap_share = if demand > domestic {
        heavy.supply_gap / (demand - domestic)
    } else {
        0.0
    };
    // The light product carries the rest of the stage's gap, against the rest of its demand.
    heavy.light_supply_gap = (cell.supply_gap - heavy.supply_gap).max(0.0);
    let light_outside = (1.0 - prepared.china_floor_share) * (cell.demand - demand);
    heavy.light_supply_gap_share = if light_outside > 0.0 {
        (heavy.light_supply_gap / light_outside).min(1.0)
    } else {
        0.0
    };
}

/// China's floor: it never supplies less than its own demand (`floor_share` of world demand),
/// nor less than its base-year output grown with demand, whichever is smaller.
fn china_floor(floor_share: f64, demand: f64, base_output_grown: f64) -> f64 {
    (floor_share * demand).min(base_output_grown)
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
        settings.base_output[r] = output;
        // Each region keeps its capacity-to-output ratio; one with no output keeps its capacity.
        settings.base_capacity[r] = if data.output[index][r] > 0.0 {
            output * (data.capacity[index][r] / data.output[index][r])
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

    #[test]
    fn imports_feed_russia_less_the_more_sanctions_bite() {
        let scenario = Scenario::default()
            .with(Param::RuFeedImports, 0.4)
            .with(Param::Sanctions, 0.25);
        let prepared = prepare(dataset(), &scenario, None, &mut Projection::default());
        assert_eq!(prepared.feed_imports, 0.4 * (1.0 - 0.25));
    }

    #[test]
    fn the_data_share_keeps_the_data_bit_for_bit() {
        // Separation figures whose rescaling would not reproduce them exactly (7 / 11.4 × 11.4 ≠ 7).
        let mut data = *dataset();
        data.output[Stage::Separation as usize] = [7.0, 0.0, 1.1, 0.0, 0.0, 2.3, 0.7, 0.3];
        data.capacity[Stage::Separation as usize] = [8.0, 0.0, 2.0, 0.0, 0.0, 3.0, 0.7, 0.3];
        let world: f64 = data.output[Stage::Separation as usize].iter().sum();
        let scenario = Scenario::default().with(Param::CnRefiningShare, 7.0 / world);
        let mut projection = Projection::default();
        simulate_with(&data, &scenario, None, Stage::Separation, &mut projection);
        let cell = projection.get(data.base_year, Stage::Separation);
        assert_eq!(
            cell.map(|cell| cell.output),
            Some(data.output[Stage::Separation as usize])
        );
    }

    #[test]
    fn chinas_floor_is_the_smaller_of_its_demand_and_its_grown_base() {
        assert_eq!(china_floor(0.6, 1_000.0, 900.0), 600.0);
        assert_eq!(china_floor(0.6, 1_000.0, 500.0), 500.0);
        assert_eq!(china_floor(0.3, 2_000.0, 700.0), 600.0);
    }

    #[test]
    fn a_cell_without_output_gives_china_every_share_and_no_gap_share() {
        let mut cell = StageYear {
            demand: 0.0,
            ..StageYear::default()
        };
        finish_cell(&mut cell, 0.6, 0.5);
        assert_eq!(cell.share[Region::China as usize], 1.0);
        assert_eq!(cell.share.iter().sum::<f64>(), 1.0);
        assert_eq!(cell.hhi, 10_000.0);
        assert_eq!((cell.supply_gap, cell.supply_gap_share), (0.0, 0.0));
        // An infinite total (never produced by the model) is treated the same way.
        cell.output[Region::Russia as usize] = f64::INFINITY;
        finish_cell(&mut cell, 0.6, 0.5);
        assert_eq!(cell.share[Region::China as usize], 1.0);
    }

    #[test]
    fn the_supply_gap_is_what_outside_demand_lacks_and_its_share() {
        // Demand 100; China makes 70 and uses 60 of it; others make 10; controls withhold half of
        // China's 10 t of exports: outside demand 40, supply 10 + 5, gap 25 = 62.5%.
        let mut cell = StageYear {
            demand: 100.0,
            ..StageYear::default()
        };
        cell.output[Region::China as usize] = 70.0;
        cell.output[Region::Australia as usize] = 10.0;
        finish_cell(&mut cell, 0.6, 0.5);
        assert!((cell.supply_gap - 25.0).abs() < 1e-12);
        assert!((cell.supply_gap_share - 0.625).abs() < 1e-12);
        assert!((cell.share[Region::China as usize] - 70.0 / 80.0).abs() < 1e-15);
        assert!((cell.trusted_share - 10.0 / 80.0).abs() < 1e-15);
    }
}
