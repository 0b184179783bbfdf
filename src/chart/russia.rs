//! Chart 2: Russia's share at each stage against the 10% and 12% targets, with the 2030 gap marked.

use super::fan::axis_pct;
use super::frame::{self, Axes, LegendAt, X_PAD};
use super::look::{points, unit, Look};
use super::{ChartInput, DrawResult, Drawn};
use crate::data::{Region, Stage};
use crate::i18n::Msg;
use crate::projection::{Projection, RUSSIA_TARGETS, TARGET_YEAR};
use crate::text;
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Russia's highest share at any stage in any year of `projection`.
fn highest(projection: &Projection) -> f64 {
    Stage::ALL
        .into_iter()
        .flat_map(|stage| projection.stage_series(stage))
        .map(|(_, cell)| unit(cell.share[Region::Russia as usize]))
        .fold(0.0, f64::max)
}

/// Draws Russia's share per stage with the targets and the 2030 gap.
pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    look: &Look,
) -> Drawn<DB> {
    let projection = input.projection;
    let legend = frame::stage_legend(look, input, &Stage::ALL);
    let plot_area = frame::frame(
        area,
        look,
        tr!(Msg::ChartRussiaTitle),
        &legend,
        LegendAt::Top,
    )?;
    let mut top = RUSSIA_TARGETS
        .iter()
        .copied()
        .fold(highest(projection), f64::max);
    for pinned in input.pinned() {
        top = top.max(highest(pinned.projection));
    }
    let y_max = ((top * 1.15 / 0.02).ceil() * 0.02).clamp(0.14, 1.0);
    let first = frame::first_year(projection);
    let base_year = f64::from(projection.base_year);
    let last = f64::from(projection.last_year());
    let chart = frame::plot(
        &plot_area,
        look,
        &Axes {
            years: (first, last),
            y: (0.0, y_max),
            y_labels: 8,
            y_format: &axis_pct,
            y_desc: tr!(Msg::ChartRussiaAxis),
            x_grid: true,
            x_pad: X_PAD,
        },
    )?;

    // Targets: thin lines labelled at the right end, the higher label above its line, the lower below.
    let target_style = look.muted.stroke_width(look.width(1.0));
    let highest_target = RUSSIA_TARGETS.iter().copied().fold(0.0, f64::max);
    for target in RUSSIA_TARGETS {
        chart.draw(&PathElement::new(
            vec![(first - X_PAD, target), (last + X_PAD, target)],
            target_style,
        ))?;
        let above = target >= highest_target;
        let text = tr!(Msg::ChartTarget, share = text::percent(target, 0));
        let (dy, v_pos) = if above {
            (-look.px(3.0), VPos::Bottom)
        } else {
            (look.px(3.0), VPos::Top)
        };
        frame::label(
            &chart,
            look,
            &text,
            (last + X_PAD, target),
            (-look.px(4.0), dy),
            Pos::new(HPos::Right, v_pos),
            look.muted,
            true,
        )?;
    }

    frame::observed_divider(&chart, look, first, base_year, y_max, 0.0, y_max)?;
    frame::observed_lines(&chart, look, |share| unit(share[Region::Russia as usize]))?;
    frame::stage_lines(&chart, look, input, &Stage::ALL, |cell| {
        unit(cell.share[Region::Russia as usize])
    })?;
    plan_baseline_label(&chart, look)?;

    // The 2030 gap between the share at the stage shown and the first target, as a bracket with
    // its size.
    let target = RUSSIA_TARGETS[0];
    if let Some(cell) = projection.get(TARGET_YEAR, input.stage) {
        let share = unit(cell.share[Region::Russia as usize]);
        let x = f64::from(TARGET_YEAR);
        let style = look.text.stroke_width(look.width(1.5));
        let cap = look.px(5.0);
        chart.draw(&PathElement::new(vec![(x, share), (x, target)], style))?;
        for y in [share, target] {
            chart.draw(
                &(EmptyElement::at((x, y)) + PathElement::new(vec![(-cap, 0), (cap, 0)], style)),
            )?;
        }
        // The label sits left of the bracket, above the target line when short of it and below
        // when above it (the years before 2030 are usually clear there), in the longest wording
        // that fits between the y axis and the bracket.
        let short = share < target;
        let gap = points(target - share);
        let word = tr!(if short {
            Msg::ChartRussiaShortOf
        } else {
            Msg::ChartRussiaAbove
        });
        let target_text = text::percent(target, 0);
        let room = chart.map_coordinate(&(x, target)).0
            - chart.map_coordinate(&(first - X_PAD, target)).0
            - look.px(16.0);
        let year = TARGET_YEAR.to_string();
        let values = [
            input.stage.label(),
            year.as_str(),
            gap.as_str(),
            word,
            target_text.as_str(),
        ];
        // Each wording names a run of the same values, in the same order.
        let text = [
            (Msg::ChartRussiaGapStage, 0, 5),
            (Msg::ChartRussiaGapYear, 1, 5),
            (Msg::ChartRussiaGapTarget, 2, 5),
            (Msg::ChartRussiaGapPts, 2, 3),
        ]
        .into_iter()
        .map(|(msg, from, to)| {
            debug_assert!(crate::i18n::names_are(
                msg,
                &["stage", "year", "gap", "word", "target"][from..to]
            ));
            crate::i18n::text(msg, &values[from..to])
        })
        .find(|text| look.text_width(text, 11.0) <= room)
        .unwrap_or_default();
        let (dy, v_pos) = if short {
            (-look.px(4.0), VPos::Bottom)
        } else {
            (look.px(4.0), VPos::Top)
        };
        frame::label(
            &chart,
            look,
            &text,
            (x, target),
            (-look.px(8.0), dy),
            Pos::new(HPos::Right, v_pos),
            look.text,
            true,
        )?;
    }
    Ok(frame::year_axis(&chart, look, (first, last)))
}

/// Labels Russia's observed mining share in the 2020 plan's base year: the "1.3%" the plan
/// started from (Reuters, 12 Aug 2020, on the USGS figures of the day) is this point.
fn plan_baseline_label<DB: DrawingBackend>(
    chart: &frame::Chart<DB>,
    look: &Look,
) -> DrawResult<DB> {
    const PLAN_BASE_YEAR: u16 = 2019;
    let data = crate::data::dataset();
    let Some(share) = data.observed_share(PLAN_BASE_YEAR, Stage::Mining, Region::Russia) else {
        return Ok(());
    };
    // Two lines above the 2019 point: then, and today at the base year; in the longest wording
    // that ends before the 2030 gap's bracket (a phone's plot is narrow).
    let today = data.observed_share(data.base_year, Stage::Mining, Region::Russia);
    let room = chart.map_coordinate(&(f64::from(TARGET_YEAR), 0.0)).0
        - chart.map_coordinate(&(f64::from(PLAN_BASE_YEAR), 0.0)).0
        - look.px(12.0);
    let then = text::percent(share, 1);
    let year = PLAN_BASE_YEAR.to_string();
    let first = [
        tr!(Msg::ChartRussiaPlan, year = year, share = then),
        tr!(Msg::ChartRussiaMining, year = year, share = then),
        format!("{PLAN_BASE_YEAR}: {then}"),
    ]
    .into_iter()
    .find(|text| look.text_width(text, 11.0) <= room)
    .unwrap_or_default();
    let lines = [
        Some(first),
        today.map(|today| {
            tr!(
                Msg::ChartRussiaMining,
                year = data.base_year.to_string(),
                share = text::percent(today, 1)
            )
        }),
    ];
    for (row, text) in lines.iter().enumerate() {
        let Some(text) = text else { continue };
        frame::label(
            chart,
            look,
            text,
            (f64::from(PLAN_BASE_YEAR), unit(share)),
            (look.px(2.0), -look.px(8.0 + 16.0 * (1 - row) as f64)),
            Pos::new(HPos::Left, VPos::Bottom),
            look.text,
            true,
        )?;
    }
    Ok(())
}
