//! One plotters backend type for the page: the canvas for the screen, SVG for downloads.
//!
//! `chart::draw` is generic over the backend, so drawing to a canvas and to an SVG string
//! would compile every chart twice. Dispatching through this enum compiles the charts once
//! (about 20 KB less WebAssembly, gzipped); only the few primitive calls are duplicated.
//!
//! On the canvas, text, single lines and polylines, the calls a chart makes most, are drawn here
//! and set the context's font, colours, alignment and line width only when they differ from what
//! this draw last set: plotters-canvas sets all of them, as new strings, for every call, which
//! took about a third of a redraw's time. Lines and polylines in one style are gathered into one
//! path and stroked once (a dashed line is a hundred dashes, a compared scenario three such lines
//! per stage), before anything else is drawn over them. Everything else goes to plotters-canvas,
//! which sets its own styles, so the remembered colours are forgotten then.

use crate::chart::svg::{Svg, SvgError};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use plotters_canvas::CanvasBackend;
use std::fmt;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Where a chart is drawn.
pub enum PageBackend<'a> {
    /// The chart's canvas on the page.
    Canvas(Canvas),
    /// An SVG document written into a string (downloads).
    Svg(Svg<'a>),
}

/// A canvas to draw on: plotters-canvas's backend, its 2D context, and the styles this draw last
/// set on the context for text and lines.
pub struct Canvas {
    backend: CanvasBackend,
    context: CanvasRenderingContext2d,
    /// The font last set, as CSS.
    font: String,
    /// The text alignment and baseline last set.
    anchor: Option<(&'static str, &'static str)>,
    /// The fill colour last set by text, until another call may have changed it.
    fill: Option<BackendColor>,
    /// The stroke colour and width last set by a line, until another call may have changed them.
    stroke: Option<(BackendColor, u32)>,
    /// Whether lines in that stroke are gathered into a path not yet stroked: a run of lines and
    /// paths in one style (a grid, a dashed line's hundred dashes) is stroked once.
    pending: bool,
}

impl Canvas {
    /// The canvas's backend, or `None` when the browser gives it no 2D context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Canvas> {
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(Canvas {
            backend: CanvasBackend::with_canvas_object(canvas)?,
            context,
            font: String::new(),
            anchor: None,
            fill: None,
            stroke: None,
            pending: false,
        })
    }

    /// plotters-canvas's backend, for the calls that draw nothing (after stroking the lines
    /// gathered so far).
    fn plotters(&mut self) -> &mut CanvasBackend {
        self.flush();
        &mut self.backend
    }

    /// Strokes the lines gathered so far.
    fn flush(&mut self) {
        if self.pending {
            self.context.stroke();
            self.pending = false;
        }
    }

    /// Gets the path ready for lines in `color` and `width`: strokes what is gathered in another
    /// style, sets the style if it differs and begins a path if none is open. `false` for an
    /// invisible colour.
    fn stroke_in(&mut self, color: BackendColor, width: u32) -> bool {
        if color.alpha == 0.0 {
            return false;
        }
        self.set_stroke(color, width);
        if !self.pending {
            self.context.begin_path();
            self.pending = true;
        }
        true
    }

    /// Sets the stroke colour and width if they differ from the last ones set, stroking first what
    /// is gathered in the old style.
    fn set_stroke(&mut self, color: BackendColor, width: u32) {
        let same = self
            .stroke
            .is_some_and(|(stroke, w)| w == width && same_color(stroke, color));
        if !same {
            self.flush();
            self.context.set_stroke_style_str(&css_color(color));
            self.context.set_line_width(f64::from(width));
            self.stroke = Some((color, width));
        }
    }

    /// A polyline as plotters-canvas draws it, gathered into the open path.
    fn path(
        &mut self,
        points: &mut dyn Iterator<Item = BackendCoord>,
        color: BackendColor,
        width: u32,
    ) {
        if !self.stroke_in(color, width) {
            return;
        }
        if let Some((x, y)) = points.next() {
            self.context.move_to(f64::from(x), f64::from(y));
            for (x, y) in points {
                self.context.line_to(f64::from(x), f64::from(y));
            }
        }
    }

    /// Text as plotters-canvas draws it (rotated about its anchor point), setting only the
    /// styles that differ from the last text's.
    fn text(&mut self, text: &str, font: Font, (x, y): BackendCoord) {
        if font.color.alpha == 0.0 {
            return;
        }
        // Text goes over the lines drawn before it.
        self.flush();
        let context = &self.context;
        if self.anchor != Some(font.anchor) {
            context.set_text_align(font.anchor.0);
            context.set_text_baseline(font.anchor.1);
            self.anchor = Some(font.anchor);
        }
        if !self.fill.is_some_and(|fill| same_color(fill, font.color)) {
            context.set_fill_style_str(&css_color(font.color));
            self.fill = Some(font.color);
        }
        let css = format!(
            "{} {}px {}",
            font.style,
            crate::text::shortest(font.size),
            font.family
        );
        if css != self.font {
            context.set_font(&css);
            self.font = css;
        }
        if font.turn == 0.0 {
            let _ = context.fill_text(text, f64::from(x), f64::from(y));
        } else {
            context.save();
            let _ = context.translate(f64::from(x), f64::from(y));
            let _ = context.rotate(font.turn * std::f64::consts::PI);
            let _ = context.fill_text(text, 0.0, 0.0);
            context.restore();
        }
    }

    /// A straight line as plotters-canvas draws it (horizontal and vertical ones moved half a
    /// pixel, so they stay sharp), setting the stroke only when it differs from the last line's.
    fn line(&mut self, from: BackendCoord, to: BackendCoord, color: BackendColor, width: u32) {
        if !self.stroke_in(color, width) {
            return;
        }
        let (mut from, mut to) = (
            (f64::from(from.0), f64::from(from.1)),
            (f64::from(to.0), f64::from(to.1)),
        );
        if from.0 == to.0 {
            from.0 -= 0.5;
            to.0 -= 0.5;
        }
        if from.1 == to.1 {
            from.1 -= 0.5;
            to.1 -= 0.5;
        }
        self.context.move_to(from.0, from.1);
        self.context.line_to(to.0, to.1);
    }

    /// Sets the fill colour for a shape drawn now (over the lines gathered so far), if it differs
    /// from the last one set; `false` for an invisible colour.
    fn fill_in(&mut self, color: BackendColor) -> bool {
        if color.alpha == 0.0 {
            return false;
        }
        self.flush();
        if !self.fill.is_some_and(|fill| same_color(fill, color)) {
            self.context.set_fill_style_str(&css_color(color));
            self.fill = Some(color);
        }
        true
    }

    /// Sets the stroke for a shape drawn now, as [`Canvas::fill_in`] sets the fill.
    fn outline_in(&mut self, color: BackendColor, width: u32) -> bool {
        if color.alpha == 0.0 {
            return false;
        }
        // The lines gathered so far are stroked first, so the shape lies over them.
        self.flush();
        self.set_stroke(color, width);
        true
    }

    /// A rectangle as plotters-canvas draws it: filled, or its outline.
    fn rect(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        color: BackendColor,
        width: u32,
        fill: bool,
    ) {
        let (x, y, w, h) = (
            f64::from(x0),
            f64::from(y0),
            f64::from(x1 - x0),
            f64::from(y1 - y0),
        );
        if fill && self.fill_in(color) {
            self.context.fill_rect(x, y, w, h);
        } else if !fill && self.outline_in(color, width) {
            self.context.stroke_rect(x, y, w, h);
        }
    }

    /// A circle as plotters-canvas draws it: filled, or its outline.
    fn circle(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        color: BackendColor,
        width: u32,
        fill: bool,
    ) {
        let visible = if fill {
            self.fill_in(color)
        } else {
            self.outline_in(color, width)
        };
        if !visible {
            return;
        }
        let context = &self.context;
        context.begin_path();
        let _ = context.arc(
            f64::from(x),
            f64::from(y),
            f64::from(radius),
            0.0,
            std::f64::consts::TAU,
        );
        if fill {
            context.fill();
        } else {
            context.stroke();
        }
    }

    /// A filled polygon as plotters-canvas draws it.
    fn polygon(&mut self, vertices: &mut dyn Iterator<Item = BackendCoord>, color: BackendColor) {
        if !self.fill_in(color) {
            return;
        }
        let context = &self.context;
        context.begin_path();
        if let Some((x, y)) = vertices.next() {
            context.move_to(f64::from(x), f64::from(y));
            for (x, y) in vertices {
                context.line_to(f64::from(x), f64::from(y));
            }
            context.close_path();
        }
        context.fill();
    }
}

/// A text style, as the canvas takes it.
struct Font<'a> {
    size: f64,
    style: &'a str,
    family: &'a str,
    color: BackendColor,
    /// The text alignment and baseline.
    anchor: (&'static str, &'static str),
    /// The rotation, in half turns.
    turn: f64,
}

impl<'a> Font<'a> {
    /// The canvas's form of a plotters text style, whose font style and family are given.
    fn of<T: BackendTextStyle>(style: &T, font_style: &'a str, family: &'a str) -> Font<'a> {
        Font {
            size: style.size(),
            style: font_style,
            family,
            color: style.color(),
            anchor: (
                match style.anchor().h_pos {
                    HPos::Left => "start",
                    HPos::Right => "end",
                    HPos::Center => "center",
                },
                match style.anchor().v_pos {
                    VPos::Top => "top",
                    VPos::Center => "middle",
                    VPos::Bottom => "bottom",
                },
            ),
            turn: match style.transform() {
                FontTransform::None => 0.0,
                FontTransform::Rotate90 => 0.5,
                FontTransform::Rotate180 => 1.0,
                FontTransform::Rotate270 => 1.5,
            },
        }
    }
}

/// Whether two colours are the same.
fn same_color(a: BackendColor, b: BackendColor) -> bool {
    a.rgb == b.rgb && a.alpha == b.alpha
}

/// A colour as CSS, written as plotters-canvas writes it.
fn css_color(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("rgba({r},{g},{b},{})", crate::text::shortest(color.alpha))
}

/// A drawing error from either backend, as text.
#[derive(Debug)]
pub struct BackendError(String);

impl fmt::Display for BackendError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl std::error::Error for BackendError {}

/// A canvas error, as its text.
fn convert<E: std::error::Error + Send + Sync>(
    error: DrawingErrorKind<E>,
) -> DrawingErrorKind<BackendError> {
    match error {
        DrawingErrorKind::DrawingError(inner) => {
            DrawingErrorKind::DrawingError(BackendError(inner.to_string()))
        }
        DrawingErrorKind::FontError(inner) => DrawingErrorKind::FontError(inner),
    }
}

/// An SVG error. The SVG backend writes into a string, which cannot fail.
fn svg_error(error: DrawingErrorKind<SvgError>) -> DrawingErrorKind<BackendError> {
    match error {
        DrawingErrorKind::DrawingError(_) => {
            DrawingErrorKind::DrawingError(BackendError("the SVG could not be written".into()))
        }
        DrawingErrorKind::FontError(inner) => DrawingErrorKind::FontError(inner),
    }
}

/// Calls the same method on whichever backend this is, converting its error.
macro_rules! on_backend {
    ($self:expr, $backend:ident => $call:expr) => {
        match $self {
            PageBackend::Canvas(canvas) => {
                let $backend = canvas.plotters();
                $call.map_err(convert)
            }
            PageBackend::Svg($backend) => $call.map_err(svg_error),
        }
    };
}

impl DrawingBackend for PageBackend<'_> {
    type ErrorType = BackendError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            PageBackend::Canvas(canvas) => canvas.backend.get_size(),
            PageBackend::Svg(backend) => backend.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<BackendError>> {
        on_backend!(self, backend => backend.ensure_prepared())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<BackendError>> {
        // `plotters()` strokes the lines gathered on the canvas first.
        on_backend!(self, backend => backend.present())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        if let PageBackend::Canvas(canvas) = self {
            canvas.rect(point, (point.0 + 1, point.1 + 1), color, 0, true);
            return Ok(());
        }
        on_backend!(self, backend => backend.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        if let PageBackend::Canvas(canvas) = self {
            canvas.line(from, to, style.color(), style.stroke_width());
            return Ok(());
        }
        on_backend!(self, backend => backend.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        if let PageBackend::Canvas(canvas) = self {
            canvas.rect(
                upper_left,
                bottom_right,
                style.color(),
                style.stroke_width(),
                fill,
            );
            return Ok(());
        }
        on_backend!(self, backend => backend.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        // One iterator type for every caller's path: one copy of the SVG backend's code.
        let path: &mut dyn Iterator<Item = BackendCoord> = &mut path.into_iter();
        if let PageBackend::Canvas(canvas) = self {
            canvas.path(path, style.color(), style.stroke_width());
            return Ok(());
        }
        on_backend!(self, backend => backend.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        if let PageBackend::Canvas(canvas) = self {
            canvas.circle(center, radius, style.color(), style.stroke_width(), fill);
            return Ok(());
        }
        on_backend!(self, backend => backend.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        // One iterator type for every caller's polygon, as for `draw_path`.
        let vertices: &mut dyn Iterator<Item = BackendCoord> = &mut vertices.into_iter();
        if let PageBackend::Canvas(canvas) = self {
            canvas.polygon(vertices, style.color());
            return Ok(());
        }
        on_backend!(self, backend => backend.fill_polygon(vertices, style))
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        position: BackendCoord,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        if let PageBackend::Canvas(canvas) = self {
            let (font_style, family) = (style.style(), style.family());
            let font = Font::of(style, font_style.as_str(), family.as_str());
            canvas.text(text, font, position);
            return Ok(());
        }
        on_backend!(self, backend => backend.draw_text(text, style, position))
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<BackendError>> {
        match self {
            PageBackend::Canvas(canvas) => canvas
                .backend
                .estimate_text_size(text, style)
                .map_err(convert),
            PageBackend::Svg(backend) => backend.estimate_text_size(text, style).map_err(svg_error),
        }
    }

    fn blit_bitmap(
        &mut self,
        position: BackendCoord,
        size: (u32, u32),
        source: &[u8],
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        if let PageBackend::Canvas(_) = self {
            // No chart draws a bitmap; plotters-canvas would draw one pixel by pixel.
            return Err(DrawingErrorKind::DrawingError(BackendError(
                "bitmaps are not drawn on the page".into(),
            )));
        }
        on_backend!(self, backend => backend.blit_bitmap(position, size, source))
    }
}
