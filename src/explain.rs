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

use crate::data::Stage;
use crate::params::Param;
use crate::projection::Projection;
use crate::scenario::Scenario;
use crate::simulate::ramp;
use crate::text;

/// A programme whose first output comes at most this many years (about 18 days) after its
/// announced start is on time: the start is fractional, and such a slip is rounding, not delay.
const ON_TIME_YEARS: f64 = 0.05;

/// The facts behind Russia's share at one stage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RussiaWhy {
    /// The stage explained.
    pub stage: Stage,
    /// Nameplate Russia's programme is sized for at this stage, in the stage's unit a year.
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
}

impl RussiaWhy {
    /// The facts at `stage` of `projection`, the projection of `scenario`.
    pub fn of(projection: &Projection, scenario: &Scenario, stage: Stage) -> RussiaWhy {
        let russia = &projection.russia[stage as usize];
        RussiaWhy {
            stage,
            nameplate: russia.programme_nameplate,
            odds: russia.programme_odds,
            announced: scenario.get(Param::RuFirstPlant),
            start: russia.programme_start,
            utilisation: russia.utilisation,
            ramp_years: scenario.get(Param::RuRampYears),
            constrained_from: russia.first_constrained_year,
        }
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
        format!(
            "counted at its {} chance of being built",
            text::percent(self.odds, 0)
        )
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
