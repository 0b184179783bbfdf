//! One chart on a canvas: redrawing when its input or size changes, the text alternative and
//! the SVG and PNG downloads.
//!
//! The canvas work itself (size, device pixel ratio, drawing through `chart::draw`) is
//! [`web::canvas`](crate::web::canvas); this component only manages the canvas's lifecycle.

use crate::analysis::{MonteCarloResult, Tornado};
use crate::app::state::{Action, AppState};
use crate::chart::{self, ChartInput, ChartKind, Theme};
use crate::data::Stage;
use crate::projection::Projection;
use crate::web::canvas::{self, CanvasSize};
use crate::web::files;
use std::rc::Rc;
use web_sys::{Element, HtmlCanvasElement};
use yew::prelude::*;

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
                canvas::watch_size(&element, move |measured| size.set(Some(measured)))
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
            match canvas::draw_chart(&canvas, input.kind, input.input(), size) {
                Ok(true) => {
                    let mut count = draws.borrow_mut();
                    *count = count.wrapping_add(1);
                    canvas::note_drawn(&canvas, *count);
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
            if let Err(message) = canvas::chart_svg(input.kind, input.input(), width, height)
                .and_then(|svg| files::download_text(&name, "image/svg+xml", &svg))
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
                if let Err(message) = files::download_canvas_png(&canvas, &name) {
                    dispatch.dispatch(Action::Notify(format!("{name}: {message}")));
                }
            }
        })
    };

    let title_id = format!("chart-{id}-title");
    let description_id = format!("chart-{id}-description");
    html! {
        <figure class="chart" id={format!("figure-{id}")}>
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
