//! Chart 1: market share by region for one stage, as stacked areas (0–100%), with a legend. A
//! product of separation is drawn from [`super::product_view`], model years only.

use super::frame::{self, Axes, Entry, LegendAt, Swatch};
use super::look::{region_colour, unit, Look};
use super::{ChartInput, Drawn};
use crate::data::{Region, Stage, REGION_COUNT};
use crate::i18n::Msg;
use crate::projection::{Projection, MAX_YEARS};
use crate::text;
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Cumulative shares: `[year index][region]` is the top of that region's band (regions stacked in
/// `Region::ALL` order from the bottom), normalised so the top band ends at 1.
pub(crate) fn cumulative(
    projection: &Projection,
    stage: Stage,
) -> [[f64; REGION_COUNT]; MAX_YEARS] {
    let mut out = [[0.0; REGION_COUNT]; MAX_YEARS];
    for (row, (_, cell)) in out.iter_mut().zip(projection.stage_series(stage)) {
        *row = stacked(&cell.share);
    }
    out
}

/// Cumulative tops of one year's shares, normalised so the top band ends at 1.
fn stacked(shares: &[f64; REGION_COUNT]) -> [f64; REGION_COUNT] {
    let total: f64 = shares.iter().map(|&share| unit(share)).sum();
    let mut tops = [0.0; REGION_COUNT];
    let mut sum = 0.0;
    for (top, &share) in tops.iter_mut().zip(shares.iter()) {
        sum += unit(share);
        *top = if total > 0.0 {
            (sum / total).min(1.0)
        } else {
            0.0
        };
    }
    tops
}

/// The band boundaries worth a line: the top of every band but the last (which is always 100%).
const BOUNDARIES: std::ops::Range<usize> = 0..REGION_COUNT - 1;

/// Draws the market-share chart for `input.stage`, or its product ([`ChartInput::shown`]).
pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    look: &Look,
) -> Drawn<DB> {
    let projection = input.projection;
    let years = projection.years.min(MAX_YEARS);
    let base_year = f64::from(projection.base_year);
    let year = |index: usize| base_year + index as f64;
    let stack = cumulative(projection, input.stage);
    // The observed years before the base year, stacked the same way.
    // A product of separation has no published history.
    let observed: Vec<(f64, [f64; REGION_COUNT])> = crate::projection::history(input.stage)
        .filter(|_| input.product.is_none())
        .map(|observed| (f64::from(observed.year), stacked(&observed.share)))
        .collect();
    let first = observed.first().map_or(base_year, |(year, _)| *year);

    // Legend from the top band down, so it reads in the order the bands are stacked.
    let mut entries = Vec::new();
    for region in Region::ALL.iter().rev() {
        entries.push(Entry {
            label: region.label(),
            swatch: Swatch::Fill(region_colour(*region, look.theme)),
        });
    }
    frame::push_references(&mut entries, input, look.text);
    let title = tr!(Msg::ChartShareTitle, shown = input.shown().label());
    let plot_area = frame::frame(area, look, &title, &entries, LegendAt::Right)?;
    let percent = |share: &f64| text::percent(*share, 0);
    let chart = frame::plot(
        &plot_area,
        look,
        &Axes {
            years: (first, year(years - 1)),
            y: (0.0, 1.0),
            y_labels: 6,
            y_format: &percent,
            y_desc: tr!(Msg::ChartShareAxis),
            x_grid: false,
            x_pad: 0.0,
        },
    )?;

    // Top band first: each polygon runs from zero up to its region's cumulative share, and the
    // bands below paint over it, so adjacent bands never leave a seam.
    let mut points: Vec<(f64, f64)> = Vec::with_capacity(years + 2);
    for region in Region::ALL.iter().rev() {
        let index = *region as usize;
        points.clear();
        points.extend(observed.iter().map(|(year, tops)| (*year, tops[index])));
        points.extend((0..years).map(|row| (year(row), stack[row][index])));
        points.push((year(years - 1), 0.0));
        points.push((first, 0.0));
        chart.draw(&Polygon::new(
            points.clone(),
            region_colour(*region, look.theme).filled(),
        ))?;
    }
    // Thin background-coloured boundaries keep neighbouring bands apart.
    let separator = look.background.stroke_width(look.width(1.0));
    for index in BOUNDARIES {
        let boundary: Vec<(f64, f64)> = observed
            .iter()
            .map(|(year, tops)| (*year, tops[index]))
            .chain((0..years).map(|row| (year(row), stack[row][index])))
            .collect();
        chart.draw(&PathElement::new(boundary, separator))?;
    }
    // Observed years: washed lighter, with a marker at each published year on the boundaries.
    // The "Observed | Projected" words hang at mid-height, clear of the markers on the bands'
    // boundaries near the top.
    frame::observed_divider(&chart, look, first, base_year, 1.0, 0.45, 0.55)?;
    for (year, tops) in &observed {
        for index in BOUNDARIES {
            chart.draw(&Circle::new(
                (*year, tops[index]),
                look.px(2.0),
                look.text.mix(0.6).filled(),
            ))?;
        }
    }

    // Each pinned reference: its band boundaries in its own broken line, on a halo.
    let halo = look.background.stroke_width(look.width(2.5));
    for pinned in input.pinned() {
        let reference = pinned.projection;
        let reference_stack = cumulative(reference, input.stage);
        let reference_first = f64::from(reference.base_year);
        for index in BOUNDARIES {
            let boundary: Vec<(f64, f64)> = (0..reference.years.min(years))
                .map(|row| (reference_first + row as f64, reference_stack[row][index]))
                .collect();
            chart.draw(&PathElement::new(boundary.clone(), halo))?;
            frame::line(
                &chart,
                look,
                &boundary,
                frame::reference_swatch(look.text, pinned.style),
            )?;
        }
    }
    Ok(frame::year_axis(&chart, look, (first, year(years - 1))))
}
