//! The supply gap outside China at one stage: the demand outside China that rivals' output and
//! China's exports (less what its export controls withhold) leave unmet, in tonnes of the stage's
//! unit per year (docs/MODEL.md, step 13).

use super::frame::{self, Axes, LegendAt, X_PAD};
use super::look::{thousands, Look};
use super::{ChartInput, Drawn};
use crate::data::Stage;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The words the caption begins with when the gap is nothing in every year.
pub(crate) const NO_GAP: &str = "No supply gap outside China in this scenario";

/// Draws the supply gap of `input.stage`, the pinned reference's dashed.
pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    look: &Look,
) -> Drawn<DB> {
    let stage = input.stage;
    let (legend, _) = frame::stage_legend(look, true);
    let legend = [legend[stage as usize], legend[3]];
    let title = match stage {
        Stage::Mining => "Supply gap outside China · Mining",
        Stage::Separation => "Supply gap outside China · Separation",
        Stage::Magnets => "Supply gap outside China · Magnets",
    };
    let shown = if input.reference.is_some() { 2 } else { 1 };
    let plot_area = frame::frame(area, look, title, &legend[..shown], LegendAt::Top)?;
    let top = std::iter::once(input.projection)
        .chain(input.reference)
        .flat_map(|projection| projection.stage_series(stage))
        .map(|(_, cell)| frame::finite(cell.supply_gap))
        .fold(0.0, f64::max);
    let first = f64::from(input.projection.base_year);
    let last = f64::from(input.projection.last_year());
    let y_desc = format!("Unmet demand outside China ({})", stage.unit());
    let chart = frame::plot(
        &plot_area,
        look,
        &Axes {
            years: (first, last),
            y: (0.0, (top * 1.15).max(1_000.0)),
            y_labels: 6,
            y_format: &|value: &f64| thousands(*value),
            y_desc: &y_desc,
            x_grid: true,
            x_pad: X_PAD,
        },
    )?;
    frame::stage_lines(&chart, look, input, &[stage], |cell| cell.supply_gap.max(0.0))?;
    Ok(frame::year_axis(&chart, look, (first, last)))
}
