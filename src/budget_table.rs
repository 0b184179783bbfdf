//! What the money buys and what feeds it: Russia's programme against its budget and its feed
//! (docs/MODEL.md, equations 7b and 9), written once for the page's "What the money buys" section
//! and for `ree-outlook --budget`, so the two cannot disagree.
//!
//! [`BudgetTable::of`] reads the numbers from a projection and its scenario; [`BudgetTable::answer`]
//! is the one-sentence answer ("$9.20bn for rare earths buys 100% of what 10% in 2030 needs…"),
//! [`BudgetTable::rows`] the table's rows as text and [`feed_sentence`] the feed in the target
//! year. The defaults' sources are [`SOURCES`].

use crate::data::Stage;
use crate::explain::{HeavyWhy, Limit, RussiaWhy};
use crate::i18n::Msg;
use crate::params::Param;
use crate::projection::{Budget, Projection, TARGET_YEAR};
use crate::scenario::Scenario;
use crate::state::{Product, Shown};
use crate::text::{fixed, percent, thousands};
use crate::tr;

/// The table's column headings after the row heading: what this scenario's money buys, and what
/// 10% and 12% of world output in 2030 need ([`crate::projection::RUSSIA_TARGETS`]); the page
/// writes the same words into its table's HTML.
pub const COLUMNS: [&str; 3] = ["The money buys", "10% in 2030 needs", "12% in 2030 needs"];

/// Where the defaults behind the table come from, one public document (or an assumption) each.
pub const SOURCES: [&str; 5] = [
    "Hub budget, $9.2bn: bne IntelliNews, \"Kremlin developing Siberian rare earths to tempt Trump, exploit Europe's shortages\", 2 Feb 2026, on an ECFR brief (Jan 2026); 700bn roubles of capital to attract: TASS, Feb 2026, tass.com/economy/2089921.",
    "Share spent on rare earths, 100%: an assumption, the claim as made; the hub's first named projects are germanium, lithium and other metals (TASS, 25 Dec 2025, tass.com/economy/2064765).",
    "Capital cost per tonne of yearly capacity: medians of the named pipeline's published costs. Mining $47k: Mkango Resources, \"Results of Definitive Feasibility Study for the Songwe Hill Rare Earths Project\", 5 Jul 2022. Separation $170k: Mining.com, \"Aclara jumps on US heavy REE plant plan\", 24 Oct 2025. Magnets $69k: ChatNewsTV, \"Neo opens Europe's first rare earth magnet plant in Estonia\", 19 Sep 2025, and Just Auto, \"Posco, Star to invest in EV magnet plant\", Dec 2023.",
    "Sanctions premium on capital cost: 40% at full sanctions times the friction (an assumption from CEPII, \"Working Around Sanctions. What Cost to Russia?\", Policy Brief, Mar 2025: strategic imports 122% dearer, 45% net of freight; equipment about half of capex).",
    "Targets: 10% by 2030 (Reuters, \"Russia has $1.5 billion plan to dent China's rare earth dominance\", 12 Aug 2020) and 12% (Rare Earth Exchanges, 2025, on Reuters); capacity at 90% utilisation less what exists. Lovozero's 2,600 t: USGS, Mineral Commodity Summaries 2026: Rare Earths.",
];

/// Russia's programme against its money, as the table shows it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BudgetTable {
    /// The hub's budget, US$ bn (`ru_budget`).
    pub hub_bn: f64,
    /// The share of it spent on rare earths (`ru_budget_share`).
    pub rare_earth_share: f64,
    /// Russia's ambition, a share of world output (`ru_plan_share`).
    pub ambition: f64,
    /// Capital cost per tonne of yearly capacity per stage, US$ thousand.
    pub capex: [f64; 3],
    /// The nameplate the money buys per stage, in the stage's unit a year.
    pub bought: [f64; 3],
    /// The projection's budget (money, premium, needs and costs).
    pub budget: Budget,
    /// What holds each stage furthest below its ambition in 2030, if anything.
    pub limits: [Option<Limit>; 3],
    /// What holds heavy separation (Dy, Tb) back more than light in 2030, if anything
    /// ([`HeavyWhy::limit`]).
    pub heavy_limit: Option<Limit>,
}

/// What a row's numbers are, which says how its cells are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Tonnes a year, with thousands separators ("11,015").
    Tonnes,
    /// US$ bn ("$9.05bn").
    Money,
    /// A share, in whole percent ("84%").
    Share,
}

/// One row of the table: its heading and its three numbers, under [`COLUMNS`].
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The row heading, with its unit.
    pub label: &'static str,
    /// The numbers.
    pub values: [f64; 3],
    /// What the numbers are.
    pub unit: Unit,
}

impl Row {
    /// The cells as text: the same for the page and the command line.
    pub fn cells(&self) -> [String; 3] {
        self.values.map(|value| match self.unit {
            Unit::Tonnes => thousands(value),
            Unit::Money => money(value),
            Unit::Share => percent(value, 0),
        })
    }
}

/// US$ bn as "$9.20bn" (in the reader's language on the page: "9,20 млрд $").
pub fn money(bn: f64) -> String {
    tr!(Msg::BudgetMoney, n = fixed(bn, 2))
}

impl BudgetTable {
    /// The table of `projection`, the projection of `scenario`.
    pub fn of(projection: &Projection, scenario: &Scenario) -> BudgetTable {
        let stage = |index: usize| Stage::ALL[index];
        BudgetTable {
            hub_bn: scenario.get(Param::RuBudget),
            rare_earth_share: scenario.get(Param::RuBudgetShare),
            ambition: scenario.get(Param::RuPlanShare),
            capex: [
                Param::CapexMining,
                Param::CapexSeparation,
                Param::CapexMagnets,
            ]
            .map(|param| scenario.get(param)),
            bought: projection.russia.map(|russia| russia.bought),
            budget: projection.budget,
            limits: [0, 1, 2]
                .map(|index| RussiaWhy::of(projection, scenario, stage(index)).binding_limit()),
            heavy_limit: HeavyWhy::of(projection, scenario).limit(),
        }
    }

    /// The share of target `target`'s nameplate (0: 10%, 1: 12%) the money buys, at most 1.
    pub fn buys(&self, target: usize) -> f64 {
        let cost = self.budget.cost_with_premium_bn[target];
        if cost > 0.0 {
            (self.budget.money_bn / cost).clamp(0.0, 1.0)
        } else {
            1.0
        }
    }

    /// What the capacity the money buys costs: at benchmark capital cost and with the premium.
    pub fn bought_cost_bn(&self) -> [f64; 2] {
        let benchmark: f64 = (0..3)
            .map(|index| self.bought[index] * self.capex[index] * 1e-6)
            .sum();
        [benchmark, benchmark * (1.0 + self.budget.premium)]
    }

    /// The table's rows: capacity per stage, the cost at benchmark capital cost and with the
    /// premium, and the share the money buys (of the scenario's ambition, of 10% and of 12%).
    pub fn rows(&self) -> [Row; 6] {
        let budget = &self.budget;
        let capacity = |label: &'static str, index: usize| Row {
            label,
            values: [
                self.bought[index],
                budget.need[0][index],
                budget.need[1][index],
            ],
            unit: Unit::Tonnes,
        };
        let bought = self.bought_cost_bn();
        let (cost, with_premium) = (budget.cost_bn, budget.cost_with_premium_bn);
        [
            capacity(tr!(Msg::BudgetRowMining), 0),
            capacity(tr!(Msg::BudgetRowSeparation), 1),
            capacity(tr!(Msg::BudgetRowMagnets), 2),
            Row {
                label: tr!(Msg::BudgetRowCost),
                values: [bought[0], cost[0], cost[1]],
                unit: Unit::Money,
            },
            Row {
                label: tr!(Msg::BudgetRowPremium),
                values: [bought[1], with_premium[0], with_premium[1]],
                unit: Unit::Money,
            },
            Row {
                label: tr!(Msg::BudgetRowShare),
                values: [budget.funded, self.buys(0), self.buys(1)],
                unit: Unit::Share,
            },
        ]
    }

    /// "Capital cost per tonne of yearly capacity: mining $47k, separation $170k, magnets $69k."
    pub fn capex_line(&self) -> String {
        format!(
            "Capital cost per tonne of yearly capacity: mining ${}k, separation ${}k, magnets ${}k.",
            fixed(self.capex[0], 0),
            fixed(self.capex[1], 0),
            fixed(self.capex[2], 0)
        )
    }

    /// "Money for rare earths: $9.20bn ($9.20bn hub budget × 100%); …": the money, the premium,
    /// what the ambition costs and the share of it the money buys.
    pub fn money_line(&self) -> String {
        let budget = &self.budget;
        format!(
            "Money for rare earths: {} ({} hub budget \u{d7} {} for rare earths); sanctions premium on capital cost {}. The {} ambition costs {} with the premium; the money buys {} of it.",
            money(budget.money_bn),
            money(self.hub_bn),
            percent(self.rare_earth_share, 0),
            percent(budget.premium, 0),
            percent(self.ambition, 1),
            money(budget.ambition_cost_bn),
            percent(budget.funded, 0)
        )
    }

    /// What runs out first in 2030, stage by stage: "at mining, time to ramp up; at separation,
    /// …", or "nothing" when every stage meets its ambition.
    pub fn runs_out_first(&self) -> String {
        let mut out = String::new();
        let stages = Stage::ALL.map(|stage| (Shown::Stage(stage), self.limits[stage as usize]));
        let heavy = (Shown::Product(Product::Heavy), self.heavy_limit);
        for (at, limit) in stages.into_iter().chain([heavy]) {
            let Some(limit) = limit else {
                continue;
            };
            let name = tr!(match limit {
                Limit::Money => Msg::BudgetLimitMoney,
                Limit::Feed => Msg::BudgetLimitFeed,
                Limit::Ramp => Msg::BudgetLimitRamp,
                Limit::Sanctions => Msg::BudgetLimitSanctions,
                Limit::HeavySupply => Msg::BudgetLimitHeavy,
            });
            if !out.is_empty() {
                out.push_str(tr!(Msg::ChartListSemicolon));
            }
            out.push_str(&tr!(Msg::BudgetLimitAt, stage = at.name(), limit = name));
        }
        if out.is_empty() {
            out.push_str(tr!(Msg::BudgetLimitNone));
        }
        out
    }

    /// The one-sentence answer: "$9.20bn for rare earths ($9.20bn hub budget × 100%) buys 100% of
    /// the capacity 10% of world output in 2030 needs (84% of what 12% needs) at a 24% sanctions
    /// premium on capital cost; what runs out first in 2030: …".
    pub fn answer(&self) -> String {
        tr!(
            Msg::BudgetAnswer,
            money = money(self.budget.money_bn),
            hub = money(self.hub_bn),
            share = percent(self.rare_earth_share, 0),
            buys = percent(self.buys(0), 0),
            year = TARGET_YEAR.to_string(),
            buys12 = percent(self.buys(1), 0),
            premium = percent(self.budget.premium, 0),
            limits = self.runs_out_first()
        )
    }
}

/// The budget at which the money stops mattering in `scenario`: the hub budget whose rare-earth
/// share pays for the whole ambition with the premium (`None` when no budget would, because no
/// money goes to rare earths, or when the ambition costs nothing).
pub fn budget_that_funds_the_ambition(scenario: &Scenario, projection: &Projection) -> Option<f64> {
    let share = scenario.get(Param::RuBudgetShare);
    let cost = projection.budget.ambition_cost_bn;
    (share > 0.0 && cost > 0.0 && cost.is_finite()).then(|| cost / share)
}

/// Russia's feed in `year` in a sentence: the concentrate its separation needs, its own mining,
/// the part imported, and the separation that does not happen for want of feed (0 t when feed
/// does not bind).
pub fn feed_sentence(projection: &Projection, year: u16) -> String {
    let Some(feed) = year
        .checked_sub(projection.base_year)
        .map(usize::from)
        .filter(|index| *index < projection.years)
        .and_then(|index| projection.russia_feed.get(index).copied())
    else {
        return tr!(Msg::BudgetFeedNone, year = year.to_string());
    };
    let unfed = feed.unfed_separation;
    tr!(
        Msg::BudgetFeed,
        year = year.to_string(),
        need = thousands(feed.need),
        own = thousands(feed.own),
        imported = thousands(feed.imported),
        unfed = thousands(unfed)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Preset;
    use crate::simulate::simulate;

    fn table(id: &str, changes: &[(Param, f64)]) -> (BudgetTable, Projection) {
        let mut scenario = Preset::find(id).map(Preset::scenario).unwrap_or_default();
        for &(param, value) in changes {
            scenario.set(param, value);
        }
        let projection = simulate(&scenario);
        (BudgetTable::of(&projection, &scenario), projection)
    }

    #[test]
    fn the_hub_budget_buys_all_of_ten_percent_and_time_runs_out_first() {
        let (table, _) = table("hub-budget", &[]);
        let rows = table.rows();
        assert_eq!(rows[0].label, "Mining capacity (t REO a year)");
        assert_eq!(rows[2].label, "Magnet capacity (t NdFeB a year)");
        assert_eq!(
            table.capex_line(),
            "Capital cost per tonne of yearly capacity: mining $47k, separation $170k, magnets $69k."
        );
        let cells: Vec<[String; 3]> = rows.iter().map(Row::cells).collect();
        assert_eq!(cells[0], ["50,608", "50,608", "61,649"].map(String::from));
        assert_eq!(cells[1], ["11,015", "11,015", "13,308"].map(String::from));
        assert_eq!(cells[2], ["44,116", "44,116", "53,130"].map(String::from));
        assert_eq!(cells[3][1..], ["$7.30bn", "$8.83bn"].map(String::from));
        assert_eq!(rows[4].label, "Cost with the sanctions premium");
        assert_eq!(
            cells[4],
            ["$9.05bn", "$9.05bn", "$10.94bn"].map(String::from)
        );
        assert_eq!(cells[5], ["100%", "100%", "84%"].map(String::from));
        assert_eq!(
            table.answer(),
            "$9.20bn for rare earths ($9.20bn hub budget × 100%) buys 100% of the capacity 10% of world output in 2030 needs (84% of what 12% needs) at a 24% sanctions premium on capital cost; what runs out first in 2030: at mining, time to ramp up; at separation, time to ramp up; at magnets, time lost to sanctions; at heavy separation (Dy, Tb), heavy supply (loparite yields light rare earths only)."
        );
        assert!(table.money_line().starts_with(
            "Money for rare earths: $9.20bn ($9.20bn hub budget × 100% for rare earths"
        ));
    }

    #[test]
    fn half_the_budget_makes_money_run_out_first_and_buys_half() {
        let (table, _) = table("hub-budget", &[(Param::RuBudgetShare, 0.5)]);
        assert_eq!(table.rows()[5].cells()[0], "51%");
        assert!(
            table.answer().contains("buys 51% of the capacity 10%"),
            "{}",
            table.answer()
        );
        assert!(
            table
                .answer()
                .contains("what runs out first in 2030: at mining, money; at separation, money; at magnets, money; at heavy separation (Dy, Tb), heavy supply (loparite yields light rare earths only)."),
            "{}",
            table.answer()
        );
        // The money's own capacity costs what the money has.
        let cost = table.bought_cost_bn()[1];
        assert!((cost - table.budget.money_bn).abs() < 1e-9, "{cost}");
    }

    #[test]
    fn no_money_buys_nothing_and_nothing_is_not_a_panic() {
        let (table, projection) = table("hub-budget", &[(Param::RuBudget, 0.0)]);
        assert_eq!(table.rows()[1].cells()[0], "0");
        assert!(table
            .answer()
            .starts_with("$0.00bn for rare earths ($0.00bn hub budget × 100%) buys 0% "));
        assert_eq!(
            budget_that_funds_the_ambition(
                &Scenario::default().with(Param::RuBudgetShare, 0.0),
                &projection
            ),
            None
        );
        assert_eq!(
            feed_sentence(&projection, 1990),
            "No feed figures for 1990."
        );
        assert_eq!(
            feed_sentence(&projection, 2100),
            "No feed figures for 2100."
        );
    }

    #[test]
    fn the_feed_sentence_says_when_separation_lacks_feed() {
        let (_, projection) = table("hub-budget", &[]);
        // The sentence names Lovozero's base-year output, which is the data's.
        assert_eq!(thousands(projection.russia_feed[0].own), "2,600");
        assert_eq!(
            feed_sentence(&projection, 2030),
            "In 2030 Russia's separation needs 2,332 t REO of concentrate; its own mining (Lovozero, 2,600 t in 2025, and new mines) gives 9,742 t and it imports 0 t. Separation that lacks feed does not happen: 0 t of oxide lost."
        );
        // Mining held back by heavy sanctions and no imports: separation goes unfed.
        let (_, starved) = table(
            "kremlin-2030",
            &[
                (Param::RuFeedImports, 0.0),
                (Param::SanctionsMiningFactor, 1.0),
            ],
        );
        let sentence = feed_sentence(&starved, 2031);
        assert!(
            !sentence.ends_with("does not happen: 0 t of oxide lost."),
            "{sentence}"
        );
    }
}
