//! One chart on a canvas: drawing it when its input or size changes, the text alternative, the
//! SVG and PNG downloads, the picture copied to the clipboard (a PNG, with its provenance) and,
//! for a chart the embed view shows, the code that embeds it in a web page.
//!
//! A canvas is drawn once per input and size: the resize observer's first report (the size the
//! first draw measured) draws nothing, a resize draws in the frame that lays it out, and a chart
//! whose data is on its way (`waiting`) stays empty until the data comes, with no placeholder
//! first. An input whose numbers draw the very picture on the canvas (`chart::same_picture`: a
//! slider that moves Russia's share leaves the supply gap's chart as it is) is shown without a
//! draw; `data-draws` counts draws, `data-shown` the inputs shown either way. At load, a chart draws at the start of the first frame (or in its effect, if that comes
//! first), and charts below the fold draw after that frame, so it shows the chart in view sooner;
//! after that every input draws at once, in the input's own task.
//!
//! A time chart shows the values of the year under the pointer (or tapped), and, with the canvas
//! focused, of a year the arrow keys, Home and End move; Escape, leaving or a redraw hides them.
//! The values come from `chart::values` on the input the canvas shows; nothing is redrawn for them.
//!
//! The canvas work itself (size, device pixel ratio, drawing through `chart::draw`, the values'
//! tip) is [`web::canvas`](crate::web::canvas); this component only manages the canvas's lifecycle.

use crate::analysis::{MonteCarloResult, Tornado};
use crate::app::downloads::notice_failure;
use crate::app::use_mount;

use crate::app::state::{Action, AppState};
use crate::chart::{self, ChartInput, ChartKind, Pinned, Theme, YearAxis};
use crate::data::Stage;
use crate::i18n::Msg;
use crate::projection::Projection;
use crate::state::Product;
use crate::tr;
use crate::url;
use crate::web::canvas::{self, CanvasSize, Cursor};
use crate::web::{clipboard, files, frame, history};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlCanvasElement};
use yew::prelude::*;

/// A pinned reference as the page passes it to a chart: its projection (as the chart shows it)
/// and its label with its line's style ("Supply-chain skeptic (dashed)").
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    /// The reference's projection.
    pub projection: Rc<Projection>,
    /// Its name and style, from [`crate::state::Reference::label`].
    pub label: Rc<str>,
}

/// The pinned references in order (the first drawn dashed, the second dotted, the third in long
/// dashes).
pub type References = Rc<Vec<Compared>>;

/// Properties of [`ChartCanvas`].
#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    /// Which chart.
    pub kind: ChartKind,
    /// The projection drawn.
    pub projection: Rc<Projection>,
    /// The pinned references, each drawn in its own broken line (none by default).
    #[prop_or_default]
    pub references: References,
    /// The stage shown (the share, Russia and supply-gap charts use it; others get a fixed one so
    /// they do not redraw).
    pub stage: Stage,
    /// The product of separation the share and supply-gap charts show instead of the stage.
    #[prop_or_default]
    pub product: Option<Product>,
    /// Light or dark.
    pub theme: Theme,
    /// Monte Carlo bands (the fan chart only).
    #[prop_or_default]
    pub bands: Option<Rc<MonteCarloResult>>,
    /// A sensitivity analysis (the tornado chart only).
    #[prop_or_default]
    pub tornado: Option<Rc<Tornado>>,
    /// Whether the chart's data is on its way (the analyses have not answered yet): the canvas
    /// stays empty until it comes, rather than showing a placeholder first.
    #[prop_or_default]
    pub waiting: bool,
    /// The language of the chart's words (a change draws it again).
    #[prop_or_default]
    pub lang: crate::i18n::Lang,
    /// Where download errors go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// What a draw depends on; compared to skip needless redraws.
#[derive(Clone, PartialEq)]
struct DrawInput {
    kind: ChartKind,
    projection: Rc<Projection>,
    references: References,
    stage: Stage,
    product: Option<Product>,
    theme: Theme,
    bands: Option<Rc<MonteCarloResult>>,
    tornado: Option<Rc<Tornado>>,
    waiting: bool,
    lang: crate::i18n::Lang,
}

impl DrawInput {
    fn input(&self) -> ChartInput<'_> {
        let mut input = ChartInput::new(&self.projection, self.stage);
        input.lang = self.lang;
        input
            .with_product(self.product)
            .with_references(
                self.references
                    .iter()
                    .enumerate()
                    .map(|(style, compared)| Pinned {
                        projection: &compared.projection,
                        label: &compared.label,
                        style,
                    }),
            )
            .with_theme(self.theme)
            .with_bands(self.bands.as_deref())
            .with_tornado(self.tornado.as_deref())
    }
}

/// File name for a download of this chart: with the stage or product shown, where it matters.
fn file_name(kind: ChartKind, input: &ChartInput, extension: &str) -> String {
    if matches!(
        kind,
        ChartKind::Share | ChartKind::Fan | ChartKind::Tornado | ChartKind::SupplyGap
    ) {
        format!(
            "ree-outlook-{}-{}.{extension}",
            kind.id(),
            input.shown().id()
        )
    } else {
        format!("ree-outlook-{}.{extension}", kind.id())
    }
}

/// Height in CSS pixels of the embed code's `<iframe>`: the embed view's title, headline, chart and
/// link at an article's column width.
const EMBED_HEIGHT: u32 = 720;

/// The HTML that shows chart `kind` of a scenario in an article: an `<iframe>` of the embed view at
/// `src` (its address, escaped), with no inline style.
fn embed_code(src: &str, kind: ChartKind) -> String {
    format!(
        r#"<iframe src="{}" title="Rare-Earth Outlook: {}" width="100%" height="{EMBED_HEIGHT}" loading="lazy"></iframe>"#,
        chart::escape(src),
        chart::escape(kind.label())
    )
}

/// A chart's toolbar as an HTML string (the chart's own label, see `app::markup`): the SVG and PNG
/// downloads, "Copy image" and, for a chart the embed view shows, "Copy embed code" with the
/// read-only field that shows the code where the clipboard refuses it; then the status line.
fn toolbar_html(kind: ChartKind) -> String {
    let (id, label) = (kind.id(), kind.label());
    // The words in the reader's language, escaped (no `"` in them: they sit in attributes too).
    let escape = chart::escape;
    let (download, copy, embed, code) = (
        escape(tr!(Msg::ChartDownload)),
        escape(tr!(Msg::ChartCopyImage)),
        escape(tr!(Msg::ChartCopyEmbed)),
        escape(tr!(Msg::ChartEmbedCode)),
    );
    let svg = escape(&tr!(Msg::ChartDownloadSvg, chart = label));
    let png = escape(&tr!(Msg::ChartDownloadPng, chart = label));
    // The analyses' charts have no embed view: the stylesheet hides their "Copy embed code".
    format!(
        r#"<span class="download-label">{download}</span><button type="button" id="download-svg-{id}" aria-label="{svg}">SVG</button><button type="button" id="download-png-{id}" aria-label="{png}">PNG</button><button type="button" id="copy-image-{id}">{copy}</button><button type="button" id="copy-embed-{id}" class="copy-embed">{embed}</button><input class="share-field" type="text" readonly hidden aria-label="{code}"><span class="copy-status" aria-live="polite"></span>"#
    )
}

/// What a canvas shows and what it should show, shared by the draw effect, the resize observer
/// and the draws put off until after a frame.
#[derive(Default)]
struct Painter {
    /// The latest input.
    input: Option<DrawInput>,
    /// The canvas's size, once measured.
    size: Option<CanvasSize>,
    /// What is on the canvas.
    drawn: Option<(DrawInput, CanvasSize)>,
    /// Draws so far (the canvas's `data-draws`).
    draws: u32,
    /// Inputs shown so far, drawn or found to be the picture already drawn (`data-shown`).
    shown: u32,
    /// Whether the first frame has been asked to draw.
    asked: bool,
    /// Whether the first draw waits for the frame after the first (a chart below the fold).
    later: bool,
    /// Where the drawn chart's years lie (a time chart).
    axis: Option<YearAxis>,
    /// The year whose values are shown, or were last.
    year: Option<u16>,
}

/// Everything a draw needs, cloned into the resize observer and into draws after a frame.
#[derive(Clone)]
struct Easel {
    painter: Rc<RefCell<Painter>>,
    canvas: NodeRef,
    dispatch: UseReducerDispatcher<AppState>,
}

impl Easel {
    /// Draws the latest input at the canvas's size unless the canvas already shows it (or the
    /// input waits for its data). The first time, it measures the canvas: one below the fold
    /// draws after the next frame, so the first frame shows the charts in view sooner.
    fn paint(&self) {
        let Some(canvas) = self.canvas.cast::<HtmlCanvasElement>() else {
            return;
        };
        let mut painter = self.painter.borrow_mut();
        if painter.later {
            return;
        }
        let Some(input) = painter.input.clone().filter(|input| !input.waiting) else {
            return;
        };
        let size = match painter.size {
            Some(size) => size,
            None => {
                let size = CanvasSize::measure(&canvas);
                painter.size = Some(size);
                if canvas::below_view(&canvas) {
                    painter.later = true;
                    let easel = self.clone();
                    frame::after_frame(move || {
                        easel.painter.borrow_mut().later = false;
                        easel.paint();
                    });
                    return;
                }
                size
            }
        };
        let wanted = (input, size);
        if painter.drawn.as_ref() == Some(&wanted) {
            return;
        }
        // A new input whose picture is the one on the canvas (a slider that does not move this
        // chart's numbers) is shown without drawing.
        let unchanged = painter.drawn.as_ref().is_some_and(|(drawn, drawn_size)| {
            *drawn_size == size
                && drawn.kind == wanted.0.kind
                && chart::same_picture(drawn.kind, &drawn.input(), &wanted.0.input())
        });
        painter.shown = painter.shown.wrapping_add(1);
        if unchanged {
            canvas::note_shown(&canvas, painter.shown);
            painter.drawn = Some(wanted);
            return;
        }
        let (input, size) = &wanted;
        match canvas::draw_chart(&canvas, input.kind, input.input(), *size) {
            Ok(Some(axis)) => {
                painter.draws = painter.draws.wrapping_add(1);
                canvas::note_drawn(&canvas, painter.draws);
                canvas::note_shown(&canvas, painter.shown);
                painter.drawn = Some(wanted);
                painter.axis = axis;
                // Values shown were the old drawing's.
                canvas::show_values(&canvas, None, (0.0, 0.0));
            }
            Ok(None) => {}
            Err(message) => self.dispatch.dispatch(Action::Notify(tr!(
                Msg::ChartDrawFailed,
                chart = input.kind.label(),
                message = message
            ))),
        }
    }
}

impl Easel {
    /// Follows the reader's pointer, taps and keys on a time chart: shows the values of the year
    /// under the pointer or at the keys' cursor, or hides them; returns whether a key was taken.
    fn follow(&self, canvas: &Element, cursor: Cursor) -> bool {
        let mut painter = self.painter.borrow_mut();
        let (Some(axis), Some((input, _))) = (painter.axis, &painter.drawn) else {
            return false;
        };
        let (year, y, taken) = match cursor {
            Cursor::At(x, y) => (axis.year_at(x), y, false),
            Cursor::Key(key) => match axis.key(painter.year, &key) {
                Some(year) => (year, axis.top, true),
                None => return false,
            },
            Cursor::Away => (None, 0.0, false),
        };
        let text = year.and_then(|year| chart::values(input.kind, &input.input(), year));
        canvas::show_values(
            canvas,
            year.zip(text.as_deref())
                .map(|(year, text)| (text, axis.x_of(year), y)),
            (axis.top, axis.bottom),
        );
        if year.is_some() {
            painter.year = year;
        }
        taken
    }
}

/// A titled chart with its canvas, text alternative and downloads.
#[function_component(ChartCanvas)]
pub fn chart_canvas(props: &ChartCanvasProps) -> Html {
    let canvas_ref = use_mut_ref(NodeRef::default).borrow().clone();
    let painter = use_mut_ref(Painter::default);
    let easel = Easel {
        painter: painter.clone(),
        canvas: canvas_ref.clone(),
        dispatch: props.dispatch.clone(),
    };
    let id = props.kind.id();
    let input = DrawInput {
        kind: props.kind,
        projection: props.projection.clone(),
        references: props.references.clone(),
        stage: props.stage,
        product: props.product,
        theme: props.theme,
        bands: props.bands.clone(),
        tornado: props.tornado.clone(),
        waiting: props.waiting,
        lang: props.lang,
    };

    // A resize redraws at once, in the frame that lays the canvas out at its new size.
    {
        let easel = easel.clone();
        use_mount(Box::new(move || {
            let element = canvas_ref.cast::<Element>();
            let follower = easel.clone();
            let cursor = element.as_ref().map(|element| {
                canvas::watch_cursor(element, move |canvas, cursor| {
                    follower.follow(canvas, cursor)
                })
            });
            let watch = element.and_then(|element| {
                canvas::watch_size(&element, move |measured| {
                    let known = easel.painter.borrow().size;
                    if known.is_some() && known != Some(measured) {
                        easel.painter.borrow_mut().size = Some(measured);
                        easel.paint();
                    }
                })
            });
            Box::new(move || drop((watch, cursor)))
        }));
    }

    // The latest input, for whichever of the draws below comes first. The first time, the chart
    // also asks to draw at the start of the next frame, once the page has its layout: yew may
    // render a frame before it runs the effects of a page that took long to mount, and that first
    // frame should already show the chart.
    {
        let mut painter = painter.borrow_mut();
        painter.input = Some(input.clone());
        if !painter.asked {
            painter.asked = true;
            let easel = easel.clone();
            frame::at_frame(move || easel.paint());
        }
    }
    // After every render (props changed): draws if the canvas does not show the input yet.
    {
        let easel = easel.clone();
        use_effect(move || easel.paint());
    }

    // Not memoised: the component renders only when its props, and so the input, change.
    let description = chart::describe(input.kind, &input.input());

    // The toolbar's buttons (see `toolbar_html`), told apart by their ids: one handler serves
    // them all, where a closure each would cost the download more.
    let on_tool = {
        let input = input.clone();
        let painter = painter.clone();
        let canvas_ref = easel.canvas.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: MouseEvent| {
            let button: Element = event.target_unchecked_into();
            let action = button.id();
            let kind = input.kind;
            let address = history::location_href();
            let footer = chart::provenance(&address);
            if action.starts_with("download-svg") {
                let measured = painter.borrow().size.or_else(|| {
                    canvas_ref
                        .cast::<Element>()
                        .map(|element| CanvasSize::measure(&element))
                });
                let (width, height) = measured.map_or((800, 450), |size| size.css_pixels());
                let name = file_name(kind, &input.input(), "svg");
                let outcome = canvas::chart_svg(kind, input.input(), width, height)
                    .map(|svg| chart::with_footer(&svg, (width, height), &footer, input.theme))
                    .and_then(|svg| files::download_text(&name, "image/svg+xml", &svg));
                notice_failure(&name, outcome, &dispatch);
            } else if !action.is_empty() {
                // The PNG download and "Copy image": the canvas with its provenance below.
                let signed = || {
                    canvas_ref
                        .cast::<HtmlCanvasElement>()
                        .and_then(|canvas| {
                            canvas::with_footer(&canvas, &footer, input.theme == Theme::Dark)
                        })
                        .ok_or_else(|| tr!(Msg::ChartExportFailed).to_string())
                };
                if !action.starts_with("copy") {
                    let name = file_name(kind, &input.input(), "png");
                    let outcome =
                        signed().and_then(|canvas| files::download_canvas_png(&canvas, &name));
                    return notice_failure(&name, outcome, &dispatch);
                }
                // "Copy embed code": the scenario in the address, in the embed view of this chart.
                let code = action.starts_with("copy-embed").then(|| {
                    let mut link = url::decode(&address).state;
                    link.embed = Some(kind);
                    embed_code(&history::link_for(&url::encode(&link)), kind)
                });
                let field = code.clone();
                let hint = tr!(if field.is_some() {
                    Msg::ChartCopyHintField
                } else {
                    Msg::ChartCopyHintPng
                });
                // One report for both copies: where the embed code cannot be copied, the row's
                // field shows it, selected for a copy by hand.
                let done = move |outcome: Result<(), String>| {
                    let text = match outcome {
                        Ok(()) => tr!(Msg::ChartCopied).to_string(),
                        Err(reason) => tr!(Msg::ChartCopyFailed, reason = reason, hint = hint),
                    };
                    canvas::tell(&button, &text, field.as_deref());
                };
                match code.map_or_else(|| signed().map(JsValue::from), |code| Ok(code.into())) {
                    Ok(what) => clipboard::copy(&what, Box::new(done)),
                    Err(reason) => done(Err(reason)),
                }
            }
        })
    };

    let time_chart = props.kind != ChartKind::Tornado;
    let glossary = props.kind.glossary();
    let title_id = format!("chart-{id}-title");
    let description_id = format!("chart-{id}-description");
    // The title and the glossary link as HTML strings (escaped; see `app::markup`): less code
    // than yew's for each element.
    let (title, glossary_text) = (chart::escape(props.kind.label()), chart::escape(glossary.0));
    html! {
        <figure class="chart" id={format!("figure-{id}")}>
            { Html::from_html_unchecked(format!(r#"<figcaption id="{title_id}" class="chart-title">{title}</figcaption>"#).into()) }
            <canvas
                id={format!("chart-{id}")}
                ref={easel.canvas}
                role="img"
                aria-labelledby={title_id}
                aria-describedby={description_id.clone()}
                tabindex={time_chart.then_some("0")}
                aria-keyshortcuts={time_chart.then_some("ArrowLeft ArrowRight Home End Escape")}
            />
            { Html::from_html_unchecked(AttrValue::Static(r#"<div class="chart-tip" aria-live="polite"></div>"#)) }
            // The text alternative as a text node, which a key press changes without the page
            // parsing HTML; the glossary link beside it is fixed.
            <p id={description_id} class="chart-description">
                { description }{ " " }
                { Html::from_html_unchecked(format!(r#"<a href="{}">{glossary_text}</a>"#, glossary.1).into()) }
            </p>
            <div class="download-row" onclick={on_tool}>
                { Html::from_html_unchecked(toolbar_html(props.kind).into()) }
            </div>
        </figure>
    }
}
