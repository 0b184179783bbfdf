//! The command line's `table` output: a readable summary that tells each stage's story and why.

use ree_outlook::data::{Region, Stage};
use ree_outlook::explain::{HeavyWhy, Limit, RussiaWhy};
use ree_outlook::params::Param;
use ree_outlook::projection::{Projection, RUSSIA_TARGETS, TARGET_YEAR};
use ree_outlook::scenario::Scenario;
use ree_outlook::state::LinkState;
use ree_outlook::text::{self, percent};
use ree_outlook::url;

/// Years shown in the summary rows (those inside the projection), plus the last year.
const SHOWN_YEARS: [u16; 5] = [2024, 2028, 2030, 2035, 2040];

/// The whole summary for one scenario.
pub fn story(state: &LinkState, projection: &Projection) -> String {
    let preset = state.preset();
    let mut text = format!(
        "Rare-Earth Outlook: {} (preset {}), {}–{}\n",
        preset.title,
        preset.id,
        projection.base_year,
        projection.last_year()
    );
    let changed = state.scenario.differences(&preset.scenario());
    if changed.is_empty() {
        text.push_str("Parameters: as the preset sets them.\n");
    } else {
        let list: Vec<String> = changed
            .iter()
            .map(|param| {
                let spec = param.spec();
                format!(
                    "{} {} (preset {})",
                    spec.key,
                    spec.display(state.scenario.get(*param)),
                    spec.display(preset.scenario().get(*param))
                )
            })
            .collect();
        text.push_str(&wrap(
            &format!("Changed from the preset: {}.", list.join(", ")),
            90,
            "",
        ));
    }
    text.push_str(&format!("Link: #{}\n", url::encode(state)));
    text.push_str(&wrap(&money(state, projection), 90, ""));

    let years: Vec<u16> = shown_years(projection);
    for stage in Stage::ALL {
        text.push('\n');
        text.push_str(&stage_story(state, projection, stage, &years));
    }
    text
}

/// The summary years inside the projection, with the last year added if it is not one of them.
fn shown_years(projection: &Projection) -> Vec<u16> {
    let last = projection.last_year();
    let mut years: Vec<u16> = SHOWN_YEARS
        .into_iter()
        .filter(|year| projection.year_range().contains(year))
        .collect();
    if !years.contains(&last) {
        years.push(last);
    }
    years
}

/// One stage: a small table of shares and HHI, Russia's 2030 gap, and why.
fn stage_story(state: &LinkState, projection: &Projection, stage: Stage, years: &[u16]) -> String {
    let mut text = format!("== {} ({}) ==\n", stage.label(), stage.unit());
    text.push_str(&format!("{:<16}", ""));
    for year in years {
        text.push_str(&format!("{year:>9}"));
    }
    text.push('\n');
    let row = |label: &str, pick: &dyn Fn(u16) -> String| {
        let mut line = format!("{label:<16}");
        for year in years {
            line.push_str(&format!("{:>9}", pick(*year)));
        }
        line.push('\n');
        line
    };
    let cell = |year: u16| projection.get(year, stage);
    text.push_str(&row("Russia share", &|year| {
        percent(projection.share(year, stage, Region::Russia), 1)
    }));
    text.push_str(&row("China share", &|year| {
        percent(projection.share(year, stage, Region::China), 1)
    }));
    text.push_str(&row("Trusted share", &|year| {
        cell(year).map_or_else(String::new, |cell| percent(cell.trusted_share, 1))
    }));
    text.push_str(&row("HHI", &|year| {
        cell(year).map_or_else(String::new, |cell| text::fixed(cell.hhi, 0))
    }));

    let russia_2030 = projection.share(TARGET_YEAR, stage, Region::Russia);
    let gaps: Vec<String> = RUSSIA_TARGETS
        .iter()
        .map(|target| {
            let gap = (target - russia_2030) * 100.0;
            if gap > 0.0 {
                format!(
                    "{} points short of {}",
                    text::fixed(gap, 1),
                    percent(*target, 1)
                )
            } else {
                format!(
                    "meets {} ({} points over)",
                    percent(*target, 1),
                    text::fixed(-gap, 1)
                )
            }
        })
        .collect();
    text.push_str(&format!(
        "Russia {TARGET_YEAR}: {} of world {}; {}.\n",
        percent(russia_2030, 1),
        stage.label().to_ascii_lowercase(),
        gaps.join(", ")
    ));
    if stage == Stage::Separation {
        text.push_str(&wrap(&products(projection, &state.scenario), 90, ""));
    }
    text.push_str(&wrap(&why(state, projection, stage), 90, ""));
    text
}

/// Separation's two products in the target year: who makes the light (Nd, Pr) and the heavy
/// (Dy, Tb) oxides, how much magnet making outside China relies on China's Dy and Tb, and, when its
/// ore holds Russia's heavy product back ([`HeavyWhy`]), why.
fn products(projection: &Projection, scenario: &Scenario) -> String {
    let Some(index) = TARGET_YEAR
        .checked_sub(projection.base_year)
        .map(usize::from)
        .filter(|index| *index < projection.years)
    else {
        return String::new();
    };
    let light = projection.product(index, false);
    let heavy = projection.product(index, true);
    let (russia, china) = (Region::Russia as usize, Region::China as usize);
    let magnets = projection
        .get(TARGET_YEAR, Stage::Magnets)
        .map_or(0.0, |cell| {
            cell.output.iter().sum::<f64>() - cell.output[china]
        });
    let on_china = projection.heavy[index].magnets_on_china;
    let why = HeavyWhy::of(projection, scenario);
    let held = match why.limit() {
        Some(_) => format!(
            " Russia's heavy share is below its light share: its separation runs on loparite, which yields light rare earths only, and Tomtor's heavy ore is {}; what holds its heavy product back in {TARGET_YEAR}: heavy supply.",
            why.tomtor_words()
        ),
        None => String::new(),
    };
    format!(
        "Products {TARGET_YEAR}: light (Nd, Pr) Russia {}, China {}; heavy (Dy, Tb) Russia {}, China {}. Magnets made outside China that rely on China's Dy and Tb: {} t of {} t ({}).{held}",
        percent(light.share[russia], 1),
        percent(light.share[china], 1),
        percent(heavy.share[russia], 1),
        percent(heavy.share[china], 1),
        thousands(on_china),
        thousands(magnets),
        percent(if magnets > 0.0 { on_china / magnets } else { 0.0 }, 0)
    )
}

/// Why Russia lands where it does at this stage: programme size, start, utilisation, constraints
/// (the facts from [`RussiaWhy`], in the stage's unit).
fn why(state: &LinkState, projection: &Projection, stage: Stage) -> String {
    let why = RussiaWhy::of(projection, &state.scenario, stage);
    let start = match why.delay() {
        Some(delay) => format!(
            "starting {} instead of the planned {} ({} years of sanctions and price delay)",
            text::fixed(why.start, 1),
            text::fixed(why.announced, 0),
            text::fixed(delay, 1)
        ),
        None => format!("starting as planned in {}", text::fixed(why.start, 0)),
    };
    let constraint = match (why.constrained_from, stage) {
        (Some(year), Stage::Mining) => format!(
            "reserves (mining capped at {} t REO a year) first held Russia's output down in {year}",
            thousands(projection.russia_reserve_cap)
        ),
        (Some(year), _) => format!(
            "feed (domestic concentrate plus imports) first held Russia's output down in {year}"
        ),
        (None, Stage::Mining) => format!(
            "reserves never bind (cap {} t REO a year)",
            thousands(projection.russia_reserve_cap)
        ),
        (None, _) => "feed never binds".to_string(),
    };
    // The programme counts at its odds of being built (1 at face value).
    let bought = if why.nameplate < why.ambition {
        format!(
            " of the {} its ambition asks for (the money runs short)",
            thousands(why.ambition)
        )
    } else {
        String::new()
    };
    let size = if why.is_risked() {
        format!(
            "is sized for {} {} a year of nameplate{bought} and {} ({} expected)",
            thousands(why.nameplate),
            stage.unit(),
            why.odds_clause(),
            thousands(why.nameplate * why.odds)
        )
    } else {
        format!(
            "adds {} {} a year of nameplate{bought}",
            thousands(why.nameplate),
            stage.unit()
        )
    };
    let limit = match why.binding_limit() {
        Some(Limit::Money) => "the money",
        Some(Limit::Feed) => "feed",
        Some(Limit::Sanctions) => "sanctions and prices (a later start, lower utilisation)",
        Some(Limit::Ramp) => "the ramp (plants not yet at nameplate)",
        Some(Limit::HeavySupply) => "heavy supply",
        None => "nothing",
    };
    let heavy = if why.heavy_from_china > 0.0 {
        format!(
            " Its magnets' dysprosium and terbium come from China ({} of what they need in {TARGET_YEAR}){}.",
            percent(why.heavy_from_china, 0),
            if state.scenario.get(Param::RuTomtorHeavy) > 0.0 {
                ""
            } else {
                ": loparite yields light rare earths only"
            }
        )
    } else {
        String::new()
    };
    format!(
        "Why: Russia's programme {}, {}, running at {} once ramped over {} years; {}. What holds it furthest below its ambition in {TARGET_YEAR}: {limit}.{heavy}",
        size,
        start,
        percent(why.utilisation, 1),
        text::shortest(why.ramp_years),
        constraint
    )
}

/// One sentence on the money: what it buys of the ambition and what 10% and 12% cost (`--budget` has the table).
fn money(state: &LinkState, projection: &Projection) -> String {
    let budget = &projection.budget;
    let bn = |value: f64| format!("${}bn", text::fixed(value, 2));
    format!(
        "Money: {} for rare earths ({} of the {} hub) buys {} of the nameplate the {} ambition asks for, which costs {} with a {} sanctions premium on capital; 10% in {TARGET_YEAR} takes {} at benchmark capex and {} with the premium, 12% {} and {} (see --budget).",
        bn(budget.money_bn),
        percent(state.scenario.get(Param::RuBudgetShare), 0),
        bn(state.scenario.get(Param::RuBudget)),
        percent(budget.funded, 0),
        percent(state.scenario.get(Param::RuPlanShare), 1),
        bn(budget.ambition_cost_bn),
        percent(budget.premium, 0),
        bn(budget.cost_bn[0]),
        bn(budget.cost_with_premium_bn[0]),
        bn(budget.cost_bn[1]),
        bn(budget.cost_with_premium_bn[1])
    )
}

/// A tonnage with thousands separators ("12,345", [`text::thousands`]), or "no" for a cap that is
/// not a number.
fn thousands(value: f64) -> String {
    if value.is_finite() {
        text::thousands(value)
    } else {
        "no".to_string()
    }
}

/// `text` wrapped at `width` columns, each line starting with `indent`, ending with a newline.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::from(indent);
    for word in text.split_whitespace() {
        if line.len() > indent.len() && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line = String::from(indent);
        }
        if line.len() > indent.len() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0.0), "0");
        assert_eq!(thousands(999.4), "999");
        assert_eq!(thousands(1234.0), "1,234");
        assert_eq!(thousands(-1_234_567.0), "-1,234,567");
        assert_eq!(thousands(f64::INFINITY), "no");
    }

    #[test]
    fn wrap_breaks_at_the_width() {
        assert_eq!(wrap("aa bb cc", 5, ""), "aa bb\ncc\n");
        assert_eq!(wrap("aa bb", 10, "  "), "  aa bb\n");
    }
}
