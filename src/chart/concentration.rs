//! Chart 3: concentration (Herfindahl–Hirschman index) per stage, with the 1,500 and 2,500 bands.
//!
//! The thresholds are those of the US Department of Justice and FTC Horizontal Merger Guidelines
//! (2010): below 1,500 unconcentrated, 1,500 to 2,500 moderately concentrated, above 2,500 highly
//! concentrated.

use super::frame::{self, Axes, LegendAt, X_PAD};
use super::look::{thousands, Look};
use super::{ChartInput, Drawn};
use crate::data::Stage;
use crate::i18n::Msg;
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Upper end of the "unconcentrated" band.
pub const UNCONCENTRATED_BELOW: f64 = 1_500.0;
/// Lower end of the "highly concentrated" band.
pub const HIGHLY_ABOVE: f64 = 2_500.0;
/// The largest possible HHI (one producer).
pub const HHI_MAX: f64 = 10_000.0;

/// Draws the HHI per stage over the shaded concentration bands.
pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    look: &Look,
) -> Drawn<DB> {
    let projection = input.projection;
    let legend = frame::stage_legend(look, input, &Stage::ALL);
    let plot_area = frame::frame(area, look, tr!(Msg::ChartHhiTitle), &legend, LegendAt::Top)?;
    let first = frame::first_year(projection);
    let base_year = f64::from(projection.base_year);
    let last = f64::from(projection.last_year());
    let (left_edge, right_edge) = (first - X_PAD, last + X_PAD);
    let hhi_label = |value: &f64| thousands(*value);
    let chart = frame::plot(
        &plot_area,
        look,
        &Axes {
            years: (first, last),
            y: (0.0, HHI_MAX),
            y_labels: 6,
            y_format: &hhi_label,
            y_desc: tr!(Msg::ChartHhiAxis),
            x_grid: true,
            x_pad: X_PAD,
        },
    )?;

    // Bands: a light tint of the text colour, stronger the more concentrated.
    chart.draw(&Rectangle::new(
        [
            (left_edge, UNCONCENTRATED_BELOW),
            (right_edge, HIGHLY_ABOVE),
        ],
        look.text.mix(0.04).filled(),
    ))?;
    chart.draw(&Rectangle::new(
        [(left_edge, HIGHLY_ABOVE), (right_edge, HHI_MAX)],
        look.text.mix(0.08).filled(),
    ))?;
    let edge = look.muted.stroke_width(look.width(1.0));
    for threshold in [UNCONCENTRATED_BELOW, HIGHLY_ABOVE] {
        chart.draw(&PathElement::new(
            vec![(left_edge, threshold), (right_edge, threshold)],
            edge,
        ))?;
    }
    let inset = (look.px(6.0), 0);
    let left = |v_pos| Pos::new(HPos::Left, v_pos);
    let bands = [
        (
            Msg::ChartHhiHigh,
            HIGHLY_ABOVE,
            (inset.0, -look.px(3.0)),
            VPos::Bottom,
        ),
        (
            Msg::ChartHhiModerate,
            (UNCONCENTRATED_BELOW + HIGHLY_ABOVE) / 2.0,
            inset,
            VPos::Center,
        ),
        (
            Msg::ChartHhiLow,
            UNCONCENTRATED_BELOW / 2.0,
            inset,
            VPos::Center,
        ),
    ];
    for (text, height, offset, v_pos) in bands {
        frame::label(
            &chart,
            look,
            tr!(text),
            (left_edge, height),
            offset,
            left(v_pos),
            look.muted,
            false,
        )?;
    }

    frame::observed_divider(&chart, look, first, base_year, HHI_MAX, 0.0, HHI_MAX)?;
    frame::observed_lines(&chart, look, |share| {
        share
            .iter()
            .map(|share| (share * 100.0) * (share * 100.0))
            .sum::<f64>()
            .clamp(0.0, HHI_MAX)
    })?;
    frame::stage_lines(&chart, look, input, &Stage::ALL, |cell| {
        cell.hhi.clamp(0.0, HHI_MAX)
    })?;
    Ok(frame::year_axis(&chart, look, (first, last)))
}
