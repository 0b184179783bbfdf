//! The headline numbers in plain words, at the stage the reader chose: Russia's 2030 share and
//! its gap to the targets with the reason, Russia's share at every stage with each stage's unit,
//! which stage the claim counts, China's 2030 share, the supply gap outside China when there is
//! one, and when trusted suppliers pass 25%. When a product of separation is chosen, the
//! projection it reads is [`crate::chart::product_view`]'s, whose separation is that product; for
//! magnets and heavy separation it adds the magnets made outside China that rely on China's Dy
//! and Tb.

use crate::analysis::MonteCarloResult;
use crate::app::chart_canvas::Compared;
use crate::app::markup;
use crate::data::{Region, Stage};
use crate::explain::{HeavyWhy, Limit, RussiaWhy};
use crate::params::Param;
use crate::projection::{Projection, RUSSIA_TARGETS, TARGET_YEAR};
use crate::scenario::Scenario;
use crate::state::{Product, Shown};
use crate::text::{self, percent, thousands, whole_percent};
use yew::prelude::*;

/// The trusted share the headline watches for. The sentence beside it ("25% is this page's own
/// milestone", static markup in [`view`]), the glossary's `g-trusted` entry and docs/MODEL.md's
/// Thresholds name the level too: change them with it.
pub const TRUSTED_LEVEL: f64 = 0.25;

/// The probability line: the chance that Russia reaches the target, in words, with what the odds
/// assume ([`MonteCarloResult::chance_text`]).
pub fn probability_text(bands: &MonteCarloResult) -> String {
    bands.chance_text()
}

/// What a stage's (or product's) share is a share of, in a few words.
pub fn stage_measure(shown: Shown) -> &'static str {
    match shown {
        Shown::Stage(Stage::Mining) => "world mine output",
        Shown::Stage(Stage::Separation) => "world magnet rare-earth separation",
        Shown::Stage(Stage::Magnets) => "world NdFeB magnet making",
        Shown::Product(Product::Light) => "world separation of light rare earths (Nd, Pr)",
        Shown::Product(Product::Heavy) => "world separation of heavy rare earths (Dy, Tb)",
    }
}

/// What a stage (or product) counts, in plain words with its unit.
pub fn stage_unit_words(shown: Shown) -> &'static str {
    match shown {
        Shown::Stage(Stage::Mining) => "ore, in tonnes of rare-earth oxide",
        Shown::Stage(Stage::Separation) => "Nd, Pr, Dy and Tb oxides, in tonnes",
        Shown::Stage(Stage::Magnets) => "NdFeB magnets, in tonnes",
        Shown::Product(Product::Light) => "Nd and Pr oxides, in tonnes",
        Shown::Product(Product::Heavy) => "Dy and Tb oxides, in tonnes",
    }
}

/// A difference of shares in percentage points, one decimal: "6.9 percentage points".
fn points(difference: f64) -> String {
    format!("{} percentage points", text::points(difference))
}

/// "early 2030", "mid-2030" or "late 2030" for a fractional year.
fn season(year: f64) -> String {
    let whole = year.floor();
    let part = year - whole;
    let prefix = if part < 0.25 {
        ""
    } else if part < 0.75 {
        "mid-"
    } else {
        "late "
    };
    format!("{prefix}{}", text::fixed(whole, 0))
}

/// Russia's 2030 share of `shown` against its targets, in words.
pub fn russia_text(projection: &Projection, shown: Shown) -> String {
    let share = projection.share(TARGET_YEAR, shown.stage(), Region::Russia);
    let [low, high] = RUSSIA_TARGETS;
    let met = |target: f64| share + 1e-12 >= target;
    let against = if met(high) {
        format!(
            "meets both the {} and {} targets",
            whole_percent(low),
            whole_percent(high)
        )
    } else if met(low) {
        format!(
            "meets the {} target, {} short of {}",
            whole_percent(low),
            points(high - share),
            whole_percent(high)
        )
    } else {
        format!(
            "{} and {} points short of the {} and {} targets",
            text::points(low - share),
            text::points(high - share),
            whole_percent(low),
            whole_percent(high)
        )
    };
    format!(
        "Russia's share of {} in {TARGET_YEAR}: {against}.",
        stage_measure(shown)
    )
}

/// One line on why Russia lands where it does at `shown` (the facts from [`RussiaWhy`] of its
/// stage, in plain words); for heavy separation while Russia makes next to no Dy and Tb, that its
/// ore yields light rare earths only ([`heavy_why`]).
pub fn russia_why(
    projection: &Projection,
    full: &Projection,
    scenario: &Scenario,
    shown: Shown,
) -> String {
    let stage = shown.stage();
    if shown == Shown::Product(Product::Heavy) {
        // Read from the whole projection: `projection` is the heavy product's view.
        let heavy = HeavyWhy::of(full, scenario);
        if heavy.share < 0.0005 && heavy.limit().is_some() {
            return heavy_why(&heavy);
        }
    }
    let why = RussiaWhy::of(projection, scenario, stage);
    if why.ambition < 1.0 {
        return format!(
            "Why: Russia's existing and committed capacity already covers its ambition of {}, so no new programme is built.",
            percent(scenario.get(Param::RuPlanShare), 1)
        );
    }
    let unit = stage.unit();
    let mut parts = vec![format!(
        "its ambition asks for a new programme of {} {unit} a year{}{}",
        thousands(why.ambition),
        if why.nameplate + 0.5 < why.ambition {
            format!(
                ", of which the money buys {} {unit}",
                thousands(why.nameplate)
            )
        } else {
            String::new()
        },
        if why.is_risked() {
            format!(", {}", why.odds_clause())
        } else {
            String::new()
        }
    )];
    match why.delay() {
        Some(delay) if delay < 1.0 => parts.push(format!(
            "sanctions and prices delay its first output by about {} months, to {}",
            text::fixed((delay * 12.0).max(1.0), 0),
            season(why.start)
        )),
        Some(delay) => parts.push(format!(
            "sanctions and prices push its first output from {} to {} ({} years late)",
            text::fixed(why.announced, 0),
            season(why.start),
            text::fixed(delay, 1)
        )),
        None => parts.push(format!("its first output comes in {}", season(why.start))),
    }
    let online = why.reached_by(TARGET_YEAR);
    // A plant runs at 90% of nameplate at best (docs/MODEL.md, equation 7); below that, sanctions
    // and prices are why.
    let use_note = if why.utilisation < 0.895 {
        " (sanctions and prices hold it below the 90% its plants are designed for)"
    } else {
        ""
    };
    if online <= 0.0 {
        parts.push(format!(
            "so it adds nothing by {TARGET_YEAR}: Russia's share then is its existing plants'"
        ));
    } else if online >= 0.995 {
        parts.push(format!(
            "by {TARGET_YEAR} it is fully ramped up and runs at {} of its capacity{use_note}",
            percent(why.utilisation, 0)
        ));
    } else {
        parts.push(format!(
            "by {TARGET_YEAR} it has ramped up {} of the way, and fully ramped it would run at {} of its capacity{use_note}",
            percent(online, 0),
            percent(why.utilisation, 0)
        ));
    }
    if let Some(year) = why.constrained_from {
        parts.push(if stage == Stage::Mining {
            format!("reserves cap its mining from {year}")
        } else {
            format!("feed limits its output from {year}")
        });
    }
    if let Some(limit) = why.binding_limit() {
        parts.push(format!(
            "what holds it back most in {TARGET_YEAR}: {}",
            match limit {
                Limit::Money => "the money",
                Limit::Feed => "feed",
                Limit::Sanctions => "sanctions and prices",
                Limit::Ramp => "time to ramp up",
                Limit::HeavySupply => "heavy supply",
            }
        ));
    }
    if why.heavy_from_china > 0.0 {
        parts.push(format!(
            "its magnets take {} of their Dy and Tb from China",
            percent(why.heavy_from_china, 0)
        ));
    }
    format!("Why: {}.", parts.join("; "))
}

/// Why Russia makes next to no Dy and Tb in the target year: its ore, and whether Tomtor is on.
fn heavy_why(heavy: &HeavyWhy) -> String {
    format!("Why: Russia's separation runs on loparite, which yields light rare earths (Nd, Pr) only, and Tomtor's heavy ore is {}; what holds it back most in {TARGET_YEAR}: heavy supply.", heavy.tomtor_words())
}

/// China's 2030 share of `shown`, in words; for magnets and heavy separation, with the magnets made
/// outside China that rely on its Dy and Tb ([`magnets_on_china_text`]).
pub fn china_text(projection: &Projection, shown: Shown) -> String {
    let stage = shown.stage();
    let on_china = match shown {
        Shown::Stage(Stage::Magnets) | Shown::Product(Product::Heavy) => {
            magnets_on_china_text(projection)
        }
        _ => None,
    };
    format!(
        "China would hold {} of {} in {TARGET_YEAR} ({} in {}).{}",
        percent(projection.share(TARGET_YEAR, stage, Region::China), 1),
        shown.name(),
        percent(
            projection.share(projection.base_year, stage, Region::China),
            1
        ),
        projection.base_year,
        on_china.unwrap_or_default()
    )
}

/// When suppliers outside China and Russia pass [`TRUSTED_LEVEL`] of `shown`, in words.
pub fn trusted_text(projection: &Projection, shown: Shown) -> String {
    let level = whole_percent(TRUSTED_LEVEL);
    let name = shown.name();
    match projection.first_year_trusted_reaches(shown.stage(), TRUSTED_LEVEL) {
        Some(year) => {
            format!("Suppliers outside China and Russia pass {level} of {name} in {year}.")
        }
        None => format!(
            "Suppliers outside China and Russia do not reach {level} of {name} by {}.",
            projection.last_year()
        ),
    }
}

/// The supply gap outside China of `shown`, as HTML (the model's text, with a link to the
/// glossary's explanation): in the target year when there is one then, else in the year it is
/// largest; `None` when there is none in any year.
pub fn gap_text(projection: &Projection, shown: Shown) -> Option<String> {
    let stage = shown.stage();
    let mut worst: Option<(u16, f64, f64)> = None;
    for (year, cell) in projection.stage_series(stage) {
        let better = match worst {
            Some((at, gap, _)) => {
                at != TARGET_YEAR && (year == TARGET_YEAR || cell.supply_gap > gap)
            }
            None => true,
        };
        if cell.supply_gap >= 0.5 && better {
            worst = Some((year, cell.supply_gap, cell.supply_gap_share));
        }
    }
    worst.map(|(year, gap, share)| {
        format!(
            "<a href=\"#g-supply-gap\">Supply gap</a> outside China in {year}, {}: {} {}, {} of demand there.",
            shown.name(),
            thousands(gap),
            stage.unit(),
            percent(share, 1)
        )
    })
}

/// The magnets made outside China in 2030 whose Dy and Tb must come from China, in words (with a
/// leading space).
pub fn magnets_on_china_text(projection: &Projection) -> Option<String> {
    let cell = projection.get(TARGET_YEAR, Stage::Magnets)?;
    let on_china =
        projection.heavy[usize::from(TARGET_YEAR - projection.base_year)].magnets_on_china;
    let outside = cell.output.iter().sum::<f64>() - cell.output[Region::China as usize];
    let share = if outside > 0.0 {
        on_china / outside
    } else {
        0.0
    };
    Some(format!(
        " Magnet output outside China that depends on Chinese Dy and Tb in {TARGET_YEAR}: {} t of the {} t made there ({}).",
        thousands(on_china),
        thousands(outside),
        percent(share, 0)
    ))
}

/// One pinned reference's line: "Supply-chain skeptic (dashed): Russia 4.1% and China 61.0% in
/// 2030 (this scenario: +0.8 and −2.0 percentage points)." (`label` is escaped by yew: it goes in
/// a text node.)
fn compared(label: &str, russia: f64, china: f64, reference: &Projection, stage: Stage) -> String {
    let then = |region| reference.share(TARGET_YEAR, stage, region);
    let change = |now: f64, then: f64| {
        let sign = if now - then >= 0.0 { "+" } else { "−" };
        format!("{sign}{}", text::points(now - then))
    };
    format!(
        "{label}: Russia {} and China {} in {TARGET_YEAR} (this scenario: {} and {} percentage points).",
        percent(then(Region::Russia), 1),
        percent(then(Region::China), 1),
        change(russia, then(Region::Russia)),
        change(china, then(Region::China)),
    )
}

/// `#headline-probability`, with the raw probability in `data-value`, as HTML.
fn probability_html(bands: Option<&MonteCarloResult>, fresh: bool) -> String {
    match bands {
        Some(bands) => format!(
            r#"<p id="headline-probability" data-value="{}" aria-busy="{}">{}</p>"#,
            text::shortest(bands.probability),
            !fresh,
            probability_text(bands)
        ),
        None => r#"<p id="headline-probability" aria-busy="true">Working out the chance of reaching the target…</p>"#
            .to_string(),
    }
}

/// Model text as HTML, parsed by the browser (see [`crate::app::markup`]): the headline's
/// paragraphs are written as strings, which costs the page far less than yew's code for each
/// element. Only numbers the model formats and fixed wording go in, never text from a reader, a
/// link or a file. Links stay in their own static markup beside it, so a reader's focus on one
/// survives new numbers.
fn model_html(html: String) -> Html {
    Html::from_html_unchecked(html.into())
}

/// The headline section `#headline` for `shown`, read from `projection` (and `reference`): for a
/// product of separation, their [`crate::chart::product_view`]; `full` is the whole projection. Only its one key number, in `#headline-live`, is announced to
/// screen readers when it changes; the rest is read on demand.
pub fn view(
    projection: &Projection,
    full: &Projection,
    scenario: &Scenario,
    shown: Shown,
    references: &[Compared],
    bands: Option<&MonteCarloResult>,
    fresh: bool,
) -> Html {
    let stage = shown.stage();
    let russia = projection.share(TARGET_YEAR, stage, Region::Russia);
    let china = projection.share(TARGET_YEAR, stage, Region::China);
    let trusted_year = projection.first_year_trusted_reaches(stage, TRUSTED_LEVEL);
    let mut main = format!(
        r#"<p id="headline-russia" class="headline-main" data-value="{}"><span class="big">{}</span> {}</p><ul id="headline-stages" class="headline-stages" aria-label="Russia's share in {TARGET_YEAR} at each stage">"#,
        text::shortest(russia),
        percent(russia, 1),
        russia_text(projection, shown),
    );
    // Separation is the product shown, if one is (the projection's separation is it).
    for each in Stage::ALL {
        let share = projection.share(TARGET_YEAR, each, Region::Russia);
        let each = if each == stage {
            shown
        } else {
            Shown::Stage(each)
        };
        main.push_str(&format!(
            r#"<li data-stage="{}" data-value="{}"><b>{} {}</b>: {}</li>"#,
            each.id(),
            text::shortest(share),
            each.label(),
            percent(share, 1),
            stage_unit_words(each)
        ));
    }
    main.push_str("</ul>");
    let others = format!(
        r#"<p id="headline-china" data-value="{}">{}</p>{}"#,
        text::shortest(china),
        china_text(projection, shown),
        probability_html(bands, fresh)
    );
    let gap = gap_text(projection, shown);
    let comparison = references
        .iter()
        .map(|one| compared(&one.label, russia, china, &one.projection, stage))
        .collect::<Vec<_>>()
        .join("\n");
    html! {
        <section id="headline" class="headline" aria-labelledby="headline-heading" data-stage={shown.id()}>
            { markup(r#"<h2 id="headline-heading" class="visually-hidden">Headline numbers</h2>"#) }
            <p id="headline-live" class="visually-hidden" aria-live="polite">
                { format!("Russia, {} {TARGET_YEAR}: {}", shown.name(), percent(russia, 1)) }
            </p>
            { model_html(main) }
            // One line per pinned reference, as text (its name is the reader's).
            if !references.is_empty() {
                <p id="headline-compare" class="headline-compare">{ comparison }</p>
            }
            if let Some(gap) = gap {
                // The model's own text with its glossary link, as an HTML string (see `app::markup`).
                { Html::from_html_unchecked(format!(r#"<p id="headline-gap">{gap}</p>"#).into()) }
            }
            // Open beside the charts on a wide screen; folded on a phone, so that the first chart
            // follows the key numbers on the first screen.
            <details class="headline-more" open={crate::web::colour_scheme::is_wide()}>
            // Which stage the 10% claim counts, and why the stages differ.
            { markup(r##"<summary>Why, China and the odds</summary><p class="headline-claim">The 10% and 12% claims count mining: the 10% was set against Russia's 1.3% of world mine output in 2019 (Reuters, 12 August 2020), and neither claim names another stage. The stages differ because each has its own plants: Russia mines loparite today but separates and makes magnets from very little, and its new plants start later the further down the chain they are. <a href="#g-stage">Stages explained</a></p>"##) }
            <p id="headline-why" class="headline-why">{ russia_why(projection, full, scenario, shown) }</p>
            <div class="headline-others">
                { model_html(others) }
                <p id="headline-trusted" data-value={trusted_year.map_or_else(|| "none".to_string(), |year| year.to_string())}>
                    { trusted_text(projection, shown) }
                    { markup(r##" 25% is this page's own milestone, not a published target: <a href="#g-trusted">why 25%</a>."##) }
                </p>
            </div>
            </details>
        </section>
    }
}
