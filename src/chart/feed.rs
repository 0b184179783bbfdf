//! Russia's feed: the concentrate its separation needs per year, stacked as what its own mining
//! supplies, what it imports and what nobody supplies (separation that does not happen), with
//! its whole own mining as a line, in t REO a year (docs/MODEL.md, equation 9).

use super::frame::{self, Axes, Entry, LegendAt, Marker, Swatch, X_PAD};
use super::look::{region_colour, stage_colour, thousands, Look};
use super::{ChartInput, Drawn};
use crate::data::{Region, Stage};
use crate::projection::{Feed, Projection};
use plotters::coord::Shift;
use plotters::prelude::*;

/// One year's feed as the chart stacks it: own mining used, imported, unmet (t REO), each finite
/// and non-negative; their sum is the need.
pub(crate) fn parts(feed: &Feed) -> [f64; 3] {
    let need = frame::finite(feed.need).max(0.0);
    let own = frame::finite(feed.own).max(0.0).min(need);
    let imported = frame::finite(feed.imported).clamp(0.0, need - own);
    [own, imported, need - own - imported]
}

/// The feed of `projection`'s years, from its base year.
fn feeds(projection: &Projection) -> &[Feed] {
    &projection.russia_feed[..projection.years.min(projection.russia_feed.len())]
}

/// Draws Russia's feed per year, the pinned reference's need dashed.
pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    look: &Look,
) -> Drawn<DB> {
    let projection = input.projection;
    let colours = [
        stage_colour(Stage::Mining, look.theme),
        region_colour(Region::Other, look.theme),
        stage_colour(Stage::Magnets, look.theme),
    ];
    let own_line = Swatch::Line(look.text, 1.5, false, Marker::Circle);
    let legend = [
        Entry {
            label: "Unmet: separation lost",
            swatch: Swatch::Fill(colours[2]),
        },
        Entry {
            label: "Imported",
            swatch: Swatch::Fill(colours[1]),
        },
        Entry {
            label: "Own mining used",
            swatch: Swatch::Fill(colours[0]),
        },
        Entry {
            label: "Own mining, all",
            swatch: own_line,
        },
        Entry {
            label: "Pinned reference's need (dashed)",
            swatch: Swatch::Line(look.text, 1.5, true, Marker::None),
        },
    ];
    let shown = if input.reference.is_some() { 5 } else { 4 };
    let plot_area = frame::frame(
        area,
        look,
        "Russia's concentrate: own mining, imports, unmet",
        &legend[..shown],
        LegendAt::Top,
    )?;
    let top = std::iter::once(projection)
        .chain(input.reference)
        .flat_map(feeds)
        .map(|feed| frame::finite(feed.need).max(frame::finite(feed.own)))
        .fold(0.0, f64::max);
    let first = f64::from(projection.base_year);
    let last = f64::from(projection.last_year());
    let chart = frame::plot(
        &plot_area,
        look,
        &Axes {
            years: (first, last),
            y: (0.0, (top * 1.15).max(1_000.0)),
            y_labels: 6,
            y_format: &|value: &f64| thousands(*value),
            y_desc: "Concentrate (t REO a year)",
            x_grid: true,
            x_pad: X_PAD,
        },
    )?;
    let year = |index: usize| first + index as f64;
    let stacked: Vec<[f64; 3]> = feeds(projection).iter().map(parts).collect();
    // Top band first, each from zero to its cumulative top; the bands below paint over it.
    for band in (0..3).rev() {
        let mut points: Vec<(f64, f64)> = stacked
            .iter()
            .enumerate()
            .map(|(index, parts)| (year(index), parts[..=band].iter().sum()))
            .collect();
        points.push((year(stacked.len().saturating_sub(1)), 0.0));
        points.push((first, 0.0));
        chart.draw(&Polygon::new(points, colours[band].filled()))?;
    }
    let line = |projection: &Projection, value: fn(&Feed) -> f64| -> Vec<(f64, f64)> {
        feeds(projection)
            .iter()
            .enumerate()
            .map(|(index, feed)| (year(index), frame::finite(value(feed)).max(0.0)))
            .collect()
    };
    if let Some(reference) = input.reference {
        frame::line(
            &chart,
            look,
            &line(reference, |feed| feed.need),
            legend[4].swatch,
        )?;
    }
    frame::line(&chart, look, &line(projection, |feed| feed.own), own_line)?;
    Ok(frame::year_axis(&chart, look, (first, last)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{describe, to_svg, values, ChartKind};
    use crate::params::Param;
    use crate::scenario::Preset;
    use crate::simulate::simulate;

    #[test]
    fn parts_add_up_to_the_need_and_bad_numbers_are_nothing() {
        let feed = Feed {
            need: 10_000.0,
            own: 2_600.0,
            imported: 5_000.0,
            unfed_separation: 470.0,
            unfed_magnets: 0.0,
        };
        assert_eq!(parts(&feed), [2_600.0, 5_000.0, 2_400.0]);
        let broken = Feed {
            need: f64::NAN,
            own: -1.0,
            imported: f64::INFINITY,
            ..feed
        };
        assert_eq!(parts(&broken), [0.0, 0.0, 0.0]);
        // Own mining beyond the need supplies just the need.
        assert_eq!(
            parts(&Feed {
                own: 50_000.0,
                ..feed
            }),
            [10_000.0, 0.0, 0.0]
        );
    }

    #[test]
    fn the_chart_shows_the_feed_and_its_unmet_part() {
        let mut scenario = Preset::find("kremlin-2030")
            .map(Preset::scenario)
            .unwrap_or_default();
        scenario.set(Param::RuFeedImports, 0.0);
        scenario.set(Param::SanctionsMiningFactor, 1.0);
        let starved = simulate(&scenario);
        let input = ChartInput::new(&starved, Stage::Separation);
        let svg = to_svg(ChartKind::Feed, &input, 800, 450);
        assert!(svg.contains("Russia&apos;s concentrate") || svg.contains("Russia's concentrate"));
        assert!(svg.contains("Concentrate (t REO a year)"));
        let caption = describe(ChartKind::Feed, &input);
        assert!(
            caption.contains("Separation that lacks feed does not happen"),
            "{caption}"
        );
        let hover = values(ChartKind::Feed, &input, 2031).unwrap_or_default();
        assert!(hover.starts_with("2031\nNeed "), "{hover}");
        assert!(hover.contains(" t REO\nOwn mining "), "{hover}");
        // The unmet part is the lost separation in concentrate.
        let index = usize::from(2031 - starved.base_year);
        let unmet = parts(&starved.russia_feed[index])[2];
        assert!(unmet > 100.0, "{unmet}");
        assert!(
            hover.contains(&format!("Unmet {} t REO", thousands(unmet))),
            "{hover}"
        );
    }
}
