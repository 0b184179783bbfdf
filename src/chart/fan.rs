//! The fan chart: Monte Carlo P10–P90 band and median of one region's share of one stage, over
//! the scenario as set, with what the runs draw around; when the region is the target's, the
//! target and the chance of reaching it.

use super::frame::{self, Axes, Entry, LegendAt, Marker, Swatch, DASHED, SOLID, X_PAD};
use super::look::{blend, pct, region_colour, thousands, unit, Look};
use super::{ChartInput, Drawn};
use crate::analysis::MonteCarloResult;
use crate::i18n::Msg;
use crate::state::Shown;
use crate::text;
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Whether the bands hold at least two years and one value of each percentile per year.
pub(crate) fn complete(bands: &MonteCarloResult) -> bool {
    let years = bands.years.len();
    years >= 2 && bands.p10.len() == years && bands.p50.len() == years && bands.p90.len() == years
}

/// The smallest round share at or above `top` (steps of 1, 2, 5, 10 or 20 points) for the y axis.
pub(crate) fn nice_top(top: f64) -> f64 {
    let top = unit(top).max(0.01);
    [0.01, 0.02, 0.05, 0.1, 0.2]
        .into_iter()
        .find(|step| top / step <= 8.0)
        .map_or(1.0, |step| ((top / step).ceil() * step).min(1.0))
}

/// A percentage axis label ([`text::percent_tick`]), in the form the axes' label formatters take.
pub(crate) fn axis_pct(share: &f64) -> String {
    text::percent_tick(*share)
}

/// Draws the fan chart, or a short message when there are no bands yet.
pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    look: &Look,
) -> Drawn<DB> {
    let Some(bands) = input.bands else {
        return frame::message(area, look, tr!(Msg::ChartFanWaiting)).map(|()| None);
    };
    if !complete(bands) {
        return frame::message(area, look, tr!(Msg::ChartFanIncomplete)).map(|()| None);
    }
    let region = bands.region as usize;
    let stage = bands.stage;
    let colour = region_colour(bands.region, look.theme);
    let year = |index: usize| f64::from(bands.years[index]);
    let count = bands.years.len();
    let series = |projection: &crate::projection::Projection| -> Vec<(f64, f64)> {
        projection
            .stage_series(stage)
            .map(|(year, cell)| (f64::from(year), unit(cell.share[region])))
            .collect()
    };
    let central = series(input.projection);
    // The published years before the projection, drawn apart (thin line, hollow markers).
    let observed: Vec<(f64, f64)> = crate::data::dataset()
        .observed(stage)
        .map(|observed| (f64::from(observed.year), unit(observed.share[region])))
        .filter(|(observed_year, _)| *observed_year <= year(0))
        .collect();
    let mut references = Vec::new();
    for pinned in input.pinned() {
        references.push((series(pinned.projection), pinned.style));
    }
    let target = bands.target;
    let target_here = target.output.region == bands.region && target.output.stage == stage;

    let band = bands.sampling.band_label();
    let mut legend = vec![
        Entry {
            label: &band,
            swatch: Swatch::Fill(blend(colour, look.background, 0.35)),
        },
        Entry {
            label: tr!(Msg::ChartFanMedian),
            swatch: Swatch::Line(colour, 2.0, DASHED, Marker::None),
        },
        Entry {
            label: tr!(Msg::ChartFanAsSet),
            swatch: Swatch::Line(look.text, 2.0, SOLID, Marker::Circle),
        },
    ];
    frame::push_references(&mut legend, input, look.muted);
    let (region_name, stage_name) = (bands.region.label(), Shown::Stage(stage).name());
    let title = tr!(Msg::ChartFanTitle, region = region_name, stage = stage_name);
    let plot_area = frame::frame(area, look, &title, &legend, LegendAt::Top)?;
    let mut top = bands
        .p90
        .iter()
        .chain(bands.p50.iter())
        .copied()
        .map(unit)
        .fold(0.0, f64::max);
    top = central
        .iter()
        .chain(references.iter().flat_map(|(points, _)| points))
        .chain(observed.iter())
        .map(|point| point.1)
        .fold(top, f64::max);
    if target_here {
        top = top.max(unit(target.share));
    }
    let y_max = nice_top(top * 1.15);
    let base_year = year(0);
    let first = observed
        .first()
        .map_or(base_year, |point| point.0.min(base_year));
    let last = year(count - 1);
    let y_desc = tr!(Msg::ChartFanAxis, region = region_name, stage = stage_name);
    let chart = frame::plot(
        &plot_area,
        look,
        &Axes {
            years: (first, last),
            y: (0.0, y_max),
            y_labels: 8,
            y_format: &axis_pct,
            y_desc: &y_desc,
            x_grid: true,
            x_pad: X_PAD,
        },
    )?;
    // Below the probability note at the top.
    // The "Observed | Projected" words hang below the chance's note, or below the target line
    // where that line would run through them.
    let level = unit(target.share);
    let label_y = if target_here && level > y_max * 0.68 && level <= y_max * 0.9 {
        level - y_max * 0.03
    } else {
        y_max * 0.88
    };
    frame::observed_divider(&chart, look, first, base_year, y_max, 0.0, label_y)?;
    frame::observed_series(&chart, look, &observed, look.text)?;

    // The band: P90 forward, P10 back.
    let mut band: Vec<(f64, f64)> = Vec::with_capacity(2 * count);
    band.extend((0..count).map(|index| (year(index), unit(bands.p90[index]))));
    band.extend(
        (0..count)
            .rev()
            .map(|index| (year(index), unit(bands.p10[index]))),
    );
    chart.draw(&Polygon::new(band, colour.mix(0.35).filled()))?;
    let edge = colour.mix(0.8).stroke_width(look.width(1.0));
    for percentile in [&bands.p10, &bands.p90] {
        let points: Vec<(f64, f64)> = (0..count)
            .map(|index| (year(index), unit(percentile[index])))
            .collect();
        chart.draw(&PathElement::new(points, edge))?;
    }

    if target_here {
        let level = unit(target.share);
        chart.draw(&PathElement::new(
            vec![(first - X_PAD, level), (last + X_PAD, level)],
            look.muted.stroke_width(look.width(1.0)),
        ))?;
        frame::label(
            &chart,
            look,
            &tr!(Msg::ChartTarget, share = text::percent(level, 0)),
            (last + X_PAD, level),
            (-look.px(4.0), -look.px(3.0)),
            Pos::new(HPos::Right, VPos::Bottom),
            look.muted,
            true,
        )?;
    }

    let median: Vec<(f64, f64)> = (0..count)
        .map(|index| (year(index), unit(bands.p50[index])))
        .collect();
    frame::line(
        &chart,
        look,
        &median,
        Swatch::Line(colour, 2.0, DASHED, Marker::None),
    )?;
    for (reference, style) in &references {
        frame::line(
            &chart,
            look,
            reference,
            frame::reference_swatch(look.muted, *style),
        )?;
    }
    frame::line(
        &chart,
        look,
        &central,
        Swatch::Line(look.text, 2.0, SOLID, Marker::Circle),
    )?;

    // The chance of the target, top left, in the longest wording that fits; only on the fan of
    // the target's own region.
    let axis = frame::year_axis(&chart, look, (first, last));
    if !target_here {
        return Ok(axis);
    }
    let room = chart.map_coordinate(&(last, 0.0)).0 - chart.map_coordinate(&(first, 0.0)).0;
    // Worded as the odds card and the text alternative word it.
    let chance = crate::analysis::chance_words(bands.probability);
    let runs = thousands(f64::from(bands.samples));
    let (output, share, year) = (
        target.output.label(),
        pct(target.share),
        target.output.year.to_string(),
    );
    let text = [
        tr!(
            Msg::ChartFanChanceLong,
            output = output,
            share = share,
            chance = chance,
            runs = runs
        ),
        tr!(
            Msg::ChartFanChanceYear,
            share = share,
            year = year,
            chance = chance,
            runs = runs
        ),
        tr!(Msg::ChartFanChanceShort, share = share, chance = chance),
    ]
    .into_iter()
    .find(|text| look.text_width(text, 11.0) <= room)
    .unwrap_or_default();
    frame::label(
        &chart,
        look,
        &text,
        (first - X_PAD, y_max),
        (look.px(8.0), look.px(6.0)),
        Pos::new(HPos::Left, VPos::Top),
        look.text,
        true,
    )?;
    Ok(axis)
}
