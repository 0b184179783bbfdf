//! Why Russia lands where it does: the facts behind Russia's share at one stage, read once from a
//! projection and the scenario it came from.
//!
//! Two readers get the reasons. The command line's summary explains every stage in the stage's
//! unit, for someone checking the numbers; the page's headline explains separation in plain words
//! and adds how far the programme has ramped by the target year. They write different sentences,
//! so each writes its own; what they share is here: which numbers explain the share
//! ([`RussiaWhy`]), when the programme counts as late ([`RussiaWhy::delay`]) and how its chance of
//! being built is worded ([`RussiaWhy::odds_clause`]). The charts' text alternatives describe the
//! curves, not the reasons, and use none of this.

use crate::data::{dataset, Region, Stage};
use crate::i18n::Msg;
use crate::params::Param;
use crate::projection::{Projection, TARGET_YEAR};
use crate::scenario::Scenario;
use crate::simulate::ramp;
use crate::text;
use crate::tr;

/// A programme whose first output comes at most this many years (about 18 days) after its
/// announced start is on time: the start is fractional, and such a slip is rounding, not delay.
const ON_TIME_YEARS: f64 = 0.05;

/// What holds Russia's programme furthest below its ambition in the target year
/// ([`RussiaWhy::binding_limit`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// The money buys less than the ambition asks for.
    Money,
    /// Plants lack concentrate (separation) or oxide (magnets).
    Feed,
    /// Sanctions (and China's price response) delay the plants and cut their output.
    Sanctions,
    /// The plants have not reached nameplate yet.
    Ramp,
    /// Russia has next to no heavy rare earths (Dy, Tb) of its own: loparite yields light ones
    /// only, and Tomtor's heavy ore is off or not yet mined ([`HeavyWhy`]).
    HeavySupply,
}

impl Limit {
    /// The limit in a word: "money", "feed", "sanctions", "ramp".
    pub fn id(self) -> &'static str {
        match self {
            Limit::Money => "money",
            Limit::Feed => "feed",
            Limit::Sanctions => "sanctions",
            Limit::Ramp => "ramp",
            Limit::HeavySupply => "heavy_supply",
        }
    }
}

/// Why Russia separates few or no heavy rare earths (Dy, Tb) in the target year: its ore. Money,
/// ramps and sanctions act on plants and so on both products alike; when Russia's share of the
/// heavy product is below its share of the light one, the ore holds the heavy product back
/// ([`Limit::HeavySupply`]): loparite yields light rare earths only.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeavyWhy {
    /// Whether the scenario switches on Tomtor's heavy ore.
    pub tomtor: bool,
    /// Russia's heavy oxide output in the target year, t.
    pub output: f64,
    /// Russia's share of world heavy separation in the target year.
    pub share: f64,
    /// Russia's share of world light separation in the target year.
    pub light_share: f64,
}

impl HeavyWhy {
    /// The facts in `projection`, the projection of `scenario`.
    pub fn of(projection: &Projection, scenario: &Scenario) -> HeavyWhy {
        let heavy = TARGET_YEAR
            .checked_sub(projection.base_year)
            .map(usize::from)
            .filter(|index| *index < projection.years)
            .map(|index| {
                (
                    projection.product(index, true),
                    projection.product(index, false),
                )
            });
        let russia = Region::Russia as usize;
        HeavyWhy {
            tomtor: scenario.get(Param::RuTomtorHeavy) >= 0.5,
            output: heavy.map_or(0.0, |(heavy, _)| heavy.output[russia]),
            share: heavy.map_or(0.0, |(heavy, _)| heavy.share[russia]),
            light_share: heavy.map_or(0.0, |(_, light)| light.share[russia]),
        }
    }

    /// [`Limit::HeavySupply`] when Russia's share of heavy separation is below its share of light
    /// separation in the target year; else nothing holds the heavy product back more than the light.
    pub fn limit(&self) -> Option<Limit> {
        (self.share < self.light_share).then_some(Limit::HeavySupply)
    }

    /// Tomtor's state in words: "off", "on but yields next to nothing by then", "on and yields
    /// 120 t by then".
    pub fn tomtor_words(&self) -> String {
        match (self.tomtor, self.output >= 0.5) {
            (false, _) => tr!(Msg::WhyTomtorOff).into(),
            (true, false) => tr!(Msg::WhyTomtorIdle).into(),
            (true, true) => tr!(Msg::WhyTomtorYields, amount = text::thousands(self.output)),
        }
    }
}

/// The facts behind Russia's share at one stage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RussiaWhy {
    /// The stage explained.
    pub stage: Stage,
    /// Nameplate Russia's ambition asks for at this stage, in the stage's unit a year.
    pub ambition: f64,
    /// Nameplate the programme builds: the ambition or, if less, what the money buys.
    pub nameplate: f64,
    /// The chance the programme is built (1 when it is taken at face value).
    pub odds: f64,
    /// The announced start of the first new plants (the scenario's first-plant year).
    pub announced: f64,
    /// The first year of programme output after sanctions and price delays (fractional).
    pub start: f64,
    /// The programme's utilisation once ramped, after sanctions and prices.
    pub utilisation: f64,
    /// Years from first output to nameplate (the scenario's Russian ramp-up).
    pub ramp_years: f64,
    /// The first year in which reserves (mining) or feed (separation, magnets) held Russia's
    /// output down, if any.
    pub constrained_from: Option<u16>,
    /// Output lost for want of feed in the target year (2030), in the stage's unit, counted at the odds.
    pub unfed: f64,
    /// Magnets only: the share of the Dy and Tb that Russia's 2030 magnet output needs which its
    /// own separation does not make, so must come from China (0 at other stages, or without magnets).
    pub heavy_from_china: f64,
}

impl RussiaWhy {
    /// The facts at `stage` of `projection`, the projection of `scenario`.
    pub fn of(projection: &Projection, scenario: &Scenario, stage: Stage) -> RussiaWhy {
        let russia = &projection.russia[stage as usize];
        let unfed = projection
            .get(TARGET_YEAR, stage)
            .map(|_| {
                let feed = &projection.russia_feed[usize::from(TARGET_YEAR - projection.base_year)];
                match stage {
                    Stage::Mining => 0.0,
                    Stage::Separation => feed.unfed_separation,
                    Stage::Magnets => feed.unfed_magnets,
                }
            })
            .unwrap_or(0.0);
        let heavy_from_china = match (stage, projection.get(TARGET_YEAR, Stage::Magnets)) {
            (Stage::Magnets, Some(cell)) => {
                let index = usize::from(TARGET_YEAR - projection.base_year);
                let constants = dataset().constants;
                let need = cell.output[Region::Russia as usize]
                    * constants.ree_per_magnet
                    * constants.heavy_share;
                let own = projection.heavy[index].output[Region::Russia as usize];
                if need > 0.0 {
                    (1.0 - own / need).clamp(0.0, 1.0)
                } else {
                    0.0
                }
            }
            _ => 0.0,
        };
        RussiaWhy {
            stage,
            ambition: russia.programme_nameplate,
            nameplate: russia.bought,
            odds: russia.programme_odds,
            announced: scenario.get(Param::RuFirstPlant),
            start: russia.programme_start,
            utilisation: russia.utilisation,
            ramp_years: scenario.get(Param::RuRampYears),
            constrained_from: russia.first_constrained_year,
            unfed,
            heavy_from_china,
        }
    }

    /// What holds the programme, once built, furthest below its ambition's output in 2030: of the
    /// ambition's output at design utilisation, the part the money does not buy, the part the ramp
    /// has not reached by the announced start, the part sanctions and prices take (later start,
    /// lower utilisation) and the part feed takes; the largest, if any is more than 0.5% of it.
    pub fn binding_limit(&self) -> Option<Limit> {
        let design = dataset().constants.ru_programme_utilisation;
        let full = self.ambition * design;
        let year = f64::from(TARGET_YEAR);
        let bought = self.nameplate * design;
        let on_time = bought * ramp(year - self.announced + 1.0, self.ramp_years);
        let delivered = self.nameplate * self.utilisation * self.reached_by(TARGET_YEAR);
        let fed = if self.odds > 0.0 {
            self.unfed / self.odds
        } else {
            0.0
        };
        [
            (Limit::Money, full - bought),
            (Limit::Ramp, bought - on_time),
            (Limit::Sanctions, on_time - delivered),
            (Limit::Feed, fed),
        ]
        .into_iter()
        .filter(|(_, lost)| *lost > 0.005 * full)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(limit, _)| limit)
    }

    /// How many years after its announced start the programme's first output comes, if it is late
    /// at all: by more than 0.05 year (about 18 days), which is rounding in a fractional start.
    pub fn delay(&self) -> Option<f64> {
        let delay = self.start - self.announced;
        (delay > ON_TIME_YEARS).then_some(delay)
    }

    /// Whether the programme counts at less than face value (its odds of being built below 1).
    pub fn is_risked(&self) -> bool {
        self.odds < 1.0
    }

    /// "counted at its 25% chance of being built".
    pub fn odds_clause(&self) -> String {
        tr!(Msg::WhyOdds, chance = text::percent(self.odds, 0))
    }

    /// The share of nameplate the programme has reached by the end of `year` along its ramp
    /// (0 before its first output).
    pub fn reached_by(&self, year: u16) -> f64 {
        ramp(f64::from(year) - self.start + 1.0, self.ramp_years)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Preset;

    #[test]
    fn loparite_holds_the_heavy_product_back_until_tomtor_yields() {
        let Some(preset) = Preset::find("hub-budget") else {
            panic!("the hub-budget preset exists");
        };
        let scenario = preset.scenario();
        let heavy = HeavyWhy::of(&crate::simulate(&scenario), &scenario);
        assert!(
            heavy.light_share > 0.0 && heavy.share < heavy.light_share,
            "{heavy:?}"
        );
        assert_eq!(heavy.limit(), Some(Limit::HeavySupply));
        assert_eq!(heavy.limit().map(Limit::id), Some("heavy_supply"));
        assert_eq!(heavy.tomtor_words(), "off");
        // A heavy share as large as the light one: the ore no longer holds the heavy product back.
        let even = HeavyWhy {
            share: heavy.light_share,
            ..heavy
        };
        assert_eq!(even.limit(), None);
        let yielding = HeavyWhy {
            tomtor: true,
            output: 1234.0,
            ..heavy
        };
        assert_eq!(yielding.tomtor_words(), "on and yields 1,234 t by then");
        let idle = HeavyWhy {
            tomtor: true,
            output: 0.0,
            ..heavy
        };
        assert_eq!(idle.tomtor_words(), "on but yields next to nothing by then");
    }

    #[test]
    fn the_baseline_programme_is_late_risked_and_ramping() {
        let scenario = Preset::baseline().scenario();
        let projection = crate::simulate(&scenario);
        let why = RussiaWhy::of(&projection, &scenario, Stage::Separation);
        assert_eq!(why.announced, 2028.0);
        assert!(why.delay().is_some_and(|delay| delay > 0.0), "{why:?}");
        assert!(why.is_risked());
        assert_eq!(
            why.odds_clause(),
            "counted at its 25% chance of being built"
        );
        assert_eq!(why.reached_by(2020), 0.0);
        assert!(why.reached_by(2050) > 0.99);
        let on_time = RussiaWhy {
            start: why.announced + 0.05,
            ..why
        };
        assert_eq!(on_time.delay(), None);
    }
}
