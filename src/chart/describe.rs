//! Plain-language text alternatives of the charts, with their key numbers.

use super::concentration::{HIGHLY_ABOVE, UNCONCENTRATED_BELOW};
use super::look::{points, thousands, unit};
use super::{ChartInput, ChartKind};
use crate::data::{Region, Stage};
use crate::projection::{Projection, RUSSIA_TARGETS, TARGET_YEAR};
use crate::text;
use std::fmt::Write;

/// A share in a caption or text alternative: one decimal, as the headline and the table write it,
/// so a caption never reads "11%" beside a headline's "11.4%" (a share that is not finite reads
/// "0.0%"). The chart's own labels, short of room, keep `look::pct`.
pub(crate) fn pct(share: f64) -> String {
    text::percent(if share.is_finite() { share } else { 0.0 }, 1)
}

/// A one-paragraph text alternative of chart `kind` (for screen readers and the table toggle).
pub fn describe(kind: ChartKind, input: &ChartInput) -> String {
    let projection = input.projection;
    if projection.years == 0 {
        return "No projection to describe.".to_string();
    }
    let mut out = String::with_capacity(320);
    match kind {
        ChartKind::Share => share(&mut out, input),
        ChartKind::Russia => russia(&mut out, input),
        ChartKind::Concentration => concentration(&mut out, input),
        ChartKind::Fan => fan(&mut out, input),
        ChartKind::Tornado => tornado(&mut out, input),
        ChartKind::SupplyGap => gap(&mut out, input),
        ChartKind::Feed => feed(&mut out, input),
    }
    out
}

/// The years worth quoting: the first, the target year if covered, and the last.
fn key_years(projection: &Projection) -> Vec<u16> {
    let mut years = vec![projection.base_year];
    for year in [TARGET_YEAR, projection.last_year()] {
        if projection.year_range().contains(&year) && !years.contains(&year) {
            years.push(year);
        }
    }
    years
}

/// "a", "a and b", "a, b and c".
fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A region's name as it reads inside a sentence ("the United States").
fn named(region: Region) -> String {
    match region {
        Region::UnitedStates | Region::Eu => format!("the {}", region.label()),
        _ => region.label().to_string(),
    }
}

fn share_at(projection: &Projection, year: u16, stage: Stage, region: Region) -> f64 {
    unit(projection.share(year, stage, region))
}

fn share(out: &mut String, input: &ChartInput) {
    let projection = input.projection;
    let stage = input.stage;
    let years = key_years(projection);
    let series = |region: Region| -> Vec<String> {
        years
            .iter()
            .map(|&year| pct(share_at(projection, year, stage, region)))
            .collect()
    };
    // "85% of world output in 2025, 87% in 2030 and 81% in 2040".
    let china: Vec<String> = series(Region::China)
        .into_iter()
        .zip(&years)
        .enumerate()
        .map(|(index, (value, year))| {
            let of_world = if index == 0 { " of world output" } else { "" };
            format!("{value}{of_world} in {year}")
        })
        .collect();
    // A product of separation is named with its unit (its projection is `super::product_view`).
    let _ = write!(
        out,
        "{} market share by region{}. China holds {}; Russia {}.",
        input.shown().label(),
        if input.product.is_some() {
            ", in t oxide"
        } else {
            ""
        },
        join(&china),
        join(&series(Region::Russia))
    );
    let last = projection.last_year();
    let runner_up = Region::ALL
        .into_iter()
        .filter(|region| !matches!(region, Region::China | Region::Other))
        .max_by(|a, b| {
            share_at(projection, last, stage, *a).total_cmp(&share_at(projection, last, stage, *b))
        });
    if let Some(region) = runner_up {
        let _ = write!(
            out,
            " The largest other named producer in {last} is {} with {}.",
            named(region),
            pct(share_at(projection, last, stage, region))
        );
    }
    for pinned in input.pinned() {
        let reference = pinned.projection;
        let year = if reference.year_range().contains(&TARGET_YEAR) {
            TARGET_YEAR
        } else {
            reference.last_year()
        };
        let _ = write!(
            out,
            " {}: China {} and Russia {} in {year}.",
            pinned.label,
            pct(share_at(reference, year, stage, Region::China)),
            pct(share_at(reference, year, stage, Region::Russia))
        );
    }
}

fn russia(out: &mut String, input: &ChartInput) {
    let projection = input.projection;
    let year = if projection.year_range().contains(&TARGET_YEAR) {
        TARGET_YEAR
    } else {
        projection.last_year()
    };
    // The stage shown leads (its gap is the one marked on the chart); the other two follow.
    let stage = input.stage;
    let shown = share_at(projection, year, stage, Region::Russia);
    let _ = write!(
        out,
        "Russia's share of world {} is {} in {year}",
        stage.label().to_ascii_lowercase(),
        pct(shown)
    );
    let gaps: Vec<String> = RUSSIA_TARGETS
        .iter()
        .map(|&target| {
            let direction = if shown < target { "short of" } else { "above" };
            format!(
                "{} points {direction} the {} target",
                points(target - shown),
                text::percent(target, 0)
            )
        })
        .collect();
    let others: Vec<String> = Stage::ALL
        .into_iter()
        .filter(|other| *other != stage)
        .map(|other| {
            format!(
                "{} {}",
                other.label(),
                pct(share_at(projection, year, other, Region::Russia))
            )
        })
        .collect();
    let _ = write!(
        out,
        ": {}. {} in {year}.",
        join(&gaps),
        others.join(" and ")
    );
    let last = projection.last_year();
    if last != year {
        let at_last: Vec<String> = Stage::ALL
            .into_iter()
            .map(|stage| {
                format!(
                    "{} {}",
                    stage.label().to_ascii_lowercase(),
                    pct(share_at(projection, last, stage, Region::Russia))
                )
            })
            .collect();
        let _ = write!(out, " By {last}: {}.", join(&at_last));
    }
    for pinned in input.pinned() {
        let _ = write!(
            out,
            " {}: {} {} in {year}.",
            pinned.label,
            stage.label().to_ascii_lowercase(),
            pct(share_at(pinned.projection, year, stage, Region::Russia))
        );
    }
}

/// The band name of an HHI value.
fn band(hhi: f64) -> &'static str {
    if hhi > HIGHLY_ABOVE {
        "highly concentrated"
    } else if hhi >= UNCONCENTRATED_BELOW {
        "moderately concentrated"
    } else {
        "unconcentrated"
    }
}

fn hhi_at(projection: &Projection, year: u16, stage: Stage) -> f64 {
    projection.get(year, stage).map_or(0.0, |cell| cell.hhi)
}

fn concentration(out: &mut String, input: &ChartInput) {
    let projection = input.projection;
    let _ = write!(
        out,
        "Concentration by stage (Herfindahl–Hirschman index, 0 to 10,000; above 2,500 is highly concentrated, below 1,500 unconcentrated)."
    );
    for year in key_years(projection).into_iter().skip(1) {
        let values: Vec<f64> = Stage::ALL
            .into_iter()
            .map(|stage| hhi_at(projection, year, stage))
            .collect();
        let same_band = values.iter().all(|&value| band(value) == band(values[0]));
        let stages: Vec<String> = Stage::ALL
            .into_iter()
            .zip(&values)
            .map(|(stage, &hhi)| {
                let name = stage.label().to_ascii_lowercase();
                if same_band {
                    format!("{name} {}", thousands(hhi))
                } else {
                    format!("{name} {} ({})", thousands(hhi), band(hhi))
                }
            })
            .collect();
        let _ = write!(out, " In {year}: {}", join(&stages));
        if same_band {
            let _ = write!(out, ", all {}", band(values[0]));
        }
        out.push('.');
    }
    for pinned in input.pinned() {
        let reference = pinned.projection;
        let year = reference.last_year();
        let _ = write!(
            out,
            " {} in {year}: separation {}.",
            pinned.label,
            thousands(hhi_at(reference, year, Stage::Separation))
        );
    }
}

fn fan(out: &mut String, input: &ChartInput) {
    let Some(bands) = input.bands.filter(|bands| super::fan::complete(bands)) else {
        out.push_str("The fan chart appears once the uncertainty analysis has run.");
        return;
    };
    let _ = write!(
        out,
        "{}'s share of {} across {} runs (seed {}), each uncertain assumption drawn {}.",
        bands.region.label(),
        bands.stage.label().to_ascii_lowercase(),
        thousands(f64::from(bands.samples)),
        bands.seed,
        bands.sampling.assumption()
    );
    let mut quoted = Vec::new();
    let target_year = bands.target.output.year;
    for year in [target_year, *bands.years.last().unwrap_or(&target_year)] {
        if quoted.contains(&year) {
            continue;
        }
        if let Some(index) = bands.years.iter().position(|&y| y == year) {
            quoted.push(year);
            let _ = write!(
                out,
                " In {year} the middle 80% of runs lie between {} and {} (median {}; the scenario as set gives {}).",
                pct(unit(bands.p10[index])),
                pct(unit(bands.p90[index])),
                pct(unit(bands.p50[index])),
                pct(share_at(input.projection, year, bands.stage, bands.region))
            );
        }
    }
    // The target's chance belongs to the fan of the target's own region.
    if bands.target.output.region == bands.region {
        let _ = write!(
            out,
            " The chance that {} reaches {} is {}.",
            bands.target.output.label(),
            pct(bands.target.share),
            crate::analysis::chance_words(bands.probability)
        );
    }
}

fn gap(out: &mut String, input: &ChartInput) {
    let projection = input.projection;
    let stage = input.stage;
    // Under half a tonne is rounding noise: the numbers shown read "0".
    if projection
        .stage_series(stage)
        .all(|(_, cell)| cell.supply_gap < 0.5)
    {
        out.push_str(super::gap::NO_GAP);
        out.push_str(": rivals and China's exports meet demand outside China in every year.");
    } else {
        let _ = write!(
            out,
            "Demand outside China that rivals and China's exports leave unmet, for {}:",
            input.shown().name()
        );
        for year in key_years(projection) {
            if let Some(cell) = projection.get(year, stage) {
                let _ = write!(
                    out,
                    " {} {} in {year} ({} of that demand);",
                    thousands(cell.supply_gap),
                    stage.unit(),
                    text::percent(unit(cell.supply_gap_share), 1)
                );
            }
        }
        out.pop();
        out.push('.');
    }
    for (pinned, cell) in input
        .pinned()
        .filter_map(|pinned| Some((pinned, pinned.projection.get(TARGET_YEAR, stage)?)))
    {
        let _ = write!(
            out,
            " {}: {} {} in {TARGET_YEAR}.",
            pinned.label,
            thousands(cell.supply_gap),
            stage.unit()
        );
    }
}

fn tornado(out: &mut String, input: &ChartInput) {
    let Some(tornado) = input.tornado else {
        out.push_str("The tornado chart appears once the sensitivity analysis has run.");
        return;
    };
    let _ = write!(
        out,
        "What moves {} ({} in this scenario), each parameter alone from its plausible low to its high.",
        tornado.output.label(),
        pct(unit(tornado.base))
    );
    let mattering: Vec<String> = tornado
        .swings
        .iter()
        .filter(|swing| swing.width() >= 1e-9)
        .take(3)
        .map(|swing| {
            let spec = swing.param.spec();
            let (low, high) = distinct(unit(swing.output_at_low), unit(swing.output_at_high));
            format!(
                "{} ({} to {}) moves it from {low} to {high}",
                spec.label,
                spec.display(swing.low),
                spec.display(swing.high),
            )
        })
        .collect();
    if !mattering.is_empty() {
        let _ = write!(out, " Widest swings: {}.", mattering.join("; "));
    }
    let idle: Vec<&str> = tornado
        .swings
        .iter()
        .filter(|swing| swing.width() < 1e-9)
        .map(|swing| swing.param.spec().label)
        .collect();
    // The parameters the analysis leaves alone: those whose value is the reader's choice, with no
    // plausible range to draw from.
    let fixed: Vec<String> = crate::params::PARAMS
        .iter()
        .filter(|spec| !spec.is_uncertain())
        .map(|spec| spec.label.to_string())
        .collect();
    if !fixed.is_empty() {
        let _ = write!(
            out,
            " Not varied, as they have no plausible range (the reader sets them): {}.",
            join(&fixed)
        );
    }
    if !idle.is_empty() {
        let _ = write!(
            out,
            " No effect at all: {}.",
            join(
                &idle
                    .iter()
                    .map(|label| label.to_string())
                    .collect::<Vec<_>>()
            )
        );
    }
}

/// Two shares as percentages with one decimal, or more (up to three) where one decimal would
/// write a swing the chart draws as no change ("0.0% to 0.0%").
fn distinct(low: f64, high: f64) -> (String, String) {
    let mut decimals = 1;
    while decimals < 3
        && text::percent(low, decimals) == text::percent(high, decimals)
        && low != high
    {
        decimals += 1;
    }
    (text::percent(low, decimals), text::percent(high, decimals))
}

/// Russia's feed: the target year's sentence (need, own mining, imports, separation lost) and
/// the pinned reference's need.
fn feed(out: &mut String, input: &ChartInput) {
    let projection = input.projection;
    let last = projection.last_year();
    let _ = write!(
        out,
        "Russia's concentrate per year (t REO): need, own mining, imports, unmet. {}",
        crate::budget_table::feed_sentence(projection, TARGET_YEAR.min(last))
    );
    for pinned in input.pinned() {
        let reference = pinned.projection;
        let year = TARGET_YEAR.min(reference.last_year());
        let index = usize::from(year.saturating_sub(reference.base_year));
        if let Some(feed) = reference.russia_feed.get(index) {
            let _ = write!(
                out,
                " {}: need {} t in {year}.",
                pinned.label,
                thousands(feed.need)
            );
        }
    }
}
