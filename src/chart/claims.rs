//! The all-claims chart: Russia's share of one stage over time under every preset, on one plot,
//! each preset with its own colour, dash and marker (so the lines stay apart in greyscale and for
//! colour-blind readers) and named in the legend. Drawn at build time for `claims.html`
//! (`crate::claims`); the page's wasm never calls it.

use super::fan::axis_pct;
use super::frame::{self, Entry, LegendAt, Marker, Mesh, Swatch, X_PAD};
use super::look::{unit, Look};
use super::Theme;
use crate::projection::RUSSIA_TARGETS;
use plotters::prelude::*;

/// The chart's words, in the page's language.
pub struct Words {
    /// The title above the plot.
    pub title: String,
    /// The x axis's description ("Year").
    pub x_axis: String,
    /// The y axis's description.
    pub y_axis: String,
}

/// One preset's line: its title and Russia's share per year.
pub struct ClaimLine {
    /// The preset's title (the legend's label).
    pub title: &'static str,
    /// (year, share) pairs, observed years excluded.
    pub points: Vec<(u16, f64)>,
}

/// Colours for up to nine lines: the Okabe–Ito palette (Okabe and Ito, "Color Universal Design",
/// 2008), told apart by readers with each common colour-vision deficiency, its yellow replaced by
/// a dark grey that reads on white.
const COLOURS: [RGBColor; 9] = [
    RGBColor(0, 0, 0),
    RGBColor(230, 159, 0),
    RGBColor(86, 180, 233),
    RGBColor(0, 158, 115),
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(204, 121, 167),
    RGBColor(110, 110, 110),
    RGBColor(153, 153, 153),
];

/// The swatch of line `index`: a colour, and a dash and marker that differ for the first six
/// lines (solid or dashed, times no marker, circles or triangles), the next lines thicker.
fn swatch(index: usize) -> (RGBColor, f64, bool, Marker) {
    let marker = [Marker::None, Marker::Circle, Marker::Triangle][index % 3];
    let dashed = (index / 3) % 2 == 1;
    let width = if index >= 6 { 3.5 } else { 2.0 };
    (COLOURS[index % COLOURS.len()], width, dashed, marker)
}

/// The chart as an SVG document of `width` × `height` pixels.
pub fn to_svg(words: &Words, lines: &[ClaimLine], width: u32, height: u32) -> String {
    let mut out = String::new();
    {
        let backend = crate::chart::svg::Svg::new(&mut out, (width, height));
        let area = backend.into_drawing_area();
        let look = Look::new(Theme::Light, 1.0);
        if let Err(error) = draw(&area, &look, words, lines) {
            let _ = frame::message(&area, &look, &error.to_string()).and_then(|()| area.present());
        }
    }
    joined_runs(&out)
}

/// `svg` with each run of consecutive `<polyline>` elements of one style (a dashed line is drawn as
/// one per dash) written as one `<path>` of as many pieces: the same picture in half the bytes and a
/// third of the elements, so a browser parses it sooner (the all-claims view's first frame waits
/// for its first chart).
fn joined_runs(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    // The style of the run being joined (the element's attributes before `points`) and its pieces.
    let mut run: Option<(&str, String)> = None;
    for line in svg.split_inclusive('\n') {
        let piece = line
            .strip_prefix("<polyline ")
            .and_then(|rest| rest.split_once(" points=\""))
            .and_then(|(style, rest)| Some((style, rest.strip_suffix("\"/>\n")?)));
        if let Some((style, points)) = piece {
            let mut d = String::new();
            for (index, point) in points.split_whitespace().enumerate() {
                d.push(if index == 0 { 'M' } else { 'L' });
                d.push_str(&point.replace(',', " "));
            }
            match &mut run {
                Some((same, pieces)) if *same == style => pieces.push_str(&d),
                _ => {
                    flush(&mut out, run.take());
                    run = Some((style, d));
                }
            }
            continue;
        }
        flush(&mut out, run.take());
        out.push_str(line);
    }
    flush(&mut out, run);
    out
}

fn flush(out: &mut String, run: Option<(&str, String)>) {
    if let Some((style, d)) = run {
        out.push_str(&format!("<path {style} d=\"{d}\"/>\n"));
    }
}

fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    look: &Look,
    words: &Words,
    lines: &[ClaimLine],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&look.background)?;
    let legend: Vec<Entry> = lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let (colour, width, dashed, marker) = swatch(index);
            Entry {
                label: line.title,
                swatch: Swatch::Line(colour, width, u8::from(dashed), marker),
            }
        })
        .collect();
    let plot_area = frame::frame(area, look, &words.title, &legend, LegendAt::Right)?;
    let top = lines
        .iter()
        .flat_map(|line| line.points.iter().map(|&(_, share)| unit(share)))
        .chain(RUSSIA_TARGETS)
        .fold(0.0, f64::max);
    let y_max = ((top * 1.1 / 0.02).ceil() * 0.02).clamp(0.14, 1.0);
    let years = lines
        .iter()
        .flat_map(|line| line.points.iter().map(|&(year, _)| f64::from(year)));
    let first = years.clone().fold(f64::INFINITY, f64::min);
    let last = years.fold(f64::NEG_INFINITY, f64::max);
    // frame::plot's layout (which the page's time charts use), with the x axis's word in the
    // page's language.
    let (plot_width, _) = plot_area.dim_in_pixel();
    let year_format = |year: &f64| crate::text::fixed(*year, 0);
    let chart = frame::mesh(
        &plot_area,
        look,
        &Mesh {
            top: look.px(6.0),
            left: look.px(58.0),
            x: (first - X_PAD, last + X_PAD),
            x_labels: ((f64::from(plot_width) / look.scale / 55.0) as usize).clamp(3, 9),
            x_format: &year_format,
            x_desc: &words.x_axis,
            x_grid: true,
            y: (0.0, y_max),
            y_labels: 8,
            y_format: &axis_pct,
            y_desc: &words.y_axis,
        },
    )?;
    for target in RUSSIA_TARGETS {
        chart.draw(&PathElement::new(
            vec![(first - X_PAD, target), (last + X_PAD, target)],
            look.muted.stroke_width(look.width(1.0)),
        ))?;
    }
    for (index, line) in lines.iter().enumerate() {
        let (colour, width, dashed, marker) = swatch(index);
        let points: Vec<(f64, f64)> = line
            .points
            .iter()
            .map(|&(year, share)| (f64::from(year), unit(share)))
            .collect();
        frame::line(
            &chart,
            look,
            &points,
            Swatch::Line(colour, width, u8::from(dashed), Marker::None),
        )?;
        // Markers every five years only, so that nine lines stay readable.
        for &point in points.iter().filter(|(year, _)| (*year as i64) % 5 == 0) {
            match marker {
                Marker::None => {}
                Marker::Circle => chart.draw(&Circle::new(point, look.px(3.5), colour.filled()))?,
                Marker::Triangle => {
                    chart.draw(&frame::Triangle::new(point, look.px(4.5), colour))?
                }
            }
        }
    }
    area.present()
}

#[cfg(test)]
mod tests {
    use super::joined_runs;

    #[test]
    fn runs_of_one_style_become_one_path_and_nothing_else_changes() {
        let dash = |points: &str, colour: &str| {
            format!("<polyline fill=\"none\" opacity=\"1\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{points}\"/>\n")
        };
        let svg = [
            "<svg>\n".to_string(),
            dash("1,2 3,4 ", "#000000"),
            dash("5,6 7,8 9,10 ", "#000000"),
            dash("11,12 13,14 ", "#E69F00"),
            "<circle cx=\"1\"/>\n".into(),
            dash("15,16 17,18 ", "#E69F00"),
            "</svg>\n".into(),
        ]
        .concat();
        assert_eq!(
            joined_runs(&svg),
            "<svg>\n\
             <path fill=\"none\" opacity=\"1\" stroke=\"#000000\" stroke-width=\"2\" d=\"M1 2L3 4M5 6L7 8L9 10\"/>\n\
             <path fill=\"none\" opacity=\"1\" stroke=\"#E69F00\" stroke-width=\"2\" d=\"M11 12L13 14\"/>\n\
             <circle cx=\"1\"/>\n\
             <path fill=\"none\" opacity=\"1\" stroke=\"#E69F00\" stroke-width=\"2\" d=\"M15 16L17 18\"/>\n\
             </svg>\n"
        );
    }
}
