//! The model's output: per year, stage and region, plus the derived measures (HHI, trusted share, gaps).

use crate::data::{Observed, Region, Stage, REGION_COUNT, STAGE_COUNT};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// Most years a projection can hold: the base year to 2050, or the hindcast's 2020 to 2046.
pub const MAX_YEARS: usize = 27;

/// Russia's two published targets for 2030.
pub const RUSSIA_TARGETS: [f64; 2] = [0.10, 0.12];

/// The target year of Russia's programme.
pub const TARGET_YEAR: u16 = 2030;

/// One stage in one year.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct StageYear {
    /// World demand in the stage's unit.
    pub demand: f64,
    /// Capacity per region.
    pub capacity: [f64; REGION_COUNT],
    /// Output per region.
    pub output: [f64; REGION_COUNT],
    /// Share of world output per region; sums to 1.
    pub share: [f64; REGION_COUNT],
    /// Herfindahl–Hirschman index, 0 to 10,000.
    pub hhi: f64,
    /// Share from regions that are neither China nor Russia.
    pub trusted_share: f64,
    /// Share from China plus Russia.
    pub exposure: f64,
    /// Demand outside China that nobody supplies, in the stage's unit.
    pub supply_gap: f64,
    /// The supply gap as a fraction of demand outside China.
    pub supply_gap_share: f64,
}

/// What shaped Russia's programme at one stage, for the "why" text.
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize)]
pub struct RussiaStage {
    /// Nameplate the programme is sized for, in the stage's unit.
    pub programme_nameplate: f64,
    /// Weight of the programme in this run: the chance it is built (1 at face value, 0 or 1 in a Monte Carlo draw).
    pub programme_odds: f64,
    /// First year of programme output after sanctions and price delays (fractional).
    pub programme_start: f64,
    /// Utilisation of the programme once ramped, after sanctions and prices.
    pub utilisation: f64,
    /// First year in which reserves or feed held Russia's output down, if any.
    pub first_constrained_year: Option<u16>,
    /// Nameplate the programme's money buys: `programme_nameplate` times [`Budget::funded`].
    pub bought: f64,
}

/// Russia's programme against its money (docs/MODEL.md, equation 7b), all in US$ bn.
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize)]
pub struct Budget {
    /// Money for rare earths: the hub's budget times the rare-earth share.
    pub money_bn: f64,
    /// Extra capital cost of Russia's plants at this scenario's sanctions (0.24 is 24%).
    pub premium: f64,
    /// What the ambition's nameplate costs, with the premium.
    pub ambition_cost_bn: f64,
    /// Share of the ambition's nameplate the money buys at every stage (1 when it suffices).
    pub funded: f64,
    /// Nameplate per stage that 10% and 12% of 2030 world output need ([`RUSSIA_TARGETS`]).
    pub need: [[f64; STAGE_COUNT]; 2],
    /// What that nameplate costs at benchmark cost, for 10% and 12%.
    pub cost_bn: [f64; 2],
    /// The same with the sanctions premium.
    pub cost_with_premium_bn: [f64; 2],
}

/// The separation stage's heavy product (Dy and Tb oxides) in one year (docs/MODEL.md, equation
/// 15); the light product (Nd, Pr) of a region is its separation output less its heavy output.
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize)]
pub struct Heavy {
    /// World demand for Dy and Tb oxides, t.
    pub demand: f64,
    /// Dy and Tb oxide output per region, t.
    pub output: [f64; REGION_COUNT],
    /// Share of world heavy output per region; sums to 1.
    pub share: [f64; REGION_COUNT],
    /// Heavy demand outside China that nobody supplies under export controls, t.
    pub supply_gap: f64,
    /// The heavy supply gap as a fraction of heavy demand outside China.
    pub supply_gap_share: f64,
    /// The light product's supply gap outside China (the stage's less the heavy one), t.
    pub light_supply_gap: f64,
    /// The light supply gap as a fraction of light demand outside China.
    pub light_supply_gap_share: f64,
    /// Magnets made outside China whose Dy and Tb must come from China, t NdFeB.
    pub magnets_on_china: f64,
}

/// One product of separation in one year, as [`Projection::product`] reads it.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Product {
    /// Output per region, t.
    pub output: [f64; REGION_COUNT],
    /// Share of the product's world output per region.
    pub share: [f64; REGION_COUNT],
    /// Demand outside China that nobody supplies, t.
    pub supply_gap: f64,
    /// The supply gap as a fraction of the product's demand outside China.
    pub supply_gap_share: f64,
}

/// Russia's separation feed in one year (docs/MODEL.md, equation 9).
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize)]
pub struct Feed {
    /// Concentrate Russia's separation would use at its planned output, t REO.
    pub need: f64,
    /// Russia's own mining output, t REO.
    pub own: f64,
    /// Concentrate imported, t REO: what separation used beyond Russia's own.
    pub imported: f64,
    /// Separation output lost for want of feed, t mREO.
    pub unfed_separation: f64,
    /// Magnet output lost for want of oxide, t NdFeB.
    pub unfed_magnets: f64,
}

impl Feed {
    /// The imported share of the concentrate separation used (0 when it used none).
    pub fn imported_share(&self) -> f64 {
        let used = self.imported + self.own.min(self.need);
        if used > 0.0 {
            self.imported / used
        } else {
            0.0
        }
    }
}

/// Everything one scenario produces.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    /// The first year (the data's base year).
    pub base_year: u16,
    /// How many years are filled, from `base_year` on.
    pub years: usize,
    /// Per year (from the base year) and stage.
    pub cells: [[StageYear; STAGE_COUNT]; MAX_YEARS],
    /// Russia's programme per stage.
    pub russia: [RussiaStage; STAGE_COUNT],
    /// Russia's mining capacity cap from reserves, in t REO per year.
    pub russia_reserve_cap: f64,
    /// Russia's programme against its money.
    pub budget: Budget,
    /// Russia's separation feed per year (from the base year).
    pub russia_feed: [Feed; MAX_YEARS],
    /// The heavy product of separation per year (from the base year).
    pub heavy: [Heavy; MAX_YEARS],
}

impl Default for Projection {
    fn default() -> Self {
        Projection {
            base_year: crate::data::DATA_BASE_YEAR,
            years: 0,
            cells: [[StageYear::default(); STAGE_COUNT]; MAX_YEARS],
            russia: [RussiaStage::default(); STAGE_COUNT],
            russia_reserve_cap: 0.0,
            budget: Budget::default(),
            russia_feed: [Feed::default(); MAX_YEARS],
            heavy: [Heavy::default(); MAX_YEARS],
        }
    }
}

impl Projection {
    /// The calendar years covered.
    pub fn year_range(&self) -> std::ops::RangeInclusive<u16> {
        self.base_year..=self.last_year()
    }

    /// The last year covered.
    pub fn last_year(&self) -> u16 {
        self.base_year + self.years.saturating_sub(1) as u16
    }

    /// The cell of `year` and `stage`, if the year is covered.
    pub fn get(&self, year: u16, stage: Stage) -> Option<&StageYear> {
        let index = usize::from(year.checked_sub(self.base_year)?);
        (index < self.years).then(|| &self.cells[index][stage as usize])
    }

    /// The covered cells of one stage, with their years.
    pub fn stage_series(&self, stage: Stage) -> impl Iterator<Item = (u16, &StageYear)> + '_ {
        self.cells[..self.years]
            .iter()
            .enumerate()
            .map(move |(index, cells)| (self.base_year + index as u16, &cells[stage as usize]))
    }

    /// A region's share of a stage in a year: the model's from the base year on, the published
    /// share for an observed year before it (links may name 2024 as the target year), else 0.
    pub fn share(&self, year: u16, stage: Stage, region: Region) -> f64 {
        match self.get(year, stage) {
            Some(cell) => cell.share[region as usize],
            None if year < self.base_year => crate::data::dataset()
                .observed_share(year, stage, region)
                .unwrap_or(0.0),
            None => 0.0,
        }
    }

    /// The first year in which the trusted share of `stage` reaches `level`, if any.
    pub fn first_year_trusted_reaches(&self, stage: Stage, level: f64) -> Option<u16> {
        self.stage_series(stage)
            .find(|(_, cell)| cell.trusted_share >= level)
            .map(|(year, _)| year)
    }

    /// One product of separation in the year at `index` (from the base year): heavy (Dy, Tb) or
    /// light (Nd, Pr, the rest of each region's separation output), as output and share per
    /// region and the product's supply gap outside China, in tonnes and as a share of that demand.
    pub fn product(&self, index: usize, heavy: bool) -> Product {
        let product = &self.heavy[index];
        if heavy {
            return Product {
                output: product.output,
                share: product.share,
                supply_gap: product.supply_gap,
                supply_gap_share: product.supply_gap_share,
            };
        }
        let cell = &self.cells[index][Stage::Separation as usize];
        let output: [f64; REGION_COUNT] =
            std::array::from_fn(|r| (cell.output[r] - product.output[r]).max(0.0));
        let total: f64 = output.iter().sum();
        let share = output.map(|output| if total > 0.0 { output / total } else { 0.0 });
        Product {
            output,
            share,
            supply_gap: product.light_supply_gap,
            supply_gap_share: product.light_supply_gap_share,
        }
    }

    /// Writes the projection as CSV:
    /// `year,stage,region,output_t,share,observed,supply_gap_t,supply_gap_share`.
    ///
    /// Rows with `observed` 1 are published figures for the years before the base year (from the
    /// data file; `output_t` is empty where the source gives shares only). Rows with 0 are the
    /// model's, from the base year on (at default settings the base year equals the data). The last
    /// two columns are the stage's supply gap outside China that year, in tonnes and as a share of
    /// demand outside China: one figure for the stage, repeated on each region's row, empty on
    /// observed rows.
    ///
    /// After the three stages come the separation stage's two products, model years only, with the
    /// `stage` values `separation_light` (Nd, Pr) and `separation_heavy` (Dy, Tb): each product's
    /// output, share of that product and supply gap; a region's two outputs add up to its separation
    /// output.
    pub fn write_csv(&self, out: &mut String) {
        use crate::text::shortest;
        use std::fmt::Write;
        out.push_str("year,stage,region,output_t,share,observed,supply_gap_t,supply_gap_share\n");
        for stage in Stage::ALL {
            for observed in history(stage) {
                for region in Region::ALL {
                    let index = region as usize;
                    let output = observed
                        .output
                        .map(|output| shortest(round_to(output[index], 3)))
                        .unwrap_or_default();
                    // Writing to a String cannot fail.
                    let _ = writeln!(
                        out,
                        "{},{},{},{output},{},1,,",
                        observed.year,
                        stage.id(),
                        region.id(),
                        shortest(round_to(observed.share[index], 6))
                    );
                }
            }
            for (year, cell) in self.stage_series(stage) {
                for region in Region::ALL {
                    let index = region as usize;
                    let _ = writeln!(
                        out,
                        "{year},{},{},{},{},0,{},{}",
                        stage.id(),
                        region.id(),
                        shortest(round_to(cell.output[index], 3)),
                        shortest(round_to(cell.share[index], 6)),
                        shortest(round_to(cell.supply_gap, 3)),
                        shortest(round_to(cell.supply_gap_share, 6))
                    );
                }
            }
        }
        for (name, heavy) in [("separation_light", false), ("separation_heavy", true)] {
            for (index, year) in self.year_range().enumerate() {
                let product = self.product(index, heavy);
                for region in Region::ALL {
                    let r = region as usize;
                    let _ = writeln!(
                        out,
                        "{year},{name},{},{},{},0,{},{}",
                        region.id(),
                        shortest(round_to(product.output[r], 3)),
                        shortest(round_to(product.share[r], 6)),
                        shortest(round_to(product.supply_gap, 3)),
                        shortest(round_to(product.supply_gap_share, 6))
                    );
                }
            }
        }
    }

    /// The projection as CSV text.
    pub fn to_csv(&self) -> String {
        let mut out = String::with_capacity(64 * self.years * (STAGE_COUNT + 2) * REGION_COUNT);
        self.write_csv(&mut out);
        out
    }
}

/// `value` rounded to `decimals` decimals, for text output.
pub fn round_to(value: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor
}

/// Serialises as plain data: years, then per stage per region arrays.
impl Serialize for Projection {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let years: Vec<u16> = self.year_range().collect();
        let stages: std::collections::BTreeMap<&str, StageView<'_>> = Stage::ALL
            .into_iter()
            .map(|stage| {
                (
                    stage.id(),
                    StageView {
                        projection: self,
                        stage,
                    },
                )
            })
            .collect();
        let russia: std::collections::BTreeMap<&str, &RussiaStage> = Stage::ALL
            .into_iter()
            .map(|stage| (stage.id(), &self.russia[stage as usize]))
            .collect();
        let observed: std::collections::BTreeMap<&str, HistoryView> = Stage::ALL
            .into_iter()
            .map(|stage| (stage.id(), HistoryView { stage }))
            .collect();
        let feed = &self.russia_feed[..self.years];
        let mut state = serializer.serialize_struct("Projection", 9)?;
        state.serialize_field("data_version", crate::data::DATA_VERSION)?;
        state.serialize_field("observed", &observed)?;
        state.serialize_field("years", &years)?;
        state.serialize_field("stages", &stages)?;
        state.serialize_field("russia", &russia)?;
        state.serialize_field("russia_reserve_cap", &self.russia_reserve_cap)?;
        state.serialize_field("budget", &self.budget)?;
        state.serialize_field("russia_feed", feed)?;
        state.serialize_field("separation_products", &ProductsView(self))?;
        state.end()
    }
}

/// The separation stage's light and heavy products per year, and the magnets outside China that
/// rely on China's Dy and Tb.
struct ProductsView<'a>(&'a Projection);

impl Serialize for ProductsView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let projection = self.0;
        let heavy = &projection.heavy[..projection.years];
        let product = |is_heavy: bool| {
            let products: Vec<Product> = (0..projection.years)
                .map(|index| projection.product(index, is_heavy))
                .collect();
            let regions: std::collections::BTreeMap<&str, ProductRegion> = Region::ALL
                .into_iter()
                .map(|region| {
                    let r = region as usize;
                    (
                        region.id(),
                        ProductRegion {
                            output: products.iter().map(|p| p.output[r]).collect(),
                            share: products.iter().map(|p| p.share[r]).collect(),
                        },
                    )
                })
                .collect();
            ProductOut {
                supply_gap: products.iter().map(|p| p.supply_gap).collect(),
                supply_gap_share: products.iter().map(|p| p.supply_gap_share).collect(),
                regions,
            }
        };
        let mut state = serializer.serialize_struct("Products", 4)?;
        state.serialize_field("light", &product(false))?;
        state.serialize_field("heavy", &product(true))?;
        state.serialize_field(
            "heavy_demand",
            &heavy.iter().map(|h| h.demand).collect::<Vec<f64>>(),
        )?;
        state.serialize_field(
            "magnets_on_china_heavy",
            &heavy
                .iter()
                .map(|h| h.magnets_on_china)
                .collect::<Vec<f64>>(),
        )?;
        state.end()
    }
}

#[derive(Serialize)]
struct ProductOut {
    supply_gap: Vec<f64>,
    supply_gap_share: Vec<f64>,
    regions: std::collections::BTreeMap<&'static str, ProductRegion>,
}

#[derive(Serialize)]
struct ProductRegion {
    output: Vec<f64>,
    share: Vec<f64>,
}

struct StageView<'a> {
    projection: &'a Projection,
    stage: Stage,
}

impl Serialize for StageView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let cells: Vec<&StageYear> = self
            .projection
            .stage_series(self.stage)
            .map(|(_, cell)| cell)
            .collect();
        let column =
            |pick: fn(&StageYear) -> f64| cells.iter().map(|cell| pick(cell)).collect::<Vec<f64>>();
        let regions: std::collections::BTreeMap<&str, RegionView> = Region::ALL
            .into_iter()
            .map(|region| {
                let index = region as usize;
                (
                    region.id(),
                    RegionView {
                        output: cells.iter().map(|cell| cell.output[index]).collect(),
                        capacity: cells.iter().map(|cell| cell.capacity[index]).collect(),
                        share: cells.iter().map(|cell| cell.share[index]).collect(),
                    },
                )
            })
            .collect();
        let mut state = serializer.serialize_struct("Stage", 7)?;
        state.serialize_field("unit", self.stage.unit())?;
        state.serialize_field("demand", &column(|cell| cell.demand))?;
        state.serialize_field("hhi", &column(|cell| cell.hhi))?;
        state.serialize_field("trusted_share", &column(|cell| cell.trusted_share))?;
        state.serialize_field("exposure", &column(|cell| cell.exposure))?;
        state.serialize_field("supply_gap", &column(|cell| cell.supply_gap))?;
        state.serialize_field("regions", &regions)?;
        state.end()
    }
}

/// The observed years of one stage before the base year, as the data file gives them.
struct HistoryView {
    stage: Stage,
}

impl Serialize for HistoryView {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let rows: Vec<&Observed> = history(self.stage).collect();
        let years: Vec<u16> = rows.iter().map(|row| row.year).collect();
        let regions: std::collections::BTreeMap<&str, ObservedRegion> = Region::ALL
            .into_iter()
            .map(|region| {
                let index = region as usize;
                (
                    region.id(),
                    ObservedRegion {
                        output: rows
                            .iter()
                            .map(|row| row.output.map(|output| output[index]))
                            .collect(),
                        share: rows.iter().map(|row| row.share[index]).collect(),
                    },
                )
            })
            .collect();
        let mut state = serializer.serialize_struct("Observed", 2)?;
        state.serialize_field("years", &years)?;
        state.serialize_field("regions", &regions)?;
        state.end()
    }
}

#[derive(Serialize)]
struct ObservedRegion {
    output: Vec<Option<f64>>,
    share: Vec<f64>,
}

/// The current dataset's observed years of `stage` before the base year, oldest first.
pub fn history(stage: Stage) -> impl Iterator<Item = &'static Observed> {
    crate::data::dataset()
        .history
        .iter()
        .filter(move |observed| observed.stage == stage)
}

#[derive(Serialize)]
struct RegionView {
    output: Vec<f64>,
    capacity: Vec<f64>,
    share: Vec<f64>,
}

/// A 64-bit FNV-1a hash of every number in the projection, bit for bit.
///
/// Two projections with the same fingerprint agree to the last digit with near certainty;
/// the tests compare native and wasm builds with it.
pub fn fingerprint(projection: &Projection) -> u64 {
    let mut hash = FNV_OFFSET;
    for cells in &projection.cells[..projection.years] {
        for cell in cells {
            let scalars = [
                cell.demand,
                cell.hhi,
                cell.trusted_share,
                cell.exposure,
                cell.supply_gap,
                cell.supply_gap_share,
            ];
            for value in cell
                .capacity
                .iter()
                .chain(&cell.output)
                .chain(&cell.share)
                .chain(&scalars)
            {
                hash = fnv_step(hash, value.to_bits());
            }
        }
    }
    hash
}

/// FNV-1a's starting value.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Mixes the eight bytes of `word` into `hash` (FNV-1a).
pub fn fnv_step(mut hash: u64, word: u64) -> u64 {
    for byte in word.to_le_bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}
