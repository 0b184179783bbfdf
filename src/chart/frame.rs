//! The parts every chart shares: background, title, legend, axes and a plain message.

use super::look::Look;
use super::DrawResult;
use crate::i18n::Msg;
use crate::text;
use crate::tr;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::element::{DashedPathElement, Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;
use plotters_backend::{BackendCoord, DrawingErrorKind};

/// A chart's plot: chart coordinates (x, y) mapped onto the device pixels of its rectangle.
pub(crate) type Chart<DB> = DrawingArea<DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// How a legend entry is drawn.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Swatch {
    /// A filled box (an area band).
    Fill(RGBColor),
    /// A line sample: colour, width in CSS pixels, its [`Dash`], marker.
    Line(RGBColor, f64, Dash, Marker),
}

/// How a line is broken: 0 solid, 1 dashed (also the first pinned reference's), 2 dotted (the
/// second's), 3 long dashes (the third's); see [`reference_swatch`].
pub(crate) type Dash = u8;

/// A solid line.
pub(crate) const SOLID: Dash = 0;
/// A dashed line.
pub(crate) const DASHED: Dash = 1;

/// The dash and gap lengths of `dash` in CSS pixels (`None`: solid); `legend` gives the shorter
/// dashes of a legend's sample.
fn dashes(dash: Dash, legend: bool) -> Option<(f64, f64)> {
    match dash {
        SOLID => None,
        DASHED if legend => Some((5.0, 3.0)),
        DASHED => Some((6.0, 4.0)),
        2 => Some((2.0, 3.0)),
        _ => Some((12.0, 4.0)),
    }
}

/// Draws a path through `points` (device or chart coordinates), solid or broken by `dash`.
fn path<DB: DrawingBackend, C, P>(
    area: &DrawingArea<DB, C>,
    look: &Look,
    points: Vec<(P, P)>,
    dash: Dash,
    legend: bool,
    style: ShapeStyle,
) -> DrawResult<DB>
where
    C: plotters::coord::CoordTranslate<From = (P, P)> + Clone + 'static,
    P: Clone + 'static,
{
    match dashes(dash, legend) {
        Some((size, gap)) => area.draw(&DashedPathElement::new(
            points,
            look.px(size),
            look.px(gap),
            style,
        )),
        None => area.draw(&PathElement::new(points, style)),
    }
}

/// The line sample of the `style`-th pinned reference (0 dashed, 1 dotted, 2 long dashes) in
/// `colour`: the dotted one a little heavier, so its dots show.
pub(crate) fn reference_swatch(colour: RGBColor, style: usize) -> Swatch {
    let style = style.min(2) as Dash;
    let width = if style == 1 { 2.0 } else { 1.5 };
    Swatch::Line(colour, width, style + 1, Marker::None)
}

/// Appends the legend entries of `input`'s pinned references: their labels, with samples in
/// `colour`.
pub(crate) fn push_references<'a>(
    legend: &mut Vec<Entry<'a>>,
    input: &super::ChartInput<'a>,
    colour: RGBColor,
) {
    for pinned in input.pinned() {
        legend.push(Entry {
            label: pinned.label,
            swatch: reference_swatch(colour, pinned.style),
        });
    }
}

/// A point marker on a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Marker {
    /// No marker.
    None,
    /// A filled circle.
    Circle,
    /// A filled triangle.
    Triangle,
}

/// One legend entry.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry<'a> {
    /// Label text.
    pub label: &'a str,
    /// Sample.
    pub swatch: Swatch,
}

/// Where the legend goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LegendAt {
    /// A column at the right when the chart is wide enough, else rows under the title.
    Right,
    /// Rows under the title.
    Top,
}

/// Legend row height in CSS pixels.
const ROW: f64 = 18.0;
/// Legend font size in CSS pixels.
const LEGEND_FONT: f64 = 12.0;
/// Swatch width in CSS pixels.
const SWATCH: f64 = 22.0;

/// Draws the title and legend and returns the area left for the plot.
pub(crate) fn frame<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    look: &Look,
    title: &str,
    legend: &[Entry],
    at: LegendAt,
) -> Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
    let (width, _) = area.dim_in_pixel();
    let width = width as i32;
    let pad = look.px(8.0);
    area.draw(&Text::new(
        title,
        (pad, pad),
        look.title().pos(Pos::new(HPos::Left, VPos::Top)),
    ))?;
    let top = pad + look.px(22.0);
    let widest = legend
        .iter()
        .map(|entry| look.text_width(entry.label, LEGEND_FONT))
        .max()
        .unwrap_or(0);
    let column = look.px(SWATCH + 8.0) + widest + pad;
    if at == LegendAt::Right && width >= look.px(520.0) {
        for (index, entry) in legend.iter().enumerate() {
            let x = width - column;
            let y = top + look.px(6.0 + ROW / 2.0) + index as i32 * look.px(ROW);
            legend_entry(area, look, entry, (x, y))?;
        }
        return Ok(area.margin(top, pad / 2, 0, column));
    }
    // Rows flowing left to right under the title.
    let mut x = pad;
    let mut y = top + look.px(ROW / 2.0);
    for entry in legend {
        let entry_width =
            look.px(SWATCH + 6.0) + look.text_width(entry.label, LEGEND_FONT) + look.px(14.0);
        if x > pad && x + entry_width > width - pad {
            x = pad;
            y += look.px(ROW);
        }
        legend_entry(area, look, entry, (x, y))?;
        x += entry_width;
    }
    let rows_bottom = if legend.is_empty() {
        top
    } else {
        y + look.px(ROW / 2.0 + 4.0)
    };
    Ok(area.margin(rows_bottom, pad / 2, 0, pad))
}

/// Draws one legend entry with its sample centred vertically on `y`, starting at `x`.
fn legend_entry<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    look: &Look,
    entry: &Entry,
    (x, y): (i32, i32),
) -> DrawResult<DB> {
    let swatch = look.px(SWATCH);
    match entry.swatch {
        Swatch::Fill(colour) => {
            let half = look.px(5.0);
            area.draw(&Rectangle::new(
                [(x, y - half), (x + swatch, y + half)],
                colour.filled(),
            ))?;
        }
        Swatch::Line(colour, width, dash, marker) => {
            let style = colour.stroke_width(look.width(width));
            path(area, look, vec![(x, y), (x + swatch, y)], dash, true, style)?;
            draw_marker(area, look, marker, colour, (x + swatch / 2, y))?;
        }
    }
    area.draw(&Text::new(
        entry.label,
        (x + swatch + look.px(6.0), y),
        look.body().pos(Pos::new(HPos::Left, VPos::Center)),
    ))?;
    Ok(())
}

/// Draws a marker at a pixel position of `area`.
fn draw_marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    look: &Look,
    marker: Marker,
    colour: RGBColor,
    at: (i32, i32),
) -> DrawResult<DB> {
    match marker {
        Marker::None => Ok(()),
        Marker::Circle => area.draw(&Circle::new(at, look.px(3.5), colour.filled())),
        Marker::Triangle => area.draw(&Triangle::new(at, look.px(4.5), colour)),
    }
}

/// Axis settings for [`plot`].
pub(crate) struct Axes<'f> {
    /// First and last year.
    pub years: (f64, f64),
    /// Bottom and top of the y axis.
    pub y: (f64, f64),
    /// How many y labels at most.
    pub y_labels: usize,
    /// Formats a y label.
    pub y_format: &'f dyn Fn(&f64) -> String,
    /// The y axis description, with its unit.
    pub y_desc: &'f str,
    /// Draw vertical grid lines too.
    pub x_grid: bool,
    /// Years of empty space at each end (so end markers are not clipped).
    pub x_pad: f64,
}

/// Lays out the time chart in `area` and draws its grid, axes and labels.
pub(crate) fn plot<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    look: &Look,
    axes: &Axes,
) -> Result<Chart<DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let (width, _) = area.dim_in_pixel();
    let year_format = |year: &f64| text::fixed(*year, 0);
    mesh(
        area,
        look,
        &Mesh {
            top: look.px(6.0),
            left: look.px(58.0),
            x: (axes.years.0 - axes.x_pad, axes.years.1 + axes.x_pad),
            // About one year label per 55 CSS pixels, in steps of 1, 2 or 5 years.
            x_labels: ((f64::from(width) / look.scale / 55.0) as usize).clamp(3, 9),
            x_format: &year_format,
            x_desc: tr!(Msg::ChartYear),
            x_grid: axes.x_grid,
            y: axes.y,
            y_labels: axes.y_labels,
            y_format: axes.y_format,
            y_desc: axes.y_desc,
        },
    )
}

/// The layout and axes of a chart for [`mesh`]. Sizes are in device pixels.
pub(crate) struct Mesh<'f> {
    /// Room above the plot.
    pub top: i32,
    /// Room left of the plot, for the y labels and description (or the tornado's names).
    pub left: i32,
    /// The x range.
    pub x: (f64, f64),
    /// How many x labels at most.
    pub x_labels: usize,
    /// Formats an x label.
    pub x_format: &'f dyn Fn(&f64) -> String,
    /// The x axis description.
    pub x_desc: &'f str,
    /// Draw vertical grid lines at the x labels.
    pub x_grid: bool,
    /// The y range.
    pub y: (f64, f64),
    /// How many y labels at most; with none there is no y axis, description or horizontal grid.
    pub y_labels: usize,
    /// Formats a y label.
    pub y_format: &'f dyn Fn(&f64) -> String,
    /// The y axis description.
    pub y_desc: &'f str,
}

/// Builds the chart's coordinates in `area` and draws its grid lines, axes, ticks, labels and axis
/// descriptions, as plotters' `ChartBuilder` and `configure_mesh` drew them (the same layout, pixel
/// for pixel, and order): 14 CSS pixels of margin at the right, 36 below the plot for the x labels.
/// These few lines of ours in place of plotters' general ones keep 9 KB (gzipped) out of the page:
/// its chart builder, mesh drawing, key points and the sort its layout used.
pub(crate) fn mesh<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    look: &Look,
    mesh: &Mesh,
) -> Result<Chart<DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let (bottom, tick) = (look.px(36.0), look.px(4.0));
    let plot = area.margin(mesh.top, bottom, mesh.left, look.px(14.0));
    let (across, down) = plot.get_pixel_range();
    let (width, height) = (across.end - across.start, down.end - down.start);
    let chart = plot.apply_coord_spec(Cartesian2d::<RangedCoordf64, RangedCoordf64>::new(
        mesh.x.0..mesh.x.1,
        mesh.y.0..mesh.y.1,
        (across.start..across.end - 1, down.end - 1..down.start),
    ));
    // Where the labels go, in pixels from the plot's top left corner.
    let x_ticks: Vec<(i32, String)> = ticks(mesh.x, mesh.x_labels)
        .map(|x| {
            let at = chart.map_coordinate(&(x, mesh.y.0)).0 - across.start;
            (at, (mesh.x_format)(&x))
        })
        .collect();
    let y_ticks: Vec<(i32, String)> = ticks(mesh.y, mesh.y_labels)
        .map(|y| {
            let at = chart.map_coordinate(&(mesh.x.0, y)).1 - down.start;
            (at, (mesh.y_format)(&y))
        })
        .collect();
    let y_axis = mesh.y_labels > 0;
    // Everything is drawn on `area` (a drawing area clamps what it draws to its own rectangle),
    // placed from the plot's top left corner.
    let (left, top) = area.get_base_pixel();
    let at = |(x, y): (i32, i32)| (x + across.start - left, y + down.start - top);
    let label = |text: &str, point, h_pos, v_pos| {
        area.draw(&Text::new(
            text,
            at(point),
            look.label().pos(Pos::new(h_pos, v_pos)),
        ))
    };
    let axis = look.axis.stroke_width(look.width(1.0));
    let stroke = |from, to| area.draw(&PathElement::new([at(from), at(to)], axis));
    if y_axis {
        area.draw(&Text::new(
            mesh.y_desc,
            at((-mesh.left, height / 2)),
            look.label()
                .transform(FontTransform::Rotate270)
                .pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    label(
        mesh.x_desc,
        (width / 2, height + bottom),
        HPos::Center,
        VPos::Bottom,
    )?;
    // Grid lines through the plot, drawn by the backend's own line (which the canvas keeps sharp).
    let grid = look.grid.stroke_width(look.width(1.0));
    if mesh.x_grid {
        for (x, _) in &x_ticks {
            area.draw(&Rule(at((*x, height - 1)), at((*x, 0)), grid))?;
        }
    }
    if y_axis {
        for (y, _) in &y_ticks {
            area.draw(&Rule(at((0, *y)), at((width - 1, *y)), grid))?;
        }
        stroke((-1, 0), (-1, height - 1))?;
        for (y, text) in &y_ticks {
            label(text, (-2 * tick, *y), HPos::Right, VPos::Center)?;
            stroke((-1 - tick, *y), (-1, *y))?;
        }
    }
    stroke((0, height), (width - 1, height))?;
    for (x, text) in &x_ticks {
        label(text, (*x, height + 2 * tick), HPos::Center, VPos::Top)?;
        stroke((*x, height), (*x, height + tick))?;
    }
    Ok(chart)
}

/// At most `most` round values in `range`: the multiples of the smallest step of 1, 2 or 5 × 10ᵏ
/// that gives no more (plotters' choice of key points), lowest first.
pub(crate) fn ticks((low, high): (f64, f64), most: usize) -> impl Iterator<Item = f64> {
    // 10ᵏ exactly: an integer power of ten, divided into 1 for negative k.
    let ten = |k: i32| {
        let power = (0..k.unsigned_abs()).fold(1.0, |power, _| power * 10.0);
        if k < 0 {
            1.0 / power
        } else {
            power
        }
    };
    let span = high - low;
    // (first multiple, how many, step's multiple of 10ᵏ, k)
    let mut found = (0.0, 0, 1.0, 0);
    if most > 0 && span > 0.0 && span.is_finite() {
        let limit = most as f64;
        // Start from a power of ten small enough to give too many values.
        let mut k = 0;
        while ten(k) * (limit + 1.0) >= span {
            k -= 1;
        }
        while ten(k + 1) * (limit + 1.0) < span {
            k += 1;
        }
        'steps: loop {
            for multiple in [1.0, 2.0, 5.0] {
                let step = multiple * ten(k);
                let first = (low / step - 1e-9).ceil();
                let last = (high / step + 1e-9).floor();
                if last - first < limit {
                    found = (first, (last - first + 1.0).max(0.0) as usize, multiple, k);
                    break 'steps;
                }
            }
            k += 1;
        }
    }
    // Each value as an integer times 10ᵏ, rounded once, so 0.6 is 0.6.
    let (first, count, multiple, k) = found;
    (0..count).map(move |index| {
        let units = (first + index as f64) * multiple;
        if k < 0 {
            units / ten(-k)
        } else {
            units * ten(k)
        }
    })
}

/// A straight line between two pixel positions, drawn by the backend's `draw_line` (plotters' grid
/// lines: the canvas shifts a level or upright line by half a pixel, so a thin one stays sharp).
struct Rule(BackendCoord, BackendCoord, ShapeStyle);

impl<'a> PointCollection<'a, BackendCoord> for &'a Rule {
    type Point = &'a BackendCoord;
    type IntoIter = [&'a BackendCoord; 2];

    fn point_iter(self) -> [&'a BackendCoord; 2] {
        [&self.0, &self.1]
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Rule {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut points: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        if let (Some(from), Some(to)) = (points.next(), points.next()) {
            backend.draw_line(from, to, &self.2)?;
        }
        Ok(())
    }
}

/// Where the years of `chart` (from `years.0` to `years.1`) lie, in CSS pixels, for values on hover.
pub(crate) fn year_axis<DB: DrawingBackend>(
    chart: &Chart<DB>,
    look: &Look,
    years: (f64, f64),
) -> Option<super::YearAxis> {
    let css = |pixels: i32| f64::from(pixels) / look.scale;
    let x = |year: f64| css(chart.map_coordinate(&(year, 0.0)).0);
    let (across, down) = chart.get_pixel_range();
    Some(super::YearAxis {
        years: (years.0 as u16, years.1 as u16),
        x: (x(years.0), x(years.1)),
        plot: (css(across.start), css(across.end)),
        top: css(down.start),
        bottom: css(down.end),
    })
}

/// Draws a line through `points` in chart coordinates, solid or dashed, with markers at each point.
pub(crate) fn line<DB: DrawingBackend>(
    chart: &Chart<DB>,
    look: &Look,
    points: &[(f64, f64)],
    swatch: Swatch,
) -> DrawResult<DB> {
    let Swatch::Line(colour, width, dash, marker) = swatch else {
        return Ok(());
    };
    let style = colour.stroke_width(look.width(width));
    path(chart, look, points.to_vec(), dash, false, style)?;
    for &point in points {
        match marker {
            Marker::None => {}
            Marker::Circle => chart.draw(&Circle::new(point, look.px(3.0), colour.filled()))?,
            Marker::Triangle => chart.draw(&Triangle::new(point, look.px(4.0), colour))?,
        }
    }
    Ok(())
}

/// Draws small `text` in `colour` at chart coordinates `at`, shifted by `offset` device pixels and
/// anchored by `pos`; `boxed` puts it on a box of the background colour so it stays readable over lines.
#[allow(clippy::too_many_arguments)]
pub(crate) fn label<DB: DrawingBackend>(
    chart: &Chart<DB>,
    look: &Look,
    text: &str,
    at: (f64, f64),
    offset: (i32, i32),
    pos: Pos,
    colour: RGBColor,
    boxed: bool,
) -> DrawResult<DB> {
    if boxed {
        let width = look.text_width(text, 11.0) + look.px(6.0);
        let height = look.px(15.0);
        let (x0, y0) = box_origin(pos, offset, width, height, look.px(3.0));
        chart.draw(
            &(EmptyElement::at(at)
                + Rectangle::new(
                    [(x0, y0), (x0 + width, y0 + height)],
                    look.background.mix(0.85).filled(),
                )),
        )?;
    }
    chart.draw(
        &(EmptyElement::at(at) + Text::new(text.to_owned(), offset, look.small(colour).pos(pos))),
    )
}

/// Top-left corner of a box of `width` × `height` around text anchored at `offset` with `pos`.
fn box_origin(pos: Pos, offset: (i32, i32), width: i32, height: i32, pad: i32) -> (i32, i32) {
    let x = match pos.h_pos {
        HPos::Left => offset.0 - pad,
        HPos::Center => offset.0 - width / 2,
        HPos::Right => offset.0 - width + pad,
    };
    let y = match pos.v_pos {
        VPos::Top => offset.1 - pad / 2,
        VPos::Center => offset.1 - height / 2,
        VPos::Bottom => offset.1 - height + pad / 2,
    };
    (x, y)
}

/// Fills the area and writes one line of text in it (no data, or a drawing error).
pub(crate) fn message<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    look: &Look,
    text: &str,
) -> DrawResult<DB> {
    area.fill(&look.background)?;
    let pad = look.px(8.0);
    area.draw(&Text::new(
        text,
        (pad, pad),
        look.body().pos(Pos::new(HPos::Left, VPos::Top)),
    ))
}

/// The line sample of a stage: colour plus a marker (mining circles, separation thicker and plain,
/// magnets triangles), so the stages differ by more than colour. `reference` gives the thin
/// broken version of the `style`-th pinned reference ([`reference_swatch`]).
pub(crate) fn stage_swatch(
    stage: crate::data::Stage,
    look: &Look,
    reference: Option<usize>,
) -> Swatch {
    use crate::data::Stage;
    let colour = super::look::stage_colour(stage, look.theme);
    if let Some(style) = reference {
        return reference_swatch(colour, style);
    }
    match stage {
        Stage::Mining => Swatch::Line(colour, 2.0, SOLID, Marker::Circle),
        Stage::Separation => Swatch::Line(colour, 3.0, SOLID, Marker::None),
        Stage::Magnets => Swatch::Line(colour, 2.0, SOLID, Marker::Triangle),
    }
}

/// The legend of the per-stage line charts: `stages`, then each pinned reference.
pub(crate) fn stage_legend<'a>(
    look: &Look,
    input: &super::ChartInput<'a>,
    stages: &[crate::data::Stage],
) -> Vec<Entry<'a>> {
    let mut legend = Vec::new();
    for &stage in stages {
        legend.push(Entry {
            label: stage.label(),
            swatch: stage_swatch(stage, look, None),
        });
    }
    push_references(&mut legend, input, look.text);
    legend
}

/// Draws one series per stage of `stages` (`value` picks the number from a cell), each pinned
/// reference's beneath them in its own broken line.
pub(crate) fn stage_lines<DB: DrawingBackend>(
    chart: &Chart<DB>,
    look: &Look,
    input: &super::ChartInput,
    stages: &[crate::data::Stage],
    value: fn(&crate::projection::StageYear) -> f64,
) -> DrawResult<DB> {
    let mut points: Vec<(f64, f64)> = Vec::with_capacity(crate::projection::MAX_YEARS);
    let fill = |points: &mut Vec<(f64, f64)>, projection: &crate::projection::Projection, stage| {
        points.clear();
        points.extend(
            projection
                .stage_series(stage)
                .map(|(year, cell)| (f64::from(year), finite(value(cell)))),
        );
    };
    for pinned in input.pinned() {
        for &stage in stages {
            fill(&mut points, pinned.projection, stage);
            line(
                chart,
                look,
                &points,
                stage_swatch(stage, look, Some(pinned.style)),
            )?;
        }
    }
    for &stage in stages {
        fill(&mut points, input.projection, stage);
        line(chart, look, &points, stage_swatch(stage, look, None))?;
    }
    Ok(())
}

/// A finite value (bad values become 0).
pub(crate) fn finite(value: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        0.0
    }
}

/// Years of padding at each end of the line charts, so the end markers show whole.
pub(crate) const X_PAD: f64 = 0.3;

/// The first year the time charts show: the earliest observed year, or the base year.
pub(crate) fn first_year(projection: &crate::projection::Projection) -> f64 {
    crate::data::dataset()
        .history
        .iter()
        .map(|observed| observed.year)
        .chain(std::iter::once(projection.base_year))
        .min()
        .map_or(f64::from(projection.base_year), f64::from)
}

/// Marks the observed years apart from the projected ones: a light wash over the years before the
/// base year, a dotted line at the base year, and the words "Observed" and "Projected" hanging
/// from `label_y` (the top of the plot, or lower where the top holds a note).
#[allow(clippy::too_many_arguments)]
pub(crate) fn observed_divider<DB: DrawingBackend>(
    chart: &Chart<DB>,
    look: &Look,
    first: f64,
    base_year: f64,
    y_top: f64,
    wash: f64,
    label_y: f64,
) -> DrawResult<DB> {
    if first >= base_year {
        return Ok(());
    }
    let y_low = chart.get_y_range().start;
    let left = chart.get_x_range().start;
    chart.draw(&Rectangle::new(
        [(left, y_low), (base_year, y_top)],
        look.background.mix(wash).filled(),
    ))?;
    chart.draw(&DashedPathElement::new(
        [(base_year, y_low), (base_year, y_top)],
        look.px(2.0),
        look.px(3.0),
        look.muted.stroke_width(look.width(1.0)),
    ))?;
    let offset = look.px(4.0);
    label(
        chart,
        look,
        tr!(Msg::ChartObserved),
        (base_year, label_y),
        (-offset, offset),
        Pos::new(HPos::Right, VPos::Top),
        look.muted,
        true,
    )?;
    label(
        chart,
        look,
        tr!(Msg::ChartProjected),
        (base_year, label_y),
        (offset, offset),
        Pos::new(HPos::Left, VPos::Top),
        look.muted,
        true,
    )
}

/// Draws each stage's observed values (from the data file, up to the base year) as a thin solid
/// line with hollow markers at the published years, so gaps between published years show.
pub(crate) fn observed_lines<DB: DrawingBackend>(
    chart: &Chart<DB>,
    look: &Look,
    value: fn(&[f64; crate::data::REGION_COUNT]) -> f64,
) -> DrawResult<DB> {
    for stage in crate::data::Stage::ALL {
        let points: Vec<(f64, f64)> = crate::data::dataset()
            .observed(stage)
            .map(|observed| (f64::from(observed.year), finite(value(&observed.share))))
            .collect();
        observed_series(
            chart,
            look,
            &points,
            super::look::stage_colour(stage, look.theme),
        )?;
    }
    Ok(())
}

/// One observed series: a thin solid line with a hollow marker at each published year.
pub(crate) fn observed_series<DB: DrawingBackend>(
    chart: &Chart<DB>,
    look: &Look,
    points: &[(f64, f64)],
    colour: RGBColor,
) -> DrawResult<DB> {
    if points.len() < 2 {
        return Ok(());
    }
    let stroke = colour.stroke_width(look.width(1.5));
    chart.draw(&PathElement::new(points.to_vec(), stroke))?;
    for &point in points {
        chart.draw(&Circle::new(point, look.px(3.0), look.background.filled()))?;
        chart.draw(&Circle::new(point, look.px(3.0), stroke))?;
    }
    Ok(())
}

/// The corners of plotters' `TriangleMarker` on a unit circle: (cos, sin) of -90°, -210° and -330°, as
/// the double-precision library functions give them (checked by a test). Fixed here, so drawing a
/// marker needs no trigonometry and the page ships none.
const TRIANGLE_CORNERS: [(f64, f64); 3] = [
    (6.123233995736766e-17, -1.0),
    (-0.8660254037844386, 0.5000000000000001),
    (0.8660254037844384, 0.5000000000000004),
];

/// A filled, upward triangle marker of `size` pixels around a point: plotters' `TriangleMarker`, pixel
/// for pixel, with the corners from [`TRIANGLE_CORNERS`].
pub(crate) struct Triangle<C> {
    at: C,
    size: i32,
    colour: RGBColor,
}

impl<C> Triangle<C> {
    /// A marker at `at` (chart or pixel coordinates) with `size` pixels from centre to corner.
    pub(crate) fn new(at: C, size: i32, colour: RGBColor) -> Self {
        Triangle { at, size, colour }
    }
}

impl<'a, C> PointCollection<'a, C> for &'a Triangle<C> {
    type Point = &'a C;
    type IntoIter = std::iter::Once<&'a C>;

    fn point_iter(self) -> std::iter::Once<&'a C> {
        std::iter::once(&self.at)
    }
}

impl<C, DB: DrawingBackend> Drawable<DB> for Triangle<C> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut points: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        if let Some((x, y)) = points.next() {
            let size = f64::from(self.size);
            let corners = TRIANGLE_CORNERS.map(|(cos, sin)| {
                (
                    (cos * size + f64::from(x)).ceil() as i32,
                    (sin * size + f64::from(y)).ceil() as i32,
                )
            });
            backend.fill_polygon(corners, &self.colour.to_backend_color())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{ticks, TRIANGLE_CORNERS};
    use plotters::coord::ranged1d::{BoldPoints, Ranged};
    use plotters::coord::types::RangedCoordf64;

    /// Our ticks are plotters' key points (as its mesh drew them) for `range` and `most`. Plotters
    /// can give one more than `most` (its count rounds down: 0.6 / 0.1 is 5.999…); among the ranges
    /// below that happens only for 0 to 60% with 6 labels, which no chart asks for (the share chart's
    /// 6 labels span 0 to 100%), and ours keep to 6 there.
    fn same_as_plotters(range: (f64, f64), most: usize) {
        let ours: Vec<f64> = ticks(range, most).collect();
        let theirs = RangedCoordf64::from(range.0..range.1).key_points(BoldPoints(most));
        assert!(ours.len() <= most, "{range:?}, {most}: {ours:?}");
        if theirs.len() > most {
            assert_eq!(
                (range, most),
                ((0.0, 0.6), 6),
                "a new over-count in plotters"
            );
            return;
        }
        assert_eq!(
            ours.len(),
            theirs.len(),
            "{range:?}, {most}: {ours:?} {theirs:?}"
        );
        for (a, b) in ours.iter().zip(&theirs) {
            assert!(
                (a - b).abs() <= 1e-9 * (range.1 - range.0),
                "{range:?}: {a} {b}"
            );
        }
    }

    #[test]
    fn ticks_are_plotters_key_points_for_the_charts_ranges() {
        // Years, padded or not, at every label count the time charts ask for.
        for first in 2015..=2025 {
            for last in first + 2..=2045 {
                for most in 3..=9 {
                    let (first, last) = (f64::from(first), f64::from(last));
                    same_as_plotters((first - 0.3, last + 0.3), most);
                    same_as_plotters((first, last), most);
                }
            }
        }
        // Shares (0 up to a top in steps of 1%), the HHI and tonnes.
        for top in 1..=100 {
            for most in [6, 8] {
                same_as_plotters((0.0, f64::from(top) / 100.0), most);
            }
        }
        same_as_plotters((0.0, 10_000.0), 6);
        // Tonnes and the tornado's share ranges, from a fixed pseudo-random sequence.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        for _ in 0..2_000 {
            same_as_plotters((0.0, 1_000.0 + next() * 200_000.0), 6);
            let low = next() * 0.9;
            let high = (low + 0.015 + next() * 0.6).min(1.0);
            same_as_plotters((low, high), 3 + (next() * 6.0) as usize);
        }
    }

    #[test]
    fn no_ticks_when_none_are_asked_for_or_the_range_is_empty() {
        assert_eq!(ticks((0.0, 1.0), 0).count(), 0);
        assert_eq!(ticks((1.0, 1.0), 5).count(), 0);
        assert_eq!(ticks((0.0, f64::NAN), 5).count(), 0);
        assert_eq!(ticks((0.0, f64::INFINITY), 5).count(), 0);
        assert_eq!(
            ticks((0.0, 1.0), 6).collect::<Vec<_>>(),
            [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
        );
    }

    #[test]
    fn corners_are_the_trigonometry_plotters_uses() {
        for (degrees, (cos, sin)) in [-90, -210, -330].into_iter().zip(TRIANGLE_CORNERS) {
            let radians = f64::from(degrees) * std::f64::consts::PI / 180.0;
            assert_eq!(radians.cos().to_bits(), cos.to_bits(), "cos {degrees}");
            assert_eq!(radians.sin().to_bits(), sin.to_bits(), "sin {degrees}");
        }
    }
}
