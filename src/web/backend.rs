//! One plotters backend type for the page: the canvas for the screen, SVG for downloads.
//!
//! `chart::draw` is generic over the backend, so drawing to a canvas and to an SVG string
//! would compile every chart twice. Dispatching through this enum compiles the charts once
//! (about 20 KB less WebAssembly, gzipped); only the few primitive calls are duplicated.

use plotters::prelude::SVGBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use std::fmt;

/// Where a chart is drawn.
pub enum PageBackend<'a> {
    /// The chart's canvas on the page.
    Canvas(CanvasBackend),
    /// An SVG document written into a string (downloads).
    Svg(SVGBackend<'a>),
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

/// An SVG error. The SVG backend writes into a string, which cannot fail (only its file target
/// reports I/O errors), so the I/O error's own text (and the standard library's table of I/O error
/// texts behind it) stays out of the page.
fn svg_error(error: DrawingErrorKind<std::io::Error>) -> DrawingErrorKind<BackendError> {
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
            PageBackend::Canvas($backend) => $call.map_err(convert),
            PageBackend::Svg($backend) => $call.map_err(svg_error),
        }
    };
}

impl DrawingBackend for PageBackend<'_> {
    type ErrorType = BackendError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            PageBackend::Canvas(backend) => backend.get_size(),
            PageBackend::Svg(backend) => backend.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<BackendError>> {
        on_backend!(self, backend => backend.ensure_prepared())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<BackendError>> {
        on_backend!(self, backend => backend.present())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        on_backend!(self, backend => backend.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        on_backend!(self, backend => backend.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        on_backend!(self, backend => backend.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        on_backend!(self, backend => backend.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        on_backend!(self, backend => backend.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        on_backend!(self, backend => backend.fill_polygon(vertices, style))
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        position: BackendCoord,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        on_backend!(self, backend => backend.draw_text(text, style, position))
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<BackendError>> {
        on_backend!(self, backend => backend.estimate_text_size(text, style))
    }

    fn blit_bitmap(
        &mut self,
        position: BackendCoord,
        size: (u32, u32),
        source: &[u8],
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        on_backend!(self, backend => backend.blit_bitmap(position, size, source))
    }
}
