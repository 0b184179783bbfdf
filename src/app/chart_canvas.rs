//! One chart on a canvas: sizing to CSS pixels times the device pixel ratio, redrawing when
//! its input or size changes, the text alternative and the SVG and PNG downloads.
//!
//! The drawing itself is `chart::draw`; this component only manages the canvas's lifecycle.

use crate::analysis::{MonteCarloResult, Tornado};
use crate::app::backend::PageBackend;
use crate::app::state::{Action, AppState};
use crate::chart::{self, ChartInput, ChartKind, Theme};
use crate::data::Stage;
use crate::projection::Projection;
use crate::web;
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use plotters_canvas::CanvasBackend;
use std::rc::Rc;
use web_sys::{Element, HtmlCanvasElement};
use yew::prelude::*;

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

    fn measure(element: &Element) -> CanvasSize {
        let (width, height) = web::css_size(element);
        CanvasSize {
            width,
            height,
            ratio: web::device_pixel_ratio(),
        }
    }
}

/// Properties of [`ChartCanvas`].
#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    /// Which chart.
    pub kind: ChartKind,
    /// The projection drawn.
    pub projection: Rc<Projection>,
    /// The pinned reference, drawn dashed.
    pub reference: Option<Rc<Projection>>,
    /// The stage (only the share chart uses it; others get a fixed one so they do not redraw).
    pub stage: Stage,
    /// Light or dark.
    pub theme: Theme,
    /// Monte Carlo bands (the fan chart only).
    #[prop_or_default]
    pub bands: Option<Rc<MonteCarloResult>>,
    /// A sensitivity analysis (the tornado chart only).
    #[prop_or_default]
    pub tornado: Option<Rc<Tornado>>,
    /// Where download errors go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// Draws `props` onto `canvas` at `size`; returns whether something was drawn.
fn draw(canvas: &HtmlCanvasElement, props: &DrawInput, size: CanvasSize) -> Result<bool, String> {
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
    let input = props.input().with_scale(size.ratio);
    chart::draw(&area, props.kind, &input)?;
    Ok(true)
}

/// The chart as an SVG document of `width` × `height` CSS pixels (same drawing code as the canvas).
fn svg_document(input: &DrawInput, width: u32, height: u32) -> Result<String, String> {
    let mut svg = String::new();
    {
        let backend = SVGBackend::with_string(&mut svg, (width, height));
        let area = PageBackend::Svg(backend).into_drawing_area();
        chart::draw(&area, input.kind, &input.input().with_scale(1.0))?;
    }
    Ok(svg)
}

/// What a draw depends on; compared to skip needless redraws.
#[derive(Clone, PartialEq)]
struct DrawInput {
    kind: ChartKind,
    projection: Rc<Projection>,
    reference: Option<Rc<Projection>>,
    stage: Stage,
    theme: Theme,
    bands: Option<Rc<MonteCarloResult>>,
    tornado: Option<Rc<Tornado>>,
}

impl DrawInput {
    fn input(&self) -> ChartInput<'_> {
        ChartInput::new(&self.projection, self.stage)
            .with_reference(self.reference.as_deref())
            .with_theme(self.theme)
            .with_bands(self.bands.as_deref())
            .with_tornado(self.tornado.as_deref())
    }
}

/// File name for a download of this chart.
fn file_name(kind: ChartKind, stage: Stage, extension: &str) -> String {
    if matches!(kind, ChartKind::Share | ChartKind::Fan | ChartKind::Tornado) {
        format!("ree-outlook-{}-{}.{extension}", kind.id(), stage.id())
    } else {
        format!("ree-outlook-{}.{extension}", kind.id())
    }
}

/// A titled chart with its canvas, text alternative and downloads.
#[function_component(ChartCanvas)]
pub fn chart_canvas(props: &ChartCanvasProps) -> Html {
    let canvas_ref = use_node_ref();
    let size = use_state_eq(|| None::<CanvasSize>);
    let draws = use_mut_ref(|| 0_u32);
    let id = props.kind.id();
    let input = DrawInput {
        kind: props.kind,
        projection: props.projection.clone(),
        reference: props.reference.clone(),
        stage: props.stage,
        theme: props.theme,
        bands: props.bands.clone(),
        tornado: props.tornado.clone(),
    };

    {
        let canvas_ref = canvas_ref.clone();
        let size = size.setter();
        use_effect_with((), move |()| {
            let watch = canvas_ref.cast::<Element>().and_then(|element| {
                web::watch_size(&element, move |width, height| {
                    size.set(Some(CanvasSize {
                        width,
                        height,
                        ratio: web::device_pixel_ratio(),
                    }));
                })
            });
            move || drop(watch)
        });
    }

    {
        let canvas_ref = canvas_ref.clone();
        let dispatch = props.dispatch.clone();
        use_effect_with((input.clone(), *size), move |(input, size)| {
            let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() else {
                return;
            };
            let size = size.unwrap_or_else(|| CanvasSize::measure(&canvas));
            match draw(&canvas, input, size) {
                Ok(true) => {
                    let mut count = draws.borrow_mut();
                    *count = count.wrapping_add(1);
                    let _ = canvas.set_attribute("data-draws", &count.to_string());
                    web::note_chart_drawn();
                    web::set_ready();
                }
                Ok(false) => {}
                Err(message) => dispatch.dispatch(Action::Notify(format!(
                    "The {} chart could not be drawn: {message}",
                    input.kind.label()
                ))),
            }
        });
    }

    let description = {
        let input = input.clone();
        use_memo(input, |input| chart::describe(input.kind, &input.input()))
    };

    let on_svg = {
        let input = input.clone();
        let size = *size;
        let canvas_ref = canvas_ref.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let measured = size.or_else(|| {
                canvas_ref
                    .cast::<Element>()
                    .map(|element| CanvasSize::measure(&element))
            });
            let (width, height) = measured.map_or((800, 450), |size| size.css_pixels());
            let name = file_name(input.kind, input.stage, "svg");
            if let Err(message) = svg_document(&input, width, height)
                .and_then(|svg| web::download_text(&name, "image/svg+xml", &svg))
            {
                dispatch.dispatch(Action::Notify(format!("{name}: {message}")));
            }
        })
    };
    let on_png = {
        let canvas_ref = canvas_ref.clone();
        let name = file_name(input.kind, input.stage, "png");
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                if let Err(message) = web::download_canvas_png(&canvas, &name) {
                    dispatch.dispatch(Action::Notify(format!("{name}: {message}")));
                }
            }
        })
    };

    let title_id = format!("chart-{id}-title");
    let description_id = format!("chart-{id}-description");
    html! {
        <figure class={classes!("chart", format!("chart-{id}"))}>
            <figcaption id={title_id.clone()} class="chart-title">{ props.kind.label() }</figcaption>
            <canvas
                id={format!("chart-{id}")}
                ref={canvas_ref}
                role="img"
                aria-labelledby={title_id}
                aria-describedby={description_id.clone()}
            />
            <p id={description_id} class="chart-description">{ (*description).clone() }</p>
            <div class="download-row">
                <span class="download-label">{ "Download chart:" }</span>
                <button type="button" id={format!("download-svg-{id}")} onclick={on_svg}
                    aria-label={format!("Download the {} chart as SVG", props.kind.label())}>{ "SVG" }</button>
                <button type="button" id={format!("download-png-{id}")} onclick={on_png}
                    aria-label={format!("Download the {} chart as PNG", props.kind.label())}>{ "PNG" }</button>
            </div>
        </figure>
    }
}
