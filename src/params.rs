//! The one parameter table: every input of the model, its range, default and source.
//!
//! Sliders, link keys, the command line's `--set`, validation, Monte Carlo ranges,
//! sensitivity analysis and docs/MODEL.md are all generated from [`PARAMS`].
//! Adding a parameter is one [`Param`] variant and one row here.

use crate::i18n::{english_const, Msg};
use crate::tr;
use serde::Serialize;

/// Where a parameter is shown on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Russia's programme and resources.
    Russia,
    /// China's position and response.
    China,
    /// Sanctions friction on Russia.
    Sanctions,
    /// Demand growth and the allied pipeline.
    DemandAllies,
    /// Technical assumptions, folded away on the page.
    Advanced,
}

impl Group {
    /// Every group, in display order.
    pub const ALL: [Group; 5] = [
        Group::Russia,
        Group::China,
        Group::Sanctions,
        Group::DemandAllies,
        Group::Advanced,
    ];

    /// A human label for the group.
    pub fn label(self) -> &'static str {
        match self {
            Group::Russia => tr!(Msg::RegionRussia),
            Group::China => tr!(Msg::RegionChina),
            Group::Sanctions => tr!(Msg::ParamGroupSanctions),
            Group::DemandAllies => tr!(Msg::ParamGroupDemand),
            Group::Advanced => tr!(Msg::ParamGroupAdvanced),
        }
    }
}

/// How a value is shown to a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// A fraction shown as a percentage (0.1 is "10%").
    Percent,
    /// A calendar year.
    Year,
    /// A plain number with the given number of decimals.
    Number(u8),
}

/// One model input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Param {
    /// Russia's ambition: its share of world supply in 2030.
    RuPlanShare,
    /// The year Russia's first new plants start.
    RuFirstPlant,
    /// Years for Russia's new plants to reach nameplate.
    RuRampYears,
    /// Russia's rare-earth reserves in million tonnes REO.
    RuReservesMt,
    /// Share of Russia's new separation and magnet capacity that imported feed can supply without sanctions.
    RuFeedImports,
    /// China's base-year share of separation (refining).
    CnRefiningShare,
    /// Share of China's exports withheld by export controls.
    CnExportControls,
    /// Strength of China's price suppression against new rival plants.
    CnPriceResponse,
    /// Share of world demand consumed inside China (China never supplies less).
    CnDomesticShare,
    /// Sanctions friction on Russia, 0 (none) to 1 (full).
    Sanctions,
    /// Years of delay at full sanctions, at the separation stage.
    SanctionsDelayMax,
    /// Utilisation lost at full sanctions, at the separation stage.
    SanctionsUtilLoss,
    /// How strongly sanctions hit mining relative to separation.
    SanctionsMiningFactor,
    /// How strongly sanctions hit magnet making relative to separation.
    SanctionsMagnetFactor,
    /// Growth of world demand per year, at every stage.
    DemandGrowth,
    /// Factor on the announced non-China, non-Russia pipeline.
    AlliedBuildout,
    /// Years the allied pipeline slips past its announced start.
    AlliedSlip,
    /// Utilisation new non-China plants reach once ramped.
    RivalUtilisation,
    /// Years a new non-Russian plant takes to reach nameplate.
    ProjectRampYears,
    /// Minimum mine life: reserves divided by this cap mining capacity.
    MineLifeYears,
    /// The last year projected.
    Horizon,
    /// Chance that Russia's announced programme is built at all.
    RuProgrammeOdds,
    /// Growth of world demand per year after 2030.
    DemandGrowthLate,
    /// The Angara–Yenisei hub's budget, in US$ billion.
    RuBudget,
    /// Share of the hub's budget spent on rare earths.
    RuBudgetShare,
    /// Capital cost of a tonne a year of mining capacity, in US$ thousand.
    CapexMining,
    /// Capital cost of a tonne a year of separation capacity, in US$ thousand.
    CapexSeparation,
    /// Capital cost of a tonne a year of magnet capacity, in US$ thousand.
    CapexMagnets,
    /// Extra capital cost of Russia's plants at full sanctions.
    CapexPremium,
    /// The year China's October 2025 export-control list returns.
    CnControlsYear,
    /// Share of new allied capacity shielded from China's price response.
    PriceShield,
    /// Whether Tomtor's ore gives Russia's new separation heavy rare earths (1) or not (0).
    RuTomtorHeavy,
}

/// Number of parameters.
pub const PARAM_COUNT: usize = 32;

/// One row of the parameter table.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct ParamSpec {
    /// The variant this row describes.
    #[serde(skip)]
    pub param: Param,
    /// Short stable key used in links, on the command line and in JSON.
    pub key: &'static str,
    /// Label shown beside the control, in English (links, files and the command line read it; the
    /// page shows [`ParamSpec::reader_label`]).
    pub label: &'static str,
    /// The label's text, in every language.
    #[serde(skip)]
    pub label_msg: Msg,
    /// Group on the page.
    pub group: Group,
    /// Unit shown after the value.
    pub unit: &'static str,
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// Slider step.
    pub step: f64,
    /// Default value (the baseline preset).
    pub default: f64,
    /// Low end of the plausible range (Monte Carlo, sensitivity).
    pub low: f64,
    /// High end of the plausible range (Monte Carlo, sensitivity).
    pub high: f64,
    /// How values are shown.
    pub format: Format,
    /// One or two sentences of help shown under the control.
    pub help: &'static str,
    /// Where the default and the range come from; "Assumption" when nobody published it.
    pub source: &'static str,
}

impl ParamSpec {
    /// The label in the reader's language.
    pub fn reader_label(&self) -> &'static str {
        tr!(self.label_msg)
    }

    /// The glossary entry (link text, in-page address) that explains the jargon of this
    /// parameter's label or help, if it has any.
    pub fn glossary(&self) -> Option<(&'static str, &'static str)> {
        Some(match self.param {
            Param::RuPlanShare => ("The 10% and 12% targets", "#g-targets"),
            Param::RuRampYears | Param::ProjectRampYears => ("Ramp-up and nameplate", "#g-ramp"),
            Param::CnExportControls => ("Export controls", "#g-export-controls"),
            Param::CnPriceResponse => ("Price suppression", "#g-price-response"),
            Param::Sanctions
            | Param::SanctionsDelayMax
            | Param::SanctionsUtilLoss
            | Param::SanctionsMiningFactor
            | Param::SanctionsMagnetFactor => ("Sanctions friction", "#g-friction"),
            Param::RivalUtilisation => ("Utilisation", "#g-utilisation"),
            _ => return None,
        })
    }

    /// What the page shows under the parameter's slider, folded: its help, its source and its
    /// glossary link, as HTML (the table's own text). The page reads it from `index.html`, where
    /// `tests/param_help_page.rs` writes it at build time, so the help costs the WebAssembly
    /// nothing; `help-{key}` is the id the slider's `aria-describedby` names.
    pub fn help_html(&self) -> String {
        let glossary = self.glossary().map_or(String::new(), |(term, id)| {
            format!(r#" <a href="{id}">{term}</a>"#)
        });
        format!(
            r#"<details class="help"><summary>What this is, and its source</summary><p id="help-{}">{}<span class="source"> Source: {}.</span>{glossary}</p></details>"#,
            self.key,
            self.help,
            self.source.trim_end_matches('.')
        )
    }

    /// Whether the plausible range has width, so analyses vary this parameter.
    pub fn is_uncertain(&self) -> bool {
        self.high > self.low
    }

    /// Whether `value` lies inside the allowed range.
    pub fn contains(&self, value: f64) -> bool {
        value.is_finite() && value >= self.min && value <= self.max
    }

    /// The allowed range in words, for messages: "between 0 and 1".
    pub fn range_text(&self) -> String {
        format!(
            "between {} and {}",
            crate::text::shortest(self.min),
            crate::text::shortest(self.max)
        )
    }

    /// `value` moved into the allowed range; NaN becomes the default.
    pub fn clamp(&self, value: f64) -> f64 {
        if value.is_nan() {
            self.default
        } else {
            // Adding +0 turns -0 into 0, so "-0" in a link is the same value, not a change. (Not
            // `f64::clamp`, whose check of its bounds would bring Rust's float formatting into the page.)
            value.max(self.min).min(self.max) + 0.0
        }
    }

    /// The value as a person reads it, with its unit.
    pub fn display(&self, value: f64) -> String {
        match self.format {
            Format::Percent => format!("{}%", crate::text::trimmed(value * 100.0, 2)),
            Format::Year => crate::text::shortest(value.round()),
            Format::Number(decimals) => {
                let text = crate::text::trimmed(value, usize::from(decimals));
                let unit = match self.unit {
                    "" => return text,
                    // "1 year" for any value written "1"; "1.5 years", "2 года", "5 лет".
                    "years" => {
                        let n = if text == "1" { 1.0 } else { value };
                        return crate::i18n::plural(Msg::UnitYears, n, &text, &[]);
                    }
                    "Mt REO" => tr!(Msg::ParamUnitMtReo),
                    "$bn" => tr!(Msg::ParamUnitBn),
                    "$k per t/yr" => tr!(Msg::ParamUnitCapex),
                    unit => unit,
                };
                format!("{text} {unit}")
            }
        }
    }
}

/// Russia's rare-earth reserves as the USGS counts them, in Mt REO: the default and plausible low of
/// [`Param::RuReservesMt`], and one of the two published figures the page offers as a choice. The
/// source is cited in that row of [`PARAMS`].
pub const USGS_RUSSIA_RESERVES_MT: f64 = 3.8;

/// Russia's rare-earth reserves as the Russian Ministry of Natural Resources counts them, in Mt REO:
/// the plausible high of [`Param::RuReservesMt`], and the other published figure the page offers.
/// The source is cited in that row of [`PARAMS`].
pub const MINISTRY_RUSSIA_RESERVES_MT: f64 = 28.7;

const IEA_2025: &str = "IEA Global Critical Minerals Outlook 2026 (Jul 2026): China about 85% of magnet rare-earth refining in 2025 (secondary)";

/// Text the page's WebAssembly does without: the help and source of each parameter, read by the
/// command line, the JavaScript API (the `js-api` feature), the docs' tests and the generated
/// pages. The page reads each parameter's help from `index.html` instead
/// ([`ParamSpec::help_html`], written there by `tests/param_help_page.rs`), so its build gets an
/// empty string here and about 3.5 KB (gzipped) less WebAssembly.
macro_rules! native_text {
    ($text:literal) => {
        if cfg!(all(target_arch = "wasm32", not(feature = "js-api"))) {
            ""
        } else {
            $text
        }
    };
}

/// The parameter table, in [`Param`] order.
pub const PARAMS: [ParamSpec; PARAM_COUNT] = [
    ParamSpec {
        param: Param::RuPlanShare,
        key: "ru_plan_share",
        label: english_const(Msg::ParamRuPlanShareLabel),
        label_msg: Msg::ParamRuPlanShareLabel,
        group: Group::Russia,
        unit: "%",
        min: 0.0,
        max: 0.25,
        step: 0.005,
        default: 0.10,
        low: 0.05,
        high: 0.12,
        format: Format::Percent,
        help: native_text!("The share of world output Russia's programme is sized for in 2030. New Russian capacity is built to reach it if everything goes to plan."),
        source: native_text!("10% by 2030: Reuters, 12 Aug 2020 (the 2020 plan); bne IntelliNews, 2 Feb 2026 (an ECFR brief). 12%: Rare Earth Exchanges, 2025, on Reuters"),
    },
    ParamSpec {
        param: Param::RuFirstPlant,
        key: "ru_first_plant",
        label: english_const(Msg::ParamRuFirstPlantLabel),
        label_msg: Msg::ParamRuFirstPlantLabel,
        group: Group::Russia,
        unit: "",
        min: 2025.0,
        max: 2040.0,
        step: 1.0,
        default: 2028.0,
        low: 2027.0,
        high: 2032.0,
        format: Format::Year,
        help: native_text!("The announced start of the Angara–Yenisei plants before any sanctions delay. Tomtor and Zashikhinskoye each slipped by years."),
        source: native_text!("Rare Earth Exchanges, 26 Jan 2026, on the ECFR analysis: utilities by 2026, first plants by 2028; TASS, 27 Jan 2026: launch in 2027"),
    },
    ParamSpec {
        param: Param::RuRampYears,
        key: "ru_ramp_years",
        label: english_const(Msg::ParamRuRampYearsLabel),
        label_msg: Msg::ParamRuRampYearsLabel,
        group: Group::Russia,
        unit: "years",
        min: 1.0,
        max: 10.0,
        step: 0.5,
        default: 6.0,
        low: 4.0,
        high: 8.0,
        format: Format::Number(1),
        help: native_text!("Years from first output to full nameplate along an S-curve. MP Materials ran at about 22% of design in its second year and 43% in its third: a six-year ramp at 80% utilisation."),
        source: native_text!("Assumption from MP Materials' ramp (MP Materials, 20 Feb 2025 and 26 Feb 2026; design: Adamas Intelligence, Oct 2022)"),
    },
    ParamSpec {
        param: Param::RuReservesMt,
        key: "ru_reserves_mt",
        label: english_const(Msg::ParamRuReservesMtLabel),
        label_msg: Msg::ParamRuReservesMtLabel,
        group: Group::Russia,
        unit: "Mt REO",
        min: 0.1,
        max: 40.0,
        step: 0.1,
        default: USGS_RUSSIA_RESERVES_MT,
        low: USGS_RUSSIA_RESERVES_MT,
        high: MINISTRY_RUSSIA_RESERVES_MT,
        format: Format::Number(1),
        help: native_text!("Caps Russia's mining capacity at reserves divided by the minimum mine life. USGS counts 3.8 Mt; the Russian agency 28.7 Mt."),
        source: native_text!("USGS Mineral Commodity Summaries 2026 (3.8 Mt, as in 2025); Russian Ministry of Natural Resources, 28.7 Mt, via Rare Earth Exchanges, 4 Nov 2025"),
    },
    ParamSpec {
        param: Param::RuFeedImports,
        key: "ru_feed_imports",
        label: english_const(Msg::ParamRuFeedImportsLabel),
        label_msg: Msg::ParamRuFeedImportsLabel,
        group: Group::Russia,
        unit: "%",
        min: 0.0,
        max: 1.0,
        step: 0.05,
        default: 0.5,
        low: 0.2,
        high: 0.8,
        format: Format::Percent,
        help: native_text!("Share of new Russian separation and magnet capacity that imported concentrate or oxide could feed without sanctions. Sanctions cut it in proportion."),
        source: native_text!("Assumption"),
    },
    ParamSpec {
        param: Param::CnRefiningShare,
        key: "cn_refining_share",
        label: english_const(Msg::ParamCnRefiningShareLabel),
        label_msg: Msg::ParamCnRefiningShareLabel,
        group: Group::China,
        unit: "%",
        min: 0.5,
        max: 0.99,
        step: 0.005,
        // China's 68.72 kt of 80.847 kt magnet rare-earth oxides refined in 2025; a test checks it against data/base-2025.json.
        default: 68_720.0 / 80_847.0,
        low: 0.8,
        high: 0.92,
        format: Format::Percent,
        help: native_text!("China's share of world separation in the base year; other regions share the rest in proportion to the data. The IEA puts 2025 near 85%, down from 91% in 2024; news reports say 85–90% (Rare Earth Exchanges, 26 Jan 2026)."),
        source: IEA_2025,
    },
    ParamSpec {
        param: Param::CnExportControls,
        key: "cn_export_controls",
        label: english_const(Msg::ParamCnExportControlsLabel),
        label_msg: Msg::ParamCnExportControlsLabel,
        group: Group::China,
        unit: "%",
        min: 0.0,
        max: 1.0,
        step: 0.05,
        default: 0.0,
        low: 0.0,
        high: 0.5,
        format: Format::Percent,
        help: native_text!("Share of China's exports of separated oxides and magnets withheld from the world market; it opens a supply gap outside China."),
        source: native_text!("Assumption; China's controls of April and October 2025 (the latter suspended until 10 Nov 2026) cover a minority of tonnage (USGS Mineral Commodity Summaries 2026)"),
    },
    ParamSpec {
        param: Param::CnPriceResponse,
        key: "cn_price_response",
        label: english_const(Msg::ParamCnPriceResponseLabel),
        label_msg: Msg::ParamCnPriceResponseLabel,
        group: Group::China,
        unit: "%",
        min: 0.0,
        max: 1.0,
        step: 0.05,
        default: 0.25,
        low: 0.0,
        high: 0.75,
        format: Format::Percent,
        help: native_text!("How hard low Chinese prices hit new plants outside China: at 100% they start two years later and run 40% below their normal utilisation."),
        source: native_text!("Assumption; NdPr oxide $124/kg (2022), $55 (2024), $69 (2025), Argus via USGS Mineral Commodity Summaries 2026"),
    },
    ParamSpec {
        param: Param::CnDomesticShare,
        key: "cn_domestic_share",
        label: english_const(Msg::ParamCnDomesticShareLabel),
        label_msg: Msg::ParamCnDomesticShareLabel,
        group: Group::Advanced,
        unit: "%",
        min: 0.3,
        max: 0.9,
        step: 0.05,
        default: 0.6,
        low: 0.5,
        high: 0.7,
        format: Format::Percent,
        help: native_text!("Share of world demand at each stage used inside China; China never produces less than this, whatever rivals build."),
        source: native_text!("Assumption"),
    },
    ParamSpec {
        param: Param::Sanctions,
        key: "sanctions",
        label: english_const(Msg::ParamSanctionsLabel),
        label_msg: Msg::ParamSanctionsLabel,
        group: Group::Sanctions,
        unit: "%",
        min: 0.0,
        max: 1.0,
        step: 0.05,
        default: 0.6,
        low: 0.3,
        high: 0.9,
        format: Format::Percent,
        help: native_text!("How much sanctions block equipment, reagents, finance, insurance and know-how for Russia's new plants: they start later, run below plan and import less feed."),
        source: native_text!("Assumption; Rare Earth Exchanges, 26 Jan 2026, on the ECFR analysis: sanctions block equipment, reagents, finance, insurance and technology transfer"),
    },
    ParamSpec {
        param: Param::SanctionsDelayMax,
        key: "sanctions_delay",
        label: english_const(Msg::ParamSanctionsDelayLabel),
        label_msg: Msg::ParamSanctionsDelayLabel,
        group: Group::Sanctions,
        unit: "years",
        min: 0.0,
        max: 10.0,
        step: 0.5,
        default: 3.0,
        low: 1.0,
        high: 5.0,
        format: Format::Number(1),
        help: native_text!("Extra years before a new Russian separation plant starts when sanctions friction is 100% (scaled down for mining, up for magnets)."),
        source: native_text!("Assumption; Tomtor, due in 2018, has never produced (Roskill, Jan 2018; The Moscow Times, 21 May 2025)"),
    },
    ParamSpec {
        param: Param::SanctionsUtilLoss,
        key: "sanctions_util_loss",
        label: english_const(Msg::ParamSanctionsUtilLossLabel),
        label_msg: Msg::ParamSanctionsUtilLossLabel,
        group: Group::Sanctions,
        unit: "%",
        min: 0.0,
        max: 1.0,
        step: 0.05,
        default: 0.5,
        low: 0.3,
        high: 0.7,
        format: Format::Percent,
        help: native_text!("Share of a new Russian separation plant's normal output lost when sanctions friction is 100% (scaled down for mining, up for magnets)."),
        source: native_text!("Assumption"),
    },
    ParamSpec {
        param: Param::SanctionsMiningFactor,
        key: "sanctions_mining",
        label: english_const(Msg::ParamSanctionsMiningLabel),
        label_msg: Msg::ParamSanctionsMiningLabel,
        group: Group::Advanced,
        unit: "×",
        min: 0.0,
        max: 2.0,
        step: 0.1,
        default: 0.5,
        low: 0.3,
        high: 0.8,
        format: Format::Number(1),
        help: native_text!("Mining needs less foreign technology than separation; this scales the sanctions delay and loss at the mining stage."),
        source: native_text!("Assumption; Rare Earth Exchanges, 2 Feb 2026: the bottleneck is separation, metallisation and magnets, not ore"),
    },
    ParamSpec {
        param: Param::SanctionsMagnetFactor,
        key: "sanctions_magnets",
        label: english_const(Msg::ParamSanctionsMagnetsLabel),
        label_msg: Msg::ParamSanctionsMagnetsLabel,
        group: Group::Advanced,
        unit: "×",
        min: 0.0,
        max: 2.0,
        step: 0.1,
        default: 1.5,
        low: 1.2,
        high: 1.8,
        format: Format::Number(1),
        help: native_text!("Magnet making needs the most foreign technology; this scales the sanctions delay and loss at the magnet stage."),
        source: native_text!("Assumption; Rare Earth Exchanges, 2 Feb 2026: separation and magnet capacity is what Russia lacks"),
    },
    ParamSpec {
        param: Param::DemandGrowth,
        key: "demand_growth",
        label: english_const(Msg::ParamDemandGrowthLabel),
        label_msg: Msg::ParamDemandGrowthLabel,
        group: Group::DemandAllies,
        unit: "%/yr",
        min: -0.02,
        max: 0.12,
        step: 0.0025,
        default: 0.05,
        low: 0.027,
        high: 0.075,
        format: Format::Percent,
        help: native_text!("Growth of world demand per year at every stage up to 2030. The IEA sees magnet rare-earth demand up about a third by 2030 (about 5%/yr); Adamas sees 7.5%/yr for magnets."),
        source: native_text!("IEA Global Critical Minerals Outlook 2024, announced pledges: 93 kt (2023) to 131 kt (2030), about 5%/yr (SEAISI, 3 Jun 2024); IEA Rare Earth Elements, 2026: up about a third by 2030; Adamas Intelligence, 2023: 7.5%/yr"),
    },
    ParamSpec {
        param: Param::AlliedBuildout,
        key: "allied_buildout",
        label: english_const(Msg::ParamAlliedBuildoutLabel),
        label_msg: Msg::ParamAlliedBuildoutLabel,
        group: Group::DemandAllies,
        unit: "×",
        min: 0.0,
        max: 2.0,
        step: 0.05,
        default: 1.0,
        low: 0.5,
        high: 1.5,
        format: Format::Number(2),
        help: native_text!("Scales the announced pipeline outside China and Russia (MP Materials, Energy Fuels, Solvay, Neo, Serra Verde): 0 is nothing new, 1 as announced, 2 twice as much."),
        source: native_text!("The named pipeline, each project with its own source (listed on the Sources and method page); the factor is the user's"),
    },
    ParamSpec {
        param: Param::AlliedSlip,
        key: "allied_slip",
        label: english_const(Msg::ParamAlliedSlipLabel),
        label_msg: Msg::ParamAlliedSlipLabel,
        group: Group::DemandAllies,
        unit: "years",
        min: 0.0,
        max: 6.0,
        step: 0.5,
        default: 2.0,
        low: 1.0,
        high: 4.0,
        format: Format::Number(1),
        help: native_text!("Years every project not yet operating starts after its announced date, before the extra slip of its status (feasibility +2, announced +3, …). Kalgoorlie was a year late; Eneabba and Energy Fuels' Phase 2 two years."),
        source: native_text!("Assumption from the observed record: Lynas Kalgoorlie about one year late (SEAISI, 11 Nov 2024); Iluka Eneabba 2025 → 2027 (NS Energy, Dec 2024); Energy Fuels Phase 2 2027 → 2029 (StocksToday, Jan 2026)"),
    },
    ParamSpec {
        param: Param::RivalUtilisation,
        key: "rival_utilisation",
        label: english_const(Msg::ParamRivalUtilisationLabel),
        label_msg: Msg::ParamRivalUtilisationLabel,
        group: Group::Advanced,
        unit: "%",
        min: 0.3,
        max: 1.0,
        step: 0.05,
        default: 0.8,
        low: 0.6,
        high: 0.95,
        format: Format::Percent,
        help: native_text!("Share of nameplate that a ramped plant outside China produces. Lynas Malaysia ran at about 62% in its 2025 financial year."),
        source: native_text!("Assumption; Lynas Malaysia made 6,558 t NdPr in FY25 against a 10,500 t/yr nameplate, about 62% (Middle, 27 Aug 2025)"),
    },
    ParamSpec {
        param: Param::ProjectRampYears,
        key: "project_ramp_years",
        label: english_const(Msg::ParamProjectRampYearsLabel),
        label_msg: Msg::ParamProjectRampYearsLabel,
        group: Group::Advanced,
        unit: "years",
        min: 1.0,
        max: 10.0,
        step: 0.5,
        default: 6.0,
        low: 4.0,
        high: 7.0,
        format: Format::Number(1),
        help: native_text!("Years from first output to nameplate for plants outside Russia: about 11%, 28%, 50%, 72%, 89% and 100% in years one to six at the default; times 80% utilisation that is 22% and 40% in years two and three, against MP Materials' 22% and 43%."),
        source: native_text!("Assumption from MP Materials' ramp (MP Materials, 20 Feb 2025 and 26 Feb 2026; design: Adamas Intelligence, Oct 2022) and Lynas Malaysia's ~62% of nameplate in FY25 (Middle, 27 Aug 2025)"),
    },
    ParamSpec {
        param: Param::MineLifeYears,
        key: "mine_life",
        label: english_const(Msg::ParamMineLifeLabel),
        label_msg: Msg::ParamMineLifeLabel,
        group: Group::Advanced,
        unit: "years",
        min: 5.0,
        max: 60.0,
        step: 1.0,
        default: 20.0,
        low: 15.0,
        high: 30.0,
        format: Format::Number(0),
        help: native_text!("Mining capacity can be at most reserves divided by this many years."),
        source: native_text!("Assumption"),
    },
    ParamSpec {
        param: Param::Horizon,
        key: "horizon",
        label: english_const(Msg::ParamHorizonLabel),
        label_msg: Msg::ParamHorizonLabel,
        group: Group::Advanced,
        unit: "",
        min: 2030.0,
        max: 2050.0,
        step: 1.0,
        default: 2040.0,
        low: 2040.0,
        high: 2040.0,
        format: Format::Year,
        help: native_text!("The projection runs from the base year (2025) to this year."),
        source: native_text!("Assumption: to 2040 by default, the horizon of the IEA's critical-minerals outlooks; up to 2050"),
    },
    ParamSpec {
        param: Param::RuProgrammeOdds,
        key: "ru_programme_odds",
        label: english_const(Msg::ParamRuProgrammeOddsLabel),
        label_msg: Msg::ParamRuProgrammeOddsLabel,
        group: Group::Russia,
        unit: "%",
        min: 0.0,
        max: 1.0,
        step: 0.05,
        default: 0.25,
        low: 0.1,
        high: 0.5,
        format: Format::Percent,
        help: native_text!("Russia's programme beyond Solikamsk and Glazov is announced, not financed or under construction, so the baseline risks it like any announced project (25%). The Kremlin presets take it at face value (100%)."),
        source: native_text!("Assumption: the completion probability of an announced project; only Solikamsk's unit (PRIME, 29 Dec 2025) and Glazov (Rosatom, 14 Feb 2024) are under way; the industry ministry's own target is about 1% (3,000 t of metals by 2030: Metalinfo, 2025)"),
    },
    ParamSpec {
        param: Param::DemandGrowthLate,
        key: "demand_growth_late",
        label: english_const(Msg::ParamDemandGrowthLateLabel),
        label_msg: Msg::ParamDemandGrowthLateLabel,
        group: Group::DemandAllies,
        unit: "%/yr",
        min: -0.02,
        max: 0.12,
        step: 0.0025,
        default: 0.02,
        low: 0.01,
        high: 0.05,
        format: Format::Percent,
        help: native_text!("Growth of world demand per year from 2031 on. The IEA sees rare-earth demand up 50–60% from 2024 to 2040 under stated policies; after about 5%/yr to 2030 that leaves about 1.5–2%/yr."),
        source: native_text!("Derived: IEA Global Critical Minerals Outlook 2025 (May 2025; stated policies, +50–60% by 2040, secondary) less 5%/yr to 2030; the high end keeps the pre-2030 pace"),
    },
    ParamSpec {
        param: Param::RuBudget,
        key: "ru_budget",
        label: english_const(Msg::ParamRuBudgetLabel),
        label_msg: Msg::ParamRuBudgetLabel,
        group: Group::Russia,
        unit: "$bn",
        min: 0.0,
        max: 50.0,
        step: 0.1,
        default: 9.2,
        low: 9.2,
        high: 9.2,
        format: Format::Number(1),
        help: native_text!("Capital for the Siberian critical-metals hub. Russia's programme gets the lesser of the capacity its ambition asks for and the capacity this money buys."),
        source: native_text!("bne IntelliNews, 2 Feb 2026, on the ECFR brief (Jan 2026): $9.2bn; TASS, Feb 2026: 700bn roubles ($9.1bn) of capital to be attracted"),
    },
    ParamSpec {
        param: Param::RuBudgetShare,
        key: "ru_budget_share",
        label: english_const(Msg::ParamRuBudgetShareLabel),
        label_msg: Msg::ParamRuBudgetShareLabel,
        group: Group::Russia,
        unit: "%",
        min: 0.0,
        max: 1.0,
        step: 0.05,
        default: 1.0,
        low: 0.2,
        high: 1.0,
        format: Format::Percent,
        help: native_text!("Unpublished. By default all of it, the claim as made; the hub's first named projects are germanium, lithium, battery parts and powders, so the share may be far lower."),
        source: native_text!("Assumption: the claim ties the hub to the 10% goal (bne IntelliNews, 2 Feb 2026); its first projects are other metals and oxide separation is only envisaged (TASS, 25 Dec 2025 and 20 Feb 2026)"),
    },
    ParamSpec {
        param: Param::CapexMining,
        key: "capex_mining",
        label: english_const(Msg::ParamCapexMiningLabel),
        label_msg: Msg::ParamCapexMiningLabel,
        group: Group::Advanced,
        unit: "$k per t/yr",
        min: 5.0,
        max: 300.0,
        step: 1.0,
        default: 47.0,
        low: 30.0,
        high: 85.0,
        format: Format::Number(0),
        help: native_text!("US$ thousand per tonne REO a year of new mine and concentrator capacity."),
        source: native_text!("Derived: median capex per tonne of the pipeline's 7 mines with a published cost (Songwe Hill $277m for 5,954 t); range Yangibana $31k to Donald $85k (each project's source on the Sources and method page)"),
    },
    ParamSpec {
        param: Param::CapexSeparation,
        key: "capex_separation",
        label: english_const(Msg::ParamCapexSeparationLabel),
        label_msg: Msg::ParamCapexSeparationLabel,
        group: Group::Advanced,
        unit: "$k per t/yr",
        min: 10.0,
        max: 1000.0,
        step: 1.0,
        default: 170.0,
        low: 77.0,
        high: 212.0,
        format: Format::Number(0),
        help: native_text!("US$ thousand per tonne of magnet oxides a year of new separation capacity."),
        source: native_text!("Derived: median capex per tonne of the pipeline's 11 separation plants with a published cost (Aclara $277m for 1,630 t); range Energy Fuels Phase 2 $77k to Nolans $212k (each project's source on the Sources and method page)"),
    },
    ParamSpec {
        param: Param::CapexMagnets,
        key: "capex_magnets",
        label: english_const(Msg::ParamCapexMagnetsLabel),
        label_msg: Msg::ParamCapexMagnetsLabel,
        group: Group::Advanced,
        unit: "$k per t/yr",
        min: 5.0,
        max: 500.0,
        step: 1.0,
        default: 69.0,
        low: 37.0,
        high: 139.0,
        format: Format::Number(0),
        help: native_text!("US$ thousand per tonne of NdFeB a year of new magnet capacity."),
        source: native_text!("Derived: median capex per tonne of the pipeline's 8 magnet plants with a published cost ($64k Narva expansion, $73k POSCO/Star); range Glazov $37k to MP 10X $139k (each project's source on the Sources and method page)"),
    },
    ParamSpec {
        param: Param::CapexPremium,
        key: "capex_premium",
        label: english_const(Msg::ParamCapexPremiumLabel),
        label_msg: Msg::ParamCapexPremiumLabel,
        group: Group::Sanctions,
        unit: "%",
        min: 0.0,
        max: 2.0,
        step: 0.05,
        default: 0.4,
        low: 0.2,
        high: 0.8,
        format: Format::Percent,
        help: native_text!("Extra cost of Russia's plants when sanctions friction is 100%, scaled by the friction: equipment bought through third countries costs more."),
        source: native_text!("Assumption: since 2022 Russia has paid 122% more for strategic imports than other buyers, 45% net of freight (CEPII, Mar 2025); equipment taken as about half of capex"),
    },
    ParamSpec {
        param: Param::CnControlsYear,
        key: "cn_controls_year",
        label: english_const(Msg::ParamCnControlsYearLabel),
        label_msg: Msg::ParamCnControlsYearLabel,
        group: Group::China,
        unit: "",
        min: 2025.0,
        max: 2050.0,
        step: 1.0,
        default: 2027.0,
        low: 2027.0,
        high: 2027.0,
        format: Format::Year,
        help: native_text!("Until this year only the April 2025 list (dysprosium, terbium and magnets holding them) is in force, so export controls reach heavy rare earths only; from it the October 2025 list widens them."),
        source: native_text!("MOFCOM Announcement 18 (4 Apr 2025); Announcements 55-58, 61, 62 (9 Oct 2025), suspended until 10 Nov 2026 by Announcement 70 (USGS Mineral Commodity Summaries 2026)"),
    },
    ParamSpec {
        param: Param::PriceShield,
        key: "price_shield",
        label: english_const(Msg::ParamPriceShieldLabel),
        label_msg: Msg::ParamPriceShieldLabel,
        group: Group::China,
        unit: "%",
        min: 0.0,
        max: 1.0,
        step: 0.05,
        default: 0.0,
        low: 0.0,
        high: 0.0,
        format: Format::Percent,
        help: native_text!("Share of new allied capacity under a price floor or state offtake, which China's price suppression does not reach. MP Materials' 10X campus, under its $110/kg NdPr floor and offtake, is 22% of the allied magnet pipeline."),
        source: native_text!("Assumption, 0 as before; the Pentagon's 10-year $110/kg NdPr floor for MP Materials from Q4 2025 and offtake of all 10X magnets (FAS, 15 Jul 2025)"),
    },
    ParamSpec {
        param: Param::RuTomtorHeavy,
        key: "ru_tomtor_heavy",
        label: english_const(Msg::ParamRuTomtorHeavyLabel),
        label_msg: Msg::ParamRuTomtorHeavyLabel,
        group: Group::Russia,
        unit: "",
        min: 0.0,
        max: 1.0,
        step: 1.0,
        default: 0.0,
        low: 0.0,
        high: 0.0,
        format: Format::Number(0),
        help: native_text!("0: Russia's new plants separate loparite, which yields light rare earths (Nd, Pr) only. 1: Tomtor's ore gives them dysprosium and terbium in the world's average proportion."),
        source: native_text!("USGS, Loparite: a rare-earth ore: the principal ore of light rare earths in Russia; Solikamsk's unit makes no Dy or Tb (Metals Wire, Jan 2025); Tomtor's heavy content is not established (assumption)"),
    },
];

impl Param {
    /// Every parameter, in table order.
    pub fn all() -> impl Iterator<Item = Param> {
        PARAMS.iter().map(|spec| spec.param)
    }

    /// This parameter's row of the table.
    pub fn spec(self) -> &'static ParamSpec {
        &PARAMS[self as usize]
    }

    /// This parameter's short key.
    pub fn key(self) -> &'static str {
        self.spec().key
    }

    /// The parameter with this key, if any.
    pub fn from_key(key: &str) -> Option<Param> {
        PARAMS
            .iter()
            .find(|spec| spec.key == key)
            .map(|spec| spec.param)
    }

    /// The position of this parameter in [`PARAMS`] and in a scenario's values.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Why [`checked`] refused a value; each caller words the message for its own readers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Invalid {
    /// No parameter has this key.
    UnknownKey,
    /// The parameter exists, but what was given for it is not a number.
    NotANumber(Param),
    /// The number (given here) is outside the parameter's allowed range, or not finite.
    OutOfRange(Param, f64),
}

/// The one strict check of a parameter's value, shared by the command line's `--set`, the
/// scenario file loader and the JavaScript API: `key` must name a parameter and `value` be a
/// number inside its allowed range, which is returned exactly as given (nothing is clamped).
/// `value` is `None` when the input held no number at all (a word, `null`, a string).
///
/// The key is checked first, then the number, then the range. Links, which never fail, clamp
/// instead (see [`crate::url`]).
pub fn checked(key: &str, value: Option<f64>) -> Result<(Param, f64), Invalid> {
    let param = Param::from_key(key).ok_or(Invalid::UnknownKey)?;
    let value = value.ok_or(Invalid::NotANumber(param))?;
    if param.spec().contains(value) {
        Ok((param, value))
    } else {
        Err(Invalid::OutOfRange(param, value))
    }
}

/// Every valid key, comma-separated, for messages.
pub fn valid_keys() -> String {
    PARAMS
        .iter()
        .map(|spec| spec.key)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_match_their_variant_and_are_consistent() {
        for (index, spec) in PARAMS.iter().enumerate() {
            assert_eq!(spec.param as usize, index, "{} is out of order", spec.key);
            assert!(spec.min < spec.max, "{}", spec.key);
            assert!(spec.contains(spec.default), "{} default", spec.key);
            assert!(
                spec.low <= spec.default && spec.default <= spec.high,
                "{} default outside plausible range",
                spec.key
            );
            assert!(
                spec.contains(spec.low) && spec.contains(spec.high),
                "{} plausible range",
                spec.key
            );
            assert!(spec.low <= spec.high, "{}", spec.key);
            assert!(spec.step > 0.0, "{}", spec.key);
            assert!(
                !spec.source.is_empty() && !spec.help.is_empty(),
                "{}",
                spec.key
            );
            assert_eq!(Param::from_key(spec.key), Some(spec.param));
            // The table's English is its text's English (the page's English reads the same).
            assert_eq!(spec.label, spec.reader_label(), "{}", spec.key);
        }
    }

    #[test]
    fn keys_are_unique_and_url_safe() {
        let mut keys: Vec<_> = PARAMS.iter().map(|spec| spec.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), PARAM_COUNT);
        for key in keys {
            assert!(
                key.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{key}"
            );
        }
    }

    #[test]
    fn checked_refuses_unknown_keys_words_and_values_out_of_range() {
        assert_eq!(
            checked("sanctions", Some(0.25)),
            Ok((Param::Sanctions, 0.25))
        );
        assert_eq!(checked("nope", None), Err(Invalid::UnknownKey));
        assert_eq!(
            checked("sanctions", None),
            Err(Invalid::NotANumber(Param::Sanctions))
        );
        assert_eq!(
            checked("sanctions", Some(2.0)),
            Err(Invalid::OutOfRange(Param::Sanctions, 2.0))
        );
        assert!(matches!(
            checked("sanctions", Some(f64::NAN)),
            Err(Invalid::OutOfRange(Param::Sanctions, _))
        ));
        assert_eq!(Param::Horizon.spec().range_text(), "between 2030 and 2050");
    }

    #[test]
    fn display_formats_percent_year_and_number() {
        assert_eq!(Param::Sanctions.spec().display(0.6), "60%");
        assert_eq!(Param::RuFirstPlant.spec().display(2028.0), "2028");
        assert_eq!(Param::RuReservesMt.spec().display(28.7), "28.7 Mt REO");
        assert_eq!(Param::DemandGrowth.spec().display(0.0275), "2.75%");
        assert_eq!(Param::AlliedSlip.spec().display(1.0), "1 year");
        assert_eq!(Param::AlliedSlip.spec().display(1.5), "1.5 years");
    }
}
