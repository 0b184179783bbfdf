//! `--budget`: Russia's programme against its money and its feed (docs/MODEL.md, equations 7b and
//! 9): what the hub's budget buys per stage beside what 10% and 12% of 2030 world output need, what
//! those cost at benchmark capex and with the sanctions premium, the concentrate Russia's
//! separation needs against its own mining per year, and what holds each stage back in 2030.

use crate::flags::OutputFormat;
use crate::json_text;
use ree_outlook::budget_table::{feed_sentence, BudgetTable, COLUMNS, SOURCES};
use ree_outlook::data::Stage;
use ree_outlook::explain::{HeavyWhy, RussiaWhy};
use ree_outlook::params::Param;
use ree_outlook::projection::{Budget, Feed, Projection, RussiaStage, RUSSIA_TARGETS, TARGET_YEAR};
use ree_outlook::state::LinkState;
use ree_outlook::text::{percent, thousands};
use ree_outlook::url;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Capital cost per tonne of yearly capacity at each stage, US$ thousand.
fn capex(state: &LinkState) -> [f64; 3] {
    [
        Param::CapexMining,
        Param::CapexSeparation,
        Param::CapexMagnets,
    ]
    .map(|param| state.scenario.get(param))
}

/// The budget report of `projection` (of `state`) in `format`.
pub fn report(state: &LinkState, projection: &Projection, format: OutputFormat) -> String {
    match format {
        OutputFormat::Table => table(state, projection),
        OutputFormat::Csv => csv(state, projection),
        OutputFormat::Json => {
            let russia: BTreeMap<&str, &RussiaStage> = Stage::ALL
                .into_iter()
                .map(|stage| (stage.id(), &projection.russia[stage as usize]))
                .collect();
            let years: Vec<u16> = projection.year_range().collect();
            json_text(&BudgetJson {
                preset: state.preset().id,
                link: url::encode(state),
                budget: &projection.budget,
                russia,
                years,
                feed: &projection.russia_feed[..projection.years],
            })
        }
    }
}

#[derive(Serialize)]
struct BudgetJson<'a> {
    preset: &'static str,
    link: String,
    budget: &'a Budget,
    russia: BTreeMap<&'static str, &'a RussiaStage>,
    years: Vec<u16>,
    feed: &'a [Feed],
}

/// `measure,unit,mining,separation,magnets,total`: capex, bought, need and cost for 10% and 12%.
fn csv(state: &LinkState, projection: &Projection) -> String {
    let budget = &projection.budget;
    let capex = capex(state);
    let mut out = String::from("measure,unit,mining,separation,magnets,total\n");
    let mut row = |measure: &str, unit: &str, values: [f64; 3], total: Option<f64>| {
        let total = total.map(|total| total.to_string()).unwrap_or_default();
        let _ = writeln!(
            out,
            "{measure},{unit},{},{},{},{total}",
            values[0], values[1], values[2]
        );
    };
    row("capex", "kUSD per t/yr", capex, None);
    row(
        "bought",
        "t/yr",
        projection.russia.map(|stage| stage.bought),
        None,
    );
    for (target, share) in RUSSIA_TARGETS.iter().enumerate() {
        let name = format!("{:.0}", share * 100.0);
        let need = budget.need[target];
        row(&format!("need_{name}"), "t/yr", need, None);
        let cost = [0, 1, 2].map(|stage| need[stage] * capex[stage] * 1e-6);
        row(
            &format!("cost_{name}"),
            "USD bn",
            cost,
            Some(budget.cost_bn[target]),
        );
        row(
            &format!("cost_{name}_with_premium"),
            "USD bn",
            cost.map(|cost| cost * (1.0 + budget.premium)),
            Some(budget.cost_with_premium_bn[target]),
        );
    }
    out
}

/// The readable report: the answer, money, the table (the page's rows, from
/// [`BudgetTable`]), feed per year and what binds in 2030.
fn table(state: &LinkState, projection: &Projection) -> String {
    let scenario = &state.scenario;
    let preset = state.preset();
    let budget_table = BudgetTable::of(projection, scenario);
    let mut text = format!(
        "Russia's programme against its money: {} (preset {})\n",
        preset.title, preset.id
    );
    let _ = writeln!(text, "{}", budget_table.answer());
    let _ = writeln!(text, "{}", budget_table.money_line());
    let _ = writeln!(text, "{}\n", budget_table.capex_line());
    let _ = writeln!(
        text,
        "{:<40} {:>17} {:>17} {:>17}",
        "", COLUMNS[0], COLUMNS[1], COLUMNS[2]
    );
    for row in budget_table.rows() {
        let [bought, ten, twelve] = row.cells();
        let _ = writeln!(
            text,
            "{:<40} {bought:>17} {ten:>17} {twelve:>17}",
            row.label
        );
    }
    text.push_str(
        "\nFeed for Russia's separation, t REO of concentrate a year (Lovozero mines 2,600 t):\n",
    );
    let _ = writeln!(
        text,
        "{:<6} {:>9} {:>11} {:>9} {:>9} {:>16}",
        "year", "need", "own mining", "imported", "share", "unfed (t oxide)"
    );
    for (year, feed) in projection
        .year_range()
        .zip(&projection.russia_feed[..projection.years])
    {
        let _ = writeln!(
            text,
            "{year:<6} {:>9} {:>11} {:>9} {:>9} {:>16}",
            thousands(feed.need),
            thousands(feed.own),
            thousands(feed.imported),
            percent(feed.imported_share(), 0),
            thousands(feed.unfed_separation)
        );
    }

    let _ = writeln!(text, "{}", feed_sentence(projection, TARGET_YEAR));
    text.push_str("\nWhat holds Russia below its ambition in 2030, per stage: ");
    let limits: Vec<String> = Stage::ALL
        .into_iter()
        .map(|stage| {
            let limit = RussiaWhy::of(projection, scenario, stage)
                .binding_limit()
                .map_or("nothing", |limit| limit.id());
            format!("{} {limit}", stage.id())
        })
        .collect();
    text.push_str(&limits.join(", "));
    if let Some(limit) = HeavyWhy::of(projection, scenario).limit() {
        text.push_str(", heavy separation ");
        text.push_str(limit.id());
    }
    text.push_str(".\n\nSources of the defaults:\n");
    for source in SOURCES {
        let _ = writeln!(text, "- {source}");
    }
    text
}
