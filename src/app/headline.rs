//! The headline numbers in plain words, at the stage the reader chose: Russia's 2030 share and
//! its gap to the targets with the reason, Russia's share at every stage with each stage's unit,
//! which stage the claim counts, China's 2030 share, the supply gap outside China when there is
//! one, and when trusted suppliers pass 25%. When a product of separation is chosen, the
//! projection it reads is [`crate::chart::product_view`]'s, whose separation is that product; for
//! magnets and heavy separation it adds the magnets made outside China that rely on China's Dy
//! and Tb.

use crate::analysis::MonteCarloResult;
use crate::app::chart_canvas::Compared;
use crate::chart::escape;
use crate::data::{Region, Stage};
use crate::explain::{HeavyWhy, Limit, RussiaWhy};
use crate::i18n::Msg;
use crate::params::Param;
use crate::projection::{Projection, RUSSIA_TARGETS, TARGET_YEAR};
use crate::scenario::Scenario;
use crate::state::{Product, Shown};
use crate::text::{self, percent, thousands, whole_percent};
use crate::tr;
use yew::prelude::*;

/// The trusted share the headline watches for. The sentence beside it ("25% is this page's own
/// milestone", static markup in [`view`]), the glossary's `g-trusted` entry and docs/MODEL.md's
/// Thresholds name the level too: change them with it.
pub const TRUSTED_LEVEL: f64 = 0.25;

/// The headline's texts name the target year and Russia's targets as they are ("2030", "10%",
/// "12%" in `i18n/*.json`, keys `headline.*` and `why.*`): change them with these.
const _: () =
    assert!(TARGET_YEAR == 2030 && RUSSIA_TARGETS[0] == 0.10 && RUSSIA_TARGETS[1] == 0.12);

/// The probability line: the chance that Russia reaches the target, in words, with what the odds
/// assume ([`MonteCarloResult::chance_text`]).
pub fn probability_text(bands: &MonteCarloResult) -> String {
    bands.chance_text()
}

/// What a stage's (or product's) share is a share of, in a few words.
pub fn stage_measure(shown: Shown) -> &'static str {
    match shown {
        Shown::Stage(Stage::Mining) => tr!(Msg::HeadlineMeasureMining),
        Shown::Stage(Stage::Separation) => tr!(Msg::HeadlineMeasureSeparation),
        Shown::Stage(Stage::Magnets) => tr!(Msg::HeadlineMeasureMagnets),
        Shown::Product(Product::Light) => tr!(Msg::HeadlineMeasureLight),
        Shown::Product(Product::Heavy) => tr!(Msg::HeadlineMeasureHeavy),
    }
}

/// What a stage (or product) counts, in plain words with its unit.
pub fn stage_unit_words(shown: Shown) -> &'static str {
    match shown {
        Shown::Stage(Stage::Mining) => tr!(Msg::HeadlineUnitMining),
        Shown::Stage(Stage::Separation) => tr!(Msg::HeadlineUnitSeparation),
        Shown::Stage(Stage::Magnets) => tr!(Msg::HeadlineUnitMagnets),
        Shown::Product(Product::Light) => tr!(Msg::HeadlineUnitLight),
        Shown::Product(Product::Heavy) => tr!(Msg::HeadlineUnitHeavy),
    }
}

/// "2030", "mid-2030" or "late 2030" for a fractional year.
fn season(year: f64) -> String {
    let whole = year.floor();
    let part = year - whole;
    let msg = if part < 0.25 {
        Msg::HeadlineSeasonEarly
    } else if part < 0.75 {
        Msg::HeadlineSeasonMid
    } else {
        Msg::HeadlineSeasonLate
    };
    tr!(dyn msg, year = text::fixed(whole, 0))
}

/// Russia's 2030 share of `shown` against its targets, in words.
pub fn russia_text(projection: &Projection, shown: Shown) -> String {
    let share = projection.share(TARGET_YEAR, shown.stage(), Region::Russia);
    let [low, high] = RUSSIA_TARGETS;
    let met = |target: f64| share + 1e-12 >= target;
    // One sentence per case; `a` and `b` are the points short of the targets it names.
    let msg = if met(high) {
        Msg::HeadlineRussiaBoth
    } else if met(low) {
        Msg::HeadlineRussiaLow
    } else {
        Msg::HeadlineRussiaShort
    };
    let (a, b) = if met(low) {
        (text::points(high - share), String::new())
    } else {
        (text::points(low - share), text::points(high - share))
    };
    tr!(dyn msg, measure = stage_measure(shown), a = a, b = b)
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
        return tr!(
            Msg::WhyCovered,
            share = percent(scenario.get(Param::RuPlanShare), 1)
        );
    }
    let unit = stage.unit();
    let mut parts = vec![tr!(
        Msg::WhyAmbition,
        amount = thousands(why.ambition),
        unit = unit,
        bought = if why.nameplate + 0.5 < why.ambition {
            tr!(
                Msg::WhyBought,
                amount = thousands(why.nameplate),
                unit = unit
            )
        } else {
            String::new()
        },
        odds = if why.is_risked() {
            tr!(Msg::WhyOddsPart, clause = why.odds_clause())
        } else {
            String::new()
        }
    )];
    let season = season(why.start);
    parts.push(match why.delay() {
        Some(delay) if delay < 1.0 => tr!(
            Msg::WhyDelayMonths,
            months = text::fixed((delay * 12.0).max(1.0), 0),
            season = season
        ),
        Some(delay) => tr!(
            Msg::WhyDelayYears,
            announced = text::fixed(why.announced, 0),
            season = season,
            delay = text::fixed(delay, 1)
        ),
        None => tr!(Msg::WhyStart, season = season),
    });
    let online = why.reached_by(TARGET_YEAR);
    // A plant runs at 90% of nameplate at best (docs/MODEL.md, equation 7); below that, sanctions
    // and prices are why.
    let note = if why.utilisation < 0.895 {
        tr!(Msg::WhyBelowDesign)
    } else {
        ""
    };
    let rate = percent(why.utilisation, 0);
    parts.push(if online <= 0.0 {
        tr!(Msg::WhyOnlineNone).to_string()
    } else if online >= 0.995 {
        tr!(Msg::WhyOnlineFull, rate = rate, note = note)
    } else {
        tr!(
            Msg::WhyOnlinePart,
            online = percent(online, 0),
            rate = rate,
            note = note
        )
    });
    if let Some(from) = why.constrained_from {
        parts.push(tr!(
            dyn if stage == Stage::Mining {
                Msg::WhyReserves
            } else {
                Msg::WhyFeed
            },
            year = from.to_string()
        ));
    }
    if let Some(limit) = why.binding_limit() {
        parts.push(tr!(
            Msg::WhyLimit,
            limit = tr!(match limit {
                Limit::Money => Msg::WhyLimitMoney,
                Limit::Feed => Msg::WhyLimitFeed,
                Limit::Sanctions => Msg::WhyLimitSanctions,
                Limit::Ramp => Msg::WhyLimitRamp,
                Limit::HeavySupply => Msg::WhyLimitHeavy,
            })
        ));
    }
    if why.heavy_from_china > 0.0 {
        parts.push(tr!(
            Msg::WhyHeavyFromChina,
            share = percent(why.heavy_from_china, 0)
        ));
    }
    tr!(Msg::WhySentence, parts = parts.join("; "))
}

/// Why Russia makes next to no Dy and Tb in the target year: its ore, and whether Tomtor is on.
fn heavy_why(heavy: &HeavyWhy) -> String {
    tr!(Msg::WhyHeavy, tomtor = heavy.tomtor_words())
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
    tr!(
        Msg::HeadlineChina,
        share = percent(projection.share(TARGET_YEAR, stage, Region::China), 1),
        name = shown.name(),
        then = percent(
            projection.share(projection.base_year, stage, Region::China),
            1
        ),
        base = projection.base_year.to_string(),
        more = on_china.unwrap_or_default()
    )
}

/// When suppliers outside China and Russia pass [`TRUSTED_LEVEL`] of `shown`, in words.
pub fn trusted_text(projection: &Projection, shown: Shown) -> String {
    let (msg, year) = match projection.first_year_trusted_reaches(shown.stage(), TRUSTED_LEVEL) {
        Some(year) => (Msg::HeadlineTrustedPass, year),
        None => (Msg::HeadlineTrustedNot, projection.last_year()),
    };
    tr!(
        dyn msg,
        level = whole_percent(TRUSTED_LEVEL),
        name = shown.name(),
        year = year.to_string()
    )
}

/// The supply gap outside China of `shown`, as HTML (`#headline-gap`: its link to the
/// glossary's explanation, then the model's text): in the target year when there is one then, else in the year it is
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
            r##"<p id="headline-gap"><a href="#g-supply-gap">{}</a>{}</p>"##,
            escaped(Msg::HeadlineGapLink),
            escape(&tr!(
                Msg::HeadlineGap,
                year = year.to_string(),
                name = shown.name(),
                amount = thousands(gap),
                unit = stage.unit(),
                share = percent(share, 1)
            ))
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
    Some(tr!(
        Msg::HeadlineOnChina,
        amount = thousands(on_china),
        total = thousands(outside),
        share = percent(share, 0)
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
    tr!(
        Msg::HeadlineCompared,
        label = label,
        russia = percent(then(Region::Russia), 1),
        china = percent(then(Region::China), 1),
        dr = change(russia, then(Region::Russia)),
        dc = change(china, then(Region::China))
    )
}

/// `#headline-probability`, with the raw probability in `data-value`, as HTML.
fn probability_html(bands: Option<&MonteCarloResult>, fresh: bool) -> String {
    match bands {
        Some(bands) => format!(
            r#"<p id="headline-probability" data-value="{}" aria-busy="{}">{}</p>"#,
            text::shortest(bands.probability),
            !fresh,
            escape(&probability_text(bands))
        ),
        None => format!(
            r#"<p id="headline-probability" aria-busy="true">{}</p>"#,
            escaped(Msg::HeadlineChanceWorking)
        ),
    }
}

/// `msg` escaped for an HTML string.
#[inline(never)]
fn escaped(msg: Msg) -> String {
    escape(tr!(msg))
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
    // The heading leads the main numbers' HTML string.
    let mut main = format!(
        r#"<h2 id="headline-heading" class="visually-hidden">{}</h2><p id="headline-russia" class="headline-main" data-value="{}"><span class="big">{}</span> {}</p><ul id="headline-stages" class="headline-stages" aria-label="{}">"#,
        escaped(Msg::HeadlineHeading),
        text::shortest(russia),
        percent(russia, 1),
        escape(&russia_text(projection, shown)),
        escaped(Msg::HeadlineStagesLabel),
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
            escape(each.label()),
            percent(share, 1),
            escape(stage_unit_words(each))
        ));
    }
    main.push_str("</ul>");
    let others = format!(
        r#"<p id="headline-china" data-value="{}">{}</p>{}"#,
        text::shortest(china),
        escape(&china_text(projection, shown)),
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
            { model_html(main) }
            <p id="headline-live" class="visually-hidden" aria-live="polite">
                { tr!(Msg::HeadlineLive, name = shown.name(), share = percent(russia, 1)) }
            </p>
            // One line per pinned reference, as text (its name is the reader's).
            if !references.is_empty() {
                <p id="headline-compare" class="headline-compare">{ comparison }</p>
            }
            if let Some(gap) = gap {
                { model_html(gap) }
            }
            // Open beside the charts on a wide screen; folded on a phone, so that the first chart
            // follows the key numbers on the first screen.
            <details class="headline-more" open={crate::web::colour_scheme::is_wide()}>
            // Which stage the 10% claim counts, and why the stages differ; then why Russia lands
            // where it does. Neither changes with the odds, so the link keeps a reader's focus.
            // Two strings: the fixed one is not parsed again when the why line changes.
            { model_html(format!(r##"<summary>{}</summary><p class="headline-claim">{} <a href="#g-stage">{}</a></p>"##, escaped(Msg::HeadlineMore), escaped(Msg::HeadlineClaim), escaped(Msg::HeadlineClaimLink))) }
            { model_html(format!(r##"<p id="headline-why" class="headline-why">{}</p>"##, escape(&russia_why(projection, full, scenario, shown)))) }
            <div class="headline-others">
                { model_html(others) }
                // Its own string: the odds arriving leave it, and its link's focus, as it is.
                { model_html(crate::i18n::fill(&format!(r##"<p id="headline-trusted" data-value="{}">{}{}</p>"##, trusted_year.map_or_else(|| "none".to_string(), |year| year.to_string()), escape(&trusted_text(projection, shown)), escaped(Msg::HeadlineMilestone)), &[&format!(r##"<a href="#g-trusted">{}</a>"##, escaped(Msg::HeadlineMilestoneLink))])) }
            </div>
            </details>
        </section>
    }
}
