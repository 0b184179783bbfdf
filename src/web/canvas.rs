//! A chart on a canvas: the canvas's CSS size and device pixel ratio, watching it resize, sizing
//! its backing store and drawing through `chart::draw` on the plotters-canvas backend; the same
//! chart as an SVG document for downloads.
//!
//! Both go through [`PageBackend`], so every chart is compiled once.

use super::backend::{Canvas, PageBackend};
use super::timings::note_chart_drawn;
use super::window;
use crate::chart::{self, ChartInput, ChartKind, YearAxis};
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlCanvasElement, HtmlElement, MouseEvent};

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
/// returns `None` when nothing was drawn (a canvas of no size), else where the chart's years lie.
pub fn draw_chart(
    canvas: &HtmlCanvasElement,
    kind: ChartKind,
    input: ChartInput<'_>,
    size: CanvasSize,
) -> Result<Option<Option<YearAxis>>, String> {
    let (width, height) = size.pixels();
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    if width == 0 || height == 0 {
        return Ok(None);
    }
    let backend = Canvas::new(canvas.clone())
        .ok_or_else(|| crate::tr!(crate::i18n::Msg::NoticeNoCanvas).to_string())?;
    let area = PageBackend::Canvas(backend).into_drawing_area();
    chart::draw(&area, kind, &input.with_scale(size.ratio)).map(Some)
}

/// Records a finished draw: `data-draws` on the canvas (the draws so far, which the tests and the
/// benchmark read) and, through it, the page's readiness.
pub fn note_drawn(canvas: &HtmlCanvasElement, draws: u32) {
    let _ = canvas.set_attribute("data-draws", &draws.to_string());
    note_chart_drawn();
}

/// Records that the canvas shows its latest input, drawn or already on it: `data-shown`, the
/// inputs shown so far (which the latency benchmark reads).
pub fn note_shown(canvas: &HtmlCanvasElement, shown: u32) {
    let _ = canvas.set_attribute("data-shown", &shown.to_string());
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
        let backend = crate::chart::svg::Svg::new(&mut svg, (width, height));
        let area = PageBackend::Svg(backend).into_drawing_area();
        chart::draw(&area, kind, &input.with_scale(1.0))?;
    }
    Ok(svg)
}

/// Draws `footer` (the chart's provenance) on a copy of `canvas` with
/// [`chart::PROVENANCE_HEIGHT`] CSS pixels more below, for a PNG download or the clipboard.
pub fn with_footer(
    canvas: &HtmlCanvasElement,
    footer: &[String; 2],
    dark: bool,
) -> Option<HtmlCanvasElement> {
    let ratio = window()
        .map_or(1.0, |window| window.device_pixel_ratio())
        .max(1.0);
    let extra = (f64::from(chart::PROVENANCE_HEIGHT) * ratio).round() as u32;
    let copy: HtmlCanvasElement = window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    copy.set_width(canvas.width());
    copy.set_height(canvas.height() + extra);
    let context: web_sys::CanvasRenderingContext2d =
        copy.get_context("2d").ok()??.dyn_into().ok()?;
    context.set_fill_style_str(if dark { "#161b22" } else { "#ffffff" });
    context.fill_rect(0.0, 0.0, f64::from(copy.width()), f64::from(copy.height()));
    context
        .draw_image_with_html_canvas_element(canvas, 0.0, 0.0)
        .ok()?;
    context.set_fill_style_str(if dark { "#e6edf3" } else { "#1f2328" });
    context.set_font(&(crate::text::shortest((10.0 * ratio).round()) + "px sans-serif"));
    context.set_text_baseline("top");
    for (row, line) in footer.iter().enumerate() {
        let y = f64::from(canvas.height()) + (4.0 + 15.0 * row as f64) * ratio;
        context.fill_text(line, 8.0 * ratio, y).ok()?;
    }
    Some(copy)
}

/// Writes `text` into the status line of `button`'s row in a chart's toolbar (its `.copy-status`,
/// a polite live region) and, with `field`, shows that text in the row's read-only field, selected
/// for a copy by hand.
pub fn tell(button: &Element, text: &str, field: Option<&str>) {
    let Some(row) = button.parent_element() else {
        return;
    };
    if let Ok(Some(status)) = row.query_selector(".copy-status") {
        status.set_text_content(Some(text));
    }
    if let (Some(value), Ok(Some(input))) = (field, row.query_selector("input")) {
        let input = input.unchecked_into::<web_sys::HtmlInputElement>();
        input.set_value(value);
        let _ = input.remove_attribute("hidden");
        super::clipboard::select_field(&input);
    }
}

/// What a reader does on a chart: the pointer over it or a tap, at CSS pixels from the canvas's
/// top left; a key pressed while it has focus; the pointer leaving it or the focus going.
pub enum Cursor {
    /// The pointer is over the canvas, or tapped it, here.
    At(f64, f64),
    /// A key (its `KeyboardEvent.key`).
    Key(String),
    /// The pointer left, or the focus went.
    Away,
}

/// Calls `handler` with `canvas` for each [`Cursor`] event on it until the listeners are dropped; an event
/// the handler takes (returns true for) has its default action (scrolling) prevented. A tap comes
/// as the mouse events a browser makes of it.
pub fn watch_cursor(
    canvas: &Element,
    handler: impl Fn(&Element, Cursor) -> bool + 'static,
) -> [Option<super::events::Listener>; 5] {
    let handler = std::rc::Rc::new(handler);
    ["mousemove", "click", "mouseleave", "keydown", "blur"].map(|name| {
        let handler = handler.clone();
        let target = canvas.clone();
        super::events::listen(canvas.clone().into(), name, move |event| {
            let cursor = match name {
                "keydown" => js_sys::Reflect::get(&event, &"key".into())
                    .ok()
                    .and_then(|key| key.as_string())
                    .map_or(Cursor::Away, Cursor::Key),
                "mouseleave" | "blur" => Cursor::Away,
                _ => {
                    let mouse = event.unchecked_ref::<MouseEvent>();
                    Cursor::At(f64::from(mouse.offset_x()), f64::from(mouse.offset_y()))
                }
            };
            if handler(&target, cursor) {
                event.prevent_default();
            }
        })
    })
}

/// Sets a CSS length in pixels (or a custom property holding one) on `element`.
fn place(element: &HtmlElement, property: &str, pixels: f64) {
    let _ = element
        .style()
        .set_property(property, &(crate::text::shortest(pixels.round()) + "px"));
}

/// Shows a chart's values, `(text, x, y)`, in the tip that follows `canvas` (a polite live
/// region): beside the year at `x` (CSS pixels across the canvas), near `y` and inside the canvas
/// and the window, with a guide line at `x` from `top` to `bottom` (the tip's `::before`). `None`
/// empties the tip, which hides it. The text is written only when it changes, so a screen reader
/// hears each year's values once.
pub fn show_values(canvas: &Element, shown: Option<(&str, f64, f64)>, (top, bottom): (f64, f64)) {
    let Some(tip) = canvas
        .next_element_sibling()
        .and_then(|tip| tip.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    let (text, x, y) = shown.unwrap_or_default();
    if tip.text_content().as_deref() != Some(text) {
        tip.set_text_content(Some(text));
    }
    if text.is_empty() {
        return;
    }
    let (width, height) = (
        f64::from(tip.offset_width()),
        f64::from(tip.offset_height()),
    );
    // The part of the canvas inside the window.
    let across = f64::from(canvas.client_width());
    let down = window()
        .and_then(|window| window.inner_height().ok())
        .and_then(|inner| inner.as_f64())
        .map_or(f64::INFINITY, |inner| {
            inner - canvas.get_bounding_client_rect().top()
        })
        .min(f64::from(canvas.client_height()));
    let gap = 12.0;
    let left = if x + gap + width <= across {
        x + gap
    } else {
        (x - gap - width).max(0.0)
    };
    let top_edge = if y + gap + height <= down {
        y + gap
    } else {
        (y - gap - height).max(0.0)
    };
    place(&tip, "left", left);
    place(&tip, "top", top_edge);
    // The guide, relative to the tip's padding box (both the canvas and the tip have a 1 px border).
    place(&tip, "--guide-x", x - left);
    place(&tip, "--guide-top", top - top_edge);
    place(&tip, "--guide-height", bottom - top);
}
