//! Plain-language text alternatives of the charts, with their key numbers.

use super::concentration::{HIGHLY_ABOVE, UNCONCENTRATED_BELOW};
use super::look::{points, thousands, unit};
use super::{ChartInput, ChartKind};
use crate::data::{Region, Stage};
use crate::i18n::Msg;
use crate::projection::{Projection, RUSSIA_TARGETS, TARGET_YEAR};
use crate::state::Shown;
use crate::text;
use crate::tr;

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
        return tr!(Msg::ChartDescribeNone).to_string();
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

/// Appends `msg` with its values to `out`, as `out.push_str(&tr!(msg, name = value, …))` would,
/// through one function for every sentence (less code at each), the names checked as `tr!`
/// checks them.
macro_rules! put {
    ($out:expr, $msg:path, $($name:ident = $value:expr),+ $(,)?) => {{
        const _: () = assert!(
            crate::i18n::names_are($msg, &[$(stringify!($name)),+]),
            "put!: the values must be named as the English text names them, in order"
        );
        append($out, $msg, &[$(AsRef::<str>::as_ref(&$value)),+])
    }};
}

#[inline(never)]
fn append(out: &mut String, msg: Msg, values: &[&str]) {
    out.push_str(&crate::i18n::text(msg, values));
}

/// A year as text, through one function (`to_string` is written out wherever it is called).
#[inline(never)]
fn year_text(year: u16) -> String {
    year.to_string()
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

/// "a", "a and b", "a, b and c" (in the reader's language).
fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => tr!(
            Msg::ChartListAnd,
            a = init.join(tr!(Msg::ChartListComma)),
            b = last
        ),
    }
}

/// A region's name as it reads inside a sentence ("the United States").
fn named(region: Region) -> String {
    match region {
        Region::UnitedStates | Region::Eu => {
            tr!(Msg::ChartDescribeTheRegion, region = region.label())
        }
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
            let msg = if index == 0 {
                Msg::ChartDescribeShareFirst
            } else {
                Msg::ChartDescribeShareLater
            };
            tr!(dyn msg, share = value, year = year_text(*year))
        })
        .collect();
    // A product of separation is named with its unit (its projection is `super::product_view`).
    put!(
        out,
        Msg::ChartDescribeShare,
        shown = input.shown().label(),
        unit = if input.product.is_some() {
            tr!(Msg::ChartDescribeShareUnit)
        } else {
            ""
        },
        china = join(&china),
        russia = join(&series(Region::Russia))
    );
    let last = projection.last_year();
    let runner_up = Region::ALL
        .into_iter()
        .filter(|region| !matches!(region, Region::China | Region::Other))
        .max_by(|a, b| {
            share_at(projection, last, stage, *a).total_cmp(&share_at(projection, last, stage, *b))
        });
    if let Some(region) = runner_up {
        put!(
            out,
            Msg::ChartDescribeShareRunnerUp,
            year = year_text(last),
            region = named(region),
            share = pct(share_at(projection, last, stage, region))
        );
    }
    for pinned in input.pinned() {
        let reference = pinned.projection;
        let year = if reference.year_range().contains(&TARGET_YEAR) {
            TARGET_YEAR
        } else {
            reference.last_year()
        };
        put!(
            out,
            Msg::ChartDescribeSharePinned,
            label = pinned.label,
            china = pct(share_at(reference, year, stage, Region::China)),
            russia = pct(share_at(reference, year, stage, Region::Russia)),
            year = year_text(year)
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
    let year_string = year_text(year);
    // The stage shown leads (its gap is the one marked on the chart); the other two follow.
    let stage = input.stage;
    let shown = share_at(projection, year, stage, Region::Russia);
    let gaps: Vec<String> = RUSSIA_TARGETS
        .iter()
        .map(|&target| {
            let msg = if shown < target {
                Msg::ChartDescribeRussiaShortOf
            } else {
                Msg::ChartDescribeRussiaAbove
            };
            tr!(
                dyn msg,
                points = points(target - shown),
                target = text::percent(target, 0)
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
    put!(
        out,
        Msg::ChartDescribeRussia,
        stage = Shown::Stage(stage).name(),
        share = pct(shown),
        year = year_string,
        gaps = join(&gaps),
        others = join(&others)
    );
    let last = projection.last_year();
    if last != year {
        let at_last: Vec<String> = Stage::ALL
            .into_iter()
            .map(|stage| {
                format!(
                    "{} {}",
                    Shown::Stage(stage).name(),
                    pct(share_at(projection, last, stage, Region::Russia))
                )
            })
            .collect();
        put!(
            out,
            Msg::ChartDescribeRussiaBy,
            year = year_text(last),
            stages = join(&at_last)
        );
    }
    for pinned in input.pinned() {
        put!(
            out,
            Msg::ChartDescribeRussiaPinned,
            label = pinned.label,
            stage = Shown::Stage(stage).name(),
            share = pct(share_at(pinned.projection, year, stage, Region::Russia)),
            year = year_string
        );
    }
}

/// The band name of an HHI value.
fn band(hhi: f64) -> &'static str {
    tr!(if hhi > HIGHLY_ABOVE {
        Msg::ChartDescribeHhiHigh
    } else if hhi >= UNCONCENTRATED_BELOW {
        Msg::ChartDescribeHhiModerate
    } else {
        Msg::ChartDescribeHhiLow
    })
}

fn hhi_at(projection: &Projection, year: u16, stage: Stage) -> f64 {
    projection.get(year, stage).map_or(0.0, |cell| cell.hhi)
}

fn concentration(out: &mut String, input: &ChartInput) {
    let projection = input.projection;
    out.push_str(tr!(Msg::ChartDescribeHhi));
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
                let name = Shown::Stage(stage).name();
                if same_band {
                    format!("{name} {}", thousands(hhi))
                } else {
                    format!("{name} {} ({})", thousands(hhi), band(hhi))
                }
            })
            .collect();
        let (year, stages) = (year_text(year), join(&stages));
        out.push_str(&if same_band {
            tr!(
                Msg::ChartDescribeHhiYearAll,
                year = year,
                stages = stages,
                band = band(values[0])
            )
        } else {
            tr!(Msg::ChartDescribeHhiYear, year = year, stages = stages)
        });
    }
    for pinned in input.pinned() {
        let reference = pinned.projection;
        let year = reference.last_year();
        put!(
            out,
            Msg::ChartDescribeHhiPinned,
            label = pinned.label,
            year = year_text(year),
            hhi = thousands(hhi_at(reference, year, Stage::Separation))
        );
    }
}

fn fan(out: &mut String, input: &ChartInput) {
    let Some(bands) = input.bands.filter(|bands| super::fan::complete(bands)) else {
        out.push_str(tr!(Msg::ChartFanWaiting));
        return;
    };
    put!(
        out,
        Msg::ChartDescribeFan,
        region = bands.region.label(),
        stage = Shown::Stage(bands.stage).name(),
        runs = thousands(f64::from(bands.samples)),
        seed = bands.seed.to_string(),
        assumption = bands.sampling.assumption()
    );
    let mut quoted = Vec::new();
    let target_year = bands.target.output.year;
    for year in [target_year, *bands.years.last().unwrap_or(&target_year)] {
        if quoted.contains(&year) {
            continue;
        }
        if let Some(index) = bands.years.iter().position(|&y| y == year) {
            quoted.push(year);
            put!(
                out,
                Msg::ChartDescribeFanYear,
                year = year_text(year),
                p10 = pct(unit(bands.p10[index])),
                p90 = pct(unit(bands.p90[index])),
                p50 = pct(unit(bands.p50[index])),
                own = pct(share_at(input.projection, year, bands.stage, bands.region))
            );
        }
    }
    // The target's chance belongs to the fan of the target's own region.
    if bands.target.output.region == bands.region {
        put!(
            out,
            Msg::ChartDescribeFanChance,
            output = bands.target.output.label(),
            share = pct(bands.target.share),
            chance = crate::analysis::chance_words(bands.probability)
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
        out.push_str(tr!(Msg::ChartDescribeGapNone));
    } else {
        let years: Vec<String> = key_years(projection)
            .into_iter()
            .filter_map(|year| {
                let cell = projection.get(year, stage)?;
                Some(tr!(
                    Msg::ChartDescribeGapYear,
                    tonnes = thousands(cell.supply_gap),
                    unit = stage.unit(),
                    year = year_text(year),
                    share = text::percent(unit(cell.supply_gap_share), 1)
                ))
            })
            .collect();
        put!(
            out,
            Msg::ChartDescribeGap,
            shown = input.shown().name(),
            years = years.join(tr!(Msg::ChartListSemicolon))
        );
    }
    for (pinned, cell) in input
        .pinned()
        .filter_map(|pinned| Some((pinned, pinned.projection.get(TARGET_YEAR, stage)?)))
    {
        put!(
            out,
            Msg::ChartDescribeGapPinned,
            label = pinned.label,
            tonnes = thousands(cell.supply_gap),
            unit = stage.unit(),
            year = year_text(TARGET_YEAR)
        );
    }
}

fn tornado(out: &mut String, input: &ChartInput) {
    let Some(tornado) = input.tornado else {
        out.push_str(tr!(Msg::ChartTornadoWaiting));
        return;
    };
    put!(
        out,
        Msg::ChartDescribeTornado,
        output = tornado.output.label(),
        base = pct(unit(tornado.base))
    );
    let mattering: Vec<String> = tornado
        .swings
        .iter()
        .filter(|swing| swing.width() >= 1e-9)
        .take(3)
        .map(|swing| {
            let spec = swing.param.spec();
            let (low, high) = distinct(unit(swing.output_at_low), unit(swing.output_at_high));
            tr!(
                Msg::ChartDescribeTornadoSwing,
                param = spec.reader_label(),
                low = spec.display(swing.low),
                high = spec.display(swing.high),
                from = low,
                to = high
            )
        })
        .collect();
    if !mattering.is_empty() {
        put!(
            out,
            Msg::ChartDescribeTornadoWidest,
            swings = mattering.join(tr!(Msg::ChartListSemicolon))
        );
    }
    let idle: Vec<String> = tornado
        .swings
        .iter()
        .filter(|swing| swing.width() < 1e-9)
        .map(|swing| swing.param.spec().reader_label().to_string())
        .collect();
    // The parameters the analysis leaves alone: those whose value is the reader's choice, with no
    // plausible range to draw from.
    let fixed: Vec<String> = crate::params::PARAMS
        .iter()
        .filter(|spec| !spec.is_uncertain())
        .map(|spec| spec.reader_label().to_string())
        .collect();
    if !fixed.is_empty() {
        put!(out, Msg::ChartDescribeTornadoFixed, params = join(&fixed));
    }
    if !idle.is_empty() {
        put!(out, Msg::ChartDescribeTornadoIdle, params = join(&idle));
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
    put!(
        out,
        Msg::ChartDescribeFeed,
        sentence = crate::budget_table::feed_sentence(projection, TARGET_YEAR.min(last))
    );
    for pinned in input.pinned() {
        let reference = pinned.projection;
        let year = TARGET_YEAR.min(reference.last_year());
        let index = usize::from(year.saturating_sub(reference.base_year));
        if let Some(feed) = reference.russia_feed.get(index) {
            put!(
                out,
                Msg::ChartDescribeFeedPinned,
                label = pinned.label,
                tonnes = thousands(feed.need),
                year = year_text(year)
            );
        }
    }
}
