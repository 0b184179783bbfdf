//! The supply gap outside China at one stage: the demand outside China that rivals' output and
//! China's exports (less what its export controls withhold) leave unmet, in tonnes of the stage's
//! unit per year (docs/MODEL.md, step 13).

use super::frame::{self, Axes, Entry, LegendAt, X_PAD};
use super::look::{thousands, Look};
use super::{ChartInput, Drawn};
use crate::data::Stage;
use crate::projection::Projection;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The stage's supply gap per year, in tonnes.
pub(crate) fn series(projection: &Projection, stage: Stage) -> Vec<(f64, f64)> {
    projection
        .stage_series(stage)
        .map(|(year, cell)| (f64::from(year), frame::finite(cell.supply_gap).max(0.0)))
        .collect()
}

/// The words the chart and its caption use when the gap is nothing in every year.
pub(crate) const NO_GAP: &str = "No supply gap outside China in this scenario";

/// Draws the supply gap of `input.stage`, the pinned reference's dashed.
pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    look: &Look,
) -> Drawn<DB> {
    let stage = input.stage;
    let current = series(input.projection, stage);
    let reference = input.reference.map(|reference| series(reference, stage));
    let legend = [
        Entry {
            label: "Supply gap",
            swatch: frame::stage_swatch(stage, look, false),
        },
        Entry {
            label: "Pinned reference (dashed)",
            swatch: frame::stage_swatch(stage, look, true),
        },
    ];
    let title = format!("Supply gap outside China · {}", stage.label());
    let legend = &legend[..if reference.is_some() { 2 } else { 1 }];
    let plot_area = frame::frame(area, look, &title, legend, LegendAt::Top)?;
    let top = current
        .iter()
        .chain(reference.iter().flatten())
        .map(|point| point.1)
        .fold(0.0, f64::max);
    let first = f64::from(input.projection.base_year);
    let last = f64::from(input.projection.last_year());
    let tonnes = |value: &f64| thousands(*value);
    let y_desc = format!("Unmet demand outside China ({})", stage.unit());
    let chart = frame::plot(
        &plot_area,
        look,
        &Axes {
            years: (first, last),
            y: (0.0, (top * 1.15).max(1_000.0)),
            y_labels: 6,
            y_format: &tonnes,
            y_desc: &y_desc,
            x_grid: true,
            x_pad: X_PAD,
        },
    )?;
    if let Some(reference) = &reference {
        frame::line(&chart, look, reference, legend[1].swatch)?;
    }
    frame::line(&chart, look, &current, legend[0].swatch)?;
    if top <= 0.0 {
        frame::label(
            &chart,
            look,
            NO_GAP,
            (first - X_PAD, 500.0),
            (look.px(8.0), 0),
            Pos::new(HPos::Left, VPos::Center),
            look.text,
            true,
        )?;
    }
    Ok(frame::year_axis(&chart, look, (first, last)))
}
