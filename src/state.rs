//! The page's ground state: the preset, the scenario and the page's choices (stage, view, reference,
//! Monte Carlo run, target, fan region, embedded chart), from which everything else (projection,
//! analyses, the link text) is derived.
//!
//! A link ([`crate::url`]) and a scenario file ([`crate::scenario_file`]) are two ways of writing
//! a [`LinkState`] down; the page's reducer keeps one, the command line builds one from its
//! options, and the JavaScript package reads and writes one.

use crate::analysis::{MonteCarloSettings, Output, Target};
use crate::chart::ChartKind;
use crate::data::{Region, Stage};
use crate::i18n::Msg;
use crate::projection::{RUSSIA_TARGETS, TARGET_YEAR};
use crate::scenario::{Preset, Scenario};
use crate::tr;

/// The fan chart's region when a link or file names none.
pub const DEFAULT_FAN_REGION: Region = Region::Russia;

/// The stage shown when a link or file names none.
pub const DEFAULT_STAGE: Stage = Stage::Separation;

/// One of the separation stage's two products (docs/MODEL.md, equation 15): the light oxides
/// (Nd, Pr) or the heavy ones (Dy, Tb).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Product {
    /// Nd and Pr oxides: each region's separation output less its heavy output.
    Light,
    /// Dy and Tb oxides.
    Heavy,
}

impl Product {
    /// Whether this is the heavy product (the argument of [`crate::projection::Projection::product`]).
    pub fn is_heavy(self) -> bool {
        self == Product::Heavy
    }
}

/// Every [`Shown::id`], for notices.
pub const SHOWN_IDS: &str = "mining, separation, separation_light, separation_heavy, magnets";

/// What the stage switch chooses, and so what the share chart, the supply-gap chart, the table and
/// the headline show: a stage of the supply chain, or one product of separation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shown {
    /// A whole stage.
    Stage(Stage),
    /// One product of the separation stage.
    Product(Product),
}

impl Shown {
    /// The switch's choices in its order: mining, separation, separation's light and heavy
    /// products, magnets.
    pub const ALL: [Shown; 5] = [
        Shown::Stage(Stage::Mining),
        Shown::Stage(Stage::Separation),
        Shown::Product(Product::Light),
        Shown::Product(Product::Heavy),
        Shown::Stage(Stage::Magnets),
    ];

    /// The id in links, files and the CSV's `stage` column: a stage's id, `separation_light` or
    /// `separation_heavy`.
    pub fn id(self) -> &'static str {
        match self {
            Shown::Stage(stage) => stage.id(),
            Shown::Product(Product::Light) => "separation_light",
            Shown::Product(Product::Heavy) => "separation_heavy",
        }
    }

    /// The choice with this id, if any.
    pub fn from_id(id: &str) -> Option<Shown> {
        Shown::ALL.into_iter().find(|shown| shown.id() == id)
    }

    /// Human label: "Mining", "Separation: light (Nd, Pr)", "Separation: heavy (Dy, Tb)", …
    pub fn label(self) -> &'static str {
        match self {
            Shown::Stage(stage) => stage.label(),
            Shown::Product(Product::Light) => tr!(Msg::ShownLightLabel),
            Shown::Product(Product::Heavy) => tr!(Msg::ShownHeavyLabel),
        }
    }

    /// The stage switch's short label: a stage's label, or "Light (Nd, Pr)" and "Heavy (Dy, Tb)"
    /// beside separation (their accessible names are the full [`Shown::label`]).
    pub fn short_label(self) -> &'static str {
        match self {
            Shown::Stage(stage) => stage.label(),
            Shown::Product(Product::Light) => tr!(Msg::ShownLightShort),
            Shown::Product(Product::Heavy) => tr!(Msg::ShownHeavyShort),
        }
    }

    /// The label inside a sentence: "mining", "light separation (Nd, Pr)", …
    pub fn name(self) -> &'static str {
        match self {
            Shown::Stage(Stage::Mining) => tr!(Msg::StageMiningName),
            Shown::Stage(Stage::Separation) => tr!(Msg::StageSeparationName),
            Shown::Stage(Stage::Magnets) => tr!(Msg::StageMagnetsName),
            Shown::Product(Product::Light) => tr!(Msg::ShownLightName),
            Shown::Product(Product::Heavy) => tr!(Msg::ShownHeavyName),
        }
    }

    /// The stage shown, or the stage whose product is shown.
    pub fn stage(self) -> Stage {
        match self {
            Shown::Stage(stage) => stage,
            Shown::Product(_) => Stage::Separation,
        }
    }

    /// The product shown, if one is.
    pub fn product(self) -> Option<Product> {
        match self {
            Shown::Stage(_) => None,
            Shown::Product(product) => Some(product),
        }
    }
}

/// How the page shows the projection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// Charts (the default).
    #[default]
    Charts,
    /// The projection table.
    Table,
}

impl View {
    /// Every view.
    pub const ALL: [View; 2] = [View::Charts, View::Table];

    /// The id used in links and files.
    pub fn id(self) -> &'static str {
        match self {
            View::Charts => "charts",
            View::Table => "table",
        }
    }

    /// The view with this id, if any.
    pub fn from_id(id: &str) -> Option<View> {
        View::ALL.into_iter().find(|view| view.id() == id)
    }
}

/// Most scenarios pinned for comparison at once.
pub const MAX_REFERENCES: usize = 3;

/// Longest name a reader may give a pinned scenario, in characters.
pub const MAX_NAME: usize = 40;

/// How each pinned scenario's lines are drawn, in pinning order, as the legends, text
/// alternatives, values and headline name them.
/// (Ids in the page's markup; [`style_name`] is what a reader reads.)
pub const REFERENCE_STYLES: [&str; MAX_REFERENCES] = ["dashed", "dotted", "long dashes"];

/// The `index`-th reference's style of line in the reader's language: "dashed", "dotted", "long
/// dashes".
pub fn style_name(index: usize) -> &'static str {
    tr!([Msg::CompareStyle1, Msg::CompareStyle2, Msg::CompareStyle3][index.min(MAX_REFERENCES - 1)])
}

/// A scenario pinned for comparison, with the name a reader gave it (empty: none).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reference {
    /// Every parameter's value.
    pub scenario: Scenario,
    /// The reader's name for it, at most [`MAX_NAME`] characters without control characters
    /// (see [`clean_name`]); empty for none.
    pub name: String,
}

impl Reference {
    /// An unnamed reference.
    pub fn new(scenario: Scenario) -> Reference {
        Reference {
            scenario,
            name: String::new(),
        }
    }

    /// What the page calls it: the reader's name, else its closest preset's title in the reader's
    /// language, with "(changed)" when it differs from that preset ("Skeptic (changed)"). A name
    /// that is the preset's English title (as an English reader's page showed it) is that
    /// default, shown in the reader's language too; links and files keep the name as it is.
    pub fn name(&self) -> String {
        let preset = crate::url::closest_preset(&self.scenario);
        if !self.name.is_empty() && self.name != preset.title {
            return self.name.clone();
        }
        if self.scenario.differences(&preset.scenario()).is_empty() {
            preset.reader_title().to_string()
        } else {
            tr!(Msg::CompareChanged, name = preset.reader_title())
        }
    }

    /// Its name with the style of line of the `index`-th reference: "Skeptic (dashed)".
    pub fn label(&self, index: usize) -> String {
        tr!(
            Msg::CompareLabel,
            name = self.name(),
            style = style_name(index)
        )
    }
}

/// A reader's name as links, files and the page keep it: control characters dropped, spaces at
/// the ends trimmed, at most [`MAX_NAME`] characters; and whether anything had to be dropped.
pub fn clean_name(text: &str) -> (String, bool) {
    let kept: String = text.chars().filter(|c| !c.is_control()).collect();
    let trimmed = kept.trim();
    let name: String = trimmed.chars().take(MAX_NAME).collect();
    let changed = kept.len() != text.len() || trimmed.chars().count() > MAX_NAME;
    (name, changed)
}

/// Everything a link carries: the ground state of the page.
///
/// Build it with `LinkState { preset: …, ..LinkState::default() }` so fields added
/// by later versions do not break callers.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkState {
    /// The preset the scenario started from (a valid preset id after [`crate::url::decode`]).
    pub preset: String,
    /// Every parameter's value.
    pub scenario: Scenario,
    /// The stage selected on the page (separation when one of its products is).
    pub stage: Stage,
    /// The product of separation selected instead of the whole stage, if any; read only when
    /// `stage` is separation (see [`LinkState::shown`]).
    pub product: Option<Product>,
    /// The scenarios compared against (compare mode), at most [`MAX_REFERENCES`], in the order
    /// they were pinned; the first is drawn dashed, the second dotted, the third in long dashes
    /// ([`REFERENCE_STYLES`]).
    pub references: Vec<Reference>,
    /// Charts or table.
    pub view: View,
    /// The chosen Monte Carlo run, if any.
    pub monte_carlo: Option<MonteCarloSettings>,
    /// The chosen target for Russia's share (a fraction), if any.
    pub target: Option<f64>,
    /// The year the target is checked in, within
    /// [`crate::analysis::TARGET_YEAR_MIN`]..=[`crate::analysis::TARGET_YEAR_MAX`] (default [`TARGET_YEAR`]).
    pub target_year: u16,
    /// The region whose Monte Carlo bands the fan chart shows (default [`DEFAULT_FAN_REGION`]).
    pub fan_region: Region,
    /// The embed view's chart, if the link asks for it (`embed=share`): the page then shows only
    /// the headline, this chart and a link to the full calculator, for an article's `<iframe>`.
    /// A view of the link alone: scenario files do not carry it.
    pub embed: Option<ChartKind>,
    /// The language the reader chose (`lang=ru`), if any; without one the page follows the
    /// browser's preference, so a link opens in each reader's own language unless it names one.
    pub lang: Option<crate::i18n::Lang>,
}

impl Default for LinkState {
    fn default() -> Self {
        LinkState::from_preset(Preset::baseline())
    }
}

impl LinkState {
    /// The state that shows `preset` unchanged, with the default stage and view.
    pub fn from_preset(preset: &Preset) -> LinkState {
        LinkState {
            preset: preset.id.to_string(),
            scenario: preset.scenario(),
            stage: DEFAULT_STAGE,
            product: None,
            references: Vec::new(),
            view: View::default(),
            monte_carlo: None,
            target: None,
            target_year: TARGET_YEAR,
            fan_region: DEFAULT_FAN_REGION,
            embed: None,
            lang: None,
        }
    }

    /// What the stage switch shows: the stage, or the product of separation chosen.
    pub fn shown(&self) -> Shown {
        match self.product {
            Some(product) if self.stage == Stage::Separation => Shown::Product(product),
            _ => Shown::Stage(self.stage),
        }
    }

    /// Shows `shown`: its stage and product.
    pub fn show(&mut self, shown: Shown) {
        self.stage = shown.stage();
        self.product = shown.product();
    }

    /// What the page's analyses aim at: Russia's share of the selected stage (separation when a
    /// product of it is shown) in the target year, at the chosen target or, if none is chosen, the
    /// first of [`RUSSIA_TARGETS`].
    pub fn target(&self) -> Target {
        Target {
            output: Output {
                region: Region::Russia,
                stage: self.stage,
                year: self.target_year,
            },
            share: self.target.unwrap_or(RUSSIA_TARGETS[0]),
        }
    }

    /// The preset this state names, or the baseline if the name is unknown.
    pub fn preset(&self) -> &'static Preset {
        Preset::find(&self.preset).unwrap_or(Preset::baseline())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_has_one_id_and_the_notices_list_them_all() {
        let ids: Vec<&str> = Shown::ALL.map(Shown::id).to_vec();
        assert_eq!(ids.join(", "), SHOWN_IDS);
        for shown in Shown::ALL {
            assert_eq!(Shown::from_id(shown.id()), Some(shown));
            assert_eq!(Shown::Stage(shown.stage()).stage(), shown.stage());
        }
        assert_eq!(Shown::from_id("separation_medium"), None);
        // The embed view offers the charts drawn from the projection alone, and names them all.
        let embeddable: Vec<&str> = ChartKind::PROJECTION.map(ChartKind::id).to_vec();
        assert_eq!(embeddable.join(", "), crate::chart::EMBED_IDS);
        for kind in ChartKind::ALL {
            let offered = ChartKind::PROJECTION.contains(&kind);
            assert_eq!(ChartKind::embedded(kind.id()), offered.then_some(kind));
        }
        // The three stages keep their ids, so old links and files open as before.
        for stage in Stage::ALL {
            assert_eq!(Shown::from_id(stage.id()), Some(Shown::Stage(stage)));
        }
    }
}
