//! A chart on a canvas: the canvas's CSS size and device pixel ratio, watching it resize, sizing
//! its backing store and drawing through `chart::draw` on the plotters-canvas backend; the same
//! chart as an SVG document for downloads.
//!
//! Both go through [`PageBackend`], so every chart is compiled once.

use super::backend::PageBackend;
use super::timings::note_chart_drawn;
use super::window;
use crate::chart::{self, ChartInput, ChartKind};
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlCanvasElement};

/// A canvas's size in CSS pixels and the device pixel ratio it is drawn at.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CanvasSize {
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels.
    pub height: f64,
    /// Device pixels per CSS pixel.
    pub ratio: f64,
}

impl CanvasSize {
    /// The size of the canvas's backing store in device pixels.
    pub fn pixels(&self) -> (u32, u32) {
        let device = |css: f64| (css * self.ratio).round().clamp(0.0, 16_384.0) as u32;
        (device(self.width), device(self.height))
    }

    /// The CSS size rounded to whole pixels (for SVG downloads).
    pub fn css_pixels(&self) -> (u32, u32) {
        let whole = |css: f64| css.round().clamp(1.0, 16_384.0) as u32;
        (whole(self.width), whole(self.height))
    }

    /// The element's CSS size now, at the current device pixel ratio.
    pub fn measure(element: &Element) -> CanvasSize {
        let rect = element.get_bounding_client_rect();
        CanvasSize {
            width: rect.width(),
            height: rect.height(),
            ratio: device_pixel_ratio(),
        }
    }
}

/// The device pixel ratio (1 when unknown), limited to a sane range.
pub fn device_pixel_ratio() -> f64 {
    let ratio = window().map_or(1.0, |window| window.device_pixel_ratio());
    if ratio.is_finite() && ratio > 0.0 {
        ratio.clamp(0.5, 4.0)
    } else {
        1.0
    }
}

/// A resize observer that disconnects when dropped.
pub struct ResizeWatch {
    observer: web_sys::ResizeObserver,
    _closure: Closure<dyn FnMut(JsValue)>,
}

impl Drop for ResizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `handler` with the element's [`CanvasSize`] whenever it changes (and once at the start),
/// until the watch is dropped.
pub fn watch_size(
    element: &Element,
    handler: impl Fn(CanvasSize) + 'static,
) -> Option<ResizeWatch> {
    let watched = element.clone();
    let closure = Closure::<dyn FnMut(JsValue)>::new(move |_entries: JsValue| {
        handler(CanvasSize::measure(&watched));
    });
    let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some(ResizeWatch {
        observer,
        _closure: closure,
    })
}

/// Sizes `canvas`'s backing store for `size` and draws the chart on it at the device pixel ratio;
/// returns whether something was drawn (nothing on a canvas of no size).
pub fn draw_chart(
    canvas: &HtmlCanvasElement,
    kind: ChartKind,
    input: ChartInput<'_>,
    size: CanvasSize,
) -> Result<bool, String> {
    let (width, height) = size.pixels();
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    if width == 0 || height == 0 {
        return Ok(false);
    }
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| "this browser cannot draw on a canvas".to_string())?;
    let area = PageBackend::Canvas(backend).into_drawing_area();
    chart::draw(&area, kind, &input.with_scale(size.ratio))?;
    Ok(true)
}

/// Records a finished draw: `data-draws` on the canvas (the draws so far, which the tests and the
/// benchmark read) and, through it, the page's readiness.
pub fn note_drawn(canvas: &HtmlCanvasElement, draws: u32) {
    let _ = canvas.set_attribute("data-draws", &draws.to_string());
    note_chart_drawn();
}

/// Whether `element` lies below the visible part of the page (a chart a reader must scroll to).
pub fn below_view(element: &Element) -> bool {
    let fold = window()
        .and_then(|window| window.inner_height().ok())
        .and_then(|height| height.as_f64())
        .unwrap_or(f64::INFINITY);
    element.get_bounding_client_rect().top() >= fold
}

/// The chart as an SVG document of `width` × `height` CSS pixels (the canvas's drawing code).
pub fn chart_svg(
    kind: ChartKind,
    input: ChartInput<'_>,
    width: u32,
    height: u32,
) -> Result<String, String> {
    let mut svg = String::new();
    {
        let backend = SVGBackend::with_string(&mut svg, (width, height));
        let area = PageBackend::Svg(backend).into_drawing_area();
        chart::draw(&area, kind, &input.with_scale(1.0))?;
    }
    Ok(svg)
}
