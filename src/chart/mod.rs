//! The charts: one drawing module, pure plotters, generic over the drawing backend (canvas on the page, SVG for tests and downloads).
//!
//! Five charts of a [`Projection`]: market share by region for a stage or, drawn from
//! [`product_view`], a product of separation (stacked areas), Russia's share at each stage against
//! its 2030 targets, concentration (HHI) per stage, the supply gap outside China at a stage and
//! Russia's feed (concentrate need, own mining, imports, unmet); two of the analyses: the Monte
//! Carlo fan and the tornado. A time
//! chart's drawing reports where its years lie ([`YearAxis`]) and [`values`] gives one year's
//! values, for the page to show on hover without redrawing. Every size is
//! scaled by [`ChartInput::scale`] because plotters draws in device pixels. The module never builds
//! a backend of its own except the SVG one in [`to_svg`]; the page wraps [`draw`] around its canvas.
//! Text is placed from estimated widths, never measured, because measuring text in the browser
//! goes through the DOM and is the slow part of a redraw.

pub mod claims;
mod concentration;
mod describe;
mod fan;
mod feed;
mod frame;
mod gap;
mod hover;
mod look;
mod russia;
mod share;
pub mod svg;
mod tornado;

pub use describe::describe;
pub use hover::{same_picture, values, YearAxis};
pub use look::{region_colour, stage_colour};

use crate::analysis::{MonteCarloResult, Tornado};
use crate::data::{Region, Stage};
use crate::i18n::Msg;
use crate::projection::Projection;
use crate::state::{Product, Shown, MAX_REFERENCES};
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, DrawingBackend, IntoDrawingArea};

/// Which chart to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// Stacked-area market share by region for the chosen stage or product of separation.
    Share,
    /// Russia's share at each stage against the 10% and 12% targets, with the 2030 gap.
    Russia,
    /// Herfindahl–Hirschman index per stage with the 1,500 and 2,500 bands.
    Concentration,
    /// Monte Carlo P10–P90 band and median of one region's share of one stage, over the
    /// scenario as set (needs [`ChartInput::bands`]).
    Fan,
    /// Ranked swings of one output between each parameter's low and high (needs
    /// [`ChartInput::tornado`]).
    Tornado,
    /// The supply gap outside China per year at the chosen stage or product, in tonnes.
    SupplyGap,
    /// Russia's concentrate per year: need, own mining, imports and unmet need, in t REO.
    Feed,
}

impl ChartKind {
    /// Every chart kind, in page order.
    pub const ALL: [ChartKind; 7] = [
        ChartKind::Share,
        ChartKind::Russia,
        ChartKind::Concentration,
        ChartKind::SupplyGap,
        ChartKind::Fan,
        ChartKind::Tornado,
        ChartKind::Feed,
    ];

    /// The charts drawn from a projection alone (no analysis needed).
    pub const PROJECTION: [ChartKind; 5] = [
        ChartKind::Share,
        ChartKind::Russia,
        ChartKind::Concentration,
        ChartKind::SupplyGap,
        ChartKind::Feed,
    ];

    /// Short id used in element ids and file names (`chart-{id}`, `download-svg-{id}`).
    pub fn id(self) -> &'static str {
        match self {
            ChartKind::Share => "share",
            ChartKind::Russia => "russia",
            ChartKind::Concentration => "hhi",
            ChartKind::Fan => "fan",
            ChartKind::Tornado => "tornado",
            ChartKind::SupplyGap => "gap",
            ChartKind::Feed => "feed",
        }
    }

    /// The chart a link's `embed` key names (its [`ChartKind::id`]): one of the charts drawn from
    /// the projection alone ([`ChartKind::PROJECTION`]; valid ids: [`EMBED_IDS`]).
    pub fn embedded(id: &str) -> Option<ChartKind> {
        ChartKind::PROJECTION
            .into_iter()
            .find(|kind| kind.id() == id)
    }

    /// Human name of the chart (for buttons and file titles), in the reader's language.
    pub fn label(self) -> &'static str {
        tr!(match self {
            ChartKind::Share => Msg::ChartKindShare,
            ChartKind::Russia => Msg::ChartKindRussia,
            ChartKind::Concentration => Msg::ChartKindHhi,
            ChartKind::Fan => Msg::ChartKindFan,
            ChartKind::Tornado => Msg::ChartKindTornado,
            ChartKind::SupplyGap => Msg::ChartKindGap,
            ChartKind::Feed => Msg::ChartKindFeed,
        })
    }

    /// The glossary entry that explains the chart's measure and the thresholds it draws (link
    /// text, in-page address), linked under its text alternative.
    pub fn glossary(self) -> (&'static str, &'static str) {
        let (text, id) = match self {
            ChartKind::Share => (Msg::ChartGlossaryShare, "#g-stage"),
            ChartKind::Russia => (Msg::ChartGlossaryRussia, "#g-targets"),
            ChartKind::Concentration => (Msg::ChartGlossaryHhi, "#g-hhi"),
            ChartKind::Fan => (Msg::ChartGlossaryFan, "#g-p10"),
            ChartKind::Tornado => (Msg::ChartGlossaryTornado, "#g-tornado"),
            ChartKind::SupplyGap => (Msg::ChartGlossaryGap, "#g-supply-gap"),
            ChartKind::Feed => (Msg::ChartGlossaryFeed, "#g-reo"),
        };
        (tr!(text), id)
    }
}

/// Every id [`ChartKind::embedded`] knows, for notices.
pub const EMBED_IDS: &str = "share, russia, hhi, gap, feed";

/// Light or dark colours (background, text, grid).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Dark text on a white background.
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
}

/// A pinned reference as the charts draw it.
#[derive(Clone, Copy, Debug)]
pub struct Pinned<'a> {
    /// Its projection.
    pub projection: &'a Projection,
    /// Its name and line style, as legends, text alternatives and values show it:
    /// "Supply-chain skeptic (dashed)" ([`crate::state::Reference::label`]).
    pub label: &'a str,
    /// Its place among the references, which sets its line: 0 dashed, 1 dotted, 2 long dashes
    /// ([`crate::state::REFERENCE_STYLES`]).
    pub style: usize,
}

/// Everything a chart needs to be drawn.
#[derive(Clone, Copy, Debug)]
pub struct ChartInput<'a> {
    /// The projection to draw.
    pub projection: &'a Projection,
    /// The pinned references, drawn beneath the current projection each in its own broken line
    /// (set with [`ChartInput::with_references`]; read with [`ChartInput::pinned`]).
    pub references: [Option<Pinned<'a>>; MAX_REFERENCES],
    /// The stage of the market-share and supply-gap charts.
    pub stage: Stage,
    /// The product of separation those two charts show instead of the whole stage, if any (set
    /// with [`ChartInput::with_product`]).
    pub product: Option<Product>,
    /// Light or dark colours.
    pub theme: Theme,
    /// Device pixels per CSS pixel (window.devicePixelRatio); fonts, margins and lines scale by it.
    pub scale: f64,
    /// Monte Carlo bands for the fan chart (its region and stage come from the result).
    pub bands: Option<&'a MonteCarloResult>,
    /// A sensitivity analysis for the tornado chart.
    pub tornado: Option<&'a Tornado>,
    /// The language its words are in: the one in use when the input was made.
    pub lang: crate::i18n::Lang,
}

impl<'a> ChartInput<'a> {
    /// An input for `projection` at `stage` with no reference, the light theme and scale 1.
    /// Prefer this plus the `with_…` methods to a struct literal: fields may be added later.
    pub fn new(projection: &'a Projection, stage: Stage) -> Self {
        ChartInput {
            projection,
            references: [None; MAX_REFERENCES],
            stage,
            product: None,
            theme: Theme::Light,
            scale: 1.0,
            bands: None,
            tornado: None,
            lang: crate::i18n::language(),
        }
    }

    /// The same input showing a product of separation (`None`: the whole stage); a product sets
    /// the stage to separation.
    pub fn with_product(mut self, product: Option<Product>) -> Self {
        if product.is_some() {
            self.stage = Stage::Separation;
        }
        self.product = product;
        self
    }

    /// What the market-share and supply-gap charts show: the stage or the product.
    pub fn shown(&self) -> Shown {
        match self.product {
            Some(product) => Shown::Product(product),
            None => Shown::Stage(self.stage),
        }
    }

    /// The same input with Monte Carlo bands for the fan chart.
    pub fn with_bands(mut self, bands: Option<&'a MonteCarloResult>) -> Self {
        self.bands = bands;
        self
    }

    /// The same input with a sensitivity analysis for the tornado chart.
    pub fn with_tornado(mut self, tornado: Option<&'a Tornado>) -> Self {
        self.tornado = tornado;
        self
    }

    /// The same input with one pinned reference projection (or none), labelled
    /// "Pinned reference (dashed)".
    pub fn with_reference(self, reference: Option<&'a Projection>) -> Self {
        self.with_references(reference.map(|projection| Pinned {
            projection,
            label: "Pinned reference (dashed)",
            style: 0,
        }))
    }

    /// The same input with these pinned references (the first [`MAX_REFERENCES`]).
    pub fn with_references(mut self, references: impl IntoIterator<Item = Pinned<'a>>) -> Self {
        self.references = [None; MAX_REFERENCES];
        for (slot, pinned) in self.references.iter_mut().zip(references) {
            *slot = Some(pinned);
        }
        self
    }

    /// The pinned references in order.
    pub fn pinned(&self) -> impl Iterator<Item = Pinned<'a>> + '_ {
        self.references.iter().flatten().copied()
    }

    /// The same input in another theme.
    pub fn with_theme(mut self, theme: Theme) -> Self {
        self.theme = theme;
        self
    }

    /// The same input at another device pixel ratio.
    pub fn with_scale(mut self, scale: f64) -> Self {
        self.scale = scale;
        self
    }
}

/// `projection` as the page shows it while a product of separation is chosen: the separation
/// stage's cells hold that product (output, shares, HHI, trusted share and exposure from its
/// shares, its own demand and its supply gap outside China; capacity stays the stage's), so the
/// share and supply-gap charts, the table and the headline read it as they read a stage.
#[inline(never)]
pub fn product_view(projection: &Projection, product: Product) -> Projection {
    let mut view = projection.clone();
    let heavy = product.is_heavy();
    for (index, cells) in view.cells[..projection.years].iter_mut().enumerate() {
        let values = projection.product(index, heavy);
        let cell = &mut cells[Stage::Separation as usize];
        let heavy_demand = projection.heavy[index].demand;
        cell.demand = if heavy {
            heavy_demand
        } else {
            cell.demand - heavy_demand
        };
        cell.output = values.output;
        cell.share = values.share;
        cell.hhi = values.share.iter().map(|s| (s * 100.0) * (s * 100.0)).sum();
        cell.exposure =
            values.share[Region::China as usize] + values.share[Region::Russia as usize];
        cell.trusted_share = 1.0 - cell.exposure;
        cell.supply_gap = values.supply_gap;
        cell.supply_gap_share = values.supply_gap_share;
    }
    view
}

/// What drawing steps return inside this module.
type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// What drawing one kind of chart returns: where its years lie, for a time chart.
type Drawn<DB> = Result<Option<YearAxis>, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws chart `kind` onto `area`, filling all of it (background included), and returns where
/// the years of a time chart lie on it (for values on hover; `None` for the tornado, a message or
/// an area too small for a chart).
///
/// An area too small to hold a chart gets only its background; a projection with fewer than
/// two years gets a short message. Errors come from the backend and are returned as text.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    kind: ChartKind,
    input: &ChartInput,
) -> Result<Option<YearAxis>, String> {
    let look = look::Look::new(input.theme, input.scale);
    draw_inner(area, kind, input, &look)
        .and_then(|axis| area.present().map(|()| axis))
        .map_err(|error| format!("could not draw the {} chart: {error}", kind.id()))
}

fn draw_inner<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    kind: ChartKind,
    input: &ChartInput,
    look: &look::Look,
) -> Drawn<DB> {
    area.fill(&look.background)?;
    let (width, height) = area.dim_in_pixel();
    if (width as i32) < look.px(160.0) || (height as i32) < look.px(120.0) {
        return Ok(None);
    }
    if input.projection.years < 2 {
        return frame::message(area, look, tr!(Msg::ChartNoProjection)).map(|()| None);
    }
    match kind {
        ChartKind::Share => share::draw(area, input, look),
        ChartKind::Russia => russia::draw(area, input, look),
        ChartKind::Concentration => concentration::draw(area, input, look),
        ChartKind::Fan => fan::draw(area, input, look),
        ChartKind::Tornado => tornado::draw(area, input, look).map(|()| None),
        ChartKind::SupplyGap => gap::draw(area, input, look),
        ChartKind::Feed => feed::draw(area, input, look),
    }
}

/// The provenance lines printed under a downloaded chart: where its numbers come from, and the
/// scenario's `link`, which reopens exactly this chart.
pub fn provenance(link: &str) -> [String; 2] {
    [
        tr!(Msg::ChartProvenance, version = crate::data::DATA_VERSION),
        link.to_string(),
    ]
}

/// `svg` (a chart [`to_svg`] or the page drew, `width` × `height` pixels) with the `footer` lines
/// (its provenance) written below it in [`PROVENANCE_HEIGHT`] more pixels, in `theme`'s colours.
/// The text is added to the document as it is, escaped: no drawing code is needed for it.
pub fn with_footer(
    svg: &str,
    (width, height): (u32, u32),
    footer: &[String; 2],
    theme: Theme,
) -> String {
    let (Some(open_end), Some(close)) = (svg.find('>'), svg.rfind('<')) else {
        return svg.to_string();
    };
    let total = height + PROVENANCE_HEIGHT;
    let (background, text) = match theme {
        Theme::Light => ("#ffffff", "#1f2328"),
        Theme::Dark => ("#161b22", "#e6edf3"),
    };
    let mut out = format!(
        "<svg width=\"{width}\" height=\"{total}\" viewBox=\"0 0 {width} {total}\" xmlns=\"http://www.w3.org/2000/svg\">{}<rect x=\"0\" y=\"{height}\" width=\"{width}\" height=\"{PROVENANCE_HEIGHT}\" fill=\"{background}\"/>\n",
        &svg[open_end + 1..close]
    );
    for (row, line) in footer.iter().enumerate() {
        let escaped = escape(line);
        out.push_str(&format!(
            "<text x=\"8\" y=\"{}\" font-family=\"sans-serif\" font-size=\"10\" fill=\"{text}\">{escaped}</text>\n",
            height + 14 + 15 * row as u32
        ));
    }
    out.push_str("</svg>\n");
    out
}

/// `text` with `&` and `<` escaped, for SVG or HTML text, or an attribute value in double quotes
/// (a link, which holds no `"`).
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// Height in CSS pixels of the provenance lines under a downloaded chart.
pub const PROVENANCE_HEIGHT: u32 = 36;

/// Chart `kind` as an SVG document of `width` × `height` pixels (for tests and downloads).
///
/// A drawing error is written into the picture as text, so the caller always gets an SVG.
pub fn to_svg(kind: ChartKind, input: &ChartInput, width: u32, height: u32) -> String {
    let mut out = String::new();
    {
        let backend = svg::Svg::new(&mut out, (width.clamp(1, 16_384), height.clamp(1, 16_384)));
        let area = backend.into_drawing_area();
        if let Err(error) = draw(&area, kind, input) {
            let look = look::Look::new(input.theme, input.scale);
            // If even the message cannot be drawn, the empty SVG below is the answer.
            let _ = frame::message(&area, &look, &error).and_then(|()| area.present());
        }
    }
    out
}

#[cfg(test)]
mod tests;
