//! All claims at a glance: every preset run to 2040, with the numbers a reader compares claims
//! by (Russia's share in 2030 and 2035, the first year at 10%, China's and the trusted share in
//! 2030, and the odds of 10% in 2030 both ways the page computes them) and one chart per stage.
//!
//! Presets are fixed, and so is the Monte Carlo's seed, so the whole view is computed once, at
//! build time, into static pages, one per language: `www/claims.html`, `www/claims.ru.html` and
//! `www/claims.zh.html` with their charts in `www/claims/` ([`page`]; `tests/claims_page.rs` fails
//! when a file is out of date and rewrites it with UPDATE_SNAPSHOTS=1). Their words are the
//! `claims.*` texts of `i18n/<lang>.json`, read natively ([`PageTexts`]; not [`crate::i18n::Msg`]s,
//! so the page's wasm carries none of them), the presets' titles and descriptions, stages and
//! numbers those of the calculator in that language. The page's wasm carries none of it; each row
//! links to its preset in the calculator, in the page's language.

use crate::analysis::{chance_words, monte_carlo, MonteCarloSettings, Output, Sampling, Target};
use crate::chart::claims::{self as chart, ClaimLine};
use crate::data::{Region, Stage};
use crate::hindcast::escape;
use crate::i18n::{Lang, PageTexts};
use crate::params::Param;
use crate::projection::{Projection, RUSSIA_TARGETS, TARGET_YEAR};
use crate::scenario::{Preset, PRESETS};
use crate::simulate::simulate;
use crate::text;

/// The year every preset is run to here, whatever its own horizon.
pub const HORIZON: u16 = 2040;
/// The later year the table reports.
pub const LATER_YEAR: u16 = 2035;

/// One preset's numbers at one stage.
pub struct ClaimNumbers {
    /// The preset.
    pub preset: &'static Preset,
    /// Russia's share per model year (base year to [`HORIZON`]).
    pub russia: Vec<(u16, f64)>,
    /// Russia's share in [`TARGET_YEAR`] and [`LATER_YEAR`].
    pub russia_at: [f64; 2],
    /// The first year Russia's share reaches the first target (10%), if it does by [`HORIZON`].
    pub first_year_at_target: Option<u16>,
    /// China's share in [`TARGET_YEAR`].
    pub china: f64,
    /// The trusted share (outside China and Russia) in [`TARGET_YEAR`].
    pub trusted: f64,
    /// The chance of 10% in [`TARGET_YEAR`]: under the plausible ranges, and around the
    /// preset's own assumptions (the page's default run: its samples and seed).
    pub odds: [f64; 2],
}

/// The preset's scenario, run to [`HORIZON`].
fn scenario(preset: &Preset) -> crate::scenario::Scenario {
    preset.scenario().with(Param::Horizon, f64::from(HORIZON))
}

/// Every preset's numbers at `stage`, in the presets' order.
pub fn claims(stage: Stage) -> Vec<ClaimNumbers> {
    PRESETS
        .iter()
        .map(|preset| numbers(preset, stage))
        .collect()
}

fn numbers(preset: &'static Preset, stage: Stage) -> ClaimNumbers {
    let scenario = scenario(preset);
    let projection: Projection = simulate(&scenario);
    let russia: Vec<(u16, f64)> = projection
        .stage_series(stage)
        .map(|(year, cell)| (year, cell.share[Region::Russia as usize]))
        .collect();
    let share_at = |year: u16, region: Region| projection.share(year, stage, region);
    let target = Target {
        output: Output {
            region: Region::Russia,
            stage,
            year: TARGET_YEAR,
        },
        share: RUSSIA_TARGETS[0],
    };
    let odds = [Sampling::Plausible, Sampling::Scenario].map(|sampling| {
        let settings = MonteCarloSettings {
            sampling,
            ..MonteCarloSettings::default()
        };
        monte_carlo(&scenario, settings, Region::Russia, stage, target).probability
    });
    ClaimNumbers {
        preset,
        first_year_at_target: russia
            .iter()
            .find(|(_, share)| *share >= RUSSIA_TARGETS[0])
            .map(|(year, _)| *year),
        russia_at: [
            share_at(TARGET_YEAR, Region::Russia),
            share_at(LATER_YEAR, Region::Russia),
        ],
        china: share_at(TARGET_YEAR, Region::China),
        trusted: projection
            .get(TARGET_YEAR, stage)
            .map_or(0.0, |cell| cell.trusted_share),
        russia,
        odds,
    }
}

/// The stages, mining first: the stage the 10% claim counts.
const STAGES: [Stage; 3] = [Stage::Mining, Stage::Separation, Stage::Magnets];

/// Every stage's rows, mining first: the numbers of every language's page.
pub fn all_claims() -> Vec<(Stage, Vec<ClaimNumbers>)> {
    STAGES
        .into_iter()
        .map(|stage| (stage, claims(stage)))
        .collect()
}

/// The page's file name in `lang`: `claims.html` for English, `claims.ru.html`, `claims.zh.html`.
pub fn page_name(lang: Lang) -> String {
    match lang {
        Lang::En => "claims.html".into(),
        _ => format!("claims.{}.html", lang.id()),
    }
}

/// The file name in `www/claims/` of `stage`'s chart in `lang`, wide or narrow.
fn chart_name(stage: Stage, narrow: bool, lang: Lang) -> String {
    let narrow = if narrow { "-narrow" } else { "" };
    match lang {
        Lang::En => format!("{}{narrow}.svg", stage.id()),
        _ => format!("{}{narrow}.{}.svg", stage.id(), lang.id()),
    }
}

/// The page in `texts`' language, and its charts' files (name in `www/claims/`, SVG), from
/// [`all_claims`]: for each stage a wide picture (legend at the right) and a narrow one for phones
/// (legend above), which `<picture>` chooses between, so a phone downloads one of them. `Err`
/// says what is wrong with the language's file.
pub fn page(
    texts: &PageTexts,
    all: &[(Stage, Vec<ClaimNumbers>)],
) -> Result<(String, Vec<(String, String)>), String> {
    texts.written(|| (to_html(texts, all), charts(texts, all)))
}

fn charts(texts: &PageTexts, all: &[(Stage, Vec<ClaimNumbers>)]) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for (stage, rows) in all {
        let lines: Vec<ClaimLine> = rows
            .iter()
            .map(|row| ClaimLine {
                title: row.preset.reader_title(),
                points: row.russia.clone(),
            })
            .collect();
        let words = chart::Words {
            title: texts.text("claims.chart-title", &[("world", &world(texts, *stage))]),
            x_axis: texts.text("claims.chart-x-axis", &[]),
            y_axis: texts.text("claims.chart-y-axis", &[]),
        };
        files.push((
            chart_name(*stage, false, texts.lang()),
            chart::to_svg(&words, &lines, 960, 480),
        ));
        files.push((
            chart_name(*stage, true, texts.lang()),
            chart::to_svg(&words, &lines, 360, 560),
        ));
    }
    files
}

/// "world mining" in the language, as its sentences about Russia's share of it need it.
fn world(texts: &PageTexts, stage: Stage) -> String {
    texts.text(&format!("claims.world.{}", stage.id()), &[])
}

/// The calculator's link to `preset` (at `stage`) in the page's language.
fn calculator_link(lang: Lang, preset: &Preset, stage: Option<Stage>) -> String {
    let mut link = format!("./#v=1&amp;p={}", preset.id);
    if let Some(stage) = stage {
        link.push_str("&amp;st=");
        link.push_str(stage.id());
    }
    if lang != Lang::En {
        link.push_str("&amp;lang=");
        link.push_str(lang.id());
    }
    // The data version, as every link the calculator makes ends: without it the calculator takes
    // the link for one made before versions were written, and says its numbers may differ.
    link.push_str("&amp;d=");
    link.push_str(crate::data::DATA_VERSION);
    link
}

/// One stage's section: the chart (a picture with a text alternative) and the table.
fn section(texts: &PageTexts, stage: Stage, rows: &[ClaimNumbers]) -> String {
    let lang = texts.lang();
    let id = stage.id();
    let world = world(texts, stage);
    let summary = escape(&summary(texts, rows));
    let base = rows
        .first()
        .and_then(|row| row.russia.first())
        .map_or(0, |(year, _)| *year)
        .to_string();
    let mut out = format!(
        "<section id=\"{id}\" class=\"claims-stage\" aria-labelledby=\"{id}-heading\">\n<h2 id=\"{id}-heading\">{label}</h2>\n<figure class=\"claims-figure\">\n<picture><source media=\"(max-width: 599px)\" srcset=\"claims/{narrow}\" width=\"360\" height=\"560\"><img src=\"claims/{wide}\" width=\"960\" height=\"480\"{lazy} alt=\"{alt}\"></picture>\n<figcaption>{caption}</figcaption>\n</figure>\n",
        label = stage.label(),
        narrow = chart_name(stage, true, lang),
        wide = chart_name(stage, false, lang),
        // Only the first stage's chart is on the first screen; the others load as the reader nears them.
        lazy = if stage == STAGES[0] { " decoding=\"async\"" } else { " loading=\"lazy\" decoding=\"async\"" },
        alt = texts.text("claims.figure-alt", &[("world", &world), ("summary", &summary)]),
        caption = texts.text(
            "claims.figure-caption",
            &[("world", &world), ("base", &base), ("horizon", &HORIZON.to_string()), ("summary", &summary)],
        ),
    );
    let column = |key: &str, year: u16| {
        format!(
            "<th scope=\"col\">{}</th>",
            texts.text(key, &[("year", &year.to_string())])
        )
    };
    out.push_str(&format!(
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"{id}-table-caption\">\n<table class=\"claims-table\">\n<caption id=\"{id}-table-caption\">{caption}</caption>\n<thead><tr><th scope=\"col\">{preset}</th>{}{}{}{}{}{}{}</tr></thead>\n<tbody>\n",
        column("claims.col.russia", TARGET_YEAR),
        column("claims.col.russia", LATER_YEAR),
        column("claims.col.first-year", TARGET_YEAR),
        column("claims.col.china", TARGET_YEAR),
        column("claims.col.trusted", TARGET_YEAR),
        column("claims.col.plausible", TARGET_YEAR),
        column("claims.col.around", TARGET_YEAR),
        caption = texts.text("claims.table-caption", &[("stage", tr_stage_name(stage))]),
        preset = texts.text("claims.col.preset", &[]),
    ));
    for row in rows {
        out.push_str(&format!(
            "<tr><th scope=\"row\"><a href=\"{link}\">{title}</a></th><td>{r30}</td><td>{r35}</td><td>{first}</td><td>{china}</td><td>{trusted}</td><td>{plausible}</td><td>{around}</td></tr>\n",
            link = calculator_link(lang, row.preset, Some(stage)),
            title = escape(row.preset.reader_title()),
            r30 = text::percent(row.russia_at[0], 1),
            r35 = text::percent(row.russia_at[1], 1),
            first = row.first_year_at_target.map_or_else(
                || texts.text("claims.not-by", &[("year", &HORIZON.to_string())]),
                |year| year.to_string()
            ),
            china = text::percent(row.china, 1),
            trusted = text::percent(row.trusted, 1),
            plausible = chance_words(row.odds[0]),
            around = chance_words(row.odds[1]),
        ));
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
    out
}

/// The stage's name in a sentence ("mining"), in the current language.
fn tr_stage_name(stage: Stage) -> &'static str {
    use crate::i18n::Msg;
    crate::tr!(match stage {
        Stage::Mining => Msg::StageMiningName,
        Stage::Separation => Msg::StageSeparationName,
        Stage::Magnets => Msg::StageMagnetsName,
    })
}

/// The chart's text alternative: the highest and lowest 2030 share and who reaches 10%.
fn summary(texts: &PageTexts, rows: &[ClaimNumbers]) -> String {
    let by_2030 = |row: &&ClaimNumbers| row.russia_at[0];
    let (Some(high), Some(low)) = (
        rows.iter().max_by(|a, b| by_2030(a).total_cmp(&by_2030(b))),
        rows.iter().min_by(|a, b| by_2030(a).total_cmp(&by_2030(b))),
    ) else {
        return String::new();
    };
    let reaching: Vec<&str> = rows
        .iter()
        .filter(|row| row.first_year_at_target.is_some())
        .map(|row| row.preset.reader_title())
        .collect();
    let horizon = HORIZON.to_string();
    let reach = if reaching.is_empty() {
        texts.text("claims.reach-none", &[("year", &horizon)])
    } else {
        let list = reaching.join(&texts.text("claims.list-separator", &[]));
        let count = reaching.len();
        texts.plural(
            "claims.reach-some",
            count as f64,
            &count.to_string(),
            &[("year", &horizon), ("presets", &list)],
        )
    };
    texts.text(
        "claims.summary",
        &[
            ("year", TARGET_YEAR.to_string().as_str()),
            ("high", high.preset.reader_title()),
            ("high_share", &text::percent(high.russia_at[0], 1)),
            ("low", low.preset.reader_title()),
            ("low_share", &text::percent(low.russia_at[0], 1)),
            ("reach", &reach),
        ],
    )
}

/// The whole page in `texts`' language (with that language set, see [`page`]): one section per
/// stage, mining first (the stage the 10% claim counts), and what each preset assumes.
fn to_html(texts: &PageTexts, all: &[(Stage, Vec<ClaimNumbers>)]) -> String {
    let lang = texts.lang();
    let title = texts.text("claims.title", &[]);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title} · Rare-Earth Outlook</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n<link rel=\"icon\" type=\"image/png\" sizes=\"192x192\" href=\"icons/icon-192.png\">\n",
        code = lang.id(),
    );
    for other in Lang::ALL {
        out.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n",
            other.id(),
            page_name(other)
        ));
    }
    // The language switch: each language's name in itself, the current one marked.
    let switch: Vec<String> = Lang::ALL
        .into_iter()
        .map(|other| {
            let current = if other == lang {
                " aria-current=\"page\""
            } else {
                ""
            };
            format!(
                "<a href=\"{}\" hreflang=\"{id}\" lang=\"{id}\"{current}>{}</a>",
                page_name(other),
                crate::tr!(other.name()),
                id = other.id(),
            )
        })
        .collect();
    out.push_str(&format!(
        "</head>\n<body class=\"claims-page\">\n<main class=\"claims-main\">\n<p><a class=\"claims-back\" href=\"{back}\">{back_text}</a></p>\n<nav class=\"claims-langs\" aria-label=\"{lang_label}\">{switch}</nav>\n<h1>{title}</h1>\n",
        back = if lang == Lang::En { "./".to_string() } else { format!("./#lang={}", lang.id()) },
        back_text = texts.text("claims.back", &[]),
        lang_label = crate::tr!(crate::i18n::Msg::LangLabel),
        switch = switch.join(" · "),
    ));
    out.push_str(&format!(
        "<p class=\"claims-intro\">{}</p>\n",
        texts.text(
            "claims.intro",
            &[
                ("horizon", &HORIZON.to_string()),
                ("version", crate::data::DATA_VERSION),
                (
                    "samples",
                    &text::thousands(f64::from(MonteCarloSettings::default().samples))
                ),
                ("seed", &MonteCarloSettings::default().seed.to_string()),
            ],
        )
    ));
    for (stage, rows) in all {
        out.push_str(&section(texts, *stage, rows));
    }
    out.push_str(&format!(
        "<section id=\"presets\" aria-labelledby=\"presets-heading\">\n<h2 id=\"presets-heading\">{}</h2>\n<dl class=\"claims-presets\">\n",
        texts.text("claims.presets-heading", &[])
    ));
    for preset in PRESETS {
        out.push_str(&format!(
            "<dt><a href=\"{}\">{}</a></dt><dd>{}</dd>\n",
            calculator_link(lang, &preset, None),
            escape(preset.reader_title()),
            escape(preset.reader_description())
        ));
    }
    out.push_str("</dl>\n</section>\n</main>\n</body>\n</html>\n");
    out
}
