//! All claims at a glance: every preset run to 2040, with the numbers a reader compares claims
//! by (Russia's share in 2030 and 2035, the first year at 10%, China's and the trusted share in
//! 2030, and the odds of 10% in 2030 both ways the page computes them) and one chart per stage.
//!
//! Presets are fixed, and so is the Monte Carlo's seed, so the whole view is computed once, at
//! build time, into the static page `www/claims.html` (`to_html`; `tests/claims_page.rs` fails when
//! the file is out of date and rewrites it with UPDATE_SNAPSHOTS=1). The page's wasm carries none
//! of it; each row links to its preset in the calculator.

use crate::analysis::{chance_words, monte_carlo, MonteCarloSettings, Output, Sampling, Target};
use crate::chart::claims::{self as chart, ClaimLine};
use crate::data::{Region, Stage};
use crate::hindcast::escape;
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

/// The charts' files, in `www/claims/`: for each stage a wide picture (legend at the right) and a
/// narrow one for phones (legend above), which `<picture>` chooses between, so a phone downloads
/// one of them.
pub fn charts() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for stage in STAGES {
        let lines: Vec<ClaimLine> = claims(stage)
            .into_iter()
            .map(|row| ClaimLine {
                title: row.preset.title,
                points: row.russia,
            })
            .collect();
        files.push((
            format!("{}.svg", stage.id()),
            chart::to_svg(stage, &lines, 960, 480),
        ));
        files.push((
            format!("{}-narrow.svg", stage.id()),
            chart::to_svg(stage, &lines, 360, 560),
        ));
    }
    files
}

/// The stages, mining first: the stage the 10% claim counts.
const STAGES: [Stage; 3] = [Stage::Mining, Stage::Separation, Stage::Magnets];

/// One stage's section: the chart (a picture with a text alternative) and the table.
fn section(stage: Stage) -> String {
    let rows = claims(stage);
    let id = stage.id();
    let summary = escape(&summary(&rows));
    let mut out = format!(
        "<section id=\"{id}\" class=\"claims-stage\" aria-labelledby=\"{id}-heading\">\n<h2 id=\"{id}-heading\">{label}</h2>\n<figure class=\"claims-figure\">\n<picture><source media=\"(max-width: 599px)\" srcset=\"claims/{id}-narrow.svg\" width=\"360\" height=\"560\"><img src=\"claims/{id}.svg\" width=\"960\" height=\"480\"{lazy} alt=\"Line chart: Russia's share of world {id} under each preset. {summary}\"></picture>\n<figcaption>Russia's share of world {id} from {base} to {HORIZON} under each preset, with the 10% and 12% targets. {summary}</figcaption>\n</figure>\n",
        label = stage.label(),
        // Only the first stage's chart is on the first screen; the others load as the reader nears them.
        lazy = if stage == STAGES[0] { " decoding=\"async\"" } else { " loading=\"lazy\" decoding=\"async\"" },
        base = rows.first().and_then(|row| row.russia.first()).map_or(0, |(year, _)| *year),
    );
    out.push_str(&format!(
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"{id}-table-caption\">\n<table class=\"claims-table\">\n<caption id=\"{id}-table-caption\">Key numbers per preset at the {id} stage</caption>\n<thead><tr><th scope=\"col\">Preset</th><th scope=\"col\">Russia {TARGET_YEAR}</th><th scope=\"col\">Russia {LATER_YEAR}</th><th scope=\"col\">First year at 10%</th><th scope=\"col\">China {TARGET_YEAR}</th><th scope=\"col\">Trusted share {TARGET_YEAR}</th><th scope=\"col\">Chance of 10% in {TARGET_YEAR}, plausible ranges</th><th scope=\"col\">Chance of 10% in {TARGET_YEAR}, around the preset</th></tr></thead>\n<tbody>\n"
    ));
    for row in &rows {
        out.push_str(&format!(
            "<tr><th scope=\"row\"><a href=\"./#v=1&amp;p={preset}&amp;st={id}\">{title}</a></th><td>{r30}</td><td>{r35}</td><td>{first}</td><td>{china}</td><td>{trusted}</td><td>{plausible}</td><td>{around}</td></tr>\n",
            preset = row.preset.id,
            title = escape(row.preset.title),
            r30 = text::percent(row.russia_at[0], 1),
            r35 = text::percent(row.russia_at[1], 1),
            first = row
                .first_year_at_target
                .map_or_else(|| format!("not by {HORIZON}"), |year| year.to_string()),
            china = text::percent(row.china, 1),
            trusted = text::percent(row.trusted, 1),
            plausible = chance_words(row.odds[0]),
            around = chance_words(row.odds[1]),
        ));
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
    out
}

/// The chart's text alternative: the highest and lowest 2030 share and who reaches 10%.
fn summary(rows: &[ClaimNumbers]) -> String {
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
        .map(|row| row.preset.title)
        .collect();
    let reach = if reaching.is_empty() {
        format!("No preset reaches 10% by {HORIZON}.")
    } else {
        format!("Reaching 10% by {HORIZON}: {}.", reaching.join(", "))
    };
    format!(
        "In {TARGET_YEAR} the highest is {} at {}, the lowest {} at {}. {reach}",
        high.preset.title,
        text::percent(high.russia_at[0], 1),
        low.preset.title,
        text::percent(low.russia_at[0], 1),
    )
}

/// The whole of `claims.html`: one section per stage, mining first (the stage the 10% claim
/// counts), and what each preset assumes.
pub fn to_html() -> String {
    let mut out = String::from(HEAD);
    out.push_str(&format!(
        "<p class=\"claims-intro\">Every preset of the calculator, each encoding a published claim, run to {HORIZON} with the data {version}. The 10% claim counts <a href=\"#mining\">mining</a>; <a href=\"#separation\">separation</a> and <a href=\"#magnets\">magnets</a> follow. Each preset's name opens it in the calculator, where every number can be moved. The chances come from {samples} runs (seed {seed}) drawn under the model's plausible ranges, or around the preset's own assumptions; see the calculator's glossary for both.</p>\n",
        version = crate::data::DATA_VERSION,
        samples = text::thousands(f64::from(MonteCarloSettings::default().samples)),
        seed = MonteCarloSettings::default().seed,
    ));
    for stage in STAGES {
        out.push_str(&section(stage));
    }
    out.push_str("<section id=\"presets\" aria-labelledby=\"presets-heading\">\n<h2 id=\"presets-heading\">What each preset assumes</h2>\n<dl class=\"claims-presets\">\n");
    for preset in PRESETS {
        out.push_str(&format!(
            "<dt><a href=\"./#v=1&amp;p={}\">{}</a></dt><dd>{}</dd>\n",
            preset.id,
            escape(preset.title),
            escape(preset.description)
        ));
    }
    out.push_str("</dl>\n</section>\n</main>\n</body>\n</html>\n");
    out
}

const HEAD: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>All claims at a glance · Rare-Earth Outlook</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n<link rel=\"icon\" type=\"image/png\" sizes=\"192x192\" href=\"icons/icon-192.png\">\n</head>\n<body class=\"claims-page\">\n<main class=\"claims-main\">\n<p><a href=\"./\">← Back to the calculator</a></p>\n<h1>All claims at a glance</h1>\n";
