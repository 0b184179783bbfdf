//! The tornado chart: how far one output moves when each uncertain parameter goes from its
//! plausible low to its plausible high, widest swing at the top. Every uncertain parameter has a
//! row, those that cannot move the output marked "no effect"; a name too long for the room at the
//! left is wrapped at spaces (and between Chinese characters), never cut.

use super::fan::axis_pct;
use super::frame::{self, Entry, LegendAt, Mesh, Swatch};
use super::look::{full_width, unit, Look};
use super::{ChartInput, DrawResult};
use crate::i18n::Msg;
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Bar colour for the parameter at its low (Paul Tol's bright blue).
const AT_LOW: RGBColor = RGBColor(68, 119, 170);
/// Bar colour for the parameter at its high (Paul Tol's bright red).
const AT_HIGH: RGBColor = RGBColor(238, 102, 119);

/// Size of the parameter names, in CSS pixels.
const NAME_FONT: f64 = 11.0;

/// Whether a line may break between `before` and `after` where no space stands: beside a Chinese
/// character or kana (those lines break between characters), but not before closing punctuation
/// or after opening punctuation.
fn breaks_between(before: char, after: char) -> bool {
    let wide = |c: char| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}');
    let closing = |c: char| {
        matches!(
            c,
            '）' | '」'
                | '』'
                | '》'
                | '〉'
                | '】'
                | '，'
                | '。'
                | '、'
                | '：'
                | '；'
                | '！'
                | '？'
                | ')'
        )
    };
    let opening = |c: char| matches!(c, '（' | '「' | '『' | '《' | '〈' | '【' | '(');
    (wide(before) || wide(after)) && !closing(after) && !opening(before)
}

/// `text` in lines no wider than `room`, a line's width the sum of `width` over its characters,
/// broken at spaces and between Chinese characters (a longer word keeps a line of its own).
pub(crate) fn wrap(text: &str, room: i32, width: impl Fn(char) -> i32) -> Vec<String> {
    // Each line with its width.
    let mut lines: Vec<(String, i32)> = Vec::new();
    // Puts `piece` (after a space if `spaced`) on the last line if it fits, else on a new one.
    let place = |lines: &mut Vec<(String, i32)>, piece: &mut String, spaced: bool| {
        let wide: i32 = piece.chars().map(&width).sum();
        let gap = if spaced { width(' ') } else { 0 };
        match lines.last_mut() {
            Some((line, used)) if *used + gap + wide <= room => {
                if spaced {
                    line.push(' ');
                }
                line.push_str(piece);
                *used += gap + wide;
                piece.clear();
            }
            _ => lines.push((std::mem::take(piece), wide)),
        }
    };
    let mut piece = String::new();
    let mut spaced = false;
    let mut previous = None;
    for c in text.chars() {
        if c == ' ' || previous.is_some_and(|before| breaks_between(before, c)) {
            place(&mut lines, &mut piece, spaced);
            spaced = c == ' ';
        }
        if c != ' ' {
            piece.push(c);
        }
        previous = Some(c).filter(|&c| c != ' ');
    }
    place(&mut lines, &mut piece, spaced);
    lines.into_iter().map(|(line, _)| line).collect()
}

/// Draws the tornado chart, or a short message when there is no sensitivity result yet.
pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    look: &Look,
) -> DrawResult<DB> {
    let Some(tornado) = input.tornado else {
        return frame::message(area, look, tr!(Msg::ChartTornadoWaiting));
    };
    let shown = &tornado.swings;
    if shown.is_empty() {
        return frame::message(area, look, tr!(Msg::ChartTornadoEmpty));
    }
    let legend = [
        Entry {
            label: tr!(Msg::ChartTornadoLow),
            swatch: Swatch::Fill(AT_LOW),
        },
        Entry {
            label: tr!(Msg::ChartTornadoHigh),
            swatch: Swatch::Fill(AT_HIGH),
        },
    ];
    let title = tr!(Msg::ChartTornadoTitle, output = tornado.output.label());
    let body = frame::frame(area, look, &title, &legend, LegendAt::Top)?;

    // Room for the parameter names at the left: each name wrapped into lines that fit in 60% of
    // the width (two lines for the longest on a phone), the room as wide as the widest line.
    let (width, _) = body.dim_in_pixel();
    let characters = (width as i32 * 3 / 5 / look.text_width("0", NAME_FONT).max(1)).max(8);
    // Lines measured in thirds of a digit's width: a full-width character takes five, as
    // `Look::text_width` reckons it.
    let thirds = |c: char| if full_width(c) { 5 } else { 3 };
    let labels: Vec<Vec<String>> = shown
        .iter()
        .map(|swing| wrap(swing.param.spec().reader_label(), characters * 3, thirds))
        .collect();
    let names = labels
        .iter()
        .flatten()
        .map(|line| look.text_width(line, NAME_FONT))
        .max()
        .unwrap_or(0)
        + look.px(12.0);

    let base = unit(tornado.base);
    let (mut low, mut high) = (base, base);
    for swing in shown {
        for value in [swing.output_at_low, swing.output_at_high] {
            low = low.min(unit(value));
            high = high.max(unit(value));
        }
    }
    let span = (high - low).max(0.01);
    let x_range = ((low - span * 0.25).max(0.0), (high + span * 0.25).min(1.0));
    let rows = shown.len() as f64;
    // The axis title, centred under the bars, shortened when the bars are narrower than it.
    let mut x_desc = format!("{} (%)", tornado.output.label());
    if look.text_width(&x_desc, 12.0) > width as i32 - names - look.px(14.0) {
        x_desc = tr!(
            Msg::ChartTornadoAxis,
            region = tornado.output.region.label()
        );
    }
    let chart = frame::mesh(
        &body,
        look,
        &Mesh {
            top: look.px(14.0),
            left: names,
            x: x_range,
            x_labels: ((f64::from(width) / look.scale / 70.0) as usize).clamp(3, 8),
            x_format: &axis_pct,
            x_desc: &x_desc,
            x_grid: true,
            y: (0.0, rows),
            y_labels: 0,
            y_format: &axis_pct,
            y_desc: "",
        },
    )?;
    let origin = body.get_base_pixel();
    // The parameter values at the bar ends need room; a phone-sized plot leaves them to the text.
    let plot_width =
        chart.map_coordinate(&(x_range.1, 0.0)).0 - chart.map_coordinate(&(x_range.0, 0.0)).0;
    let value_labels = plot_width >= look.px(320.0);

    for (index, (swing, lines)) in shown.iter().zip(&labels).enumerate() {
        let centre = rows - index as f64 - 0.5;
        let (y0, y1) = (centre - 0.32, centre + 0.32);
        let at_low = unit(swing.output_at_low);
        let at_high = unit(swing.output_at_high);
        // The bar reaching farther from the base goes first so the nearer one stays visible.
        let mut bars = [(at_low, AT_LOW), (at_high, AT_HIGH)];
        if (at_low - base).abs() < (at_high - base).abs() {
            bars.swap(0, 1);
        }
        for (end, colour) in bars {
            chart.draw(&Rectangle::new([(base, y0), (end, y1)], colour.filled()))?;
        }
        // Parameter name left of the axis, its lines centred on the bar.
        let (x, y) = chart.map_coordinate(&(x_range.0, centre));
        let line_height = look.px(NAME_FONT + 1.0);
        let mut line_y = y - origin.1 - (lines.len() as i32 - 1) * line_height / 2;
        for line in lines {
            body.draw(&Text::new(
                line.as_str(),
                (x - origin.0 - look.px(8.0), line_y),
                look.small(look.text)
                    .pos(Pos::new(HPos::Right, VPos::Center)),
            ))?;
            line_y += line_height;
        }
        // The parameter's values at the ends of its bars.
        let spec = swing.param.spec();
        if swing.width() < 1e-9 {
            frame::label(
                &chart,
                look,
                tr!(Msg::ChartTornadoNoEffect),
                (base, centre),
                (look.px(6.0), 0),
                Pos::new(HPos::Left, VPos::Center),
                look.muted,
                false,
            )?;
            continue;
        }
        if !value_labels {
            continue;
        }
        for (end, value) in [(at_low, swing.low), (at_high, swing.high)] {
            let (dx, h_pos) = if end < base {
                (-look.px(4.0), HPos::Right)
            } else {
                (look.px(4.0), HPos::Left)
            };
            if (end - base).abs() > 1e-9 {
                frame::label(
                    &chart,
                    look,
                    &spec.display(value),
                    (end, centre),
                    (dx, 0),
                    Pos::new(h_pos, VPos::Center),
                    look.muted,
                    false,
                )?;
            }
        }
    }
    // The scenario's own value.
    chart.draw(&PathElement::new(
        vec![(base, 0.0), (base, rows)],
        look.text.stroke_width(look.width(1.5)),
    ))?;
    frame::label(
        &chart,
        look,
        &tr!(
            Msg::ChartTornadoScenario,
            share = crate::text::percent(base, 1)
        ),
        (base, rows),
        (0, -look.px(2.0)),
        Pos::new(HPos::Center, VPos::Bottom),
        look.text,
        true,
    )?;
    Ok(())
}
