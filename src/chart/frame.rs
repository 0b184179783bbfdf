//! The parts every chart shares: background, title, legend, axes and a plain message.

use super::look::Look;
use super::DrawResult;
use crate::text;
use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::element::{DashedPathElement, Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendCoord, DrawingErrorKind};

/// A chart context with numeric x (years) and y.
pub(crate) type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<Linear, Linear>>;

/// A linear axis over doubles: plotters' own, with default labels written by [`crate::text`]. (Every
/// chart sets its own label formatter; plotters' built-in float printer, kept reachable as the fallback,
/// would otherwise bring Rust's float formatting into the page.)
pub(crate) struct Linear(RangedCoordf64);

impl From<std::ops::Range<f64>> for Linear {
    fn from(range: std::ops::Range<f64>) -> Self {
        Linear(range.into())
    }
}

impl Ranged for Linear {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.0.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        self.0.key_points(hint)
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.0.range()
    }
}

impl ValueFormatter<f64> for Linear {
    fn format(value: &f64) -> String {
        text::shortest(*value)
    }
}

/// How a legend entry is drawn.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Swatch {
    /// A filled box (an area band).
    Fill(RGBColor),
    /// A line sample: colour, width in CSS pixels, dashed or not, marker.
    Line(RGBColor, f64, bool, Marker),
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
pub(crate) struct Entry {
    /// Label text.
    pub label: &'static str,
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
        Swatch::Line(colour, width, dashed, marker) => {
            let style = colour.stroke_width(look.width(width));
            if dashed {
                area.draw(&DashedPathElement::new(
                    [(x, y), (x + swatch, y)],
                    look.px(5.0),
                    look.px(3.0),
                    style,
                ))?;
            } else {
                area.draw(&PathElement::new(vec![(x, y), (x + swatch, y)], style))?;
            }
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

/// Builds the cartesian chart in `area` and draws its grid, axes and labels.
pub(crate) fn plot<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    look: &Look,
    axes: &Axes,
) -> Result<Chart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let (width, _) = area.dim_in_pixel();
    let mut chart = ChartBuilder::on(area)
        .margin_top(look.px(6.0))
        .margin_right(look.px(14.0))
        .x_label_area_size(look.px(36.0))
        .y_label_area_size(look.px(58.0))
        .build_cartesian_2d(
            Linear::from(axes.years.0 - axes.x_pad..axes.years.1 + axes.x_pad),
            Linear::from(axes.y.0..axes.y.1),
        )?;
    // About one year label per 55 CSS pixels; plotters rounds to steps of 1, 2 or 5 years.
    let x_labels = ((f64::from(width) / look.scale / 55.0) as usize).clamp(3, 9);
    let year_format = |year: &f64| text::fixed(*year, 0);
    let mut mesh = chart.configure_mesh();
    mesh.x_labels(x_labels)
        .y_labels(axes.y_labels)
        .x_label_formatter(&year_format)
        .y_label_formatter(axes.y_format)
        .x_desc("Year")
        .y_desc(axes.y_desc)
        .label_style(look.label())
        .axis_desc_style(look.label())
        .bold_line_style(look.grid.stroke_width(look.width(1.0)))
        .max_light_lines(0)
        .axis_style(look.axis.stroke_width(look.width(1.0)))
        .set_all_tick_mark_size(look.px(4.0));
    if !axes.x_grid {
        mesh.disable_x_mesh();
    }
    mesh.draw()?;
    Ok(chart)
}

/// Where the years of `chart` (from `years.0` to `years.1`) lie, in CSS pixels, for values on hover.
pub(crate) fn year_axis<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
    look: &Look,
    years: (f64, f64),
) -> Option<super::YearAxis> {
    let css = |pixels: i32| f64::from(pixels) / look.scale;
    let x = |year: f64| css(chart.backend_coord(&(year, 0.0)).0);
    let (across, down) = chart.plotting_area().get_pixel_range();
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
    chart: &Chart<'_, DB>,
    look: &Look,
    points: &[(f64, f64)],
    swatch: Swatch,
) -> DrawResult<DB> {
    let Swatch::Line(colour, width, dashed, marker) = swatch else {
        return Ok(());
    };
    let style = colour.stroke_width(look.width(width));
    let area = chart.plotting_area();
    if dashed {
        area.draw(&DashedPathElement::new(
            points.iter().copied(),
            look.px(6.0),
            look.px(4.0),
            style,
        ))?;
    } else {
        area.draw(&PathElement::new(points.to_vec(), style))?;
    }
    for &point in points {
        match marker {
            Marker::None => {}
            Marker::Circle => area.draw(&Circle::new(point, look.px(3.0), colour.filled()))?,
            Marker::Triangle => area.draw(&Triangle::new(point, look.px(4.0), colour))?,
        }
    }
    Ok(())
}

/// Draws small `text` in `colour` at chart coordinates `at`, shifted by `offset` device pixels and
/// anchored by `pos`; `boxed` puts it on a box of the background colour so it stays readable over lines.
#[allow(clippy::too_many_arguments)]
pub(crate) fn label<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
    look: &Look,
    text: &str,
    at: (f64, f64),
    offset: (i32, i32),
    pos: Pos,
    colour: RGBColor,
    boxed: bool,
) -> DrawResult<DB> {
    let area = chart.plotting_area();
    if boxed {
        let width = look.text_width(text, 11.0) + look.px(6.0);
        let height = look.px(15.0);
        let (x0, y0) = box_origin(pos, offset, width, height, look.px(3.0));
        area.draw(
            &(EmptyElement::at(at)
                + Rectangle::new(
                    [(x0, y0), (x0 + width, y0 + height)],
                    look.background.mix(0.85).filled(),
                )),
        )?;
    }
    area.draw(
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
/// magnets triangles), so the stages differ by more than colour. `reference` gives the thin dashed
/// version used for a pinned reference.
pub(crate) fn stage_swatch(stage: crate::data::Stage, look: &Look, reference: bool) -> Swatch {
    use crate::data::Stage;
    let colour = super::look::stage_colour(stage, look.theme);
    if reference {
        return Swatch::Line(colour, 1.5, true, Marker::None);
    }
    match stage {
        Stage::Mining => Swatch::Line(colour, 2.0, false, Marker::Circle),
        Stage::Separation => Swatch::Line(colour, 3.0, false, Marker::None),
        Stage::Magnets => Swatch::Line(colour, 2.0, false, Marker::Triangle),
    }
}

/// The legend of the per-stage line charts: the three stages, plus the reference when pinned.
pub(crate) fn stage_legend(look: &Look, with_reference: bool) -> ([Entry; 4], usize) {
    use crate::data::Stage;
    let entry = |stage: Stage| Entry {
        label: stage.label(),
        swatch: stage_swatch(stage, look, false),
    };
    let reference = Entry {
        label: "Pinned reference (dashed)",
        swatch: Swatch::Line(look.text, 1.5, true, Marker::None),
    };
    let entries = [
        entry(Stage::Mining),
        entry(Stage::Separation),
        entry(Stage::Magnets),
        reference,
    ];
    (entries, if with_reference { 4 } else { 3 })
}

/// Draws one series per stage of `stages` (`value` picks the number from a cell), the reference's
/// dashed beneath them.
pub(crate) fn stage_lines<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
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
    if let Some(reference) = input.reference {
        for &stage in stages {
            fill(&mut points, reference, stage);
            line(chart, look, &points, stage_swatch(stage, look, true))?;
        }
    }
    for &stage in stages {
        fill(&mut points, input.projection, stage);
        line(chart, look, &points, stage_swatch(stage, look, false))?;
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
    chart: &Chart<'_, DB>,
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
    let area = chart.plotting_area();
    let (y_low, _) = (chart.y_range().start, chart.y_range().end);
    let left = chart.x_range().start;
    area.draw(&Rectangle::new(
        [(left, y_low), (base_year, y_top)],
        look.background.mix(wash).filled(),
    ))?;
    area.draw(&DashedPathElement::new(
        [(base_year, y_low), (base_year, y_top)],
        look.px(2.0),
        look.px(3.0),
        look.muted.stroke_width(look.width(1.0)),
    ))?;
    let offset = look.px(4.0);
    label(
        chart,
        look,
        "Observed",
        (base_year, label_y),
        (-offset, offset),
        Pos::new(HPos::Right, VPos::Top),
        look.muted,
        true,
    )?;
    label(
        chart,
        look,
        "Projected",
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
    chart: &Chart<'_, DB>,
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
    chart: &Chart<'_, DB>,
    look: &Look,
    points: &[(f64, f64)],
    colour: RGBColor,
) -> DrawResult<DB> {
    if points.len() < 2 {
        return Ok(());
    }
    let area = chart.plotting_area();
    let stroke = colour.stroke_width(look.width(1.5));
    area.draw(&PathElement::new(points.to_vec(), stroke))?;
    for &point in points {
        area.draw(&Circle::new(point, look.px(3.0), look.background.filled()))?;
        area.draw(&Circle::new(point, look.px(3.0), stroke))?;
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
mod triangle_tests {
    use super::TRIANGLE_CORNERS;

    #[test]
    fn corners_are_the_trigonometry_plotters_uses() {
        for (degrees, (cos, sin)) in [-90, -210, -330].into_iter().zip(TRIANGLE_CORNERS) {
            let radians = f64::from(degrees) * std::f64::consts::PI / 180.0;
            assert_eq!(radians.cos().to_bits(), cos.to_bits(), "cos {degrees}");
            assert_eq!(radians.sin().to_bits(), sin.to_bits(), "sin {degrees}");
        }
    }
}
