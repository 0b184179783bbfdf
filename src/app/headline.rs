//! The headline numbers in plain words: Russia's 2030 separation share and its gap to the
//! targets with the reason, China's 2030 share, and when trusted suppliers pass 25%.

use crate::analysis::MonteCarloResult;
use crate::data::{Region, Stage};
use crate::explain::RussiaWhy;
use crate::params::Param;
use crate::projection::{Projection, RUSSIA_TARGETS, TARGET_YEAR};
use crate::scenario::Scenario;
use crate::text::{self, percent, thousands, whole_percent};
use yew::prelude::*;

/// The trusted share the headline watches for.
pub const TRUSTED_LEVEL: f64 = 0.25;

/// The probability line: the chance that Russia reaches the target, in words, with what the odds
/// assume ([`MonteCarloResult::chance_text`]).
pub fn probability_text(bands: &MonteCarloResult) -> String {
    bands.chance_text()
}

/// A difference of shares in percentage points: "6.7 points".
fn points(difference: f64) -> String {
    let value = (difference * 1000.0).round() / 10.0;
    if value == 1.0 {
        "1 percentage point".to_string()
    } else {
        format!("{} percentage points", text::fixed(value, 1))
    }
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

/// Russia's 2030 separation share against its targets, in words.
pub fn russia_text(projection: &Projection) -> String {
    let share = projection.share(TARGET_YEAR, Stage::Separation, Region::Russia);
    let [low, high] = RUSSIA_TARGETS;
    let gap = |target: f64| {
        if share + 1e-12 >= target {
            format!("meets its {} target", whole_percent(target))
        } else {
            format!(
                "{} short of {}",
                points(target - share),
                whole_percent(target)
            )
        }
    };
    format!(
        "Russia would separate {} of the world's rare earths in {TARGET_YEAR}: {}, {}.",
        percent(share, 1),
        gap(low),
        gap(high)
    )
}

/// One line on why Russia lands where it does at the separation stage (the facts from
/// [`RussiaWhy`], in plain words).
pub fn russia_why(projection: &Projection, scenario: &Scenario) -> String {
    let why = RussiaWhy::of(projection, scenario, Stage::Separation);
    if why.nameplate < 1.0 {
        return format!(
            "Why: Russia's existing and committed capacity already covers its ambition of {}, so no new programme is built.",
            percent(scenario.get(Param::RuPlanShare), 1)
        );
    }
    let mut parts = vec![if why.is_risked() {
        format!(
            "the programme is sized for {} t of oxide a year and {}",
            thousands(why.nameplate),
            why.odds_clause()
        )
    } else {
        format!(
            "the programme is sized for {} t of oxide a year",
            thousands(why.nameplate)
        )
    }];
    match why.delay() {
        Some(delay) => parts.push(format!(
            "sanctions and prices push its first output from {} to {} ({} years late)",
            text::fixed(why.announced, 0),
            season(why.start),
            text::fixed(delay, 1)
        )),
        None => parts.push(format!("its first output comes in {}", season(why.start))),
    }
    let online = why.reached_by(TARGET_YEAR);
    if online <= 0.0 {
        parts.push(format!("so it produces nothing by {TARGET_YEAR}"));
    } else {
        parts.push(format!(
            "it runs at {} of nameplate once ramped and has reached {} of nameplate by {TARGET_YEAR}",
            percent(why.utilisation, 0),
            percent(online, 0)
        ));
    }
    if let Some(year) = why.constrained_from {
        parts.push(format!("feed limits its output from {year}"));
    }
    if let Some(year) = projection.russia[Stage::Mining as usize].first_constrained_year {
        parts.push(format!("reserves cap Russian mining from {year}"));
    }
    format!("Why: {}.", parts.join("; "))
}

/// China's 2030 separation share, in words.
pub fn china_text(projection: &Projection) -> String {
    let share = projection.share(TARGET_YEAR, Stage::Separation, Region::China);
    let base = projection.share(projection.base_year, Stage::Separation, Region::China);
    format!(
        "China would still separate {} of the world's rare earths in {TARGET_YEAR} ({} in {}).",
        percent(share, 1),
        percent(base, 1),
        projection.base_year
    )
}

/// When suppliers outside China and Russia pass [`TRUSTED_LEVEL`] of separation, in words.
pub fn trusted_text(projection: &Projection) -> String {
    match projection.first_year_trusted_reaches(Stage::Separation, TRUSTED_LEVEL) {
        Some(year) => format!(
            "Suppliers outside China and Russia pass {} of separation in {year}.",
            whole_percent(TRUSTED_LEVEL)
        ),
        None => format!(
            "Suppliers outside China and Russia do not reach {} of separation by {}.",
            whole_percent(TRUSTED_LEVEL),
            projection.last_year()
        ),
    }
}

/// "(reference: 4.1%, +0.8 points)" for a compared share, or nothing.
fn compared(now: f64, reference: Option<f64>) -> String {
    match reference {
        Some(then) => {
            let sign = if now - then >= 0.0 { "+" } else { "−" };
            format!(
                " Reference: {} ({sign}{} points).",
                percent(then, 1),
                text::points(now - then)
            )
        }
        None => String::new(),
    }
}

/// `#headline-probability`, with the raw probability in `data-value`.
fn probability_html(bands: Option<&MonteCarloResult>, fresh: bool) -> Html {
    match bands {
        Some(bands) => html! {
            <p id="headline-probability" data-value={text::shortest(bands.probability)}
                aria-busy={(!fresh).to_string()}>
                { probability_text(bands) }
            </p>
        },
        None => html! {
            <p id="headline-probability" aria-busy="true">{ "Working out the chance of reaching the target…" }</p>
        },
    }
}

/// The headline section `#headline`, announced politely to screen readers.
pub fn view(
    projection: &Projection,
    scenario: &Scenario,
    reference: Option<&Projection>,
    bands: Option<&MonteCarloResult>,
    fresh: bool,
) -> Html {
    let russia = projection.share(TARGET_YEAR, Stage::Separation, Region::Russia);
    let china = projection.share(TARGET_YEAR, Stage::Separation, Region::China);
    let trusted_year = projection.first_year_trusted_reaches(Stage::Separation, TRUSTED_LEVEL);
    let reference_share = |region: Region| {
        reference.map(|reference| reference.share(TARGET_YEAR, Stage::Separation, region))
    };
    let trusted_compare = reference.map(|reference| {
        match reference.first_year_trusted_reaches(Stage::Separation, TRUSTED_LEVEL) {
            Some(year) => format!(" Reference: {year}."),
            None => " Reference: not reached.".to_string(),
        }
    });
    html! {
        <section id="headline" class="headline" aria-live="polite" aria-labelledby="headline-heading">
            <h2 id="headline-heading" class="visually-hidden">{ "Headline numbers" }</h2>
            <p id="headline-russia" class="headline-main" data-value={text::shortest(russia)}>
                <span class="big">{ percent(russia, 1) }</span>
                { " " }{ russia_text(projection) }{ compared(russia, reference_share(Region::Russia)) }
            </p>
            <p id="headline-why" class="headline-why">{ russia_why(projection, scenario) }</p>
            <div class="headline-others">
                <p id="headline-china" data-value={text::shortest(china)}>
                    { china_text(projection) }{ compared(china, reference_share(Region::China)) }
                </p>
                { probability_html(bands, fresh) }
                <p id="headline-trusted" data-value={trusted_year.map_or_else(|| "none".to_string(), |year| year.to_string())}>
                    { trusted_text(projection) }{ trusted_compare.unwrap_or_default() }
                </p>
            </div>
        </section>
    }
}
